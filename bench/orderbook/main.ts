/**
 * `npm run bench:orderbook`: throughput and per-operation latency of the hub's
 * optimized order book (libs/market OrderBook) on a deterministic, realistic
 * stream (bench/orderbook/stream.ts), next to the naive reference book
 * (NaiveOrderBook) measured in the same run. The naive book is O(n) per
 * operation, so it runs a prefix of the stream (BENCH_BASELINE_OPS); the
 * ratio compares both books on that same prefix, and both must produce
 * identical results and state hashes there, or the run fails.
 *
 * Environment: BENCH_OPS (default 1,000,000; 1000..5,000,000),
 * BENCH_BASELINE_OPS (default 50,000, at most BENCH_OPS), BENCH_SEED (default 1),
 * BENCH_RUNS (timed passes over the whole stream, default 3; the median is reported).
 * The last line printed is one JSON object with the figures.
 *
 * The generated stream is kept compact (compact.ts) and rebuilt into the same
 * operation objects BATCH at a time outside the timed sections: only the
 * books' place/cancel calls are timed, and the process heap no longer holds a
 * million live operation objects that every major GC during a timed pass
 * would have to mark.
 */
import { createHash } from 'node:crypto';
import { NaiveOrderBook, OrderBook, type MatchingEngine } from '#libs/market';
import { BATCH, CompactStream } from './compact.js';
import { generateStream, type Op } from './stream.js';

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`${name} must be an integer in [${min}, ${max}], got ${raw}\n`);
    process.exit(2);
  }
  return n;
}

const OPS = envInt('BENCH_OPS', 1_000_000, 1_000, 5_000_000);
const BASELINE_OPS = envInt('BENCH_BASELINE_OPS', Math.min(50_000, OPS), 100, OPS);
const SEED = envInt('BENCH_SEED', 1, 0, 2 ** 31 - 1);
/** JIT warm-up on a throwaway book before anything is timed. */
const WARMUP_OPS = Math.min(200_000, OPS);
const NAIVE_WARMUP_OPS = Math.min(5_000, BASELINE_OPS);
/** Timed passes over the whole stream; the median is reported (the machine may be shared). */
const RUNS = envInt('BENCH_RUNS', 3, 1, 9);

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const progress = (s: string): void => void process.stderr.write(`[bench:orderbook] ${s}\n`);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Rebuilt operations of the current batch (reused). */
const batch: Op[] = new Array<Op>(BATCH);

/** Applies batch[0, n) and returns how many fills they produced. */
function applyBatch(engine: MatchingEngine, n: number): number {
  let fills = 0;
  for (let k = 0; k < n; k++) {
    const op = batch[k] as Op;
    if (op.kind === 0) {
      const r = engine.place(op.order, op.nowMs);
      if (r.ok) fills += r.fills.length;
    } else engine.cancel(op.orderId, op.participantId, op.nowMs);
  }
  return fills;
}

/** Applies ops [0, count), BATCH at a time; returns the fills and the seconds spent in the engine's calls (rebuilding the ops is not timed). */
function run(engine: MatchingEngine, ops: CompactStream, count: number): { fills: number; seconds: number } {
  let fills = 0;
  let ns = 0n;
  for (let from = 0; from < count; from += BATCH) {
    const n = Math.min(BATCH, count - from);
    ops.fill(batch, from, n);
    const t0 = process.hrtime.bigint();
    fills += applyBatch(engine, n);
    ns += process.hrtime.bigint() - t0;
  }
  batch.fill(undefined as unknown as Op);
  return { fills, seconds: Number(ns) / 1e9 };
}

interface Throughput {
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSec: number;
  readonly fills: number;
}

function throughput(make: () => MatchingEngine, ops: CompactStream, count: number): Throughput & { engine: MatchingEngine } {
  const engine = make();
  const { fills, seconds } = run(engine, ops, count);
  return { engine, ops: count, seconds, opsPerSec: count / seconds, fills };
}

interface Latency {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly p999Us: number;
  readonly maxUs: number;
}

