/**
 * How a lessee spreads a job's sub-tasks over its leases (framework-free):
 *
 * - a lease admits at most as many sub-tasks at once as it has cores (the lessor
 *   refuses more with JOB_LEASE_BUSY), so each attempt first takes a slot of its lease;
 * - sub-tasks are queued round-robin across leases, so a job's concurrency is spent on
 *   every lease at once instead of queueing behind one lease's slots;
 * - a lessor's refusal that says "not yet" (the lease has not reached it, or its slots
 *   are still held by a sub-task whose close frame is on the way) is retried on the same
 *   lease after a pause, without using up the sub-task's attempts.
 */

/** Per-lease slot counts: an attempt runs only while it holds one of its lease's `cores` slots. */
export class LeaseSlots {
  private readonly held = new Map<string, number>();
  private readonly waiting = new Map<string, { cores: number; grant: () => void; signal: AbortSignal; onAbort: () => void }[]>();

  /** Slots of `leaseId` in use now. */
  inUse(leaseId: string): number {
    return this.held.get(leaseId) ?? 0;
  }

  /**
   * Waits (FIFO per lease) for a free slot of `leaseId`; resolves with its release
   * function, or with `undefined` when `signal` aborts first. Releasing twice is harmless.
   */
  acquire(leaseId: string, cores: number, signal: AbortSignal): Promise<(() => void) | undefined> {
    if (!Number.isSafeInteger(cores) || cores < 1) throw new RangeError(`lease ${leaseId} has ${cores} cores`);
    if (signal.aborted) return Promise.resolve(undefined);
    const queue = this.waiting.get(leaseId);
    if (!queue?.length && this.inUse(leaseId) < cores) return Promise.resolve(this.take(leaseId));
    return new Promise((resolve) => {
      const entry = {
        cores,
        signal,
        grant: () => resolve(this.take(leaseId)),
        onAbort: () => {
          const q = this.waiting.get(leaseId) ?? [];
          const i = q.indexOf(entry);
          if (i >= 0) q.splice(i, 1);
          if (q.length === 0) this.waiting.delete(leaseId);
          resolve(undefined);
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      const q = this.waiting.get(leaseId) ?? [];
      q.push(entry);
      this.waiting.set(leaseId, q);
    });
  }

  private take(leaseId: string): () => void {
    this.held.set(leaseId, this.inUse(leaseId) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.inUse(leaseId) - 1;
      if (left <= 0) this.held.delete(leaseId);
      else this.held.set(leaseId, left);
      this.wake(leaseId);
    };
  }

  private wake(leaseId: string): void {
    const q = this.waiting.get(leaseId);
    const next = q?.[0];
    if (!q || !next || this.inUse(leaseId) >= next.cores) return;
    q.shift();
    if (q.length === 0) this.waiting.delete(leaseId);
    next.signal.removeEventListener('abort', next.onAbort);
    next.grant();
  }
}

/**
 * Round-robin order over leases: the first sub-task of every lease, then the second of
 * every lease, ... (leases in order of first appearance; sub-tasks without a lease, run
 * locally, keep their place in that rotation under their own key).
 */
export function interleaveByLease<T extends { readonly lease_id: string | null }>(subTasks: readonly T[]): T[] {
  const byLease = new Map<string, T[]>();
  for (const s of subTasks) {
    const key = s.lease_id ?? '';
    const list = byLease.get(key) ?? [];
    list.push(s);
    byLease.set(key, list);
  }
  const lists = [...byLease.values()];
  const out: T[] = [];
  for (let i = 0; out.length < subTasks.length; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/**
 * Lessor refusals that mean "not yet", never "this lessor failed": the lease is not
 * stored there yet (leases reach lessee and lessor on separate paths), or its slots or
 * channels are still taken by sub-tasks whose close frames are in flight.
 */
export const TRANSIENT_REFUSALS: ReadonlySet<string> = new Set(['JOB_LEASE_UNKNOWN', 'JOB_LEASE_BUSY', 'JOB_CHANNEL_BUSY']);

/** Retries of transient refusals per sub-task (they do not count as attempts). */
export const MAX_TRANSIENT_RETRIES = 12;

/** Pause before the k-th retry (k from 0) after a transient refusal: 250 ms doubling, capped at 4 s. */
export function transientRetryDelayMs(k: number): number {
  return Math.min(4000, 250 * 2 ** Math.max(0, Math.min(k, 10)));
}

/**
 * The refusal code in a close reason written by a peer's channel router
 * (`<CODE>: <detail>`, as in `closed by b1: JOB_LEASE_BUSY: 2 sub-tasks running on 2 cores`).
 */
export function refusalCode(closeReason: string | undefined): string | undefined {
  return /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): /.exec(closeReason ?? '')?.[1];
}
