/**
 * The pure half of the participant commands (`job ...`, `compute offer`):
 * argument parsing and validation, the choice between csvPath and an inline
 * CSV, the request bodies, and the progress line. No I/O here, so it is tested
 * without a network (test/cli.e2e-spec.ts, "arguments").
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** a1 of config/topology.embedded.yaml (the network `npm start` runs). */
export const DEFAULT_PARTICIPANT_URL = 'http://127.0.0.1:7101';
/** Where `npm start` keeps its state unless DATANET_STATE_DIR says otherwise (tools/network/main.ts: `<tmp>/datanet-<network>`). */
export const EMBEDDED_NETWORK = 'datanet-embedded';
/** Strongest first, as libs/strategy's STRATEGIES_BY_SECURITY (the e2e spec checks they agree). */
export const STRATEGIES = ['he', 'tee-symmetric-he-result', 'tee-symmetric'] as const;
export type StrategyName = (typeof STRATEGIES)[number];
export const CAPABILITIES = ['he', 'tee'] as const;
export type Capability = (typeof CAPABILITIES)[number];
/** The participant API's JSON body limit (libs/service-kit bootstrap, '12mb' in body-parser units). */
export const MAX_JSON_BODY_BYTES = 12 * 1024 * 1024;
/** The job API's limits (apps/participant/src/jobs/job-spec.ts JOB_LIMITS, order limits) and libs/compute's column limit. */
export const LIMITS = {
  cores: 1024,
  memoryMiB: 1_048_576,
  durationS: 86_400,
  price: 1_000_000_000,
  deadlineS: 86_400,
  rows: 2_000_000,
  features: 256,
  listLimit: 1000,
} as const;
const JOB_ID = /^[0-9a-f-]{36}$/;
const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

export type Values = Readonly<Record<string, string | boolean | undefined>>;

/** node:util parseArgs, strict, no positionals; its errors become one-line UsageErrors. */
export function parseOptions(argv: readonly string[], strings: readonly string[], booleans: readonly string[] = []): Values {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of strings) options[s] = { type: 'string' };
  for (const b of booleans) options[b] = { type: 'boolean' };
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const err = e as Error & { code?: string };
    const text = err.message.split('. ')[0] ?? err.message;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${text}; options: ${[...strings, ...booleans].map((o) => `--${o}`).join(' ')}`);
    throw new UsageError(text);
  }
}

function str(v: Values, name: string): string | undefined {
  const x = v[name];
  if (x === undefined) return undefined;
  if (typeof x !== 'string' || x.trim() === '') throw new UsageError(`--${name} needs a value`);
  return x;
}

function required(v: Values, name: string, hint = ''): string {
  const x = str(v, name);
  if (x === undefined) throw new UsageError(`--${name} is required${hint}`);
  return x;
}

function int(v: Values, name: string, fallback: number, min: number, max: number): number {
  const x = str(v, name);
  if (x === undefined) return fallback;
  const n = /^\d{1,16}$/.test(x) ? Number(x) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${x}"`);
  return n;
}

function strategy(v: Values, name: string): StrategyName | undefined {
  const x = str(v, name);
  if (x === undefined) return undefined;
  if (!(STRATEGIES as readonly string[]).includes(x)) throw new UsageError(`--${name} must be one of ${STRATEGIES.join(', ')}, got "${x}"`);
  return x as StrategyName;
}

function list<T extends string>(v: Values, name: string, allowed: readonly T[]): T[] | undefined {
  const x = str(v, name);
  if (x === undefined) return undefined;
  const items = x.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (items.length === 0 || bad.length > 0) throw new UsageError(`--${name}: a comma-separated list of ${allowed.join(', ')}${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}`);
  return [...new Set(items)] as T[];
}

