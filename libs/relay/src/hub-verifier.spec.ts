import { pb, ReasonCode, topics } from '#libs/contracts';
import { encodeEnvelope } from './envelope-codec.js';
import { HubVerifier, type Arrival, type HubRelayPolicy } from './hub-verifier.js';
import type { Clock } from './ports.js';
import { receiveEnvelope } from './receiver.js';
import { buildEnvelope, type OutgoingMessage } from './sender.js';
import { MemoryNonceStore, stampEnvelope } from './stamp.js';
import { makeTestNetwork, type TestNetwork } from './test-network.js';
import { CaTrust } from './trust.js';

const NOW = Date.now();
const clock: Clock = { nowMs: () => NOW };
const time = { maxTtlMs: 300_000, clockSkewMs: 30_000 };
const msg = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ type: 'text', sessionId: 's-1', contentType: 'text/plain', body: Buffer.from('confidential 4242'), ttlMs: 60_000, ...over });

let net: TestNetwork;
let rogue: TestNetwork;

beforeAll(async () => {
  net = await makeTestNetwork('testnet', { 'hub-a': ['a1', 'a2', 'a3'], 'hub-b': ['b1'] });
  rogue = await makeTestNetwork('roguenet', { 'hub-a': ['a1'] });
});

/** A hub as the relay sees it: a1, a2 and b1 admitted; a3 holds a certificate but was revoked. */
function hub(hubId: 'hub-a' | 'hub-b', nonces = new MemoryNonceStore()): HubVerifier {
  const admitted: Record<string, string[]> = { 'hub-a': ['a1', 'a2'], 'hub-b': ['b1'] };
  const policy: HubRelayPolicy = {
    hubId,
    ...time,
    isPeerHub: (id) => id !== hubId && (id === 'hub-a' || id === 'hub-b'),
    senderAdmitted: async (identity) => identity.issuerId === hubId && (admitted[hubId] ?? []).includes(identity.nodeId),
    localTarget: async (id) => (admitted[hubId] ?? []).includes(id),
  };
  return new HubVerifier(policy, new CaTrust(net.caCertPem), nonces, clock);
}

function p(id: string) {
  const x = net.participants[id];
  if (!x) throw new Error(id);
  return x;
}

const send = (from: string, to: string, over: Partial<OutgoingMessage> = {}, at = NOW): Uint8Array => buildEnvelope(p(from).sender, p(to).recipient, msg(over), at).bytes;

async function expectReject(bytes: Uint8Array, code: ReasonCode, at: 'hub-a' | 'hub-b' = 'hub-a', arrival: Arrival = 'ingress'): Promise<void> {
  const d = await hub(at).decide(bytes, arrival, `t/0/${Math.random()}`);
  expect(d.action).toBe('reject');
  expect(d.action === 'reject' && d.code).toBe(code);
}

