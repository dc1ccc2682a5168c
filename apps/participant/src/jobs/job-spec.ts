import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { PROGRAM_LIMITS, validateProgram, type Program } from '#libs/compute';
import { STRATEGIES_BY_SECURITY, type SelectionPolicy, type Strategy } from '#libs/strategy';

/**
 * A job as a participant submits it (POST /v1/jobs), checked before anything is
 * stored. Every problem has a stable code; the response's code is the first
 * problem's.
 *
 *   JOB_DATASET_INVALID           rows not a non-empty rectangular array of finite numbers, or CSV that does not parse
 *   JOB_DATASET_TOO_LARGE         over JOB_LIMITS (rows, values)
 *   JOB_DATASET_PATH_NOT_ALLOWED  csvPath outside the participant's data directory (or none configured)
 *   JOB_PROGRAM_INVALID           program (or postProgram) rejected by libs/compute (its code is in the message)
 *   JOB_PROGRAM_NOT_SPLITTABLE    a reduction over rows that is not the program's last op (partials could not be combined)
 *   JOB_PROGRAM_WIDTH_MISMATCH    program.inputWidth differs from the dataset's width, or postProgram's from program's output
 *   JOB_RESOURCES_INVALID         cores, memoryMiB, durationS not positive integers within the order limits
 *   JOB_PRICE_INVALID             maxPriceMinorPerCoreSecond not a positive integer
 *   JOB_DEADLINE_INVALID          deadline not in the future, or over a day away
 *   JOB_STRATEGY_POLICY_INVALID   an unknown strategy in force/forbid/minimum
 *   JOB_JOINT_INVALID             joint malformed, or combined with localShare / a strategy other than tee-symmetric-he-result
 *   VALIDATION_FAILED             any other shape problem (unknown field, wrong type)
 */
export const JobCode = {
  DatasetInvalid: 'JOB_DATASET_INVALID',
  DatasetTooLarge: 'JOB_DATASET_TOO_LARGE',
  DatasetPathNotAllowed: 'JOB_DATASET_PATH_NOT_ALLOWED',
  ProgramInvalid: 'JOB_PROGRAM_INVALID',
  ProgramNotSplittable: 'JOB_PROGRAM_NOT_SPLITTABLE',
  ProgramWidthMismatch: 'JOB_PROGRAM_WIDTH_MISMATCH',
  ResourcesInvalid: 'JOB_RESOURCES_INVALID',
  PriceInvalid: 'JOB_PRICE_INVALID',
  DeadlineInvalid: 'JOB_DEADLINE_INVALID',
  StrategyPolicyInvalid: 'JOB_STRATEGY_POLICY_INVALID',
  /** joint: party, datasetId, program or rounds malformed; or combined with localShare or another strategy. */
  JointInvalid: 'JOB_JOINT_INVALID',
  ValidationFailed: 'VALIDATION_FAILED',
} as const;

export const JOB_STRATEGIES: readonly JobStrategy[] = STRATEGIES_BY_SECURITY;
export type JobStrategy = Strategy;

export const JOB_LIMITS = Object.freeze({
  rows: 2_000_000,
  /** rows x width: 256 MiB as float64. */
  values: 32 * 1024 * 1024,
  cores: 1024,
  memoryMiB: 1_048_576,
  durationS: 86_400,
  priceMinorPerCoreSecond: 1_000_000_000,
  deadlineS: 86_400,
  /** Rows of one sub-task: libs/compute's per-evaluation limit. */
  rowsPerSubTask: PROGRAM_LIMITS.rowsMax,
  clientJobId: 128,
});

