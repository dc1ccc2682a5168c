import type { DataSource } from 'typeorm';
import { MessageType, pb, type JobFrame } from '#libs/contracts';
import { ChannelClosedError, ChannelTimeoutError, type ByteChannel } from '#libs/strategy';
import type { JsonLogger } from '#libs/observability';
import type { Outbox } from '../messaging/outbox.js';

export const JOB_FRAME_CONTENT_TYPE = 'application/x-protobuf; messageType=datanet.v1.JobFrame';

/** Who a channel connects and what for; carried on every frame so the lessor can check it against its lease. */
export interface ChannelMeta {
  readonly channelId: string;
  /** The other party (lessee or lessor). */
  readonly peer: string;
  readonly leaseId: string;
  readonly jobId: string;
  readonly subTaskId: string;
  readonly strategy: string;
}

export interface ChannelLimits {
  /** Largest `data` of one frame; one strategy message is cut into chunks of this size. */
  readonly chunkBytes: number;
  /** Largest reassembled message (mirrors the strategies' own bounds). */
  readonly maxMessageBytes: number;
  /** Open channels at once (lessee and lessor side together). */
  readonly maxChannels: number;
  readonly receiveTimeoutMs: number;
}

export const ChannelCode = {
  /** A frame for a channel this node does not have open (it ended, or this node restarted). */
  Unknown: 'JOB_CHANNEL_UNKNOWN',
  /** A frame from another node than the channel's peer, or with other lease/job/sub-task/strategy. */
  PeerMismatch: 'JOB_CHANNEL_PEER_MISMATCH',
  /** Chunk numbering out of range, or a reassembled message over the limit. */
  FrameInvalid: 'JOB_FRAME_INVALID',
  /** Too many channels open: the opening frame is refused. */
  Busy: 'JOB_CHANNEL_BUSY',
} as const;

export type FrameOutcome = { ok: true } | { ok: false; code: string; detail: string };

/** Decides about a frame that opens a channel (lessor side): a lease check, then who serves it. */
export type ChannelAcceptor = (source: string, frame: JobFrame) => Promise<{ ok: true; serve: (channel: RelayChannel) => Promise<void> } | { ok: false; code: string; detail: string }>;

/**
 * Byte channels between a lessee and a lessor, relayed through the hubs as sealed
 * envelopes (type job.frame). A strategy message is cut into chunks that fit one bus
 * record; chunks go through this node's transactional outbox, keyed by the channel
 * id (one bus partition, in order) and are reassembled by (message_seq,
 * chunk_index) on the other side, which also makes a redelivered chunk harmless.
 *
 * Channels live in memory: they are the transport of one sub-task attempt. A node
 * that restarts forgets them; its peer's receive times out or gets a close, and the
 * lessee starts a new attempt (with a fresh key negotiation) on a new channel.
 */
export class ChannelRouter {
  private readonly channels = new Map<string, RelayChannel>();
  /** Recently ended channel ids (bounded): a late frame for one is JOB_CHANNEL_UNKNOWN, never a new channel. */
  private readonly ended = new Set<string>();
  private acceptor: ChannelAcceptor | undefined;

  constructor(
    private readonly d: { readonly ds: DataSource; readonly outbox: Outbox; readonly limits: ChannelLimits; readonly log: JsonLogger },
  ) {}

  get openChannels(): number {
    return this.channels.size;
  }

  /** Lessor side: how frames opening a channel are admitted and served. */
  onOpen(acceptor: ChannelAcceptor): void {
    this.acceptor = acceptor;
  }

  /** Lessee side: a new channel to `meta.peer`. */
  open(meta: ChannelMeta): RelayChannel {
    if (this.channels.size >= this.d.limits.maxChannels) throw new Error(`${ChannelCode.Busy}: ${this.channels.size} channels open`);
    if (this.channels.has(meta.channelId)) throw new Error(`channel ${meta.channelId} is already open`);
    return this.register(meta);
  }

  private register(meta: ChannelMeta): RelayChannel {
    const channel = new RelayChannel(meta, this.d, () => {
      this.channels.delete(meta.channelId);
      if (this.ended.size >= 10_000) this.ended.delete(this.ended.values().next().value ?? '');
      this.ended.add(meta.channelId);
    });
    this.channels.set(meta.channelId, channel);
    return channel;
  }

