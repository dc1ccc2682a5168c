import { interleaveByLease, LeaseSlots, refusalCode, TRANSIENT_REFUSALS, transientRetryDelayMs } from './scheduling.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('LeaseSlots: at most `cores` attempts at once per lease', () => {
  it('grants up to cores at once, queues the rest FIFO, and wakes one waiter per release', async () => {
    const slots = new LeaseSlots();
    const signal = new AbortController().signal;
    const r1 = await slots.acquire('L', 2, signal);
    const r2 = await slots.acquire('L', 2, signal);
    expect(slots.inUse('L')).toBe(2);
    const order: string[] = [];
    const w3 = slots.acquire('L', 2, signal).then((r) => (order.push('third'), r));
    const w4 = slots.acquire('L', 2, signal).then((r) => (order.push('fourth'), r));
    await tick();
    expect(order).toEqual([]);
    r1!();
    r1!(); // a second release of the same slot changes nothing
    await tick();
    expect(order).toEqual(['third']);
    expect(slots.inUse('L')).toBe(2);
    r2!();
    const [r3, r4] = await Promise.all([w3, w4]);
    expect(order).toEqual(['third', 'fourth']);
    r3!();
    r4!();
    expect(slots.inUse('L')).toBe(0);
  });

  it('keeps leases apart: a full lease does not hold up another', async () => {
    const slots = new LeaseSlots();
    const signal = new AbortController().signal;
    const a = await slots.acquire('A', 1, signal);
    const b = await slots.acquire('B', 1, signal);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect([slots.inUse('A'), slots.inUse('B')]).toEqual([1, 1]);
  });

  it('an aborted wait resolves undefined, leaves the queue, and takes no slot', async () => {
    const slots = new LeaseSlots();
    const held = await slots.acquire('L', 1, new AbortController().signal);
    const stop = new AbortController();
    const waiting = slots.acquire('L', 1, stop.signal);
    const after = slots.acquire('L', 1, new AbortController().signal);
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
    held!();
    const next = await after;
    expect(next).toBeDefined();
    expect(slots.inUse('L')).toBe(1);
    await expect(slots.acquire('L', 1, stop.signal)).resolves.toBeUndefined();
  });

  it('refuses a lease without cores', async () => {
    expect(() => new LeaseSlots().acquire('L', 0, new AbortController().signal)).toThrow(RangeError);
  });

  it('never runs more than cores at once under random contention', async () => {
    const slots = new LeaseSlots();
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const release = await slots.acquire('L', 3, new AbortController().signal);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, (i * 7) % 5));
        running--;
        release!();
      }),
    );
    expect(peak).toBe(3);
    expect(slots.inUse('L')).toBe(0);
  });
});

describe('interleaveByLease', () => {
  it('takes one sub-task of every lease in turn, keeping each lease\'s own order', () => {
    const s = (id: string, lease: string | null) => ({ id, lease_id: lease });
    const out = interleaveByLease([s('a0', 'A'), s('a1', 'A'), s('a2', 'A'), s('b0', 'B'), s('b1', 'B'), s('l0', null)]);
    expect(out.map((x) => x.id)).toEqual(['a0', 'b0', 'l0', 'a1', 'b1', 'a2']);
    expect(interleaveByLease([])).toEqual([]);
  });
});

describe('transient refusals', () => {
  it('reads the code a lessor\'s router put in its close reason', () => {
    expect(refusalCode('JOB_LEASE_BUSY: 2 sub-tasks running on 2 cores')).toBe('JOB_LEASE_BUSY');
    expect(refusalCode('JOB_LEASE_UNKNOWN: no lease L with b1 as lessor')).toBe('JOB_LEASE_UNKNOWN');
    expect(refusalCode('done')).toBeUndefined();
    expect(refusalCode('serve failed: boom')).toBeUndefined();
    expect(refusalCode(undefined)).toBeUndefined();
  });

  it('only "not yet" refusals are transient; a wrong lessee or an ended lease is not', () => {
    expect([...TRANSIENT_REFUSALS].sort()).toEqual(['JOB_CHANNEL_BUSY', 'JOB_LEASE_BUSY', 'JOB_LEASE_UNKNOWN']);
    for (const code of ['JOB_NOT_LESSEE', 'JOB_LEASE_NOT_ACTIVE', 'JOB_STRATEGY_NOT_LEASED', 'STRATEGY_PROTOCOL_ERROR']) expect(TRANSIENT_REFUSALS.has(code)).toBe(false);
  });

  it('pauses grow from 250 ms and are capped at 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(transientRetryDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
});