export interface JobSpec {
  readonly clientJobId?: string;
  readonly program: Program;
  /** Run by the lessee on the aggregated result, in plaintext (S210's local task). */
  readonly postProgram?: Program;
  readonly resources: { readonly cores: number; readonly memoryMiB: number; readonly durationS: number };
  readonly capabilities: readonly ('tee' | 'he')[];
  readonly securityLevel: number;
  readonly maxPriceMinorPerCoreSecond: number;
  readonly deadlineAtMs: number;
  readonly policy: SelectionPolicy;
  /** Share of rows the lessee computes itself (0 = everything leased). */
  readonly localShare: number;
  /** Joint computation with a third participant (claims 6-7). */
  readonly joint?: JointSpec;
}

/**
 * Round 1: lessors run `program` on the lessee's rows in their enclaves, results leave
 * HE-encrypted under the lessee's key; `party` runs `partyProgram` over those results and
 * its dataset `datasetId`, still encrypted; the lessee decrypts. Each further round sends
 * the decrypted output back to the enclaves (symmetric keys) for `lessorProgram`, then to
 * the party for `partyProgram`.
 */
export interface JointSpec {
  readonly party: string;
  readonly datasetId: string;
  readonly partyProgram: Program;
  readonly rounds: readonly { readonly lessorProgram: Program; readonly partyProgram: Program }[];
}

export interface Dataset {
  readonly rowCount: number;
  readonly width: number;
  /** Row-major float64. */
  readonly values: Float64Array;
}

export type SpecResult = { ok: true; spec: JobSpec; dataset: Dataset } | { ok: false; code: string; message: string };

const KNOWN = new Set(['clientJobId', 'dataset', 'program', 'postProgram', 'resources', 'capabilities', 'securityLevel', 'maxPriceMinorPerCoreSecond', 'deadlineInS', 'strategy', 'localShare', 'joint']);
const NODE_ID = /^[a-z][a-z0-9-]{0,40}$/;
export const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const JOINT_ROUNDS_MAX = 8;
const CLIENT_JOB_ID = /^[\x21-\x7e]{1,128}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}

function positiveInt(v: unknown, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= max;
}