  /** A verified job.frame from `source` (the envelope's authenticated sender). */
  async deliver(source: string, frame: JobFrame): Promise<FrameOutcome> {
    const existing = this.channels.get(frame.channelId);
    if (existing) {
      const m = existing.meta;
      if (source !== m.peer || frame.leaseId !== m.leaseId || frame.jobId !== m.jobId || frame.subTaskId !== m.subTaskId || frame.strategy !== m.strategy) {
        return { ok: false, code: ChannelCode.PeerMismatch, detail: `frame from ${source} for channel ${frame.channelId} of ${m.peer}` };
      }
      return existing.accept(frame);
    }
    if (frame.close) return { ok: true }; // the peer closing a channel this node already ended: nothing to do
    if (frame.messageSeq !== 0 || !this.acceptor || this.ended.has(frame.channelId)) return { ok: false, code: ChannelCode.Unknown, detail: `no open channel ${frame.channelId} (message ${frame.messageSeq})` };
    if (this.channels.size >= this.d.limits.maxChannels) {
      await this.refuse(source, frame, ChannelCode.Busy, `${this.channels.size} channels open`);
      return { ok: false, code: ChannelCode.Busy, detail: `${this.channels.size} channels open` };
    }
    const verdict = await this.acceptor(source, frame);
    if (!verdict.ok) {
      await this.refuse(source, frame, verdict.code, verdict.detail);
      return verdict;
    }
    // Checked again: the acceptor awaited, and a redelivered opening frame may have raced it.
    if (this.channels.has(frame.channelId)) return this.channels.get(frame.channelId)!.accept(frame);
    const channel = this.register({ channelId: frame.channelId, peer: source, leaseId: frame.leaseId, jobId: frame.jobId, subTaskId: frame.subTaskId, strategy: frame.strategy });
    const accepted = channel.accept(frame);
    void verdict.serve(channel).then(
      () => channel.close(),
      (e: unknown) => {
        this.d.log.warn('sub-task serve failed', { channelId: frame.channelId, error: (e as Error).message });
        channel.close(`serve failed: ${(e as Error).message}`);
      },
    );
    return accepted;
  }

  /** Tells the would-be peer at once why its channel is refused, so it need not wait for a timeout. */
  private async refuse(source: string, frame: JobFrame, code: string, detail: string): Promise<void> {
    const meta: ChannelMeta = { channelId: frame.channelId, peer: source, leaseId: frame.leaseId, jobId: frame.jobId, subTaskId: frame.subTaskId, strategy: frame.strategy };
    await writeFrames(this.d, meta, [{ messageSeq: 0, chunkIndex: 0, chunkCount: 1, data: new Uint8Array(0), close: true, closeReason: `${code}: ${detail}`.slice(0, 500) }]);
  }

  has(channelId: string): boolean {
    return this.channels.has(channelId);
  }

  /** Closes the channels of one job (stopped or past its deadline): their peers are told to stop. */
  closeJob(jobId: string, reason: string): void {
    for (const c of [...this.channels.values()]) if (c.meta.jobId === jobId) c.close(reason);
  }

  /** Closes every channel (service stop). */
  closeAll(reason: string): void {
    for (const c of [...this.channels.values()]) c.close(reason);
  }
}

interface FrameFields {
  messageSeq: number;
  chunkIndex: number;
  chunkCount: number;
  data: Uint8Array;
  close: boolean;
  closeReason: string;
}

async function writeFrames(d: { ds: DataSource; outbox: Outbox }, meta: ChannelMeta, frames: readonly FrameFields[]): Promise<void> {
  await d.ds.transaction(async (m) => {
    for (const f of frames) {
      const body = pb.JobFrame.encode({ channelId: meta.channelId, leaseId: meta.leaseId, jobId: meta.jobId, subTaskId: meta.subTaskId, strategy: meta.strategy, ...f }).finish();
      await d.outbox.add(m, { target: meta.peer, type: MessageType.JobFrame, sessionId: meta.channelId, contentType: JOB_FRAME_CONTENT_TYPE, body });
    }
  });
  d.outbox.kick();
}

interface Waiter {
  resolve(message: Uint8Array): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** One end of a relayed channel (libs/strategy ByteChannel). */
export class RelayChannel implements ByteChannel {
  private sendSeq = 0;
  private recvSeq = 0;
  private writing: Promise<void> = Promise.resolve();
  private writeError: Error | undefined;
  private readonly partial = new Map<number, { chunks: (Uint8Array | undefined)[]; have: number; bytes: number }>();
  private readonly ready: Uint8Array[] = [];
  private readonly waiters: Waiter[] = [];
  private closedReason: string | undefined;
  /** Why the peer closed this channel, as it said (e.g. `JOB_LEASE_BUSY: ...` for a refused opening); undefined if it did not. */
  peerCloseReason: string | undefined;
  /** Bytes sent and received through this channel (evidence sizes). */
  bytesSent = 0;
  bytesReceived = 0;
  /** SHA-256 input of everything received, for evidence; kept by the caller when it wants it. */
  lastReceived: Uint8Array | undefined;

