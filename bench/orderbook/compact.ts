/**
 * The generated stream, held compactly between passes (measurement only: the
 * stream itself, its mix, seed and size come from stream.ts unchanged).
 *
 * Why: a million pre-built operations are ~5 million small heap objects
 * (~200 MB) that stay live for the whole run, so every major GC V8 makes
 * while a book is being measured has to mark all of them (~0.2-0.3 s per
 * pass, a quarter of a timed pass, and the latency pass's max). A hub does
 * not hold its future commands in memory: each arrives, is parsed, applied
 * and dropped. So the stream is kept here in typed arrays (numbers), one
 * joined string (ids) and small tables (participants, capability lists), and
 * turned back into exactly the same operation objects a batch at a time,
 * outside the timed sections. `encode` checks that every rebuilt operation
 * equals the generated one (JSON, so field order and values; numbers kept in
 * int32 columns would not round-trip if they did not fit).
 */
import type { Capability, OrderInput } from '#libs/market';
import type { Op } from './stream.js';

/** Operations rebuilt per batch: large enough that timing per batch costs nothing, small enough to stay in the young generation. */
export const BATCH = 4096;

const N_INT = 8;
const I_SIDE = 0;
const I_CORES = 1;
const I_MEMORY = 2;
const I_DURATION = 3;
const I_PRICE = 4;
const I_SECURITY = 5;
/** 0 false, 1 true, 2 absent. */
const I_AON = 6;
const I_CAPS = 7;

export class CompactStream {
  private constructor(
    readonly length: number,
    private readonly kind: Uint8Array,
    private readonly nowMs: Float64Array,
    private readonly expiresAtMs: Float64Array,
    private readonly ints: Int32Array,
    private readonly participant: Int32Array,
    private readonly participants: readonly string[],
    private readonly capabilityLists: readonly (readonly Capability[])[],
    /** orderId then clientOrderId ('' for cancels) of every op, joined; offsets per string. */
    private readonly text: string,
    private readonly offsets: Int32Array,
  ) {}

  static encode(ops: readonly Op[]): CompactStream {
    const n = ops.length;
    const kind = new Uint8Array(n);
    const nowMs = new Float64Array(n);
    const expiresAtMs = new Float64Array(n);
    const ints = new Int32Array(n * N_INT);
    const participant = new Int32Array(n);
    const participants: string[] = [];
    const participantIndex = new Map<string, number>();
    const capabilityLists: (readonly Capability[])[] = [];
    const capabilityIndex = new Map<string, number>();
    const parts: string[] = [];
    const offsets = new Int32Array(2 * n + 1);
    const intern = (id: string): number => {
      let k = participantIndex.get(id);
      if (k === undefined) {
        k = participants.length;
        participantIndex.set(id, k);
        participants.push(id);
      }
      return k;
    };
    let offset = 0;
    const addText = (k: number, s: string): void => {
      offsets[k] = offset;
      offset += s.length;
      parts.push(s);
    };
    for (let i = 0; i < n; i++) {
      const op = ops[i] as Op;
      kind[i] = op.kind;
      nowMs[i] = op.nowMs;
      if (op.kind === 1) {
        addText(2 * i, op.orderId);
        addText(2 * i + 1, '');
        participant[i] = intern(op.participantId);
        continue;
      }
      const o = op.order;
      addText(2 * i, o.orderId);
      addText(2 * i + 1, o.clientOrderId);
      participant[i] = intern(o.participantId);
      const capsKey = o.capabilities.join(',');
      let caps = capabilityIndex.get(capsKey);
      if (caps === undefined) {
        caps = capabilityLists.length;
        capabilityIndex.set(capsKey, caps);
        capabilityLists.push([...o.capabilities]);
      }
      const b = i * N_INT;
      ints[b + I_SIDE] = o.side === 'buy' ? 0 : 1;
      ints[b + I_CORES] = o.cores;
      ints[b + I_MEMORY] = o.memoryMiB;
      ints[b + I_DURATION] = o.durationS;
      ints[b + I_PRICE] = o.priceMinorPerCoreSecond;
      ints[b + I_SECURITY] = o.securityLevel;
      ints[b + I_AON] = o.allOrNone === undefined ? 2 : o.allOrNone ? 1 : 0;
      ints[b + I_CAPS] = caps;
      expiresAtMs[i] = o.expiresAtMs;
    }
    offsets[2 * n] = offset;
    const stream = new CompactStream(n, kind, nowMs, expiresAtMs, ints, participant, participants, capabilityLists, parts.join(''), offsets);
    for (let i = 0; i < n; i++) {
      const want = JSON.stringify(ops[i]);
      const got = JSON.stringify(stream.op(i));
      if (got !== want) throw new Error(`compact stream: op ${i} does not round-trip: ${got} vs ${want}`);
    }
    return stream;
  }

  private str(k: number): string {
    return this.text.slice(this.offsets[k], this.offsets[k + 1]);
  }

  /** Operation i, rebuilt (a fresh object with the same fields, in the same order, as the generated one). */
  op(i: number): Op {
    const nowMs = this.nowMs[i] as number;
    const participantId = this.participants[this.participant[i] as number] as string;
    if (this.kind[i] === 1) return { kind: 1, orderId: this.str(2 * i), participantId, nowMs };
    const b = i * N_INT;
    const ints = this.ints;
    const orderId = this.str(2 * i);
    const clientOrderId = this.str(2 * i + 1);
    const side = ints[b + I_SIDE] === 0 ? 'buy' : 'sell';
    const cores = ints[b + I_CORES] as number;
    const memoryMiB = ints[b + I_MEMORY] as number;
    const durationS = ints[b + I_DURATION] as number;
    const priceMinorPerCoreSecond = ints[b + I_PRICE] as number;
    const capabilities = this.capabilityLists[ints[b + I_CAPS] as number] as readonly Capability[];
    const securityLevel = ints[b + I_SECURITY] as number;
    const expiresAtMs = this.expiresAtMs[i] as number;
    const aon = ints[b + I_AON] as number;
    const order: OrderInput =
      aon === 2
        ? { orderId, clientOrderId, participantId, side, cores, memoryMiB, durationS, priceMinorPerCoreSecond, capabilities, securityLevel, expiresAtMs }
        : { orderId, clientOrderId, participantId, side, cores, memoryMiB, durationS, priceMinorPerCoreSecond, capabilities, securityLevel, expiresAtMs, allOrNone: aon === 1 };
    return { kind: 0, order, nowMs };
  }

  /** Rebuilds ops [from, from + count) into out[0, count). */
  fill(out: Op[], from: number, count: number): void {
    for (let k = 0; k < count; k++) out[k] = this.op(from + k);
  }
}
