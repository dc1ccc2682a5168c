/** Client side of the demo round trip, shared by the launcher, the e2e tests and the relay benchmark. */

export interface InboxMessage {
  seq: string;
  messageId: string;
  source: string;
  type: string;
  sessionId: string;
  body: string;
  decoded?: { text?: string; inReplyTo?: string; pingSentAtMs?: number; sentAtMs?: number };
  traceId: string | null;
  route: string[];
  issuedAt: string;
  receivedAt: string;
}

export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  return { status: res.status, json: (await res.json()) as T };
}

export async function sendPing(participantUrl: string, target: string, text: string): Promise<{ messageId: string; sessionId: string; traceId: string | null }> {
  const r = await postJson<{ messageId: string; sessionId: string; traceId: string | null; error?: { code: string; message: string } }>(`${participantUrl}/v1/ping`, { target, text });
  if (r.status !== 202) throw new Error(`ping refused: ${r.status} ${r.json.error?.code ?? ''} ${r.json.error?.message ?? ''}`);
  return r.json;
}

/** Polls a participant's inbox until `match` finds a message, or times out. */
export async function waitForMessage(participantUrl: string, match: (m: InboxMessage) => boolean, timeoutMs: number, pollMs = 25): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  let after: string | null = null;
  while (Date.now() < deadline) {
    const q: string = after ? `?after=${after}&limit=1000` : '?limit=1000';
    const res = await fetch(`${participantUrl}/v1/messages${q}`, { signal: AbortSignal.timeout(5_000) });
    const page = (await res.json()) as { messages: InboxMessage[]; next: string | null };
    const hit = page.messages.find(match);
    if (hit) return hit;
    after = page.next ?? after;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`no matching message at ${participantUrl} within ${timeoutMs} ms`);
}

export async function listMessages(participantUrl: string, type?: string): Promise<InboxMessage[]> {
  const out: InboxMessage[] = [];
  let after: string | null = null;
  for (;;) {
    const q = new URLSearchParams({ limit: '1000', ...(after ? { after } : {}), ...(type ? { type } : {}) });
    const page = (await (await fetch(`${participantUrl}/v1/messages?${q.toString()}`)).json()) as { messages: InboxMessage[]; next: string | null };
    out.push(...page.messages);
    if (page.messages.length < 1000) return out;
    after = page.next;
  }
}

export interface RoundTrip {
  readonly ping: InboxMessage;
  readonly pong: InboxMessage;
  readonly roundTripMs: number;
  readonly traceId: string | null;
}

/** A -> hub -> (hub ->) B: ping; B answers with a pong the same way back. */
export async function roundTrip(fromUrl: string, toUrl: string, target: string, text: string, timeoutMs = 15_000): Promise<RoundTrip> {
  const started = Date.now();
  const sent = await sendPing(fromUrl, target, text);
  const pong = await waitForMessage(fromUrl, (m) => m.type === 'demo.pong' && m.decoded?.inReplyTo === sent.messageId, timeoutMs);
  const roundTripMs = Date.now() - started;
  const ping = await waitForMessage(toUrl, (m) => m.messageId === sent.messageId, timeoutMs);
  return { ping, pong, roundTripMs, traceId: sent.traceId };
}
