import { pb, SUBTASK_REPORT_CONTENT_TYPE, type SubTaskReport } from '#libs/contracts';
import { STRATEGIES_BY_SECURITY } from '#libs/strategy';
import { checkSubTaskReport, ledgerIdsOf, meteredCoreSeconds, REPORT_LIMITS, REPORT_STRATEGIES, SUBTASK_REPORT_CODE_NUMBERS, SubTaskReportCode, type ReportDelivery } from './report-check.js';

const NOW = 1_800_000_000_000;
const SKEW = 30_000;
const LEASE = 'ab'.repeat(16);

type Fields = { [K in keyof SubTaskReport]?: unknown };
const fields = (over: Fields = {}): Fields => ({
  reportId: 'job-7/st-3#1',
  jobId: 'job-7',
  subTaskId: 'st-3',
  attempt: 1,
  leaseId: LEASE,
  lessee: 'a1',
  lessor: 'b1',
  strategy: 'tee-symmetric',
  outcome: 'completed',
  startedAtMs: NOW - 10_500,
  endedAtMs: NOW - 500,
  resultDigest: new Uint8Array(32).fill(7),
  inputBytes: 4096,
  resultBytes: 512,
  rows: 100,
  failureCode: '',
  ...over,
});
const encode = (f: Fields): Uint8Array => pb.SubTaskReport.encode(f as Parameters<typeof pb.SubTaskReport.encode>[0]).finish();
const delivery = (over: Fields = {}, d: Partial<ReportDelivery> = {}): ReportDelivery => ({ source: 'a1', senderRole: 'participant', contentType: SUBTASK_REPORT_CONTENT_TYPE, body: encode(fields(over)), ...d });
const check = (over: Fields = {}, d: Partial<ReportDelivery> = {}) => checkSubTaskReport(delivery(over, d), NOW, SKEW);
const codeOf = (over: Fields = {}, d: Partial<ReportDelivery> = {}): string | undefined => {
  const r = check(over, d);
  return r.ok ? undefined : r.code;
};