describe('hub relay verification', () => {
  it('forwards a1 -> b1 to hub-b, which delivers to b1, who opens it', async () => {
    const bytes = send('a1', 'b1');
    const atA = await hub('hub-a').decide(bytes, 'ingress', 'hub.hub-a.ingress/0/1');
    expect(atA.action).toBe('forward');
    if (atA.action !== 'forward') return;
    expect(atA.topic).toBe(topics.hubPeer('hub-b'));
    const hubA = net.hubs['hub-a']!;
    const relayed = stampEnvelope(atA.envelope, hubA, NOW);
    const atB = await hub('hub-b').decide(relayed, 'peer', 'hub.hub-b.peer/0/1');
    expect(atB.action).toBe('deliver');
    if (atB.action !== 'deliver') return;
    expect(atB.topic).toBe(topics.inbox('b1'));
    const delivered = stampEnvelope(atB.envelope, net.hubs['hub-b']!, NOW);
    const r = await receiveEnvelope(delivered, { nodeId: 'b1', hubId: 'hub-b', keyAgreementPrivateKey: p('b1').keyAgreementPrivateKey }, new CaTrust(net.caCertPem), clock, time);
    expect(r.ok && Buffer.from(r.body).toString()).toBe('confidential 4242');
  });

  it('delivers same-subnet traffic a1 -> a2 directly', async () => {
    const d = await hub('hub-a').decide(send('a1', 'a2'), 'ingress', 'x/0/1');
    expect(d.action === 'deliver' && d.topic).toBe(topics.inbox('a2'));
  });

  it('hubs relay ciphertext only: the plaintext is not in the envelope bytes', () => {
    expect(Buffer.from(send('a1', 'b1')).includes(Buffer.from('confidential 4242'))).toBe(false);
  });

  it('rejects garbage as ENVELOPE_MALFORMED', () => expectReject(new Uint8Array([1, 2, 3, 4]), ReasonCode.MalformedEnvelope));

  it('rejects a tampered payload with PAYLOAD_DIGEST_MISMATCH', async () => {
    const e = pb.Envelope.decode(send('a1', 'b1'));
    const payload = Buffer.from(e.payload);
    payload[payload.length - 1] = (payload[payload.length - 1] ?? 0) ^ 1;
    await expectReject(encodeEnvelope({ ...e, payload }), ReasonCode.PayloadTampered);
  });

  it('rejects a tampered header with SIGNATURE_INVALID', async () => {
    const e = pb.Envelope.decode(send('a1', 'b1'));
    const h = pb.EnvelopeHeader.decode(e.header);
    h.metadata = { injected: 'yes' };
    await expectReject(encodeEnvelope({ ...e, header: pb.EnvelopeHeader.encode(h).finish() }), ReasonCode.SignatureInvalid);
  });

  it('rejects a forged signature (a2 signs, presenting a1\'s certificate) with SIGNATURE_INVALID', async () => {
    const e = pb.Envelope.decode(send('a1', 'b1'));
    await expectReject(encodeEnvelope({ ...e, signature: p('a2').sender.signingKey.sign(e.header) }), ReasonCode.SignatureInvalid);
  });

  it('rejects a header claiming another source with SOURCE_MISMATCH', async () => {
    const forged = buildEnvelope({ ...p('a2').sender, nodeId: 'a1' }, p('b1').recipient, msg(), NOW).bytes;
    await expectReject(forged, ReasonCode.SourceMismatch);
  });

  it('rejects an expired envelope, a future one, and an over-long lifetime', async () => {
    await expectReject(send('a1', 'b1', { ttlMs: 1_000 }, NOW - 120_000), ReasonCode.Expired);
    await expectReject(send('a1', 'b1', {}, NOW + 3_600_000), ReasonCode.NotYetValid);
    await expectReject(send('a1', 'b1', { ttlMs: 3_600_000 }), ReasonCode.TtlTooLong);
  });

  it('rejects a replay at another bus position, and lets a redelivery at the same position through', async () => {
    const nonces = new MemoryNonceStore();
    const bytes = send('a1', 'b1');
    expect((await hub('hub-a', nonces).decide(bytes, 'ingress', 'in/0/7')).action).toBe('forward');
    const again = await hub('hub-a', nonces).decide(bytes, 'ingress', 'in/0/7');
    expect(again.action === 'forward' && again.redelivery).toBe(true);
    const replay = await hub('hub-a', nonces).decide(bytes, 'ingress', 'in/1/99');
    expect(replay.action === 'reject' && replay.code).toBe(ReasonCode.Replayed);
  });

  it('rejects a sender whose certificate chains to another CA with CERT_CHAIN_INVALID', async () => {
    const outsider = rogue.participants.a1!;
    await expectReject(buildEnvelope(outsider.sender, p('b1').recipient, msg(), NOW).bytes, ReasonCode.CertChainInvalid);
  });

  it('rejects a participant the hub did not admit (revoked a3) with SENDER_NOT_ADMITTED', () => expectReject(send('a3', 'a1'), ReasonCode.SenderNotAdmitted));

  it('rejects a participant certified by another hub sending through this one', async () => {
    await expectReject(send('b1', 'a1'), ReasonCode.RouteNotAllowed, 'hub-a');
  });

  it('rejects peer traffic without the previous hub\'s stamp with HOP_STAMP_INVALID', async () => {
    await expectReject(send('a1', 'b1'), ReasonCode.HopInvalid, 'hub-b', 'peer');
  });

  it('rejects a stamp made by the wrong hub with HOP_STAMP_INVALID', async () => {
    const e = pb.Envelope.decode(send('a1', 'b1'));
    const byB = stampEnvelope(e, { ...net.hubs['hub-b']!, hubId: 'hub-a' }, NOW);
    await expectReject(byB, ReasonCode.HopInvalid, 'hub-b', 'peer');
  });

  it('rejects an unknown target with TARGET_UNKNOWN', async () => {
    const toA3 = buildEnvelope(p('a1').sender, p('a3').recipient, msg(), NOW).bytes;
    await expectReject(toA3, ReasonCode.TargetUnknown);
  });
});