/** `dataDir`: the only directory csvPath may point into (undefined: csvPath refused). */
export function validateJobSpec(input: unknown, nowMs: number, dataDir: string | undefined): SpecResult {
  if (!isRecord(input)) return bad(JobCode.ValidationFailed, 'body must be a JSON object');
  const unknown = Object.keys(input).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return bad(JobCode.ValidationFailed, `unknown field(s): ${unknown.join(', ')}`);
  if (input.clientJobId !== undefined && (typeof input.clientJobId !== 'string' || !CLIENT_JOB_ID.test(input.clientJobId))) return bad(JobCode.ValidationFailed, 'clientJobId: 1-128 printable ASCII characters without spaces');

  const dataset = readDataset(input.dataset, dataDir);
  if (!dataset.ok) return dataset;
  const program = validateProgram(input.program);
  if (!program.ok) return bad(JobCode.ProgramInvalid, `program: ${program.code}: ${program.detail}`);
  const p = program.value.program;
  if (p.inputWidth !== dataset.value.width) return bad(JobCode.ProgramWidthMismatch, `program.inputWidth ${p.inputWidth}, dataset width ${dataset.value.width}`);
  const reductionAt = p.ops.findIndex((op) => (op.op === 'sum' || op.op === 'mean') && op.axis === 'rows');
  if (reductionAt >= 0 && reductionAt !== p.ops.length - 1) return bad(JobCode.ProgramNotSplittable, `op ${reductionAt} reduces over rows but is not the last op: per-sub-task partials could not be combined; move later ops to postProgram`);
  let postProgram: Program | undefined;
  if (input.postProgram !== undefined) {
    const post = validateProgram(input.postProgram);
    if (!post.ok) return bad(JobCode.ProgramInvalid, `postProgram: ${post.code}: ${post.detail}`);
    const outWidth = program.value.shape.widths[program.value.shape.widths.length - 1];
    if (post.value.program.inputWidth !== outWidth) return bad(JobCode.ProgramWidthMismatch, `postProgram.inputWidth ${post.value.program.inputWidth}, program output width ${outWidth}`);
    postProgram = post.value.program;
  }

  const r = input.resources;
  if (!isRecord(r) || Object.keys(r).some((k) => !['cores', 'memoryMiB', 'durationS'].includes(k))) return bad(JobCode.ResourcesInvalid, 'resources: { cores, memoryMiB, durationS }');
  if (!positiveInt(r.cores, JOB_LIMITS.cores) || !positiveInt(r.memoryMiB, JOB_LIMITS.memoryMiB) || !positiveInt(r.durationS, JOB_LIMITS.durationS)) {
    return bad(JobCode.ResourcesInvalid, `resources: positive integers, cores <= ${JOB_LIMITS.cores}, memoryMiB <= ${JOB_LIMITS.memoryMiB}, durationS <= ${JOB_LIMITS.durationS}`);
  }
  const capabilities = input.capabilities ?? [];
  if (!Array.isArray(capabilities) || capabilities.some((c) => c !== 'tee' && c !== 'he')) return bad(JobCode.ValidationFailed, 'capabilities: a list of "tee", "he"');
  const securityLevel = input.securityLevel ?? 1;
  if (!positiveInt(securityLevel, 3)) return bad(JobCode.ValidationFailed, 'securityLevel: 1, 2 or 3');
  if (!positiveInt(input.maxPriceMinorPerCoreSecond, JOB_LIMITS.priceMinorPerCoreSecond)) return bad(JobCode.PriceInvalid, `maxPriceMinorPerCoreSecond: a positive integer <= ${JOB_LIMITS.priceMinorPerCoreSecond}`);
  if (!positiveInt(input.deadlineInS, JOB_LIMITS.deadlineS)) return bad(JobCode.DeadlineInvalid, `deadlineInS: a positive integer <= ${JOB_LIMITS.deadlineS}`);

  const policy = readPolicy(input.strategy);
  if (!policy.ok) return policy;
  const localShare = input.localShare ?? 0;
  if (typeof localShare !== 'number' || !(localShare >= 0 && localShare < 1)) return bad(JobCode.ValidationFailed, 'localShare: a number in [0, 1)');

  let joint: JointSpec | undefined;
  if (input.joint !== undefined) {
    const j = readJoint(input.joint);
    if (!j.ok) return j;
    if (localShare !== 0) return bad(JobCode.JointInvalid, 'a joint job has no local share');
    if (policy.value.force !== undefined && policy.value.force !== 'tee-symmetric-he-result') return bad(JobCode.JointInvalid, 'a joint job runs tee-symmetric-he-result (claims 6-7: A-B symmetric + TEE, A-C HE)');
    joint = j.value;
  }

  return {
    ok: true,
    dataset: dataset.value,
    spec: {
      ...(joint ? { joint } : {}),
      ...(input.clientJobId !== undefined ? { clientJobId: input.clientJobId } : {}),
      program: p,
      ...(postProgram ? { postProgram } : {}),
      resources: { cores: r.cores as number, memoryMiB: r.memoryMiB as number, durationS: r.durationS as number },
      capabilities: [...new Set(capabilities as ('tee' | 'he')[])].sort(),
      securityLevel: securityLevel as number,
      maxPriceMinorPerCoreSecond: input.maxPriceMinorPerCoreSecond as number,
      deadlineAtMs: nowMs + (input.deadlineInS as number) * 1000,
      policy: joint ? { force: 'tee-symmetric-he-result' } : policy.value,
      localShare,
    },
  };
}

