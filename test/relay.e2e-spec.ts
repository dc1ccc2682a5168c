import { spawnSync } from 'node:child_process';
import { jest } from '@jest/globals';
import { pb, ReasonCode, topics } from '#libs/contracts';
import { BusAccessDeniedError, listBusDenials, type MessageBus } from '#libs/bus';
import { buildEnvelope, encodeEnvelope, type OutgoingMessage } from '#libs/relay';
import { freshTopology, LocalNetwork } from '#libs/testing';
import { listMessages, roundTrip, postJson } from '../tools/network/round-trip.js';
import { actAs, busAs, deadLetters, eventually, recipientFromPki } from './support.js';


// Each test drives real processes; kills and restarts take seconds.
jest.setTimeout(180_000);

let net: LocalNetwork;
let a1Bus: MessageBus;

beforeAll(async () => {
  net = await LocalNetwork.start({ topology: await freshTopology('e2e-relay'), env: { DATANET_LOG_LEVEL: 'warn' } });
  a1Bus = busAs(net, 'a1', 'a');
});

afterAll(async () => {
  await a1Bus?.close();
  await net?.stop();
});

const text = (body: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ type: 'text', sessionId: 'e2e', contentType: 'text/plain', body: Buffer.from(body), ttlMs: 60_000, ...over });

/** Publishes an envelope onto hub-a's ingress as participant a1 (with a1's own bus credentials). */
async function publishAsA1(bytes: Uint8Array): Promise<void> {
  await a1Bus.publish(topics.hubIngress('hub-a'), [{ key: 'e2e', value: bytes }]);
}

async function expectDeadLetter(code: ReasonCode, messageId?: string): Promise<void> {
  await eventually(async () => (await deadLetters(net, 'hub-a', code)).find((d) => !messageId || d.messageId === messageId), 15_000, `${code} dead letter`);
}

