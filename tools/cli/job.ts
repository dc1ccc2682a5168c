/**
 * Participant commands of the CLI (docs/cli.md): submit a job from files, watch
 * it with a progress bar, fetch its result, stop it, list jobs, offer compute,
 * and write sample data and a sample program to try it with. Everything goes
 * through the participant's HTTP API (apps/participant/src/http/jobs.controller.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { validateProgram } from '#libs/compute';
import { creditScoringProgram, rowsToCsv, sampleCreditRows } from '../../libs/testing/src/jobs.js';
import { CliError, EXIT, UsageError } from './errors.js';
import {
  checkInlineSize,
  datasetSource,
  DEFAULT_PARTICIPANT_URL,
  embeddedDataDir,
  exitCodeFor,
  isTerminal,
  mb,
  parseJobRef,
  parseList,
  parseOffer,
  parseOptions,
  parseResult,
  parseSampleData,
  parseSampleProgram,
  parseSubmit,
  participantUrl,
  progressLine,
  submitBody,
  watchOptions,
  WATCH_OPTIONS,
  type JobView,
  type SubmitArgs,
  type WatchOptions,
} from './job-args.js';

type Env = Readonly<Record<string, string | undefined>>;

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const note = (s: string): void => void process.stderr.write(`${s}\n`);

export const JOB_USAGE = `job commands (docs/cli.md; --participant-url defaults to ${DEFAULT_PARTICIPANT_URL}, a1 of the embedded network):
  job sample-data --out FILE [--rows N] [--features F] [--seed S]      sample customer features as CSV
  job sample-program --out FILE [--features F] [--seed S]              a logistic credit-scoring program (JSON)
  job data-dir [--participant-url URL]                                 the participant's data directory, when this machine runs it (npm start)
  job submit --data FILE --program FILE [--post-program FILE] [--cores N] [--memory-mib M] [--duration-s S]
             [--max-price P] [--deadline-s D] [--strategy he|tee-symmetric-he-result|tee-symmetric] [--forbid LIST]
             [--minimum S] [--capabilities he,tee] [--security-level L] [--local-share X] [--client-job-id ID]
             [--data-dir DIR | --inline] [--watch [--interval-ms MS] [--timeout-s S]]
                                                                       prints the job id; with --watch, watches it
  job watch --job ID [--interval-ms MS] [--timeout-s S]                progress bar; exit 0 completed, 2 failed, 3 cancelled, 4 timeout
  job result --job ID [--out FILE] [--format csv|json]                 the result (stdout without --out)
  job stop --job ID                                                    stops a job
  job list [--limit N] [--json]                                        this participant's jobs, newest first
compute offer --participant-url URL [--cores N] [--price P] [--duration-s S] [--expires-s S] [--capabilities he,tee]
              [--security-level L] [--memory-mib M] [--client-order-id ID]     a sell order: offer compute as a lessor`;

// --- HTTP ---------------------------------------------------------------------------------------

interface Reply {
  readonly status: number;
  readonly text: string;
}

/**
 * Socket errors worth another try: a participant whose event loop was busy for a
 * while (HE key generation) can close a kept-alive connection just as the next
 * request goes out on it. Every request here is idempotent (GETs; stop; submit and
 * offer carry a client id), so a retry cannot do anything twice.
 */
const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

async function request(base: string, path: string, o: { method?: string; body?: string; timeoutMs?: number } = {}): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${base}${path}`, {
        method: o.method ?? 'GET',
        ...(o.body !== undefined ? { body: o.body, headers: { 'content-type': 'application/json' } } : {}),
        signal: AbortSignal.timeout(o.timeoutMs ?? 60_000),
      });
      return { status: res.status, text: await res.text() };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (attempt < 4 && TRANSIENT.has(err.cause?.code ?? '')) {
        await sleep(250 * attempt);
        continue;
      }
      const why = err.name === 'TimeoutError' ? `no answer within ${(o.timeoutMs ?? 60_000) / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new CliError(`cannot reach the participant at ${base} (${why}); is the network running? (\`npm start\` runs the embedded one, a1 at ${DEFAULT_PARTICIPANT_URL})`);
    }
  }
}