function readJoint(input: unknown): { ok: true; value: JointSpec } | { ok: false; code: string; message: string } {
  if (!isRecord(input) || Object.keys(input).some((k) => !['party', 'datasetId', 'partyProgram', 'rounds'].includes(k))) return bad(JobCode.JointInvalid, 'joint: { party, datasetId, partyProgram, rounds? }');
  if (typeof input.party !== 'string' || !NODE_ID.test(input.party)) return bad(JobCode.JointInvalid, 'joint.party: a participant id');
  if (typeof input.datasetId !== 'string' || !DATASET_ID.test(input.datasetId)) return bad(JobCode.JointInvalid, 'joint.datasetId: 1-64 of [A-Za-z0-9._-]');
  const party = validateProgram(input.partyProgram);
  if (!party.ok) return bad(JobCode.JointInvalid, `joint.partyProgram: ${party.code}: ${party.detail}`);
  const rounds: { lessorProgram: Program; partyProgram: Program }[] = [];
  const list = input.rounds ?? [];
  if (!Array.isArray(list) || list.length > JOINT_ROUNDS_MAX) return bad(JobCode.JointInvalid, `joint.rounds: at most ${JOINT_ROUNDS_MAX} further rounds`);
  for (const [i, r] of list.entries()) {
    if (!isRecord(r)) return bad(JobCode.JointInvalid, `joint.rounds[${i}]: { lessorProgram, partyProgram }`);
    const l = validateProgram(r.lessorProgram);
    const c = validateProgram(r.partyProgram);
    if (!l.ok) return bad(JobCode.JointInvalid, `joint.rounds[${i}].lessorProgram: ${l.code}: ${l.detail}`);
    if (!c.ok) return bad(JobCode.JointInvalid, `joint.rounds[${i}].partyProgram: ${c.code}: ${c.detail}`);
    rounds.push({ lessorProgram: l.value.program, partyProgram: c.value.program });
  }
  return { ok: true, value: { party: input.party, datasetId: input.datasetId, partyProgram: party.value.program, rounds } };
}

function readPolicy(input: unknown): { ok: true; value: SelectionPolicy } | { ok: false; code: string; message: string } {
  if (input === undefined) return { ok: true, value: {} };
  if (!isRecord(input)) return bad(JobCode.StrategyPolicyInvalid, 'strategy: { force?, forbid?, minimum? }');
  const known = (s: unknown): s is Strategy => typeof s === 'string' && (JOB_STRATEGIES as readonly string[]).includes(s);
  if (Object.keys(input).some((k) => !['force', 'forbid', 'minimum'].includes(k))) return bad(JobCode.StrategyPolicyInvalid, 'strategy: only force, forbid, minimum');
  if (input.force !== undefined && !known(input.force)) return bad(JobCode.StrategyPolicyInvalid, `strategy.force: one of ${JOB_STRATEGIES.join(', ')}`);
  if (input.minimum !== undefined && !known(input.minimum)) return bad(JobCode.StrategyPolicyInvalid, `strategy.minimum: one of ${JOB_STRATEGIES.join(', ')}`);
  if (input.forbid !== undefined && (!Array.isArray(input.forbid) || !input.forbid.every(known))) return bad(JobCode.StrategyPolicyInvalid, `strategy.forbid: a list of ${JOB_STRATEGIES.join(', ')}`);
  return {
    ok: true,
    value: {
      ...(input.force !== undefined ? { force: input.force } : {}),
      ...(input.minimum !== undefined ? { minimum: input.minimum } : {}),
      ...(input.forbid !== undefined ? { forbid: input.forbid } : {}),
    },
  };
}

export function readDataset(input: unknown, dataDir: string | undefined): { ok: true; value: Dataset } | { ok: false; code: string; message: string } {
  if (!isRecord(input)) return bad(JobCode.DatasetInvalid, 'dataset: { rows } or { csv } or { csvPath }');
  const keys = Object.keys(input);
  if (keys.length !== 1) return bad(JobCode.DatasetInvalid, 'dataset: exactly one of rows, csv, csvPath');
  if (Array.isArray(input.rows)) return fromRows(input.rows);
  if (typeof input.csv === 'string') return parseCsv(input.csv);
  if (typeof input.csvPath === 'string') {
    if (!dataDir) return bad(JobCode.DatasetPathNotAllowed, 'this participant has no data directory configured (DATANET_DATA_DIR); send rows or csv inline');
    let path: string;
    try {
      const root = realpathSync(dataDir);
      path = realpathSync(isAbsolute(input.csvPath) ? input.csvPath : resolve(root, input.csvPath));
      if (!path.startsWith(root + sep)) return bad(JobCode.DatasetPathNotAllowed, `csvPath must be inside the data directory ${root}`);
      if (statSync(path).size > JOB_LIMITS.values * 24) return bad(JobCode.DatasetTooLarge, 'csv file too large');
    } catch (e) {
      return bad(JobCode.DatasetInvalid, `csvPath: ${(e as Error).message}`);
    }
    return parseCsv(readFileSync(path, 'utf8'));
  }
  return bad(JobCode.DatasetInvalid, 'dataset: rows must be an array, csv and csvPath strings');
}

