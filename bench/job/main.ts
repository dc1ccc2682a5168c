/**
 * `npm run bench:job`: wall time of the sample job (lessee a1 scores customers x 16
 * features with the logistic credit-scoring program on compute leased from b1 and b2
 * in the other subnet) per strategy, against the same program run locally in
 * plaintext in the same process (the baseline), printed as ratios; then how the time
 * grows with the row count (10k, 100k, 1M) for the strategy the selector (S206)
 * chooses by itself.
 *
 * Every job: b1 and b2 offer 2 cores each (--lease-cores) with fresh clientOrderIds
 * (the lessee runs at most that many sub-tasks at once on each lease, whatever the
 * row count); the CSV is in a1's data directory and is submitted by
 * reference (csvPath); the wall time runs from the POST /v1/jobs call to the first
 * poll (every 100 ms) that sees the job completed; the result is checked against the
 * plaintext reference. A run that would not fit (HE ciphertext volume over
 * --he-max-mib) is skipped with the reason; a run still going after --run-timeout-s is
 * stopped and recorded as skipped with the reason; a failed job is recorded as failed.
 *
 * Options: --rows N (per strategy, default 100000), --he-rows N (HE only, default
 * --rows), --scaling 10000,100000,1000000, --scaling-strategy auto|<strategy> (auto),
 * --features F (16), --run-timeout-s S (900), --he-max-mib M (1024), --lease-cores N
 * (cores each lessor offers, 2), --quick (10k rows, scaling 1k and 10k, 300 s
 * timeout), --keep-state. The last line printed is one JSON object
 * with the figures.
 */
import { mkdtempSync, chmodSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Program } from '#libs/compute';
import { creditScoringProgram, freshTopology, LocalNetwork, maxRelativeError, offerCompute, plainReference, rowsToCsv, sampleCreditRows, type JobProgress } from '#libs/testing';
import { parseCsv, sliceRows } from '../../apps/participant/src/jobs/job-spec.js';

const STRATEGIES = ['tee-symmetric', 'tee-symmetric-he-result', 'he'] as const;
type Strategy = (typeof STRATEGIES)[number];
/** ckks-16384 (the parameter set the job runner picks for this program's depth): slots per ciphertext, and measured bytes per serialized ciphertext. */
const HE_SLOTS = 8192;
const HE_CIPHERTEXT_BYTES = 1.2 * 1024 * 1024;

class ConfigError extends Error {}

interface Options {
  readonly rows: number;
  readonly heRows: number;
  readonly scaling: readonly number[];
  readonly features: number;
  readonly runTimeoutS: number;
  readonly heMaxMiB: number;
  /** Cores each lessor offers (the lessee runs at most that many sub-tasks at once on each lease). */
  readonly leaseCores: number;
  readonly scalingStrategy: Strategy | 'auto';
  readonly keepState: boolean;
  readonly quick: boolean;
}