describe('the 2-subnet network as real processes', () => {
  it('relays a signed, end-to-end-encrypted message a1 -> hub-a -> hub-b -> b1 and the reply back, in one trace', async () => {
    const rt = await roundTrip(net.url('a1'), net.url('b1'), 'b1', 'across subnets');
    expect(rt.ping.source).toBe('a1');
    expect(rt.ping.route).toEqual(['hub-a', 'hub-b']);
    expect(rt.ping.decoded?.text).toBe('across subnets');
    expect(rt.pong.source).toBe('b1');
    expect(rt.pong.route).toEqual(['hub-b', 'hub-a']);
    expect(rt.pong.decoded?.text).toBe('pong: across subnets');
    expect(rt.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(rt.ping.traceId).toBe(rt.traceId);
    expect(rt.pong.traceId).toBe(rt.traceId);
  });

  it('relays within one subnet through the hub only (a2 -> hub-a -> a1)', async () => {
    const rt = await roundTrip(net.url('a2'), net.url('a1'), 'a1', 'same subnet');
    expect(rt.ping.route).toEqual(['hub-a']);
  });

  it('delivers every message exactly once to a receiver killed -9 mid-stream and restarted', async () => {
    const sender = net.url('a2');
    const ids: string[] = [];
    const sendSome = async (n: number, from: number): Promise<void> => {
      for (let i = from; i < from + n; i++) {
        const r = await postJson<{ messageId: string }>(`${sender}/v1/messages`, { target: 'b2', body: `m${i}`, sessionId: 'stream' });
        expect(r.status).toBe(202);
        ids.push(r.json.messageId);
      }
    };
    await sendSome(20, 0);
    await net.kill('b2', 'SIGKILL');
    await sendSome(30, 20);
    await net.startNode('b2');
    const got = await eventually(async () => {
      const all = await listMessages(net.url('b2'), 'text');
      return all.filter((m) => m.sessionId === 'stream').length >= ids.length ? all : undefined;
    }, 60_000, 'all 50 messages at b2');
    const stream = got.filter((m) => m.sessionId === 'stream');
    expect(stream.map((m) => m.messageId).sort()).toEqual([...ids].sort());
    expect(new Set(stream.map((m) => m.messageId)).size).toBe(stream.length);
    // One session, one key, one partition: the order is kept end to end.
    expect(stream.map((m) => m.body)).toEqual(ids.map((_, i) => `m${i}`));
  });

  it('rejects a tampered payload with PAYLOAD_DIGEST_MISMATCH and records it', async () => {
    const built = buildEnvelope(actAs(net, 'a1', 'hub-a'), recipientFromPki(net, 'b1', 'hub-b'), text('tamper me'), Date.now());
    const e = pb.Envelope.decode(built.bytes);
    const payload = Buffer.from(e.payload);
    payload[10] = (payload[10] ?? 0) ^ 0xff;
    await publishAsA1(encodeEnvelope({ ...e, payload }));
    await expectDeadLetter(ReasonCode.PayloadTampered, built.messageId);
  });

  it('rejects a forged signature with SIGNATURE_INVALID', async () => {
    const built = buildEnvelope(actAs(net, 'a1', 'hub-a'), recipientFromPki(net, 'b1', 'hub-b'), text('forged'), Date.now());
    const e = pb.Envelope.decode(built.bytes);
    await publishAsA1(encodeEnvelope({ ...e, signature: actAs(net, 'a2', 'hub-a').signingKey.sign(e.header) }));
    await expectDeadLetter(ReasonCode.SignatureInvalid, built.messageId);
  });

  it('rejects an expired envelope with ENVELOPE_EXPIRED', async () => {
    const built = buildEnvelope(actAs(net, 'a1', 'hub-a'), recipientFromPki(net, 'b1', 'hub-b'), text('old', { ttlMs: 1_000 }), Date.now() - 120_000);
    await publishAsA1(built.bytes);
    await expectDeadLetter(ReasonCode.Expired, built.messageId);
  });

  it('rejects a replayed envelope, also after a kill -9 and restart of the hub, with ENVELOPE_REPLAYED', async () => {
    const built = buildEnvelope(actAs(net, 'a1', 'hub-a'), recipientFromPki(net, 'b1', 'hub-b'), text('once only', { sessionId: 'replay' }), Date.now());
    await publishAsA1(built.bytes);
    await eventually(async () => (await listMessages(net.url('b1'), 'text')).find((m) => m.messageId === built.messageId), 15_000, 'first copy at b1');
    await publishAsA1(built.bytes);
    await expectDeadLetter(ReasonCode.Replayed, built.messageId);
    const before = (await deadLetters(net, 'hub-a', ReasonCode.Replayed)).filter((d) => d.messageId === built.messageId).length;
    await net.kill('hub-a', 'SIGKILL');
    await net.startNode('hub-a');
    await publishAsA1(built.bytes);
    await eventually(async () => {
      const n = (await deadLetters(net, 'hub-a', ReasonCode.Replayed)).filter((d) => d.messageId === built.messageId).length;
      return n > before ? n : undefined;
    }, 15_000, 'replay after restart');
    expect((await listMessages(net.url('b1'), 'text')).filter((m) => m.messageId === built.messageId)).toHaveLength(1);
  });

  it('rejects a sender the hub did not admit (revoked) with SENDER_NOT_ADMITTED', async () => {
    // a2's certificate is genuine, but the operator revokes a2 at hub-a.
    const res = await fetch(`${net.url('hub-a')}/v1/operator/participants/a2/revoke`, { method: 'POST', headers: { authorization: `Bearer ${net.adminToken}` } });
    expect(res.status).toBe(200);
    const built = buildEnvelope(actAs(net, 'a2', 'hub-a'), recipientFromPki(net, 'b1', 'hub-b'), text('from a revoked sender'), Date.now());
    await publishAsA1(built.bytes);
    await expectDeadLetter(ReasonCode.SenderNotAdmitted, built.messageId);
  });

  it('refuses, on the bus itself, a participant reading another participant\'s inbox (BUS_ACL_DENIED, recorded)', async () => {
    const b2Bus = busAs(net, 'b2', 'b');
    try {
      await expect(b2Bus.subscribe({ groupId: 'snoop', topics: [topics.inbox('b1')], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);
    } finally {
      await b2Bus.close();
    }
    const denials = await listBusDenials(net.adminUrl.replace(/\/postgres$/, '/datanet_bus'), 'bus_b');
    expect(denials.some((d) => d.principal === 'b2' && d.topic === topics.inbox('b1') && d.reasonCode === 'BUS_ACL_DENIED')).toBe(true);
  });

  it('keeps hubs blind: no relayed record on any bus holds the plaintext', async () => {
    const marker = `canary-${Date.now()}-e2e`;
    const rt = await roundTrip(net.url('a1'), net.url('b1'), 'b1', marker);
    expect(rt.ping.decoded?.text).toBe(marker);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: net.adminUrl.replace(/\/postgres$/, '/datanet_bus') });
    await client.connect();
    try {
      for (const schema of ['bus_a', 'bus_b']) {
        const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.records WHERE position($1::bytea in value) > 0`, [Buffer.from(marker)]);
        expect(r.rows[0]?.n).toBe(0);
      }
    } finally {
      await client.end();
    }
  });

  it('refuses bad admission requests with distinct codes', async () => {
    const bad = await postJson<{ error: { code: string } }>(`${net.url('hub-a')}/v1/admission`, { participantId: 'a1', enrollmentToken: 'v1.a1.1.AAAA', signingPublicKey: 'AAAA', keyAgreementPublicKey: 'AAAA', requestedAtMs: Date.now(), proof: 'AAAA' });
    expect(bad.status).toBe(401);
    expect(bad.json.error.code).toBe('TOKEN_BAD_MAC');
    const invalid = await postJson<{ error: { code: string } }>(`${net.url('hub-a')}/v1/admission`, { participantId: 'A1!' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('a service refuses to boot on bad configuration and names the variable', () => {
    const r = spawnSync(process.execPath, ['dist/apps/hub/src/main.js'], { env: { PATH: process.env.PATH, DATANET_NODE_ID: 'hub-a', DATANET_TOPOLOGY_FILE: net.topologyFile, DATANET_DATABASE_URL: 'mysql://nope', DATANET_PKI_DIR: '/tmp', DATANET_HTTP_PORT: 'eighty' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATANET_DATABASE_URL');
    expect(r.stderr).toContain('DATANET_HTTP_PORT');
  });
});
