import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBus, type MessageBus } from '#libs/bus';
import { pemToDer, SigningKey } from '#libs/crypto';
import type { LocalNetwork } from '#libs/testing';
import type { RecipientKey, SenderIdentity } from '#libs/relay';

/** The test acts as a participant with that participant's own key material and bus credentials. */
export function actAs(net: LocalNetwork, nodeId: string, hubId: string): SenderIdentity {
  const dir = net.pkiDir(nodeId);
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const der = (pem: string): Uint8Array => pemToDer(pem, 'CERTIFICATE') ?? new Uint8Array();
  return { nodeId, hubId, signingKey: SigningKey.fromPkcs8Pem(read('signing.key')), chainDer: [der(read('signing.crt')), der(read('issuer.crt'))] };
}

export function recipientFromPki(net: LocalNetwork, nodeId: string, hubId: string): RecipientKey {
  return { nodeId, hubId, keyAgreementKey: createPublicKey(readFileSync(join(net.pkiDir(nodeId), 'kex.crt'), 'utf8')) };
}

export function busAs(net: LocalNetwork, nodeId: string, subnet: string): MessageBus {
  return createBus({ adapter: 'postgres', principal: nodeId.replace(/-/g, '_'), maxMessageBytes: 1024 * 1024, postgres: { url: net.connection(nodeId).busDatabaseUrl, schema: `bus_${subnet}` } });
}

export interface DeadLetterView {
  reasonCode: string;
  messageId: string | null;
  source: string | null;
}

export async function deadLetters(net: LocalNetwork, hubId: string, reason?: string): Promise<DeadLetterView[]> {
  const q = reason ? `?reason=${reason}&limit=1000` : '?limit=1000';
  const res = await fetch(`${net.url(hubId)}/v1/operator/dead-letters${q}`, { headers: { authorization: `Bearer ${net.adminToken}` } });
  if (!res.ok) throw new Error(`dead letters: ${res.status}`);
  return ((await res.json()) as { deadLetters: DeadLetterView[] }).deadLetters;
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Places an order at a hub exactly as the participant's API does: a request signed with the participant's key. */
export async function placeOrder(net: LocalNetwork, participantId: string, hubId: string, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> & { error?: { code: string } } }> {
  const { signRequest } = await import('#libs/identity');
  const me = actAs(net, participantId, hubId);
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', ...signRequest({ nodeId: participantId, sign: (d) => me.signingKey.sign(d) }, 'POST', '/v1/market/orders', text, Date.now()) };
  const res = await fetch(`${net.url(hubId)}/v1/market/orders`, { method: 'POST', headers, body: text });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
}

export async function operatorGet<T>(net: LocalNetwork, hubId: string, path: string): Promise<T> {
  const res = await fetch(`${net.url(hubId)}${path}`, { headers: { authorization: `Bearer ${net.adminToken}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}