/** A separate pass timing every op (process.hrtime.bigint into a preallocated array), so the throughput pass carries no timer overhead. */
function latency(make: () => MatchingEngine, ops: CompactStream, count: number): Latency {
  const engine = make();
  const ns = new Float64Array(count);
  for (let from = 0; from < count; from += BATCH) {
    const n = Math.min(BATCH, count - from);
    ops.fill(batch, from, n);
    for (let k = 0; k < n; k++) {
      const op = batch[k] as Op;
      const t0 = process.hrtime.bigint();
      if (op.kind === 0) engine.place(op.order, op.nowMs);
      else engine.cancel(op.orderId, op.participantId, op.nowMs);
      ns[from + k] = Number(process.hrtime.bigint() - t0);
    }
  }
  batch.fill(undefined as unknown as Op);
  ns.sort();
  const at = (p: number): number => (ns[Math.min(count - 1, Math.max(0, Math.ceil(p * count) - 1))] ?? Number.NaN) / 1000;
  return { p50Us: at(0.5), p99Us: at(0.99), p999Us: at(0.999), maxUs: (ns[count - 1] ?? Number.NaN) / 1000 };
}

/** What an empty timed section costs (two hrtime.bigint calls): included in every latency sample. */
function timerOverheadNs(): number {
  const n = 100_000;
  const ns = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    ns[i] = Number(process.hrtime.bigint() - t0);
  }
  ns.sort();
  return ns[n >>> 1] ?? 0;
}

/** sha256 over every result (JSON), so two books' outputs can be compared. */
function resultsDigest(engine: MatchingEngine, ops: CompactStream, count: number): string {
  const h = createHash('sha256');
  for (let i = 0; i < count; i++) {
    const op = ops.op(i);
    const r = op.kind === 0 ? engine.place(op.order, op.nowMs) : engine.cancel(op.orderId, op.participantId, op.nowMs);
    h.update(JSON.stringify(r));
    h.update('\n');
  }
  return h.digest('hex');
}

/**
 * RUNS timed passes of the optimized book over the whole stream (each on a
 * fresh book; only the last one is kept, for validation and the hash, and it
 * is unreachable once this returns, so it does not weigh on later phases).
 */
function measureWholeStream(ops: CompactStream): { runs: Throughput[]; cpuSeconds: number; validateSeconds: number; fullHash: string; openAtEnd: number } {
  const runs: Throughput[] = [];
  const cpuBefore = process.cpuUsage();
  for (let k = 1; k < RUNS; k++) {
    progress(`optimized: throughput over the whole stream, run ${k}/${RUNS}`);
    const r = throughput(() => new OrderBook(), ops, OPS);
    runs.push({ ops: r.ops, seconds: r.seconds, opsPerSec: r.opsPerSec, fills: r.fills });
  }
  progress(`optimized: throughput over the whole stream, run ${RUNS}/${RUNS}`);
  const last = throughput(() => new OrderBook(), ops, OPS);
  runs.push({ ops: last.ops, seconds: last.seconds, opsPerSec: last.opsPerSec, fills: last.fills });
  const cpu = process.cpuUsage(cpuBefore);
  const t0 = process.hrtime.bigint();
  last.engine.validateInternalState();
  const validateSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { runs, cpuSeconds: (cpu.user + cpu.system) / 1e6, validateSeconds, fullHash: last.engine.stateHash(), openAtEnd: last.engine.openOrderCount() };
}

