import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { pb } from '#libs/contracts';
import { publicOutputDigest } from '#libs/enclave';
import { JsonLogger } from '#libs/observability';
import type { JointKeys, JointForwardedShardRef } from '#libs/strategy';
import type { Outbox } from '../messaging/outbox.js';
import { JOINT_CHANNEL, JOINT_FORWARD_CHANNEL, JointInbox, jointForwarder, jointPartyAcceptor, JointRoundSession, type JointDatasets, type JointDatasetView, type JointRoundOptions } from './joint.js';
import { ChannelRouter, type ChannelMeta } from './relay-channel.js';

const log = new JsonLogger({ service: 'test' }, 'error', () => undefined);

/** Routers of several nodes wired through an in-memory "hub": each outbox write is delivered to its target, signed as from its sender. */
function network(ids: readonly string[]): { routers: Map<string, ChannelRouter>; dead: { at: string; code: string }[] } {
  const routers = new Map<string, ChannelRouter>();
  const dead: { at: string; code: string }[] = [];
  for (const id of ids) {
    const outbox = {
      add: async (_m: unknown, i: { target: string; body: Uint8Array }) => {
        const frame = pb.JobFrame.decode(i.body);
        setImmediate(() => {
          void routers
            .get(i.target)
            ?.deliver(id, frame)
            .then((r) => {
              if (!r.ok) dead.push({ at: i.target, code: r.code });
            });
        });
      },
      kick: () => undefined,
    } as unknown as Outbox;
    const ds = { transaction: async (f: (m: unknown) => Promise<void>) => f({}) } as unknown as DataSource;
    routers.set(id, new ChannelRouter({ ds, outbox, log, limits: { chunkBytes: 4096, maxMessageBytes: 1 << 24, maxChannels: 16, receiveTimeoutMs: 2000 } }));
  }
  return { routers, dead };
}

const view: JointDatasetView = { datasetId: 'bureau', rows: 10, width: 2, partners: ['a1'], maxOutputWidth: 1, createdAt: '' };
const datasets = { view: async (id: string) => (id === 'bureau' ? view : undefined), rows: async () => undefined } as unknown as JointDatasets;
const partyProgram = { version: 1, inputWidth: 3, ops: [{ op: 'dot', weights: [1, 1, 1], bias: 0 }] };

/** The lessee side of a round with c1 over `router`: dataset bureau, one shard of 10 rows, lessors b1 and b2 unless overridden. */
function openRound(router: ChannelRouter, over: Partial<JointRoundOptions> = {}) {
  return JointRoundSession.open(router, {
    jobId: 'J1',
    round: 0,
    party: 'c1',
    datasetId: 'bureau',
    keys: { publicMaterial: new Uint8Array([1, 2, 3]) } as unknown as JointKeys,
    partyProgram,
    layout: [{ shardId: 's0', rowStart: 0, rowCount: 10 }],
    lessors: ['b1', 'b2'],
    shardWaitMs: 1000,
    timeoutMs: 3000,
    ...over,
  });
}

/** a1 (lessee), b1/b2 (lessors), c1 (party) and x9 (a lessor a1 did not name). */
function setup() {
  const net = network(['a1', 'b1', 'b2', 'c1', 'x9']);
  const c = net.routers.get('c1')!;
  const inbox = new JointInbox({ nodeId: 'c1', log, limits: { maxRounds: 4, maxBytes: 1 << 20 }, receiveTimeoutMs: 2000 });
  const party = jointPartyAcceptor(datasets, inbox, log);
  c.onOpen((source, frame) => (frame.strategy === JOINT_CHANNEL ? party(source, frame) : frame.strategy === JOINT_FORWARD_CHANNEL ? inbox.acceptor(source, frame) : Promise.resolve({ ok: false, code: 'X', detail: '' })));
  const forwarderOf = (id: string) => jointForwarder(net.routers.get(id)!, { nodeId: id, log });
  const lesseeChannel = (lessor: string, jobId = 'J1'): ChannelMeta => ({ channelId: `${jobId}.s0.1.${lessor}`, peer: 'a1', leaseId: 'L', jobId, subTaskId: 's0', strategy: 'tee-symmetric-he-result' });
  const open = (over: Partial<JointRoundOptions> = {}) => openRound(net.routers.get('a1')!, over);
  return { net, inbox, forwarderOf, lesseeChannel, open };
}

const directive = (over: Record<string, unknown> = {}) => ({ party: 'c1', datasetId: 'bureau', jobId: 'J1', round: 0, shardId: 's0', attempt: 1, ...over });
const outputs = [randomBytes(3000), randomBytes(5000)];
const ref = (cts: readonly Uint8Array[]): JointForwardedShardRef => ({ shardId: 's0', rowStart: 0, rowCount: 10, width: 2, paramSet: 'ckks-8192', ciphertextsPerColumn: 1, ciphertextDigests: cts.map(publicOutputDigest) });