function failure(what: string, r: Reply): CliError {
  let detail = r.text.slice(0, 400);
  try {
    const b = JSON.parse(r.text) as { error?: { code?: string; message?: string }; message?: unknown };
    if (b.error) detail = `${b.error.code ?? ''}: ${b.error.message ?? ''}`;
    else if (typeof b.message === 'string') detail = b.message;
  } catch {
    // not JSON: keep the text
  }
  return new CliError(`${what}: HTTP ${r.status} ${detail}`);
}

async function json<T>(base: string, path: string, what: string, o: { method?: string; body?: string; timeoutMs?: number } = {}): Promise<{ status: number; body: T }> {
  const r = await request(base, path, o);
  if (r.status >= 300) throw failure(what, r);
  try {
    return { status: r.status, body: JSON.parse(r.text) as T };
  } catch {
    throw new CliError(`${what}: the participant at ${base} answered ${r.status} with something that is not JSON: ${r.text.slice(0, 200)}`);
  }
}

// --- files --------------------------------------------------------------------------------------

async function readProgram(file: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--${flag} ${file}: ${(e as Error).message}`);
  }
  let program: unknown;
  try {
    program = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--${flag} ${file}: not JSON (${(e as Error).message})`);
  }
  const checked = validateProgram(program);
  if (!checked.ok) throw new UsageError(`--${flag} ${file}: ${checked.code}: ${checked.detail}`);
  return program;
}

/** Columns of the first non-empty line (header or data) of a CSV file, read from its first 64 KiB. */
async function csvWidth(file: string): Promise<number | undefined> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const first = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/).find((l) => l.trim() !== '');
    return first === undefined ? undefined : first.split(',').length;
  } finally {
    await fh.close();
  }
}

function isLoopback(url: string): boolean {
  const h = new URL(url).hostname;
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\./.test(h);
}

async function nodeIdOf(base: string): Promise<string> {
  const r = await json<{ nodeId?: string }>(base, '/v1/identity', `GET ${base}/v1/identity`, { timeoutMs: 10_000 });
  if (typeof r.body.nodeId !== 'string') throw new CliError(`${base}/v1/identity: no nodeId; is this a datanet participant?`);
  return r.body.nodeId;
}

/**
 * The participant's data directory as seen from here: --data-dir / DATANET_DATA_DIR, else
 * (participant on this machine) the embedded network's `<state>/data/<node id>` when it exists.
 */
async function resolveDataDir(base: string, given: string | undefined, env: Env): Promise<{ dir: string | undefined; auto: boolean }> {
  if (given !== undefined) {
    try {
      return { dir: realpathSync(given), auto: false };
    } catch {
      throw new UsageError(`--data-dir ${given} does not exist (the participant's DATANET_DATA_DIR, as this machine sees it)`);
    }
  }
  if (!isLoopback(base)) return { dir: undefined, auto: false };
  const guess = embeddedDataDir(await nodeIdOf(base), env, tmpdir());
  return existsSync(guess) ? { dir: realpathSync(guess), auto: true } : { dir: undefined, auto: false };
}

// --- commands -----------------------------------------------------------------------------------

