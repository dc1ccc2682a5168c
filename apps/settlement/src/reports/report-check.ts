import { createHash } from 'node:crypto';
import { NODE_ID } from '#libs/config';
import { pb, SUBTASK_REPORT_CONTENT_TYPE, type SubTaskReport } from '#libs/contracts';
import { isId, type SubTaskOutcome } from '#libs/ledger';

/** Payload content type of a SubTaskReport a lessee sends to settlement (envelope type job.subtask-report). */

/**
 * Why settlement refused a sub-task report (dead-letter reason codes, range
 * 4100-4119 next to the ledger's 4000-4099; docs/reason-codes.md). The strings
 * are the contract: never rename or reuse one.
 */
export const SubTaskReportCode = {
  /** Not a SubTaskReport (content type, size, protobuf), or a field missing or out of shape. */
  Malformed: 'SUBTASK_REPORT_MALFORMED', // 4100
  /** report_id is not "<job_id>/<sub_task_id>#<attempt>". */
  IdMismatch: 'SUBTASK_REPORT_ID_MISMATCH', // 4101
  /** Unknown outcome, or a failure code that does not fit the outcome. */
  OutcomeInvalid: 'SUBTASK_REPORT_OUTCOME_INVALID', // 4102
  /** Start or end missing or out of range, end before start, in the future, or too long. */
  TimeInvalid: 'SUBTASK_REPORT_TIME_INVALID', // 4103
  /** Result digest not 32 bytes, or missing on a completed attempt. */
  DigestInvalid: 'SUBTASK_REPORT_DIGEST_INVALID', // 4104
  /** The envelope's verified sender is not a participant, or not the report's lessee. */
  SourceInvalid: 'SUBTASK_REPORT_SOURCE_INVALID', // 4105
  /** The lease's lessee or lessor is not the report's, or the lessee's hub did not admit the sender. */
  LeaseMismatch: 'SUBTASK_REPORT_LEASE_MISMATCH', // 4106
  /** The same report id is already recorded with other content. */
  Conflict: 'SUBTASK_REPORT_CONFLICT', // 4107
  /** Too many reports are waiting for their lease (per lease or in total). */
  ParkFull: 'SUBTASK_REPORT_PARK_FULL', // 4108
} as const;
export type SubTaskReportCode = (typeof SubTaskReportCode)[keyof typeof SubTaskReportCode];

export const SUBTASK_REPORT_CODE_NUMBERS: Readonly<Record<SubTaskReportCode, number>> = {
  SUBTASK_REPORT_MALFORMED: 4100,
  SUBTASK_REPORT_ID_MISMATCH: 4101,
  SUBTASK_REPORT_OUTCOME_INVALID: 4102,
  SUBTASK_REPORT_TIME_INVALID: 4103,
  SUBTASK_REPORT_DIGEST_INVALID: 4104,
  SUBTASK_REPORT_SOURCE_INVALID: 4105,
  SUBTASK_REPORT_LEASE_MISMATCH: 4106,
  SUBTASK_REPORT_CONFLICT: 4107,
  SUBTASK_REPORT_PARK_FULL: 4108,
};

export const REPORT_LIMITS = Object.freeze({
  /** A report is a few hundred bytes; anything near this is not one. */
  bodyBytes: 4096,
  /** Attempts per sub-task (attempt numbers 0..this). */
  attemptMax: 10_000,
  /**
   * Longest attempt. Also keeps metered core-seconds (duration × cores ≤ 2^32−1)
   * far below the ledger's 2^63−1, so a report can never be refused as an amount.
   */
  durationMs: 366 * 86_400_000,
  /** Byte counts: exact in a JSON number. */
  bytesMax: Number.MAX_SAFE_INTEGER,
});

/** Strategies a sub-task can run with (libs/strategy STRATEGIES_BY_SECURITY; a unit test keeps them equal). */
export const REPORT_STRATEGIES: ReadonlySet<string> = new Set(['he', 'tee-symmetric-he-result', 'tee-symmetric']);
const OUTCOMES: ReadonlySet<string> = new Set<SubTaskOutcome>(['completed', 'failed-lessor', 'cancelled-lessee']);
const LEASE_ID = /^[0-9a-f]{32}$/;
const FAILURE_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const DIGEST_BYTES = 32;