describe('joint computation: lessors forward their HE results straight to the third participant', () => {
  it('the party confirms a shard whose forwarded bytes match the digests the enclave sealed', async () => {
    const { forwarderOf, lesseeChannel, open, inbox } = setup();
    const session = await open();
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(await forwarderOf('b1')(lesseeChannel('b1'))(directive(), outputs)).toEqual({ ok: true });
    await expect(session.value.confirm('b1', 1, ref(outputs))).resolves.toEqual({ ok: true, value: undefined });
    expect(inbox.heldBytes).toBe(0);
    session.value.close();
  });

  it('tampered forwarded bytes (or a lessee manifest that does not match them) are refused: JOINT_SHARD_DIGEST_MISMATCH', async () => {
    const { forwarderOf, lesseeChannel, open } = setup();
    const session = await open();
    if (!session.ok) throw new Error(session.detail);
    const tampered = outputs.map((c, i) => Uint8Array.from(c, (b, j) => (i === 1 && j === 100 ? b ^ 1 : b)));
    expect(await forwarderOf('b2')(lesseeChannel('b2'))(directive(), tampered)).toEqual({ ok: true });
    await expect(session.value.confirm('b2', 1, ref(outputs))).resolves.toMatchObject({ ok: false, code: 'JOINT_SHARD_DIGEST_MISMATCH' });
    session.value.close();
  });

  it('a lessor the lessee did not name is refused at the party (dead-lettered), and the shard is missing', async () => {
    const { net, forwarderOf, lesseeChannel, open } = setup();
    const session = await open();
    if (!session.ok) throw new Error(session.detail);
    expect(await forwarderOf('x9')(lesseeChannel('x9'))(directive(), outputs)).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(net.dead).toContainEqual({ at: 'c1', code: 'JOINT_FORWARD_NOT_EXPECTED' });
    await expect(session.value.confirm('b1', 1, ref(outputs))).resolves.toMatchObject({ ok: false, code: 'JOINT_SHARD_MISSING' });
    session.value.close();
  });

  it('a forward for a round nobody opened is refused', async () => {
    const { net, forwarderOf, lesseeChannel } = setup();
    expect(await forwarderOf('b1')(lesseeChannel('b1'))(directive(), outputs)).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(net.dead).toContainEqual({ at: 'c1', code: 'JOINT_FORWARD_NOT_EXPECTED' });
  });

  it('the attempt named must be the one forwarded: an older attempt\'s bytes do not count for a newer one', async () => {
    const { forwarderOf, lesseeChannel, open } = setup();
    const session = await open();
    if (!session.ok) throw new Error(session.detail);
    expect(await forwarderOf('b1')(lesseeChannel('b1'))(directive({ attempt: 1 }), outputs)).toEqual({ ok: true });
    await expect(session.value.confirm('b1', 2, ref(outputs))).resolves.toMatchObject({ ok: false, code: 'JOINT_SHARD_MISSING' });
    session.value.close();
  });

  it('the lessor host refuses directives for another job, to itself or to the lessee, and malformed ones', async () => {
    const { forwarderOf, lesseeChannel } = setup();
    const hook = forwarderOf('b1')(lesseeChannel('b1'));
    await expect(hook(directive({ jobId: 'other' }), outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
    await expect(hook(directive({ party: 'b1' }), outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
    await expect(hook(directive({ party: 'a1' }), outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
    await expect(hook(directive({ extra: 1 }), outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
    await expect(hook({ ...directive(), round: -1 }, outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
    await expect(hook('c1', outputs)).resolves.toMatchObject({ ok: false, code: 'JOINT_FORWARD_REFUSED' });
  });

  it('the party refuses a non-partner, an unknown dataset and a program wider than its policy before any lessor works', async () => {
    const { open } = setup();
    await expect(open({ datasetId: 'nope' })).resolves.toMatchObject({ ok: false, code: 'JOINT_DATASET_UNKNOWN' });
    await expect(open({ jobId: 'J2', partyProgram: { version: 1, inputWidth: 3, ops: [] } })).resolves.toMatchObject({ ok: false, code: 'JOINT_PROGRAM_REFUSED' });
    await expect(open({ jobId: 'J3', layout: [{ shardId: 's0', rowStart: 5, rowCount: 10 }] })).resolves.toMatchObject({ ok: false, code: 'JOINT_SHARD_OUT_OF_RANGE' });
    // x9 is not a partner of the dataset.
    const stranger = network(['x9', 'c1']);
    stranger.routers.get('c1')!.onOpen(jointPartyAcceptor(datasets, new JointInbox({ nodeId: 'c1', log, limits: { maxRounds: 1, maxBytes: 1 }, receiveTimeoutMs: 1000 }), log));
    const refused = await openRound(stranger.routers.get('x9')!, { jobId: 'J4' });
    expect(refused).toMatchObject({ ok: false, code: 'JOINT_NOT_PARTNER' });
  });

  it('the inbox is bounded: forwarded bytes over its limit are refused, rounds over its limit too', async () => {
    const inbox = new JointInbox({ nodeId: 'c1', log, limits: { maxRounds: 1, maxBytes: 10 }, receiveTimeoutMs: 1000 });
    expect(inbox.open('J', 0, { lessee: 'a1', datasetId: 'bureau', lessors: ['b1'], shards: 1 })).toEqual({ ok: true });
    expect(inbox.open('J', 1, { lessee: 'a1', datasetId: 'bureau', lessors: ['b1'], shards: 1 })).toMatchObject({ ok: false, code: 'JOINT_INBOX_FULL' });
    expect(inbox.open('J', 0, { lessee: 'a1', datasetId: 'bureau', lessors: ['b1'], shards: 1 })).toMatchObject({ ok: false, code: 'JOINT_PROTOCOL_ERROR' });
    const net = network(['b1', 'c1']);
    net.routers.get('c1')!.onOpen(inbox.acceptor);
    expect(await jointForwarder(net.routers.get('b1')!, { nodeId: 'b1', log })({ channelId: 'J.s0.1', peer: 'a1', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'tee-symmetric-he-result' })(directive({ jobId: 'J' }), outputs)).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(inbox.heldBytes).toBe(0);
    inbox.close('J', 0);
  });
});
