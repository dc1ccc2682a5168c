import type { DataSource } from 'typeorm';
import { pb, type JobFrame } from '#libs/contracts';
import { JsonLogger } from '#libs/observability';
import type { Outbox } from '../messaging/outbox.js';
import { ChannelRouter, type ChannelMeta } from './relay-channel.js';

/** A router whose outbox records the frames it would send (decoded), so two routers can be wired back to back. */
function router(sent: { target: string; frame: JobFrame }[]): ChannelRouter {
  const outbox = { add: async (_m: unknown, i: { target: string; body: Uint8Array }) => void sent.push({ target: i.target, frame: pb.JobFrame.decode(i.body) }), kick: () => undefined } as unknown as Outbox;
  const ds = { transaction: async (f: (m: unknown) => Promise<void>) => f({}) } as unknown as DataSource;
  return new ChannelRouter({ ds, outbox, log: new JsonLogger({ service: 'test' }, 'error', () => undefined), limits: { chunkBytes: 10, maxMessageBytes: 1000, maxChannels: 4, receiveTimeoutMs: 1000 } });
}

const meta: ChannelMeta = { channelId: 'c1', peer: 'b1', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'he' };
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('relayed byte channel', () => {
  it('cuts a message into chunks and reassembles it on the other side, in any chunk order and with duplicates', async () => {
    const sentByA: { target: string; frame: JobFrame }[] = [];
    const a = router(sentByA);
    const b = router([]);
    const got: Uint8Array[] = [];
    b.onOpen(async () => ({ ok: true, serve: async (ch) => void got.push(await ch.receive()) }));
    const ch = a.open(meta);
    const message = Uint8Array.from({ length: 35 }, (_, i) => i);
    ch.send(message);
    await ch.flushed();
    expect(sentByA.map((s) => s.frame.chunkIndex)).toEqual([0, 1, 2, 3]);
    const frames = sentByA.map((s) => s.frame);
    for (const f of [frames[0]!, frames[2]!, frames[2]!, frames[3]!, frames[1]!]) expect(await b.deliver('a1', f)).toEqual({ ok: true });
    await flush();
    expect(got).toEqual([message]);
  });

  it('refuses frames from another node than the peer, and frames of unknown channels', async () => {
    const a = router([]);
    const ch = a.open(meta);
    expect(ch.meta.peer).toBe('b1');
    const frame = pb.JobFrame.create({ channelId: 'c1', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'he', messageSeq: 0, chunkIndex: 0, chunkCount: 1, data: new Uint8Array([1]) });
    expect(await a.deliver('b2', frame)).toMatchObject({ ok: false, code: 'JOB_CHANNEL_PEER_MISMATCH' });
    expect(await a.deliver('b1', { ...frame, channelId: 'other', messageSeq: 3 } as JobFrame)).toMatchObject({ ok: false, code: 'JOB_CHANNEL_UNKNOWN' });
    expect(await a.deliver('b1', { ...frame, chunkIndex: 5, chunkCount: 2 } as JobFrame)).toMatchObject({ ok: false, code: 'JOB_FRAME_INVALID' });
  });

  it('a close frame from the peer ends the channel: a waiting receive rejects', async () => {
    const a = router([]);
    const ch = a.open(meta);
    const waiting = ch.receive(5_000);
    await a.deliver('b1', pb.JobFrame.create({ channelId: 'c1', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'he', close: true, closeReason: 'JOB_LEASE_UNKNOWN: no lease' }));
    await expect(waiting).rejects.toThrow(/JOB_LEASE_UNKNOWN/);
    expect(a.has('c1')).toBe(false);
  });

  it('a late frame for a channel that ended is JOB_CHANNEL_UNKNOWN, not a new channel', async () => {
    const a = router([]);
    let opened = 0;
    a.onOpen(async () => ({ ok: true, serve: async () => void opened++ }));
    a.open(meta).close('done');
    const late = pb.JobFrame.create({ channelId: 'c1', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'he', messageSeq: 0, chunkIndex: 0, chunkCount: 1, data: new Uint8Array([1]) });
    expect(await a.deliver('b1', late)).toMatchObject({ ok: false, code: 'JOB_CHANNEL_UNKNOWN' });
    expect(opened).toBe(0);
  });

  it('an acceptor refusal answers the opener with a close frame carrying the reason', async () => {
    const sent: { target: string; frame: JobFrame }[] = [];
    const b = router(sent);
    b.onOpen(async () => ({ ok: false, code: 'JOB_NOT_LESSEE', detail: 'not yours' }));
    const r = await b.deliver('a2', pb.JobFrame.create({ channelId: 'x', leaseId: 'L', jobId: 'J', subTaskId: 's0', strategy: 'he', messageSeq: 0, chunkIndex: 0, chunkCount: 1, data: new Uint8Array([1]) }));
    expect(r).toMatchObject({ ok: false, code: 'JOB_NOT_LESSEE' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ target: 'a2', frame: { close: true, closeReason: 'JOB_NOT_LESSEE: not yours' } });
  });
});