/** A report that passed every check that needs no lease: evidence only, digests and sizes. */
export interface CheckedReport {
  readonly reportId: string;
  readonly jobId: string;
  readonly subTaskId: string;
  readonly attempt: number;
  readonly leaseId: string;
  readonly lessee: string;
  readonly lessor: string;
  readonly strategy: string;
  readonly outcome: SubTaskOutcome;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  /** Lowercase hex SHA-256 of the encrypted result; null when the attempt produced none. */
  readonly resultSha256: string | null;
  readonly inputBytes: number;
  readonly resultBytes: number;
  readonly rows: number;
  readonly failureCode: string | null;
  /** SHA-256 of the fields above (fixed order): the same report id with another digest is a conflict. */
  readonly contentSha256: Buffer;
}

/** The parts of a verified envelope a report check needs. */
export interface ReportDelivery {
  /** The envelope's verified source (its signing certificate's node). */
  readonly source: string;
  readonly senderRole: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

export type ReportCheck = { ok: true; report: CheckedReport } | { ok: false; code: SubTaskReportCode; detail: string };

const fail = (code: SubTaskReportCode, detail: string): ReportCheck => ({ ok: false, code, detail });
const isNat = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
const show = (v: unknown): string => JSON.stringify(v)?.slice(0, 80) ?? String(v);

/**
 * Everything settlement checks on a sub-task report before it looks at the
 * lease: shape, bounds and internal consistency, and that the lessee itself
 * sent it. Fields are checked in a fixed order, so the same bad report always
 * gets the same code. `nowMs` + `clockSkewMs` bound the end time (a report
 * cannot describe an attempt that ends in the future).
 */
export function checkSubTaskReport(d: ReportDelivery, nowMs: number, clockSkewMs: number): ReportCheck {
  if (d.senderRole !== 'participant') return fail(SubTaskReportCode.SourceInvalid, `reports come from lessees, this one from ${d.senderRole} ${d.source}`);
  if (d.contentType !== SUBTASK_REPORT_CONTENT_TYPE) return fail(SubTaskReportCode.Malformed, `content type ${d.contentType.slice(0, 100)} is not ${SUBTASK_REPORT_CONTENT_TYPE}`);
  if (d.body.byteLength > REPORT_LIMITS.bodyBytes) return fail(SubTaskReportCode.Malformed, `report of ${d.body.byteLength} bytes exceeds ${REPORT_LIMITS.bodyBytes}`);
  let r: SubTaskReport;
  try {
    r = pb.SubTaskReport.decode(d.body);
  } catch (e) {
    return fail(SubTaskReportCode.Malformed, `not a SubTaskReport: ${(e as Error).message}`);
  }
  for (const [name, value] of [['job_id', r.jobId], ['sub_task_id', r.subTaskId]] as const) {
    if (!isId(value)) return fail(SubTaskReportCode.Malformed, `${name} ${show(value)} is not an id`);
  }
  if (!isNat(r.attempt, REPORT_LIMITS.attemptMax)) return fail(SubTaskReportCode.Malformed, `attempt ${show(r.attempt)} is out of range 0..${REPORT_LIMITS.attemptMax}`);
  if (!LEASE_ID.test(r.leaseId)) return fail(SubTaskReportCode.Malformed, `lease_id ${show(r.leaseId)} is not a lease id`);
  for (const [name, value] of [['lessee', r.lessee], ['lessor', r.lessor]] as const) {
    if (!NODE_ID.test(value)) return fail(SubTaskReportCode.Malformed, `${name} ${show(value)} is not a node id`);
  }
  if (r.lessee === r.lessor) return fail(SubTaskReportCode.Malformed, `lessee and lessor are both ${r.lessee}`);
  if (!REPORT_STRATEGIES.has(r.strategy)) return fail(SubTaskReportCode.Malformed, `strategy ${show(r.strategy)} is not one of ${[...REPORT_STRATEGIES].join(', ')}`);
  const { inputBytes, resultBytes } = r;
  for (const [name, value] of [['input_bytes', inputBytes], ['result_bytes', resultBytes], ['rows', r.rows]] as const) {
    if (!isNat(value, REPORT_LIMITS.bytesMax)) return fail(SubTaskReportCode.Malformed, `${name} ${show(value)} is out of range`);
  }
  const expectedId = `${r.jobId}/${r.subTaskId}#${r.attempt}`;
  if (r.reportId !== expectedId) return fail(SubTaskReportCode.IdMismatch, `report_id ${show(r.reportId)} is not ${expectedId}`);

  if (!OUTCOMES.has(r.outcome)) return fail(SubTaskReportCode.OutcomeInvalid, `outcome ${show(r.outcome)} is not one of ${[...OUTCOMES].join(', ')}`);
  const outcome = r.outcome as SubTaskOutcome;
  if (r.failureCode !== '' && !FAILURE_CODE.test(r.failureCode)) return fail(SubTaskReportCode.OutcomeInvalid, `failure_code ${show(r.failureCode)} is not a code`);
  if (outcome === 'completed' && r.failureCode !== '') return fail(SubTaskReportCode.OutcomeInvalid, `a completed attempt has no failure code (got ${r.failureCode})`);
  if (outcome === 'failed-lessor' && r.failureCode === '') return fail(SubTaskReportCode.OutcomeInvalid, 'a failed attempt says why (failure_code)');

  const { startedAtMs: started, endedAtMs: ended } = r;
  if (!isNat(started, Number.MAX_SAFE_INTEGER) || started === 0) return fail(SubTaskReportCode.TimeInvalid, `started_at_ms ${show(started)} is missing or out of range`);
  if (!isNat(ended, Number.MAX_SAFE_INTEGER) || ended === 0) return fail(SubTaskReportCode.TimeInvalid, `ended_at_ms ${show(ended)} is missing or out of range`);
  if (ended < started) return fail(SubTaskReportCode.TimeInvalid, `ended_at_ms ${ended} is before started_at_ms ${started}`);
  if (ended - started > REPORT_LIMITS.durationMs) return fail(SubTaskReportCode.TimeInvalid, `an attempt of ${ended - started} ms is longer than ${REPORT_LIMITS.durationMs}`);
  if (ended > nowMs + clockSkewMs) return fail(SubTaskReportCode.TimeInvalid, `ended_at_ms ${ended} is in the future`);

  const digest = r.resultDigest;
  if (digest.byteLength !== 0 && digest.byteLength !== DIGEST_BYTES) return fail(SubTaskReportCode.DigestInvalid, `result_digest of ${digest.byteLength} bytes is not a SHA-256`);
  if (outcome === 'completed' && digest.byteLength === 0) return fail(SubTaskReportCode.DigestInvalid, 'a completed attempt carries the result digest');

  if (d.source !== r.lessee) return fail(SubTaskReportCode.SourceInvalid, `report on ${r.lessee}'s lease ${r.leaseId} sent by ${d.source}`);

  const fields = {
    reportId: r.reportId,
    jobId: r.jobId,
    subTaskId: r.subTaskId,
    attempt: r.attempt,
    leaseId: r.leaseId,
    lessee: r.lessee,
    lessor: r.lessor,
    strategy: r.strategy,
    outcome,
    startedAtMs: started,
    endedAtMs: ended,
    resultSha256: digest.byteLength ? Buffer.from(digest).toString('hex') : null,
    inputBytes,
    resultBytes,
    rows: r.rows,
    failureCode: r.failureCode === '' ? null : r.failureCode,
  };
  return { ok: true, report: { ...fields, contentSha256: createHash('sha256').update(JSON.stringify(Object.values(fields))).digest() } };
}

/** Core-seconds an attempt used: its wall-clock time, rounded up to whole seconds, on every core of the lease. */
export function meteredCoreSeconds(startedAtMs: number, endedAtMs: number, leaseCores: number): bigint {
  const seconds = BigInt(Math.ceil((endedAtMs - startedAtMs) / 1000));
  return seconds * BigInt(leaseCores);
}

/**
 * Ledger ids of a report. A report id ("<job>/<sub-task>#<attempt>") is not in
 * the ledger's id grammar ('/' and '#', up to 268 characters), so the ledger
 * sees its SHA-256: `subtask:<hex>` as the event id (exactly once per report)
 * and `<hex>` as the sub-task id (each attempt is its own sub-task of the lease).
 */
export function ledgerIdsOf(reportId: string): { eventId: string; subTaskId: string } {
  const hex = createHash('sha256').update(reportId, 'utf8').digest('hex');
  return { eventId: `subtask:${hex}`, subTaskId: hex };
}