/** --participant-url, else DATANET_PARTICIPANT_URL, else a1 of the embedded network; http(s) only, no trailing slash. */
export function participantUrl(v: Values, env: Readonly<Record<string, string | undefined>>, requiredHint?: string): string {
  const raw = str(v, 'participant-url') ?? (requiredHint === undefined ? env.DATANET_PARTICIPANT_URL || DEFAULT_PARTICIPANT_URL : undefined);
  if (raw === undefined) throw new UsageError(`--participant-url is required${requiredHint ?? ''}`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`--participant-url: "${raw}" is not a URL (e.g. ${DEFAULT_PARTICIPANT_URL})`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--participant-url: http or https, got ${u.protocol}`);
  if (u.search || u.hash) throw new UsageError('--participant-url: the participant\'s base URL, without query or fragment');
  return u.toString().replace(/\/+$/, '');
}

export function jobIdArg(v: Values): string {
  const id = required(v, 'job', ' (the id `job submit` printed, or see `job list`)');
  if (!JOB_ID.test(id)) throw new UsageError(`--job must be a job id (a uuid as \`job submit\` prints it), got "${id}"`);
  return id;
}

export interface WatchOptions {
  readonly intervalMs: number;
  /** 0: until the job ends (it ends by itself at its deadline at the latest). */
  readonly timeoutS: number;
}

export const WATCH_OPTIONS = ['interval-ms', 'timeout-s'] as const;

export function watchOptions(v: Values): WatchOptions {
  return { intervalMs: int(v, 'interval-ms', 500, 100, 60_000), timeoutS: int(v, 'timeout-s', 0, 0, 7 * 86_400) };
}

export interface SubmitArgs {
  readonly participantUrl: string;
  readonly data: string;
  readonly program: string;
  readonly postProgram?: string;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly maxPrice: number;
  readonly deadlineS: number;
  readonly strategy?: StrategyName;
  readonly forbid?: StrategyName[];
  readonly minimum?: StrategyName;
  readonly capabilities?: Capability[];
  readonly securityLevel?: number;
  readonly localShare?: number;
  readonly clientJobId?: string;
  /** The participant's data directory as this machine sees it (--data-dir, DATANET_DATA_DIR); undefined: the embedded network's, when it exists. */
  readonly dataDir?: string;
  readonly inline: boolean;
  readonly watch: boolean;
  readonly watchOptions: WatchOptions;
}

export const SUBMIT_STRINGS = [
  'participant-url',
  'data',
  'program',
  'post-program',
  'cores',
  'memory-mib',
  'duration-s',
  'max-price',
  'deadline-s',
  'strategy',
  'forbid',
  'minimum',
  'capabilities',
  'security-level',
  'local-share',
  'client-job-id',
  'data-dir',
  ...WATCH_OPTIONS,
] as const;
export const SUBMIT_BOOLEANS = ['watch', 'inline'] as const;

export function parseSubmit(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SubmitArgs {
  const v = parseOptions(argv, SUBMIT_STRINGS, SUBMIT_BOOLEANS);
  const url = participantUrl(v, env);
  const data = required(v, 'data', ' (a CSV file: numbers, one row per line, an optional header line; try `job sample-data`)');
  const program = required(v, 'program', ' (a libs/compute program as JSON; try `job sample-program`)');
  const strategyForced = strategy(v, 'strategy');
  const forbid = list(v, 'forbid', STRATEGIES);
  const minimum = strategy(v, 'minimum');
  if (strategyForced && forbid?.includes(strategyForced)) throw new UsageError(`--strategy ${strategyForced} is also in --forbid`);
  const share = str(v, 'local-share');
  let localShare: number | undefined;
  if (share !== undefined) {
    localShare = /^(0(\.\d+)?|\.\d+)$/.test(share) ? Number(share) : Number.NaN;
    if (!(localShare >= 0 && localShare < 1)) throw new UsageError(`--local-share must be a number in [0, 1) (the share of rows the lessee computes itself), got "${share}"`);
  }
  const clientJobId = str(v, 'client-job-id');
  if (clientJobId !== undefined && !CLIENT_ID.test(clientJobId)) throw new UsageError('--client-job-id: 1-128 printable ASCII characters without spaces');
  const level = str(v, 'security-level') === undefined ? undefined : int(v, 'security-level', 1, 1, 3);
  const dataDir = str(v, 'data-dir') ?? (env.DATANET_DATA_DIR || undefined);
  if (v.inline === true && str(v, 'data-dir') !== undefined) throw new UsageError('--inline and --data-dir exclude each other');
  const watchOpts = watchOptions(v);
  if (v.watch !== true && (v['interval-ms'] !== undefined || v['timeout-s'] !== undefined)) throw new UsageError('--interval-ms and --timeout-s apply with --watch');
  const postProgram = str(v, 'post-program');
  const capabilities = list(v, 'capabilities', CAPABILITIES);
  return {
    participantUrl: url,
    data,
    program,
    ...(postProgram !== undefined ? { postProgram } : {}),
    cores: int(v, 'cores', 4, 1, LIMITS.cores),
    memoryMiB: int(v, 'memory-mib', 4096, 1, LIMITS.memoryMiB),
    durationS: int(v, 'duration-s', 1800, 1, LIMITS.durationS),
    maxPrice: int(v, 'max-price', 10, 1, LIMITS.price),
    deadlineS: int(v, 'deadline-s', 900, 1, LIMITS.deadlineS),
    ...(strategyForced ? { strategy: strategyForced } : {}),
    ...(forbid ? { forbid } : {}),
    ...(minimum ? { minimum } : {}),
    ...(capabilities ? { capabilities } : {}),
    ...(level !== undefined ? { securityLevel: level } : {}),
    ...(localShare !== undefined ? { localShare } : {}),
    ...(clientJobId !== undefined ? { clientJobId } : {}),
    ...(dataDir !== undefined ? { dataDir } : {}),
    inline: v.inline === true,
    watch: v.watch === true,
    watchOptions: watchOpts,
  };
}

/** The POST /v1/jobs body. */
export function submitBody(a: SubmitArgs, dataset: { csvPath: string } | { csv: string }, program: unknown, postProgram: unknown): Record<string, unknown> {
  const policy = { ...(a.strategy ? { force: a.strategy } : {}), ...(a.forbid ? { forbid: a.forbid } : {}), ...(a.minimum ? { minimum: a.minimum } : {}) };
  return {
    ...(a.clientJobId !== undefined ? { clientJobId: a.clientJobId } : {}),
    dataset,
    program,
    ...(postProgram !== undefined ? { postProgram } : {}),
    resources: { cores: a.cores, memoryMiB: a.memoryMiB, durationS: a.durationS },
    ...(a.capabilities ? { capabilities: a.capabilities } : {}),
    ...(a.securityLevel !== undefined ? { securityLevel: a.securityLevel } : {}),
    maxPriceMinorPerCoreSecond: a.maxPrice,
    deadlineInS: a.deadlineS,
    ...(Object.keys(policy).length > 0 ? { strategy: policy } : {}),
    ...(a.localShare !== undefined ? { localShare: a.localShare } : {}),
  };
}

/**
 * A file inside the participant's data directory goes by reference (csvPath,
 * relative to that directory: the participant reads it itself); anything else is
 * sent inline. Both paths must already be resolved (realpath).
 */
export function datasetSource(fileReal: string, dataDirReal: string | undefined): { kind: 'csvPath'; csvPath: string } | { kind: 'inline' } {
  if (dataDirReal === undefined) return { kind: 'inline' };
  const rel = relative(dataDirReal, fileReal);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { kind: 'inline' };
  return { kind: 'csvPath', csvPath: rel };
}

/** `npm start`'s data directory for a participant: `$DATANET_STATE_DIR/data/<id>`, default `<tmp>/datanet-datanet-embedded/data/<id>`. */
export function embeddedDataDir(nodeId: string, env: Readonly<Record<string, string | undefined>>, tmp: string): string {
  return join(env.DATANET_STATE_DIR || join(tmp, `datanet-${EMBEDDED_NETWORK}`), 'data', nodeId);
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses an inline request the API would refuse (413) with what to do instead. */
export function checkInlineSize(bytes: number, file: string, dataDirHint: string | undefined): void {
  if (bytes <= MAX_JSON_BODY_BYTES) return;
  const where = dataDirHint ? `copy it into the participant's data directory (${dataDirHint})` : 'copy it into the participant\'s data directory (its DATANET_DATA_DIR) and pass --data-dir DIR';
  throw new UsageError(`${file}: sent inline the request would be ${mb(bytes)}, over the participant API's ${mb(MAX_JSON_BODY_BYTES)} JSON limit; ${where}, so that it is sent as csvPath and the participant reads it itself`);
}

export interface ResultArgs {
  readonly participantUrl: string;
  readonly jobId: string;
  readonly out?: string;
  readonly format: 'csv' | 'json';
}

export function parseResult(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ResultArgs {
  const v = parseOptions(argv, ['participant-url', 'job', 'out', 'format']);
  const format = str(v, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got "${format}"`);
  const out = str(v, 'out');
  return { participantUrl: participantUrl(v, env), jobId: jobIdArg(v), ...(out !== undefined ? { out } : {}), format };
}

export function parseJobRef(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, extra: readonly string[] = []): { participantUrl: string; jobId: string; values: Values } {
  const v = parseOptions(argv, ['participant-url', 'job', ...extra]);
  return { participantUrl: participantUrl(v, env), jobId: jobIdArg(v), values: v };
}

export function parseList(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { participantUrl: string; limit: number; json: boolean } {
  const v = parseOptions(argv, ['participant-url', 'limit'], ['json']);
  return { participantUrl: participantUrl(v, env), limit: int(v, 'limit', 20, 1, LIMITS.listLimit), json: v.json === true };
}

export function parseSampleData(argv: readonly string[]): { rows: number; features: number; seed: number; out: string } {
  const v = parseOptions(argv, ['rows', 'features', 'seed', 'out']);
  return {
    rows: int(v, 'rows', 100_000, 1, LIMITS.rows),
    features: int(v, 'features', 16, 1, LIMITS.features),
    seed: int(v, 'seed', 42, 0, 2 ** 32 - 1),
    out: required(v, 'out', ' (the CSV file to write)'),
  };
}

export function parseSampleProgram(argv: readonly string[]): { features: number; seed: number; out: string } {
  const v = parseOptions(argv, ['features', 'seed', 'out']);
  return { features: int(v, 'features', 16, 1, LIMITS.features), seed: int(v, 'seed', 7, 0, 2 ** 32 - 1), out: required(v, 'out', ' (the program JSON file to write)') };
}

export interface OfferArgs {
  readonly participantUrl: string;
  readonly body: Record<string, unknown>;
}

/** `compute offer`: a sell order; --participant-url is required (the lessor is another participant than the lessee). */
export function parseOffer(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): OfferArgs {
  const v = parseOptions(argv, ['participant-url', 'cores', 'memory-mib', 'duration-s', 'price', 'expires-s', 'capabilities', 'security-level', 'client-order-id']);
  const url = participantUrl(v, env, ' (the lessor: e.g. http://127.0.0.1:7201, b1 of the embedded network)');
  const cores = int(v, 'cores', 2, 1, LIMITS.cores);
  const clientOrderId = str(v, 'client-order-id');
  if (clientOrderId !== undefined && !CLIENT_ID.test(clientOrderId)) throw new UsageError('--client-order-id: 1-128 printable ASCII characters without spaces');
  return {
    participantUrl: url,
    body: {
      side: 'sell',
      cores,
      memoryMiB: int(v, 'memory-mib', cores * 2048, 1, LIMITS.memoryMiB),
      durationS: int(v, 'duration-s', 3600, 1, LIMITS.durationS),
      priceMinorPerCoreSecond: int(v, 'price', 3, 1, LIMITS.price),
      capabilities: list(v, 'capabilities', CAPABILITIES) ?? ['he', 'tee'],
      securityLevel: int(v, 'security-level', 1, 1, 3),
      expiresInS: int(v, 'expires-s', 3600, 1, 30 * 86_400),
      ...(clientOrderId !== undefined ? { clientOrderId } : {}),
    },
  };
}

// --- progress -------------------------------------------------------------------------------

export interface JobView {
  readonly jobId: string;
  readonly clientJobId?: string | null;
  readonly status: string;
  readonly strategy: string | null;
  readonly selection: { reasons?: string[] } | null;
  readonly rows?: number;
  readonly width?: number;
  readonly subTasks: { total: number; done: number; running: number; failed: number; local: number };
  readonly attempts: readonly { subTaskId: string; attempt: number; lessor: string; status: string; failureCode: string | null; ms: number | null }[];
  readonly failure: { code: string; detail: string } | null;
  readonly result?: { rows: number; width: number } | null;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export const TERMINAL = ['completed', 'failed', 'cancelled'] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL as readonly string[]).includes(status);
}

/** `[#########...............]`: done of total; all dots before the job is split. */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function progressLine(p: JobView, elapsedMs: number, width = 24): string {
  const s = p.subTasks;
  const counts = s.total > 0 ? `${s.done}/${s.total} sub-tasks` : '-/- sub-tasks';
  const pct = s.total > 0 ? `${String(Math.floor((s.done / s.total) * 100)).padStart(3)}%` : '  -%';
  const extra = s.total > 0 ? ` (${s.running} running, ${s.failed} failed${s.local ? `, ${s.local} local` : ''})` : '';
  return `${progressBar(s.done, s.total, width)} ${pct} ${counts}  ${p.status.padEnd(10)} ${(elapsedMs / 1000).toFixed(1).padStart(6)} s${extra}`;
}

/** The watch's exit code for a terminal status (EXIT in errors.ts). */
export function exitCodeFor(status: string): number {
  return status === 'completed' ? 0 : status === 'cancelled' ? 3 : 2;
}