function options(argv: string[]): Options {
  let v: Record<string, string | boolean | undefined>;
  try {
    v = parseArgs({
      args: argv,
      options: { rows: { type: 'string' }, 'he-rows': { type: 'string' }, scaling: { type: 'string' }, features: { type: 'string' }, 'run-timeout-s': { type: 'string' }, 'he-max-mib': { type: 'string' }, 'lease-cores': { type: 'string' }, 'scaling-strategy': { type: 'string' }, quick: { type: 'boolean' }, 'keep-state': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new ConfigError((e as Error).message.split('. ')[0] ?? '');
  }
  const quick = v.quick === true;
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = v[name];
    if (raw === undefined) return fallback;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(`--${name} must be an integer in [${min}, ${max}], got ${String(raw)}`);
    return n;
  };
  const rows = int('rows', quick ? 10_000 : 100_000, 100, 2_000_000);
  const scalingRaw = typeof v.scaling === 'string' ? v.scaling : quick ? '1000,10000' : '10000,100000,1000000';
  const scaling = scalingRaw.split(',').map((s) => Number(s.trim()));
  if (scaling.some((n) => !Number.isSafeInteger(n) || n < 100 || n > 2_000_000)) throw new ConfigError(`--scaling: comma-separated row counts in [100, 2000000], got ${scalingRaw}`);
  return {
    rows,
    heRows: int('he-rows', rows, 100, 2_000_000),
    scaling,
    features: int('features', 16, 1, 256),
    runTimeoutS: int('run-timeout-s', quick ? 300 : 900, 30, 86_000),
    heMaxMiB: int('he-max-mib', 1024, 1, 65_536),
    leaseCores: int('lease-cores', 2, 1, 64),
    scalingStrategy: scalingStrategy(v['scaling-strategy']),
    keepState: v['keep-state'] === true,
    quick,
  };
}

function scalingStrategy(raw: string | boolean | undefined): Strategy | 'auto' {
  if (raw === undefined) return 'auto';
  if (raw === 'auto' || (STRATEGIES as readonly unknown[]).includes(raw)) return raw as Strategy | 'auto';
  throw new ConfigError(`--scaling-strategy: auto or one of ${STRATEGIES.join(', ')}, got ${String(raw)}`);
}

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const progress = (s: string): void => void process.stderr.write(`[bench:job] ${s}\n`);
const round = (n: number, d = 0): number => Math.round(n * 10 ** d) / 10 ** d;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const fmtRows = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

// --- datasets and the local baseline ----------------------------------------------------------

interface Dataset {
  readonly rows: number;
  /** File name inside a1's data directory (csvPath). */
  readonly file: string;
  readonly path: string;
  readonly reference: number[][];
  /** The program on the rows, in memory: the median of at least 3 runs (more for small sizes), after a warm-up. */
  readonly localMs: number;
  /** Read the CSV file + parse it (the participant's parser) + run the program. */
  readonly localCsvMs: number;
}

async function writeCsv(path: string, rows: readonly (readonly number[])[]): Promise<void> {
  const fh = await open(path, 'w');
  try {
    for (let i = 0; i < rows.length; i += 20_000) {
      const csv = rowsToCsv(rows.slice(i, i + 20_000));
      await fh.write(i === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
  } finally {
    await fh.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function dataset(dir: string, program: Program, rowsN: number, features: number): Promise<Dataset> {
  const file = `credit-${rowsN}x${features}.csv`;
  const path = join(dir, file);
  const rows = sampleCreditRows(rowsN, features);
  await writeCsv(path, rows);
  plainReference(program, rows.slice(0, Math.min(rowsN, 10_000)));
  // At least 3 timed runs and 300 ms in all (small sizes take a few ms: more runs, less noise); the median.
  const times: number[] = [];
  let reference: number[][] = [];
  while (times.length < 3 || (times.reduce((a, b) => a + b, 0) < 300 && times.length < 100)) {
    const t0 = performance.now();
    reference = plainReference(program, rows);
    times.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const parsed = parseCsv(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.code}: ${parsed.message}`);
  plainReference(program, sliceRows(parsed.value, 0, parsed.value.rowCount));
  const localCsvMs = performance.now() - t0;
  return { rows: rowsN, file, path, reference, localMs: median(times), localCsvMs };
}

// --- jobs on the network ----------------------------------------------------------------------

type Run =
  | { readonly rows: number; readonly requested: Strategy | 'auto'; readonly ok: true; readonly strategy: string; readonly leaseCores: number; readonly wallMs: number; readonly subTasks: number; readonly maxRelError: number; readonly attempts: string; readonly reasons: string[] }
  /** skipped: infeasible or over the per-run timeout (said why); failed: the job failed, its result was wrong, or a service died. */
  | { readonly rows: number; readonly requested: Strategy | 'auto'; readonly ok: false; readonly kind: 'skipped' | 'failed'; readonly reason: string };

let runSeq = 0;

async function deposit(net: LocalNetwork): Promise<void> {
  const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
    body: JSON.stringify({ participantId: 'a1', amountMinor: '100000000000', reference: `bench-job-${Date.now()}` }),
  });
  if (!res.ok) throw new Error(`deposit: ${res.status} ${await res.text()}`);
}

/**
 * Retries socket errors: a participant whose event loop was blocked for seconds (HE key
 * generation) may close a kept-alive connection just as the next request goes out on it
 * (ECONNRESET; the service itself is fine). Every call here is idempotent: GETs, stop,
 * and submissions and offers with client ids.
 */
async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { cause?: { code?: string } }).cause?.code ?? '';
      if (attempt >= 4 || !['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code)) throw e;
      progress(`  ${code}; retrying`);
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  return retrying(async () => {
    const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(120_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  });
}

async function deadNodes(n: LocalNetwork): Promise<string[]> {
  const dead: string[] = [];
  for (const id of ['a1', 'b1', 'b2']) {
    const alive = await fetch(`${n.url(id)}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!alive) dead.push(id);
  }
  return dead;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `    ${l.slice(0, 400)}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

function heMiB(rows: number, features: number): number {
  return (Math.ceil((rows * features) / HE_SLOTS) * HE_CIPHERTEXT_BYTES) / (1024 * 1024);
}

async function runJob(net: LocalNetwork, o: Options, program: Program, d: Dataset, requested: Strategy | 'auto'): Promise<Run> {
  const label = `${requested} at ${fmtRows(d.rows)} rows`;
  if (requested === 'he' && heMiB(d.rows, o.features) > o.heMaxMiB) {
    const skipped = `HE at ${d.rows} rows x ${o.features}: ~${Math.round(heMiB(d.rows, o.features))} MiB of ckks-16384 ciphertext to encrypt, relay through the PostgreSQL bus and evaluate, over --he-max-mib ${o.heMaxMiB}`;
    progress(`${label}: skipped (${skipped})`);
    return { rows: d.rows, requested, ok: false, kind: 'skipped', reason: skipped };
  }
  const n = ++runSeq;
  const a1 = net.url('a1');
  const leaseCores = o.leaseCores;
  for (const [i, lessor] of ['b1', 'b2'].entries()) {
    await retrying(() => offerCompute(net.url(lessor), { cores: leaseCores, priceMinorPerCoreSecond: 3 + i, durationS: 3600, expiresInS: o.runTimeoutS + 120, clientOrderId: `bench-${process.pid}-${n}-${lessor}` }));
  }
  progress(`${label}: submitting (job ${n}; b1, b2 offer ${leaseCores} cores each)`);
  const t0 = performance.now();
  const job = await api<JobProgress>(`${a1}/v1/jobs`, {
    method: 'POST',
    body: JSON.stringify({
      clientJobId: `bench-${process.pid}-${n}`,
      dataset: { csvPath: d.file },
      program,
      resources: { cores: 2 * leaseCores, memoryMiB: 4096, durationS: 3600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: Math.min(86_400, o.runTimeoutS + 60),
      ...(requested !== 'auto' ? { strategy: { force: requested } } : {}),
    }),
  });
  let p: JobProgress;
  let lastLog = 0;
  for (;;) {
    p = await api<JobProgress>(`${a1}/v1/jobs/${job.jobId}`);
    if (['completed', 'failed', 'cancelled'].includes(p.status)) break;
    const elapsed = performance.now() - t0;
    if (elapsed > o.runTimeoutS * 1000) {
      await api(`${a1}/v1/jobs/${job.jobId}/stop`, { method: 'POST', body: '{}' }).catch(() => undefined);
      const skipped = `timeout: still ${p.status} (${p.subTasks.done}/${p.subTasks.total} sub-tasks done) after --run-timeout-s ${o.runTimeoutS}; stopped`;
      progress(`${label}: ${skipped}`);
      return { rows: d.rows, requested, ok: false, kind: 'skipped', reason: skipped };
    }
    if (elapsed - lastLog > 15_000) {
      lastLog = elapsed;
      progress(`  ${secs(elapsed)} ${p.status} ${p.strategy ?? ''} ${p.subTasks.done}/${p.subTasks.total} sub-tasks`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const wallMs = performance.now() - t0;
  if (p.status !== 'completed') {
    const reason = `job ${p.status}: ${p.failure?.code ?? '?'}: ${p.failure?.detail ?? ''}`;
    progress(`${label}: ${reason}`);
    return { rows: d.rows, requested, ok: false, kind: 'failed', reason };
  }
  const result = await api<{ rows: number[][] }>(`${a1}/v1/jobs/${job.jobId}/result`);
  const err = maxRelativeError(result.rows, d.reference);
  const failedAttempts = p.attempts.filter((a) => a.status !== 'completed');
  const attempts =
    p.attempts.length <= 4
      ? p.attempts.map((a) => `${a.subTaskId}@${a.lessor} ${a.status}${a.failureCode ? ` ${a.failureCode}` : ''}${a.ms !== null ? ` ${secs(a.ms)}` : ''}`).join(', ')
      : `${p.attempts.length} attempts, ${failedAttempts.length} retried${failedAttempts.length ? ` (${failedAttempts.map((a) => `${a.subTaskId}@${a.lessor} ${a.status} ${a.failureCode ?? ''}`.trim()).join(', ')})` : ''}; per completed sub-task ${secs(Math.min(...p.attempts.filter((a) => a.status === 'completed').map((a) => a.ms ?? 0)))}-${secs(Math.max(...p.attempts.map((a) => a.ms ?? 0)))}`;
  progress(`${label}: ${p.strategy} completed in ${secs(wallMs)}; max relative error ${err.toExponential(2)}`);
  if (!(err < 1e-3)) return { rows: d.rows, requested, ok: false, kind: 'failed', reason: `result differs from the plaintext reference (max relative error ${err})` };
  return { rows: d.rows, requested, ok: true, strategy: p.strategy ?? '?', leaseCores, wallMs, subTasks: p.subTasks.total, maxRelError: err, attempts, reasons: p.selection?.reasons ?? [] };
}

// --- main ---------------------------------------------------------------------------------------

let net: LocalNetwork | undefined;
let stateDir: string | undefined;
let keepState = false;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const n = net;
    net = undefined;
    if (n) {
      progress('stopping the network');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([n.stop().catch((e: unknown) => progress(`stop failed: ${(e as Error).message}`)), new Promise<void>((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
    }
    if (stateDir && !keepState) rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    else if (stateDir) progress(`state kept in ${stateDir}`);
  })();
  return cleaning;
}

async function main(o: Options): Promise<number> {
  keepState = o.keepState;
  const program = creditScoringProgram(o.features);
  const load0 = loadavg()[0] ?? 0;
  out(`job benchmark: the sample job (${o.features} features, sigmoid(w.x + b)), a1 (subnet a) leasing ${o.leaseCores}+${o.leaseCores} cores from b1, b2 (subnet b); ${availableParallelism()} cores here, load average ${load0.toFixed(2)}`);
  out(`  per strategy: tee-symmetric and tee-symmetric-he-result at ${o.rows} rows, he at ${o.heRows} rows; scaling (${o.scalingStrategy === 'auto' ? 'strategy chosen by the selector' : o.scalingStrategy}): ${o.scaling.join(', ')} rows; per-run timeout ${o.runTimeoutS} s`);

  stateDir = mkdtempSync(join(tmpdir(), 'datanet-bench-job-'));
  chmodSync(stateDir, 0o755);
  const topology = await freshTopology('bench-job', { a: ['a1'], b: ['b1', 'b2'] });
  progress(`starting the network (state in ${stateDir})`);
  const t0 = Date.now();
  net = await LocalNetwork.start({
    topology,
    stateDir,
    env: { DATANET_LOG_LEVEL: 'warn', DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: String(o.runTimeoutS) },
    onEvent: (e) => progress(`  ${e}`),
  });
  progress(`network up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await deposit(net);
  const dataDir = net.dataDir('a1');

  const datasets = new Map<number, Dataset>();
  const get = async (rows: number): Promise<Dataset> => {
    let d = datasets.get(rows);
    if (!d) {
      progress(`dataset ${fmtRows(rows)} rows: writing ${join(dataDir, `credit-${rows}x${o.features}.csv`)}, timing the local plaintext run`);
      d = await dataset(dataDir, program, rows, o.features);
      datasets.set(rows, d);
    }
    return d;
  };

  // Warm-up (not reported): the first job of a fresh network pays one-time costs (JIT, connection pools, the HE calibration).
  progress('warm-up job (1000 rows, tee-symmetric; not reported)');
  await runJob(net, o, program, await get(1000), 'tee-symmetric');

  // A service that dies fails its run; the runs after it are not attempted (said so), and the figures so far are still printed.
  let down: string | undefined;
  const attempt = async (rows: number, requested: Strategy | 'auto'): Promise<Run> => {
    if (down) return { rows, requested, ok: false, kind: 'failed', reason: `not run: ${down}` };
    try {
      return await runJob(net!, o, program, await get(rows), requested);
    } catch (e) {
      const dead = await deadNodes(net!);
      if (dead.length === 0) throw e;
      down = `${dead.join(', ')} stopped answering during ${requested} at ${rows} rows (the process died; no error in its log)`;
      for (const id of dead) progress(`${id} is gone; the end of its log:\n${tail(net!.logFile(id), 5)}`);
      progress(down);
      return { rows, requested, ok: false, kind: 'failed', reason: `${down}; ${(e as Error).message}` };
    }
  };
  const perStrategy = new Map<Strategy, Run>();
  for (const s of STRATEGIES) perStrategy.set(s, await attempt(s === 'he' ? o.heRows : o.rows, s));
  const scaling = new Map<number, Run>();
  for (const rows of o.scaling) scaling.set(rows, await attempt(rows, o.scalingStrategy));
  await cleanup();

  const base = datasets.get(o.rows) ?? (await get(o.rows));
  out('');
  out(`baseline, local plaintext (the same program, this process, one thread):`);
  const reported = new Set([...perStrategy.values(), ...scaling.values()].map((r) => r.rows));
  for (const d of [...datasets.values()].filter((x) => reported.has(x.rows)).sort((a, b) => a.rows - b.rows)) {
    out(`  ${fmtRows(d.rows).padStart(5)} rows: ${d.localMs.toFixed(1)} ms (rows in memory), ${d.localCsvMs.toFixed(1)} ms (read + parse the CSV file, then run)`);
  }
  out('');
  out('per strategy (wall time from POST /v1/jobs to completed; ratio = wall / local plaintext at the same rows):');
  const line = (r: Run): string => {
    if (!r.ok) return `${r.kind}: ${r.reason}`;
    const local = datasets.get(r.rows)?.localMs ?? Number.NaN;
    return `${secs(r.wallMs).padStart(8)}  x${Math.round(r.wallMs / local).toLocaleString('en-US').padEnd(7)} (vs ${local.toFixed(1)} ms; ${r.leaseCores}+${r.leaseCores} cores, ${r.subTasks} sub-tasks: ${r.attempts})`;
  };
  for (const [s, r] of perStrategy) out(`  ${s.padEnd(24)} ${fmtRows(r.rows).padStart(5)} rows ${line(r)}`);
  out('');
  out(`scaling (${o.scalingStrategy === 'auto' ? 'strategy chosen by the selector' : `${o.scalingStrategy}, forced`}):`);
  for (const [rows, r] of scaling) out(`  ${fmtRows(rows).padStart(5)} rows  ${r.ok ? r.strategy.padEnd(24) : ''.padEnd(24)} ${line(r)}`);
  const okScaling = [...scaling.values()].filter((r): r is Extract<Run, { ok: true }> => r.ok);
  for (let i = 1; i < okScaling.length; i++) {
    const [a, b] = [okScaling[i - 1]!, okScaling[i]!];
    const same = a.strategy === b.strategy ? '' : ` (${a.strategy} -> ${b.strategy}: the selector changed strategy)`;
    out(`  ${fmtRows(a.rows)} -> ${fmtRows(b.rows)} rows (x${b.rows / a.rows}): wall time x${(b.wallMs / a.wallMs).toFixed(2)}${same}`);
  }
  const load1 = loadavg()[0] ?? 0;
  out(`load average at the end: ${load1.toFixed(2)}`);

  const fig = (r: Run, extra: Record<string, unknown> = {}): Record<string, unknown> => {
    if (!r.ok) return { rows: r.rows, ...extra, [r.kind]: r.reason };
    const local = datasets.get(r.rows)?.localMs ?? Number.NaN;
    return { rows: r.rows, ...extra, wallMs: round(r.wallMs), localMs: round(local, 1), ratio: round(r.wallMs / local, 1), leaseCores: r.leaseCores, subTasks: r.subTasks, maxRelError: Number(r.maxRelError.toExponential(2)) };
  };
  out(
    JSON.stringify({
      bench: 'job',
      rows: o.rows,
      features: o.features,
      cores: availableParallelism(),
      baseline: 'local-plaintext',
      localMs: round(base.localMs, 1),
      localCsvMs: round(base.localCsvMs, 1),
      strategies: Object.fromEntries([...perStrategy].map(([s, r]) => [s, fig(r)])),
      scalingStrategy: o.scalingStrategy,
      scaling: Object.fromEntries([...scaling].map(([rows, r]) => [String(rows), fig(r, r.ok ? { strategy: r.strategy } : {})])),
      runTimeoutS: o.runTimeoutS,
      quick: o.quick,
      loadAvg: [round(load0, 2), round(load1, 2)],
    }),
  );
  return [...perStrategy.values(), ...scaling.values()].some((r) => !r.ok && r.kind === 'failed') ? 1 : 0;
}

let opts: Options;
try {
  opts = options(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`[bench:job] ${(e as Error).message}\n`);
  process.exit(2);
}
const runs = 1 + STRATEGIES.length + opts.scaling.length;
const HARD_LIMIT_MS = (300 + runs * (opts.runTimeoutS + 60)) * 1000;
const watchdog = setTimeout(() => {
  process.stderr.write(`[bench:job] hard time limit of ${HARD_LIMIT_MS / 1000} s reached; stopping\n`);
  void cleanup().finally(() => process.exit(1));
}, HARD_LIMIT_MS);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

main(opts)
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    process.stderr.write(`[bench:job] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await cleanup();
    clearTimeout(watchdog);
    process.exit(1);
  });