async function submit(argv: readonly string[], env: Env): Promise<number> {
  const parsed: SubmitArgs = parseSubmit(argv, env);
  // A client id makes the submission idempotent, so request() may retry it.
  const a: SubmitArgs = parsed.clientJobId !== undefined ? parsed : { ...parsed, clientJobId: `cli-${randomUUID()}` };
  const program = await readProgram(a.program, 'program');
  const postProgram = a.postProgram !== undefined ? await readProgram(a.postProgram, 'post-program') : undefined;
  let fileReal: string;
  let size: number;
  try {
    fileReal = realpathSync(a.data);
    const st = statSync(fileReal);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (e) {
    throw new UsageError(`--data ${a.data}: ${(e as Error).message}`);
  }
  const width = await csvWidth(fileReal);
  if (width === undefined) throw new UsageError(`--data ${a.data}: the file is empty`);
  const inputWidth = (program as { inputWidth: number }).inputWidth;
  if (width !== inputWidth) throw new UsageError(`--data ${a.data} has ${width} columns but the program's inputWidth is ${inputWidth}`);

  const dataDir = a.inline ? { dir: undefined, auto: false } : await resolveDataDir(a.participantUrl, a.dataDir, env);
  const source = datasetSource(fileReal, dataDir.dir);
  let body: Record<string, unknown>;
  let sent: string;
  if (source.kind === 'csvPath') {
    body = submitBody(a, { csvPath: source.csvPath }, program, postProgram);
    sent = `by reference: csvPath ${source.csvPath} in ${dataDir.dir}${dataDir.auto ? ' (the embedded network\'s data directory)' : ''}`;
  } else {
    checkInlineSize(size, a.data, dataDir.dir);
    body = submitBody(a, { csv: await readFile(fileReal, 'utf8') }, program, postProgram);
    sent = `inline (${mb(size)} of CSV)`;
  }
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  if (source.kind === 'inline') checkInlineSize(bytes, a.data, dataDir.dir);
  const r = await json<JobView>(a.participantUrl, '/v1/jobs', `job refused by ${a.participantUrl}`, { method: 'POST', body: text, timeoutMs: 120_000 });
  out(r.body.jobId);
  note(`${r.status === 200 && parsed.clientJobId !== undefined ? `clientJobId ${parsed.clientJobId} was used before: this is that job,` : 'submitted'} ${r.body.jobId} to ${a.participantUrl}; data ${sent}`);
  if (!a.watch) {
    note(`watch it: npm run cli -- job watch --participant-url ${a.participantUrl} --job ${r.body.jobId}`);
    return EXIT.ok;
  }
  return watch(a.participantUrl, r.body.jobId, a.watchOptions);
}

async function watch(base: string, jobId: string, o: WatchOptions): Promise<number> {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let shownStrategy = false;
  const seenAttempts = new Set<string>();
  let lastLine = '';
  let failingSince: number | undefined;
  let barShown = false;
  const print = (s: string): void => {
    if (tty && barShown) process.stderr.write('\r\x1b[K');
    barShown = false;
    note(s);
  };
  for (;;) {
    let p: JobView;
    try {
      p = (await json<JobView>(base, `/v1/jobs/${jobId}`, `job ${jobId}`, { timeoutMs: 30_000 })).body;
      failingSince = undefined;
    } catch (e) {
      // A participant restarting is not the job failing: retry for a while.
      if (!(e instanceof CliError) || /HTTP 4\d\d/.test(e.message)) throw e;
      failingSince ??= Date.now();
      if (Date.now() - failingSince > 30_000) throw e;
      await sleep(o.intervalMs);
      continue;
    }
    if (p.strategy && !shownStrategy) {
      shownStrategy = true;
      print(`strategy ${p.strategy} (S206): ${(p.selection?.reasons ?? []).join('; ') || 'no reasons given'}`);
    }
    for (const at of p.attempts) {
      const key = `${at.subTaskId}#${at.attempt}`;
      if (at.status === 'running' || seenAttempts.has(key)) continue;
      seenAttempts.add(key);
      print(`  sub-task ${at.subTaskId} attempt ${at.attempt} on ${at.lessor}: ${at.status}${at.failureCode ? ` (${at.failureCode})` : ''}${at.ms !== null ? ` in ${(at.ms / 1000).toFixed(1)} s` : ''}`);
    }
    const createdMs = p.createdAt ? Date.parse(p.createdAt) : Number.NaN;
    const elapsed = Math.max(0, (Number.isFinite(createdMs) ? (isTerminal(p.status) && p.updatedAt ? Date.parse(p.updatedAt) : Date.now()) - createdMs : Date.now() - started));
    const line = progressLine(p, elapsed);
    if (tty) {
      process.stderr.write(`${barShown ? '\r\x1b[K' : ''}${line}`);
      barShown = true;
    } else if (line.replace(/\s+[\d.]+ s/, '') !== lastLine.replace(/\s+[\d.]+ s/, '')) {
      note(line);
    }
    lastLine = line;
    if (isTerminal(p.status)) {
      if (tty) process.stderr.write('\n');
      const took = `${(elapsed / 1000).toFixed(1)} s`;
      if (p.status === 'completed') {
        const shape = p.result ? `${p.result.rows} rows x ${p.result.width}` : `${p.rows ?? '?'} rows`;
        out(`job ${jobId} completed in ${took}: ${shape}, strategy ${p.strategy ?? '?'}`);
        note(`result: npm run cli -- job result --participant-url ${base} --job ${jobId} --out result.csv`);
      } else {
        out(`job ${jobId} ${p.status} after ${took}: ${p.failure?.code ?? 'no failure code'}${p.failure?.detail ? `: ${p.failure.detail}` : ''}`);
      }
      return exitCodeFor(p.status);
    }
    if (o.timeoutS > 0 && Date.now() - started > o.timeoutS * 1000) {
      if (tty) process.stderr.write('\n');
      throw new CliError(`job ${jobId} still ${p.status} after --timeout-s ${o.timeoutS}; it goes on (stop it with: npm run cli -- job stop --job ${jobId})`, EXIT.watchTimeout);
    }
    await sleep(o.intervalMs);
  }
}

async function result(argv: readonly string[], env: Env): Promise<number> {
  const a = parseResult(argv, env);
  const r = await request(a.participantUrl, `/v1/jobs/${a.jobId}/result${a.format === 'csv' ? '?format=csv' : ''}`, { timeoutMs: 300_000 });
  if (r.status !== 200) throw failure(`result of job ${a.jobId}`, r);
  if (a.out === undefined) {
    process.stdout.write(r.text);
    return EXIT.ok;
  }
  await writeFile(a.out, r.text);
  const rows = a.format === 'csv' ? r.text.split('\n').filter((l) => l !== '').length : ((JSON.parse(r.text) as { rows?: unknown[] }).rows?.length ?? 0);
  note(`wrote ${rows} result rows (${a.format}) of job ${a.jobId} to ${a.out}`);
  return EXIT.ok;
}

async function stop(argv: readonly string[], env: Env): Promise<number> {
  const a = parseJobRef(argv, env);
  const r = await json<JobView>(a.participantUrl, `/v1/jobs/${a.jobId}/stop`, `stop job ${a.jobId}`, { method: 'POST', body: '{}' });
  const p = r.body;
  out(`job ${a.jobId}: ${p.status}${p.failure ? ` (${p.failure.code}: ${p.failure.detail})` : ''}`);
  return EXIT.ok;
}

async function list(argv: readonly string[], env: Env): Promise<number> {
  const a = parseList(argv, env);
  const r = await json<{ jobs: { jobId: string; clientJobId: string | null; status: string; strategy: string | null; createdAt: string }[] }>(a.participantUrl, `/v1/jobs?limit=${a.limit}`, 'list jobs');
  if (a.json) {
    out(JSON.stringify(r.body));
    return EXIT.ok;
  }
  if (r.body.jobs.length === 0) {
    note(`no jobs at ${a.participantUrl}`);
    return EXIT.ok;
  }
  out(`${'job id'.padEnd(36)}  ${'status'.padEnd(10)}  ${'strategy'.padEnd(23)}  ${'created'.padEnd(24)}  client job id`);
  for (const j of r.body.jobs) out(`${j.jobId}  ${j.status.padEnd(10)}  ${(j.strategy ?? '-').padEnd(23)}  ${j.createdAt.padEnd(24)}  ${j.clientJobId ?? '-'}`);
  return EXIT.ok;
}

async function sampleData(argv: readonly string[]): Promise<number> {
  const a = parseSampleData(argv);
  const rows = sampleCreditRows(a.rows, a.features, a.seed);
  let fh;
  try {
    fh = await open(a.out, 'w');
  } catch (e) {
    throw new CliError(`--out ${a.out}: ${(e as Error).message}`);
  }
  try {
    const CHUNK = 20_000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const csv = rowsToCsv(rows.slice(i, i + CHUNK));
      // rowsToCsv writes a header per call: keep the first one only (the file equals rowsToCsv(rows)).
      await fh.write(i === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
  } finally {
    await fh.close();
  }
  note(`wrote ${a.rows} rows x ${a.features} features (sample customers, seed ${a.seed}, header f1..f${a.features}) to ${a.out} (${mb(statSync(a.out).size)})`);
  return EXIT.ok;
}

async function sampleProgram(argv: readonly string[]): Promise<number> {
  const a = parseSampleProgram(argv);
  await writeFile(a.out, `${JSON.stringify(creditScoringProgram(a.features, a.seed), null, 2)}\n`);
  note(`wrote a credit-scoring program (sigmoid(w.x + b), degree-3 sigmoid; inputWidth ${a.features}) to ${a.out}`);
  return EXIT.ok;
}

async function dataDir(argv: readonly string[], env: Env): Promise<number> {
  const v = parseOptions(argv, ['participant-url']);
  const base = participantUrl(v, env);
  if (!isLoopback(base)) throw new CliError(`${base} is not on this machine: ask its operator for its DATANET_DATA_DIR`);
  const dir = embeddedDataDir(await nodeIdOf(base), env, tmpdir());
  if (!existsSync(dir)) throw new CliError(`${dir} does not exist: is ${base} a participant of the embedded network (npm start; DATANET_STATE_DIR if you set one)?`);
  out(dir);
  return EXIT.ok;
}

async function offer(argv: readonly string[], env: Env): Promise<number> {
  const parsed = parseOffer(argv, env);
  const a = parsed.body.clientOrderId !== undefined ? parsed : { ...parsed, body: { ...parsed.body, clientOrderId: `cli-${randomUUID()}` } };
  const r = await json<{ orderId?: string; status?: string; restingCores?: number; fills?: unknown[] }>(a.participantUrl, '/v1/orders', `sell order refused by ${a.participantUrl}`, { method: 'POST', body: JSON.stringify(a.body) });
  out(`order ${r.body.orderId ?? '?'}: ${r.body.status ?? '?'}, ${r.body.restingCores ?? '?'} of ${String(a.body.cores)} cores resting at ${String(a.body.priceMinorPerCoreSecond)} per core-second (${(a.body.capabilities as string[]).join(', ')}; expires in ${String(a.body.expiresInS)} s)`);
  return EXIT.ok;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** `job <sub> ...`; returns the exit code. */
export async function runJob(sub: string | undefined, argv: readonly string[], env: Env = process.env): Promise<number> {
  switch (sub) {
    case 'submit':
      return submit(argv, env);
    case 'watch': {
      const a = parseJobRef(argv, env, WATCH_OPTIONS);
      return watch(a.participantUrl, a.jobId, watchOptions(a.values));
    }
    case 'result':
      return result(argv, env);
    case 'stop':
      return stop(argv, env);
    case 'list':
      return list(argv, env);
    case 'sample-data':
      return sampleData(argv);
    case 'sample-program':
      return sampleProgram(argv);
    case 'data-dir':
      return dataDir(argv, env);
    case undefined:
    default:
      throw new UsageError(sub ? `unknown job command "${sub}"\n${JOB_USAGE}` : JOB_USAGE);
  }
}

/** `compute <sub> ...`. */
export async function runCompute(sub: string | undefined, argv: readonly string[], env: Env = process.env): Promise<number> {
  if (sub === 'offer') return offer(argv, env);
  throw new UsageError(`usage: ${JOB_USAGE.slice(JOB_USAGE.indexOf('compute offer'))}`);
}