describe('checkSubTaskReport', () => {
  it('accepts a well-formed report from its lessee and keeps only evidence (digest as hex, sizes)', () => {
    const r = check();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({ reportId: 'job-7/st-3#1', leaseId: LEASE, outcome: 'completed', resultSha256: '07'.repeat(32), inputBytes: 4096, resultBytes: 512, rows: 100, failureCode: null });
    expect(r.report.contentSha256).toHaveLength(32);
  });

  it('fingerprints content: the same fields give the same digest, any other field another', () => {
    const a = check();
    const b = check();
    const c = check({ resultDigest: new Uint8Array(32).fill(8) });
    expect(a.ok && b.ok && a.report.contentSha256.equals(b.report.contentSha256)).toBe(true);
    expect(a.ok && c.ok && a.report.contentSha256.equals(c.report.contentSha256)).toBe(false);
  });

  it.each([
    ['a non-participant sender', {}, { senderRole: 'hub' }, SubTaskReportCode.SourceInvalid],
    ['another content type', {}, { contentType: 'application/json' }, SubTaskReportCode.Malformed],
    ['an oversized body', {}, { body: new Uint8Array(REPORT_LIMITS.bodyBytes + 1) }, SubTaskReportCode.Malformed],
    ['bytes that are not protobuf', {}, { body: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }, SubTaskReportCode.Malformed],
    ['an empty report', {}, { body: new Uint8Array(0) }, SubTaskReportCode.Malformed],
    ['a missing job id', { jobId: '', reportId: '/st-3#1' }, {}, SubTaskReportCode.Malformed],
    ['a job id outside the id grammar', { jobId: 'job 7', reportId: 'job 7/st-3#1' }, {}, SubTaskReportCode.Malformed],
    ['a 129-character sub-task id', { subTaskId: 'x'.repeat(129), reportId: `job-7/${'x'.repeat(129)}#1` }, {}, SubTaskReportCode.Malformed],
    ['an attempt beyond the limit', { attempt: REPORT_LIMITS.attemptMax + 1, reportId: `job-7/st-3#${REPORT_LIMITS.attemptMax + 1}` }, {}, SubTaskReportCode.Malformed],
    ['a lease id that is not 32 hex', { leaseId: 'L1' }, {}, SubTaskReportCode.Malformed],
    ['a missing lessor', { lessor: '' }, {}, SubTaskReportCode.Malformed],
    ['a lessee that is its own lessor', { lessor: 'a1' }, {}, SubTaskReportCode.Malformed],
    ['an unknown strategy', { strategy: 'plaintext' }, {}, SubTaskReportCode.Malformed],
    ['input bytes beyond 2^53', { inputBytes: 2 ** 60 }, {}, SubTaskReportCode.Malformed],
    ['a report id of another attempt', { reportId: 'job-7/st-3#2' }, {}, SubTaskReportCode.IdMismatch],
    ['a missing report id', { reportId: '' }, {}, SubTaskReportCode.IdMismatch],
    ['an unknown outcome', { outcome: 'done' }, {}, SubTaskReportCode.OutcomeInvalid],
    ['a completed attempt with a failure code', { failureCode: 'STRATEGY_FAILED' }, {}, SubTaskReportCode.OutcomeInvalid],
    ['a lessor failure without a code', { outcome: 'failed-lessor', resultDigest: new Uint8Array(0) }, {}, SubTaskReportCode.OutcomeInvalid],
    ['a failure code outside the grammar', { outcome: 'failed-lessor', failureCode: 'it broke' }, {}, SubTaskReportCode.OutcomeInvalid],
    ['a missing start', { startedAtMs: 0 }, {}, SubTaskReportCode.TimeInvalid],
    ['a negative end', { endedAtMs: -5 }, {}, SubTaskReportCode.TimeInvalid],
    ['an end before the start', { startedAtMs: NOW - 1000, endedAtMs: NOW - 2000 }, {}, SubTaskReportCode.TimeInvalid],
    ['an end in the future beyond the skew', { endedAtMs: NOW + SKEW + 1 }, {}, SubTaskReportCode.TimeInvalid],
    ['an attempt longer than the limit', { startedAtMs: NOW - REPORT_LIMITS.durationMs - 2, endedAtMs: NOW - 1 }, {}, SubTaskReportCode.TimeInvalid],
    ['a completed attempt without digest', { resultDigest: new Uint8Array(0) }, {}, SubTaskReportCode.DigestInvalid],
    ['a digest that is not 32 bytes', { resultDigest: new Uint8Array(20) }, {}, SubTaskReportCode.DigestInvalid],
    ['a report sent by someone else than its lessee', {}, { source: 'a2' }, SubTaskReportCode.SourceInvalid],
  ])('rejects %s', (_name, over, d, code) => {
    expect(codeOf(over, d as Partial<ReportDelivery>)).toBe(code);
  });

  it('accepts failures and cancellations with or without a partial digest, an end within the skew, attempt 0, equal start and end', () => {
    expect(codeOf({ outcome: 'failed-lessor', failureCode: 'LESSOR_TIMEOUT', resultDigest: new Uint8Array(0), resultBytes: 0 })).toBeUndefined();
    expect(codeOf({ outcome: 'cancelled-lessee', resultDigest: new Uint8Array(0) })).toBeUndefined();
    expect(codeOf({ outcome: 'cancelled-lessee', failureCode: 'JOB_CANCELLED' })).toBeUndefined();
    expect(codeOf({ endedAtMs: NOW + SKEW })).toBeUndefined();
    expect(codeOf({ attempt: 0, reportId: 'job-7/st-3#0' })).toBeUndefined();
    expect(codeOf({ startedAtMs: NOW - 1, endedAtMs: NOW - 1 })).toBeUndefined();
    expect(codeOf({ jobId: 'a1:job.7_x', reportId: 'a1:job.7_x/st-3#1' })).toBeUndefined();
  });

  it('reads zero sizes that the encoder left out (decoded as the generated default, a Long 0) as 0', () => {
    const r = check({ outcome: 'cancelled-lessee', resultDigest: new Uint8Array(0), inputBytes: 0, resultBytes: 0, rows: 0 });
    expect(r.ok && [r.report.inputBytes, r.report.resultBytes, r.report.rows]).toEqual([0, 0, 0]);
  });

  it('checks fields in a fixed order: the first problem decides the code', () => {
    expect(codeOf({ jobId: '', outcome: 'done', endedAtMs: 0 })).toBe(SubTaskReportCode.Malformed);
    expect(codeOf({ outcome: 'done', endedAtMs: 0, reportId: 'x' })).toBe(SubTaskReportCode.IdMismatch);
    expect(codeOf({ outcome: 'done', endedAtMs: 0 })).toBe(SubTaskReportCode.OutcomeInvalid);
    expect(codeOf({ endedAtMs: 0, resultDigest: new Uint8Array(3) }, { source: 'zz' })).toBe(SubTaskReportCode.TimeInvalid);
  });

  it('knows the strategies libs/strategy selects', () => {
    expect([...REPORT_STRATEGIES].sort()).toEqual([...STRATEGIES_BY_SECURITY].sort());
  });

  it('numbers every code once, in 4100-4119', () => {
    const numbers = Object.values(SubTaskReportCode).map((c) => SUBTASK_REPORT_CODE_NUMBERS[c]);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => n >= 4100 && n <= 4119)).toBe(true);
  });
});

describe('metering and ledger ids', () => {
  it('meters whole seconds, rounded up, on every core of the lease', () => {
    expect(meteredCoreSeconds(0, 0, 4)).toBe(0n);
    expect(meteredCoreSeconds(0, 1, 4)).toBe(4n);
    expect(meteredCoreSeconds(1_000, 3_500, 4)).toBe(12n);
    expect(meteredCoreSeconds(0, 10_000, 3)).toBe(30n);
    expect(meteredCoreSeconds(0, REPORT_LIMITS.durationMs, 0xffff_ffff) < (1n << 63n) - 1n).toBe(true);
  });

  it('maps a report id to ledger ids in the ledger grammar, one per report id', () => {
    const a = ledgerIdsOf('job-7/st-3#1');
    expect(a.eventId).toMatch(/^subtask:[0-9a-f]{64}$/);
    expect(a.subTaskId).toMatch(/^[0-9a-f]{64}$/);
    expect(ledgerIdsOf('job-7/st-3#1')).toEqual(a);
    expect(ledgerIdsOf('job-7/st-3#2').eventId).not.toBe(a.eventId);
  });
});