function main(): number {
  out(`order book benchmark: ${fmt(OPS)} operations (seed ${SEED}); naive reference on the first ${fmt(BASELINE_OPS)}`);
  progress('generating the stream');
  const t = process.hrtime.bigint();
  const stream = generateStream({ ops: OPS, seed: SEED, participants: 300, cancelShare: 0.3, crossShare: 0.1 });
  const genSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  // Compact, checked op by op; the generated objects are dropped with `stream` below.
  const ops = CompactStream.encode(stream.ops);
  stream.ops.length = 0;
  out(`stream: ${fmt(stream.resting)} resting limit orders, ${fmt(stream.crossing)} crossing orders, ${fmt(stream.cancels)} cancels; ${fmt(stream.fills)} fills; ${fmt(stream.openAtEnd)} orders open at the end (generated in ${fmt(genSeconds, 1)} s)`);

  const optimized = (): MatchingEngine => new OrderBook();
  const naive = (): MatchingEngine => new NaiveOrderBook();

  progress(`warm-up: ${fmt(WARMUP_OPS)} ops on a throwaway book`);
  run(optimized(), ops, WARMUP_OPS);

  const { runs, cpuSeconds, validateSeconds, fullHash, openAtEnd } = measureWholeStream(ops);
  const wallSeconds = runs.reduce((n, r) => n + r.seconds, 0);
  const median = [...runs].sort((x, y) => x.opsPerSec - y.opsPerSec)[Math.floor(runs.length / 2)] as Throughput;
  progress('optimized: latency pass');
  const lat = latency(optimized, ops, OPS);
  const overhead = timerOverheadNs();
  progress('optimized: the baseline prefix');
  const prefixRuns = Array.from({ length: RUNS }, () => {
    const r = throughput(optimized, ops, BASELINE_OPS);
    return { opsPerSec: r.opsPerSec, stateHash: r.engine.stateHash() };
  });
  const prefix = [...prefixRuns].sort((x, y) => x.opsPerSec - y.opsPerSec)[Math.floor(RUNS / 2)] as (typeof prefixRuns)[number];

  progress(`naive: warm-up ${fmt(NAIVE_WARMUP_OPS)} ops, then ${fmt(BASELINE_OPS)} ops`);
  run(naive(), ops, NAIVE_WARMUP_OPS);
  const base = throughput(naive, ops, BASELINE_OPS);
  const baseLat = latency(naive, ops, BASELINE_OPS);

  progress('checking both books agree on the prefix');
  const optimizedCheck = optimized();
  const naiveCheck = naive();
  const digestOptimized = resultsDigest(optimizedCheck, ops, BASELINE_OPS);
  const digestNaive = resultsDigest(naiveCheck, ops, BASELINE_OPS);
  optimizedCheck.validateInternalState();
  naiveCheck.validateInternalState();
  const sameResults = digestOptimized === digestNaive;
  const sameHash = optimizedCheck.stateHash() === naiveCheck.stateHash() && optimizedCheck.stateHash() === prefix.stateHash && naiveCheck.stateHash() === base.engine.stateHash();
  const ratio = prefix.opsPerSec / base.opsPerSec;

  out('');
  out('optimized OrderBook (one thread):');
  out(`  ${fmt(OPS)} ops: ${fmt(median.opsPerSec)} ops/s (median of ${RUNS} runs: ${runs.map((r) => `${fmt(r.seconds, 3)} s`).join(', ')}); ${fmt(median.fills)} fills; ${fmt(openAtEnd)} orders open at the end`);
  out(`  process CPU during those runs: ${fmt(cpuSeconds, 2)} s in ${fmt(wallSeconds, 2)} s of wall time (GC helper threads included; below 1.0 per wall second means other processes had the core)`);
  out(`  per op (separate pass, every op timed): p50 ${fmt(lat.p50Us, 2)} us, p99 ${fmt(lat.p99Us, 2)} us, p99.9 ${fmt(lat.p999Us, 2)} us, max ${fmt(lat.maxUs, 0)} us (timer overhead ~${fmt(overhead)} ns included)`);
  out(`  validateInternalState at the end: ok in ${fmt(validateSeconds, 2)} s; stateHash ${fullHash.slice(0, 16)}...`);
  out(`  on the first ${fmt(BASELINE_OPS)} ops: ${fmt(prefix.opsPerSec)} ops/s (median of ${RUNS})`);
  out(`naive reference NaiveOrderBook, first ${fmt(BASELINE_OPS)} ops (O(n) scans; too slow for the whole stream):`);
  out(`  ${fmt(base.ops)} ops in ${fmt(base.seconds, 3)} s: ${fmt(base.opsPerSec)} ops/s; per op p50 ${fmt(baseLat.p50Us, 2)} us, p99 ${fmt(baseLat.p99Us, 2)} us`);
  out(`same results on the prefix: ${sameResults ? 'yes' : 'NO'} (sha256 of every result ${digestOptimized.slice(0, 16)}...); same stateHash: ${sameHash ? 'yes' : 'NO'}`);
  out(`ratio optimized / naive on the same ${fmt(BASELINE_OPS)} ops: ${fmt(ratio, 1)}x`);
  out(
    JSON.stringify({
      bench: 'orderbook',
      ops: OPS,
      opsPerSec: Math.round(median.opsPerSec),
      p50Us: Number(lat.p50Us.toFixed(3)),
      p99Us: Number(lat.p99Us.toFixed(3)),
      fills: median.fills,
      openOrders: openAtEnd,
      baseline: 'naive',
      baselineOps: BASELINE_OPS,
      baselineOpsPerSec: Math.round(base.opsPerSec),
      baselineP50Us: Number(baseLat.p50Us.toFixed(3)),
      baselineP99Us: Number(baseLat.p99Us.toFixed(3)),
      optimizedPrefixOpsPerSec: Math.round(prefix.opsPerSec),
      ratio: Number(ratio.toFixed(1)),
      identical: sameResults && sameHash,
      seed: SEED,
    }),
  );
  return sameResults && sameHash ? 0 : 1;
}

process.exitCode = main();
