import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeCompression } from './bytes.js';
import type { HeContext } from './context.js';
import { heFail, heOk, HeUsageError, type HeResult } from './result.js';
import { MAX_CIPHERTEXTS_PER_VECTOR, type SerializedVector } from './vector.js';

export interface EncryptPoolOptions {
  /** Defaults to os.availableParallelism(), capped at `WORKERS_MAX`. */
  readonly workers?: number;
  /** Chunks (one per ciphertext) waiting or in flight across all callers; beyond it calls get HE_QUEUE_FULL. */
  readonly maxQueuedChunks?: number;
  readonly compression?: HeCompression;
  /** A worker that has not answered a chunk within this time is treated as broken. */
  readonly chunkTimeoutMs?: number;
}

export const WORKERS_MAX = 32;
const DEFAULT_QUEUED_CHUNKS_MAX = 4 * MAX_CIPHERTEXTS_PER_VECTOR;
const DEFAULT_CHUNK_TIMEOUT_MS = 60_000;

interface Job {
  readonly id: number;
  readonly values: Float64Array;
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

type WorkerReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: string } | { type: 'ready' };

/**
 * tsc does not copy .mjs files into dist/, so when this module runs compiled
 * (dist/libs/he/src) the worker is taken from the source tree instead.
 */
function workerUrl(): URL {
  const sibling = new URL('./encrypt-worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  return new URL('../../../../libs/he/src/encrypt-worker.mjs', import.meta.url);
}

/**
 * Encrypts long CKKS vectors in parallel (claim 7: the lessee prepares its
 * encrypted shard). Each worker owns a SEAL instance and the public key; chunks
 * are dispatched to idle workers from a bounded FIFO queue.
 */
export class HeEncryptPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private pending = 0;
  private closed = false;

  private constructor(
    private readonly ctx: HeContext,
    private readonly maxQueuedChunks: number,
    private readonly chunkTimeoutMs: number,
  ) {}

  static async create(ctx: HeContext, publicKey: Uint8Array, options: EncryptPoolOptions = {}): Promise<HeResult<HeEncryptPool>> {
    if (ctx.params.scheme !== 'ckks') return heFail('HE_UNKNOWN_PARAM_SET', 'the encryption pool supports CKKS parameter sets only');
    if (!(publicKey instanceof Uint8Array) || publicKey.byteLength > ctx.params.limits.publicKeyBytesMax) {
      return heFail('HE_INPUT_TOO_LARGE', `public key must be bytes of at most ${ctx.params.limits.publicKeyBytesMax}`);
    }
    const count = Math.max(1, Math.min(WORKERS_MAX, options.workers ?? availableParallelism()));
    const pool = new HeEncryptPool(ctx, options.maxQueuedChunks ?? DEFAULT_QUEUED_CHUNKS_MAX, options.chunkTimeoutMs ?? DEFAULT_CHUNK_TIMEOUT_MS);
    const { polyModulusDegree, coeffModulusBits, scale } = ctx.params;
    const workerData = { polyModulusDegree, coeffModulusBits: [...coeffModulusBits], scale, publicKey, compression: options.compression ?? 'zstd' };
    try {
      await Promise.all(Array.from({ length: count }, () => pool.spawn(workerData)));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return heOk(pool);
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(workerData: object): Promise<void> {
    const worker = new Worker(workerUrl(), { workerData });
    const slot: Slot = { worker, job: undefined, timer: undefined };
    return new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (reply: WorkerReply) => {
        if ('type' in reply) {
          worker.off('error', reject);
          worker.on('error', (error) => this.failSlot(slot, error));
          this.slots.push(slot);
          resolve();
          this.pump();
          return;
        }
        this.finish(slot, reply);
      });
    });
  }

  /** Splits `values` into slot-sized chunks; resolves with one serialized ciphertext per chunk, in order. */
  async encryptReal(values: ArrayLike<number>): Promise<HeResult<SerializedVector>> {
    if (this.closed) return heFail('HE_POOL_CLOSED', 'pool is closed');
    const slotsPerCt = this.ctx.slots;
    const maxValues = MAX_CIPHERTEXTS_PER_VECTOR * slotsPerCt;
    if (values.length > maxValues) return heFail('HE_TOO_MANY_VALUES', `${values.length} values exceeds limit ${maxValues}`);
    const bound = this.ctx.params.maxAbsValue;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v) || Math.abs(v) > bound) return heFail('HE_VALUE_OUT_OF_RANGE', `value[${i}]=${v} not finite or |v| > ${bound}`);
    }
    const chunks = Math.ceil(values.length / slotsPerCt);
    if (this.pending + chunks > this.maxQueuedChunks) {
      return heFail('HE_QUEUE_FULL', `${this.pending} chunks pending, ${chunks} more exceeds limit ${this.maxQueuedChunks}`);
    }
    const promises: Promise<Uint8Array>[] = [];
    for (let start = 0; start < values.length; start += slotsPerCt) {
      const chunk = Float64Array.from({ length: Math.min(slotsPerCt, values.length - start) }, (_, i) => values[start + i] as number);
      promises.push(this.enqueue(chunk));
    }
    const ciphertexts = await Promise.all(promises);
    return heOk({ paramSet: this.ctx.params.name, length: values.length, ciphertexts });
  }

  private enqueue(values: Float64Array): Promise<Uint8Array> {
    this.pending++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const settle = () => this.pending--;
      this.queue.push({
        id: this.nextId++,
        values,
        resolve: (bytes) => (settle(), resolve(bytes)),
        reject: (error) => (settle(), reject(error)),
      });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.failSlot(slot, new Error(`encrypt worker timed out after ${this.chunkTimeoutMs} ms`)), this.chunkTimeoutMs);
      slot.worker.postMessage({ id: job.id, values: job.values }, [job.values.buffer as ArrayBuffer]);
    }
  }

  private finish(slot: Slot, reply: Exclude<WorkerReply, { type: 'ready' }>): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (reply.ok) job.resolve(reply.bytes);
    else job.reject(new Error(`encrypt worker: ${reply.error}`));
    this.pump();
  }

  /** A crashed or hung worker is infrastructure failure: its job is rejected and the worker dropped. */
  private failSlot(slot: Slot, error: Error): void {
    clearTimeout(slot.timer);
    slot.job?.reject(error);
    slot.job = undefined;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (this.slots.length === 0) this.drainQueue(new HeUsageError('no encrypt workers left'));
  }

  private drainQueue(error: Error): void {
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  /** Stops accepting work, rejects queued chunks, waits for in-flight ones, then stops the workers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.drainQueue(new HeUsageError('pool closed'));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (slot) => {
        while (slot.job !== undefined) await new Promise((r) => setTimeout(r, 5));
        clearTimeout(slot.timer);
        const exited = new Promise((r) => slot.worker.once('exit', r));
        slot.worker.postMessage({ type: 'shutdown' });
        const timer = setTimeout(() => void slot.worker.terminate(), 1_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