describe('recipient checks', () => {
  const self = () => ({ nodeId: 'b1', hubId: 'hub-b', keyAgreementPrivateKey: p('b1').keyAgreementPrivateKey });
  const viaHubs = (bytes: Uint8Array): Uint8Array => {
    const a = stampEnvelope(pb.Envelope.decode(bytes), net.hubs['hub-a']!, NOW);
    return stampEnvelope(pb.Envelope.decode(a), net.hubs['hub-b']!, NOW);
  };

  it('rejects a payload sealed for another key with DECRYPT_FAILED', async () => {
    const wrongKey = buildEnvelope(p('a1').sender, { ...p('b1').recipient, keyAgreementKey: p('a2').recipient.keyAgreementKey }, msg(), NOW).bytes;
    const r = await receiveEnvelope(viaHubs(wrongKey), self(), new CaTrust(net.caCertPem), clock, time);
    expect(!r.ok && r.code).toBe(ReasonCode.DecryptFailed);
  });

  it('rejects an envelope that skipped its own hub with HOP_STAMP_INVALID', async () => {
    const onlyA = stampEnvelope(pb.Envelope.decode(send('a1', 'b1')), net.hubs['hub-a']!, NOW);
    const r = await receiveEnvelope(onlyA, self(), new CaTrust(net.caCertPem), clock, time);
    expect(!r.ok && r.code).toBe(ReasonCode.HopInvalid);
  });

  it('accepts an envelope its own hub originated (a lease), and refuses one a foreign hub originated', async () => {
    const hubB = net.hubs['hub-b']!;
    const asHub = (hub: typeof hubB) => ({ nodeId: hub.hubId, hubId: hub.hubId, signingKey: hub.signingKey, chainDer: [hub.certDer] });
    const own = stampEnvelope(pb.Envelope.decode(buildEnvelope(asHub(hubB), p('b1').recipient, msg({ type: 'market.lease' }), NOW).bytes), hubB, NOW);
    const ok = await receiveEnvelope(own, self(), new CaTrust(net.caCertPem), clock, time);
    expect(ok.ok && ok.sender.role).toBe('hub');
    const hubA = net.hubs['hub-a']!;
    const foreign = stampEnvelope(pb.Envelope.decode(buildEnvelope({ ...asHub(hubA), hubId: 'hub-b' }, p('b1').recipient, msg(), NOW).bytes), hubB, NOW);
    const r = await receiveEnvelope(foreign, self(), new CaTrust(net.caCertPem), clock, time);
    expect(r.ok).toBe(false);
  });

  it('rejects a hub originating traffic through another hub with SOURCE_MISMATCH', async () => {
    const hubA = net.hubs['hub-a']!;
    const bytes = buildEnvelope({ nodeId: 'hub-a', hubId: 'hub-a', signingKey: hubA.signingKey, chainDer: [hubA.certDer, hubA.certDer] }, p('b1').recipient, msg(), NOW).bytes;
    const d = await hub('hub-a').decide(bytes, 'ingress', 'x/0/77');
    expect(d.action).toBe('reject');
  });

  it('rejects a message addressed to someone else with ROUTE_NOT_ALLOWED', async () => {
    const r = await receiveEnvelope(viaHubs(send('a1', 'a2')), self(), new CaTrust(net.caCertPem), clock, time);
    expect(!r.ok && r.code).toBe(ReasonCode.RouteNotAllowed);
  });
});