function fromRows(rows: unknown[]): { ok: true; value: Dataset } | { ok: false; code: string; message: string } {
  if (rows.length === 0) return bad(JobCode.DatasetInvalid, 'dataset.rows is empty');
  const first = rows[0];
  if (!Array.isArray(first) || first.length === 0) return bad(JobCode.DatasetInvalid, 'dataset.rows[0] must be a non-empty array of numbers');
  const width = first.length;
  if (rows.length > JOB_LIMITS.rows || rows.length * width > JOB_LIMITS.values) return bad(JobCode.DatasetTooLarge, `${rows.length} rows x ${width}: at most ${JOB_LIMITS.rows} rows and ${JOB_LIMITS.values} values`);
  const values = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== width) return bad(JobCode.DatasetInvalid, `dataset.rows[${i}] must have ${width} numbers`);
    for (let j = 0; j < width; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad(JobCode.DatasetInvalid, `dataset.rows[${i}][${j}] is not a finite number`);
      values[i * width + j] = v;
    }
  }
  return { ok: true, value: { rowCount: rows.length, width, values } };
}

/** Comma-separated numbers, one row per line; a first line that is not numeric is a header and skipped. */
export function parseCsv(text: string): { ok: true; value: Dataset } | { ok: false; code: string; message: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return bad(JobCode.DatasetInvalid, 'csv is empty');
  const cells = (l: string): string[] => l.split(',').map((c) => c.trim());
  const numeric = (c: string): boolean => c !== '' && Number.isFinite(Number(c));
  const start = cells(lines[0] ?? '').every(numeric) ? 0 : 1;
  const rowCount = lines.length - start;
  if (rowCount === 0) return bad(JobCode.DatasetInvalid, 'csv has a header and no rows');
  const width = cells(lines[start] ?? '').length;
  if (rowCount > JOB_LIMITS.rows || rowCount * width > JOB_LIMITS.values) return bad(JobCode.DatasetTooLarge, `${rowCount} rows x ${width}: at most ${JOB_LIMITS.rows} rows and ${JOB_LIMITS.values} values`);
  const values = new Float64Array(rowCount * width);
  for (let i = 0; i < rowCount; i++) {
    const cs = cells(lines[start + i] ?? '');
    if (cs.length !== width) return bad(JobCode.DatasetInvalid, `csv line ${start + i + 1}: ${cs.length} values, expected ${width}`);
    for (let j = 0; j < width; j++) {
      const c = cs[j] ?? '';
      if (!numeric(c)) return bad(JobCode.DatasetInvalid, `csv line ${start + i + 1}, column ${j + 1}: "${c.slice(0, 20)}" is not a number`);
      values[i * width + j] = Number(c);
    }
  }
  return { ok: true, value: { rowCount, width, values } };
}

/** Rows [start, start + count) of a dataset as the arrays libs/compute takes. */
export function sliceRows(d: Dataset, start: number, count: number): number[][] {
  const out: number[][] = new Array<number[]>(count);
  for (let i = 0; i < count; i++) out[i] = Array.from(d.values.subarray((start + i) * d.width, (start + i + 1) * d.width));
  return out;
}

export function toFloat64Bytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function fromFloat64Bytes(bytes: Buffer): Float64Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float64Array(copy.buffer);
}