  constructor(
    readonly meta: ChannelMeta,
    private readonly d: { readonly ds: DataSource; readonly outbox: Outbox; readonly limits: ChannelLimits; readonly log: JsonLogger },
    private readonly onClosed: () => void,
  ) {}

  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  send(message: Uint8Array): void {
    if (!(message instanceof Uint8Array)) throw new TypeError('channel carries Uint8Array messages only');
    if (this.closedReason !== undefined) throw new ChannelClosedError(`channel closed: ${this.closedReason}`);
    if (this.writeError) throw this.writeError;
    if (message.byteLength > this.d.limits.maxMessageBytes) throw new RangeError(`message of ${message.byteLength} bytes exceeds ${this.d.limits.maxMessageBytes}`);
    const size = this.d.limits.chunkBytes;
    const count = Math.max(1, Math.ceil(message.byteLength / size));
    const seq = this.sendSeq++;
    const frames: FrameFields[] = [];
    for (let i = 0; i < count; i++) frames.push({ messageSeq: seq, chunkIndex: i, chunkCount: count, data: Uint8Array.from(message.subarray(i * size, (i + 1) * size)), close: false, closeReason: '' });
    this.bytesSent += message.byteLength;
    this.writing = this.writing.then(() => writeFrames(this.d, this.meta, frames)).catch((e: unknown) => {
      this.writeError = e as Error;
      this.fail(`outbox write failed: ${(e as Error).message}`);
    });
  }

  /** Resolves when everything sent so far is in the outbox (committed). */
  flushed(): Promise<void> {
    return this.writing;
  }

  receive(timeoutMs = this.d.limits.receiveTimeoutMs): Promise<Uint8Array> {
    const next = this.ready.shift();
    if (next) return Promise.resolve(next);
    if (this.closedReason !== undefined) return Promise.reject(new ChannelClosedError(`channel closed: ${this.closedReason}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new ChannelTimeoutError(`no message from ${this.meta.peer} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Ends the channel and tells the peer (once). */
  close(reason = 'done'): void {
    if (this.closedReason !== undefined) return;
    const fields: FrameFields = { messageSeq: this.sendSeq, chunkIndex: 0, chunkCount: 1, data: new Uint8Array(0), close: true, closeReason: reason.slice(0, 500) };
    this.writing = this.writing.then(() => writeFrames(this.d, this.meta, [fields])).catch((e: unknown) => this.d.log.warn('channel close not sent', { channelId: this.meta.channelId, error: (e as Error).message }));
    this.fail(reason);
  }

  private fail(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    this.partial.clear();
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new ChannelClosedError(`channel closed: ${reason}`));
    }
    this.onClosed();
  }

  /** A frame for this channel: reassemble; deliver whole messages in order. */
  accept(frame: JobFrame): FrameOutcome {
    if (frame.close) {
      if (this.closedReason === undefined) this.peerCloseReason = frame.closeReason || 'no reason given';
      this.fail(`closed by ${this.meta.peer}: ${frame.closeReason || 'no reason given'}`);
      return { ok: true };
    }
    if (this.closedReason !== undefined || frame.messageSeq < this.recvSeq) return { ok: true }; // late or redelivered
    const limits = this.d.limits;
    const maxChunks = Math.ceil(limits.maxMessageBytes / limits.chunkBytes);
    if (frame.chunkCount < 1 || frame.chunkCount > maxChunks || frame.chunkIndex >= frame.chunkCount || frame.data.byteLength > limits.chunkBytes) {
      return { ok: false, code: ChannelCode.FrameInvalid, detail: `chunk ${frame.chunkIndex}/${frame.chunkCount} of ${frame.data.byteLength} bytes` };
    }
    if (frame.messageSeq > this.recvSeq + 64) return { ok: false, code: ChannelCode.FrameInvalid, detail: `message ${frame.messageSeq} too far ahead of ${this.recvSeq}` };
    let p = this.partial.get(frame.messageSeq);
    if (!p) {
      p = { chunks: new Array<Uint8Array | undefined>(frame.chunkCount), have: 0, bytes: 0 };
      this.partial.set(frame.messageSeq, p);
    }
    if (p.chunks.length !== frame.chunkCount) return { ok: false, code: ChannelCode.FrameInvalid, detail: `chunk count changed within message ${frame.messageSeq}` };
    if (p.chunks[frame.chunkIndex] === undefined) {
      p.chunks[frame.chunkIndex] = frame.data;
      p.have++;
      p.bytes += frame.data.byteLength;
      if (p.bytes > limits.maxMessageBytes) {
        this.close(`${ChannelCode.FrameInvalid}: message over ${limits.maxMessageBytes} bytes`);
        return { ok: false, code: ChannelCode.FrameInvalid, detail: `message ${frame.messageSeq} over ${limits.maxMessageBytes} bytes` };
      }
    }
    for (let q = this.partial.get(this.recvSeq); q && q.have === q.chunks.length; q = this.partial.get(this.recvSeq)) {
      this.partial.delete(this.recvSeq);
      this.recvSeq++;
      const whole = Buffer.concat(q.chunks as Uint8Array[]);
      const message = new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
      this.bytesReceived += message.byteLength;
      this.lastReceived = message;
      const waiter = this.waiters.shift();
      if (waiter) {
        clearTimeout(waiter.timer);
        waiter.resolve(message);
      } else this.ready.push(message);
    }
    return { ok: true };
  }
}
