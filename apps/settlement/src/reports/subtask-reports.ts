import type { DataSource, EntityManager } from 'typeorm';
import { availableAccount, escrowAccount, feeMinor, LedgerCode, type ApplyResult, type SubTaskCompletedEvent, type SubTaskOutcome } from '#libs/ledger';
import type { Counter, JsonLogger } from '#libs/observability';
import type { SettlementLedgerService } from '../ledger/ledger.service.js';
import { ledgerIdsOf, meteredCoreSeconds, SubTaskReportCode, type CheckedReport } from './report-check.js';

/** Thrown inside a storing transaction so whatever it wrote rolls back with it; the caller dead-letters. */
export class ReportRejection extends Error {
  constructor(
    readonly code: SubTaskReportCode,
    detail: string,
    readonly report: CheckedReport,
  ) {
    super(detail);
  }
}

export interface ReportArrival {
  readonly viaHub: string;
  /** Issuer of the sender's certificate: the hub that admitted the lessee. */
  readonly senderHub: string;
  readonly messageId: string;
}

export type StoreOutcome = 'accepted' | 'duplicate' | 'awaiting-lease';

export interface SubTaskReportsDeps {
  readonly ds: DataSource;
  readonly ledger: SettlementLedgerService;
  readonly log: JsonLogger;
  readonly counters: {
    /** Reports by outcome: accepted, duplicate, awaiting-lease, released. */
    readonly reports: Counter;
    /** Dead letters, by reason code (the inbox's counter). */
    readonly rejected: Counter;
  };
  /** Reports waiting for their lease: per lease and in total (one more is SUBTASK_REPORT_PARK_FULL). */
  readonly limits?: { readonly awaitingPerLease: number; readonly awaitingTotal: number };
}

interface LeaseRow {
  lessee: string;
  lessor: string;
  lessee_hub: string;
  cores: number;
}

/** A subtask_reports row as selected by ROW_COLUMNS. */
interface ReportRow {
  id: string;
  state: 'awaiting-lease' | 'accepted';
  report_id: string;
  job_id: string;
  sub_task_id: string;
  attempt: number;
  lease_id: string;
  lessee: string;
  lessor: string;
  strategy: string;
  outcome: SubTaskOutcome;
  started_at_ms: string;
  ended_at_ms: string;
  result_sha256: string | null;
  input_bytes: string;
  result_bytes: string;
  rows: string;
  failure_code: string | null;
  used_core_seconds: string | null;
  ledger_event_id: string;
  content_sha256: Buffer;
  sender_hub: string;
  via_hub: string;
  message_id: string;
  conflicts: number;
  received_at: Date | string;
  ledger_recorded_at: Date | string | null;
}

const ROW_COLUMNS = `r.id::text, r.state, r.report_id, r.job_id, r.sub_task_id, r.attempt, r.lease_id, r.lessee, r.lessor, r.strategy, r.outcome,
  r.started_at_ms::text, r.ended_at_ms::text, r.result_sha256, r.input_bytes::text, r.result_bytes::text, r.rows::text, r.failure_code,
  r.used_core_seconds::text, r.ledger_event_id, r.content_sha256, r.sender_hub, r.via_hub, r.message_id, r.conflicts, r.received_at, r.ledger_recorded_at`;

const DEFAULT_LIMITS = { awaitingPerLease: 1_000, awaitingTotal: 100_000 };
const RECONCILE_BATCH = 500;
/** Attempts a job cost or evidence answer covers at most (a job has far fewer). */
export const JOB_ATTEMPTS_MAX = 100_000;

/** Where a report stands in the ledger, as the APIs show it. */
export interface LedgerStanding {
  /** awaiting-lease: the lease is not stored yet; pending: not handed to the ledger yet (or refused for a limit: retried). */
  readonly status: 'awaiting-lease' | 'pending' | 'parked' | 'applied' | 'rejected';
  readonly code: string | null;
}

/** A stored report as the evidence API shows it: the checked report's fields (without its content digest) and how it was received and booked. */
export interface EvidenceView extends Omit<CheckedReport, 'contentSha256'> {
  /** ceil(duration / 1 s) × lease cores; null while the lease is unknown. */
  readonly meteredCoreSeconds: string | null;
  readonly viaHub: string;
  readonly messageId: string;
  readonly receivedAt: string;
  /** Other reports that came with this report id and other content (each dead-lettered). */
  readonly conflicts: number;
  readonly ledgerEventId: string;
  readonly ledger: LedgerStanding;
}

export interface HubFeeView {
  readonly hubId: string;
  readonly bps: number;
  readonly amountMinor: string;
}

export interface AttemptCostView {
  readonly reportId: string;
  readonly subTaskId: string;
  readonly attempt: number;
  readonly leaseId: string;
  readonly lessee: string;
  readonly lessor: string;
  readonly strategy: string;
  readonly outcome: SubTaskOutcome;
  readonly ledger: LedgerStanding;
  readonly meteredCoreSeconds: string | null;
  /** What the ledger billed: 0 for failed-lessor, cut to the lease's remaining cap. */
  readonly billedCoreSeconds: string;
  readonly priceMinorPerCoreSecond: string | null;
  readonly usageMinor: string;
  readonly lesseeHubFee: HubFeeView | null;
  readonly lessorHubFee: HubFeeView | null;
  /** usage + both fees: what the lessee's escrow paid for this attempt. */
  readonly totalMinor: string;
  readonly conflicts: number;
}

export interface JobCostView {
  readonly jobId: string;
  readonly attempts: readonly AttemptCostView[];
  readonly totals: {
    readonly attempts: number;
    readonly awaitingLease: number;
    readonly meteredCoreSeconds: string;
    readonly billedCoreSeconds: string;
    readonly usageMinor: string;
    readonly lesseeHubFeesMinor: string;
    readonly lessorHubFeesMinor: string;
    /** Fees by hub id (a hub can be the lessee's hub of one lease and the lessor's of another). */
    readonly feesByHub: Readonly<Record<string, string>>;
    readonly totalMinor: string;
  };
  readonly leases: readonly string[];
}

interface AttemptCharge {
  usage: bigint;
  lesseeFee: bigint;
  lessorFee: bigint;
  total: bigint;
}

/**
 * Sub-task evidence and its metering. A lessee reports each attempt (proto
 * SubTaskReport); the inbox checks the report on its own (report-check.ts),
 * then `store` checks it against the lease and records it once per report id.
 * A report whose lease this exchange has not stored yet waits ('awaiting-lease')
 * until the lease arrives (`releaseAwaiting`, also at start and on a timer).
 * Each accepted report becomes one SubTaskCompleted ledger event, applied after
 * the accepting transaction commits; the event's transaction also marks the row
 * (ledger_recorded_at), and `reconcile` applies whatever a crash left unmarked.
 */
export class SubTaskReports {
  private readonly limits: { readonly awaitingPerLease: number; readonly awaitingTotal: number };

  constructor(private readonly d: SubTaskReportsDeps) {
    this.limits = d.limits ?? DEFAULT_LIMITS;
  }

  /**
   * In the caller's transaction (which recorded the message id): accepted once
   * per report id, 'duplicate' for the same content again, 'awaiting-lease'
   * when the lease is not stored yet. Throws ReportRejection (lease mismatch,
   * conflict, parking full) so the transaction rolls back.
   */
  async store(m: EntityManager, r: CheckedReport, a: ReportArrival): Promise<StoreOutcome> {
    await lockLease(m, r.leaseId);
    const lease = await leaseOf(m, r.leaseId);
    if (!lease) return this.park(m, r, a);
    const mismatch = authorityProblem(r, a.senderHub, lease);
    if (mismatch) throw new ReportRejection(SubTaskReportCode.LeaseMismatch, mismatch, r);
    const ids = ledgerIdsOf(r.reportId);
    const inserted: unknown[] = await m.query(
      `INSERT INTO subtask_reports (state, report_id, job_id, sub_task_id, attempt, lease_id, lessee, lessor, strategy, outcome, started_at_ms, ended_at_ms, result_sha256,
                                    input_bytes, result_bytes, rows, failure_code, used_core_seconds, ledger_event_id, content_sha256, sender_hub, via_hub, message_id)
       VALUES ('accepted', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       ON CONFLICT (report_id) WHERE state = 'accepted' DO NOTHING RETURNING 1`,
      [...reportParams(r), meteredCoreSeconds(r.startedAtMs, r.endedAtMs, lease.cores).toString(), ids.eventId, r.contentSha256, a.senderHub, a.viaHub, a.messageId],
    );
    if (inserted.length === 1) return 'accepted';
    return this.sameAsAccepted(m, r);
  }

  /** After a stored report's transaction committed: hand it to the ledger (no-op when already there). */
  async afterStore(outcome: StoreOutcome, r: CheckedReport): Promise<void> {
    if (outcome === 'awaiting-lease') return;
    const rows: ReportRow[] = await this.d.ds.query(`SELECT ${ROW_COLUMNS} FROM subtask_reports r WHERE r.report_id = $1 AND r.state = 'accepted' AND r.ledger_recorded_at IS NULL`, [r.reportId]);
    for (const row of rows) await this.record(row);
  }

  /**
   * After a conflicting report was dead-lettered (fresh: first time at that bus
   * position): counted on the recorded report and, when the recorded one is in
   * the ledger already, also offered to the ledger, which records a conflicting
   * duplicate (LEDGER_EVENT_CONFLICT, ledger_events and the audit trail) if its
   * metering differs. It is never applied: the first report stands.
   */
  async afterConflict(r: CheckedReport, fresh: boolean): Promise<void> {
    if (!fresh) return;
    const rows = returned<{ cores: number; via_hub: string }>(
      await this.d.ds.query(`UPDATE subtask_reports r SET conflicts = r.conflicts + 1 FROM leases l WHERE r.report_id = $1 AND r.state = 'accepted' AND l.lease_id = $2 RETURNING l.cores, r.via_hub`, [
        r.reportId,
        r.leaseId,
      ]),
    );
    const ids = ledgerIdsOf(r.reportId);
    const lease = rows[0];
    if (!lease || !this.d.ledger.hasEvent(ids.eventId)) return;
    const event: SubTaskCompletedEvent = { type: 'SubTaskCompleted', eventId: ids.eventId, leaseId: r.leaseId, subTaskId: ids.subTaskId, usedCoreSeconds: meteredCoreSeconds(r.startedAtMs, r.endedAtMs, lease.cores), outcome: r.outcome };
    const result = await this.d.ledger.apply(event, { actor: r.lessee, origin: `bus:${lease.via_hub}` });
    this.d.log.warn('sub-task report conflicts with the recorded one', { reportId: r.reportId, ledger: result.status });
  }

  /**
   * The lease of waiting reports arrived: each is checked against it in arrival
   * order, accepted (the first of a report id), dropped as a duplicate, or
   * removed and dead-lettered (lease mismatch, conflict) in one transaction;
   * then the accepted ones go to the ledger. Returns how many were accepted.
   */
  async releaseAwaiting(leaseId: string): Promise<number> {
    const rejected: string[] = [];
    const accepted = await this.d.ds.transaction(async (m) => {
      await lockLease(m, leaseId);
      const lease = await leaseOf(m, leaseId);
      if (!lease) return [];
      const waiting: ReportRow[] = await m.query(`SELECT ${ROW_COLUMNS} FROM subtask_reports r WHERE r.lease_id = $1 AND r.state = 'awaiting-lease' ORDER BY r.id FOR UPDATE`, [leaseId]);
      const ok: ReportRow[] = [];
      for (const row of waiting) {
        const mismatch = authorityProblem({ lessee: row.lessee, lessor: row.lessor, leaseId }, row.sender_hub, lease);
        const existing: { content_sha256: Buffer }[] = mismatch ? [] : await m.query(`SELECT content_sha256 FROM subtask_reports WHERE report_id = $1 AND state = 'accepted'`, [row.report_id]);
        const clash = existing[0] && !existing[0].content_sha256.equals(row.content_sha256);
        if (mismatch || clash) {
          const code = mismatch ? SubTaskReportCode.LeaseMismatch : SubTaskReportCode.Conflict;
          await m.query(`DELETE FROM subtask_reports WHERE id = $1`, [row.id]);
          if (clash) await m.query(`UPDATE subtask_reports SET conflicts = conflicts + 1 WHERE report_id = $1 AND state = 'accepted'`, [row.report_id]);
          // No bus position any more (the report waited): the dead letter carries the message id and the reason.
          await m.query(`INSERT INTO dead_letters (reason_code, detail, message_id, source, target) VALUES ($1, $2, $3, $4, NULL)`, [
            code,
            (mismatch ?? `report ${row.report_id} is already recorded with other content`).slice(0, 1000),
            row.message_id,
            row.lessee,
          ]);
          rejected.push(code);
          continue;
        }
        if (existing[0]) {
          await m.query(`DELETE FROM subtask_reports WHERE id = $1`, [row.id]);
          continue;
        }
        const used = meteredCoreSeconds(Number(row.started_at_ms), Number(row.ended_at_ms), lease.cores);
        ok.push(...returned<ReportRow>(await m.query(`UPDATE subtask_reports r SET state = 'accepted', used_core_seconds = $2 WHERE r.id = $1 RETURNING ${ROW_COLUMNS}`, [row.id, used.toString()])));
      }
      return ok;
    });
    for (const code of rejected) this.d.counters.rejected.inc(code);
    if (accepted.length) this.d.counters.reports.inc('released', accepted.length);
    if (accepted.length || rejected.length) this.d.log.info('reports that waited for their lease settled', { leaseId, accepted: accepted.length, rejected: rejected.length });
    for (const row of accepted) await this.record(row);
    return accepted.length;
  }

  /**
   * At start and on a timer: releases reports whose lease is stored by now, and
   * hands the ledger every accepted report it has not recorded (a crash after
   * the accepting transaction, or a limit refusal to retry).
   */
  async reconcile(): Promise<{ released: number; recorded: number }> {
    let released = 0;
    const leases: { lease_id: string }[] = await this.d.ds.query(
      `SELECT DISTINCT r.lease_id FROM subtask_reports r JOIN leases l ON l.lease_id = r.lease_id WHERE r.state = 'awaiting-lease' LIMIT $1`,
      [RECONCILE_BATCH],
    );
    for (const l of leases) released += await this.releaseAwaiting(l.lease_id);
    let recorded = 0;
    let after = '0';
    for (;;) {
      const rows: ReportRow[] = await this.d.ds.query(
        `SELECT ${ROW_COLUMNS} FROM subtask_reports r WHERE r.state = 'accepted' AND r.ledger_recorded_at IS NULL AND r.id > $1 ORDER BY r.id LIMIT $2`,
        [after, RECONCILE_BATCH],
      );
      for (const row of rows) if (await this.record(row)) recorded += 1;
      if (rows.length < RECONCILE_BATCH) break;
      after = rows[rows.length - 1]?.id ?? after;
    }
    if (recorded) this.d.log.info('sub-task reports handed to the ledger after a restart or a retry', { count: recorded });
    return { released, recorded };
  }

  // --- queries -------------------------------------------------------------------------------

  /** A job's evidence, oldest first; undefined when no report of the job was ever accepted or is waiting. */
  async evidenceOfJob(jobId: string, afterId: string | undefined, limit: number): Promise<{ reports: EvidenceView[]; next: string | null } | undefined> {
    const rows: ReportRow[] = await this.d.ds.query(`SELECT ${ROW_COLUMNS} FROM subtask_reports r WHERE r.job_id = $1 AND r.id > $2 ORDER BY r.id LIMIT $3`, [jobId, afterId ?? '0', limit]);
    if (rows.length === 0 && !(await this.jobKnown(jobId))) return undefined;
    return { reports: rows.map((r) => this.view(r)), next: rows.at(-1)?.id ?? afterId ?? null };
  }

  /** The accepted evidence of one lease (for the lease cost breakdown), oldest first. */
  async evidenceOfLease(leaseId: string, limit: number): Promise<EvidenceView[]> {
    const rows: ReportRow[] = await this.d.ds.query(`SELECT ${ROW_COLUMNS} FROM subtask_reports r WHERE r.lease_id = $1 AND r.state = 'accepted' ORDER BY r.id LIMIT $2`, [leaseId, limit]);
    return rows.map((r) => this.view(r));
  }

  /**
   * A job's cost per attempt and in total, from the ledger's usage postings: the
   * usage is what the lessor's available account was credited, the fees split
   * the hubs' credits as libs/ledger computes them (floor of the lease's
   * cumulative usage × bps, each posting paying the difference).
   */
  async jobCost(jobId: string): Promise<JobCostView | undefined> {
    const rows: (ReportRow & { price: string | null })[] = await this.d.ds.query(
      `SELECT ${ROW_COLUMNS}, l.price_minor_per_core_second::text AS price FROM subtask_reports r LEFT JOIN leases l ON l.lease_id = r.lease_id WHERE r.job_id = $1 ORDER BY r.id LIMIT $2`,
      [jobId, JOB_ATTEMPTS_MAX],
    );
    if (rows.length === 0) return undefined;
    const leaseIds = [...new Set(rows.filter((r) => r.state === 'accepted').map((r) => r.lease_id))];
    const charges = await this.chargesOf(leaseIds);
    const sum = { metered: 0n, billed: 0n, usage: 0n, lesseeFees: 0n, lessorFees: 0n, total: 0n };
    const feesByHub = new Map<string, bigint>();
    const attempts = rows.map((r): AttemptCostView => {
      const c = charges.get(r.ledger_event_id) ?? { usage: 0n, lesseeFee: 0n, lessorFee: 0n, total: 0n };
      const lc = r.state === 'accepted' ? this.d.ledger.leaseCost(r.lease_id) : undefined;
      const price = r.price === null ? null : BigInt(r.price);
      const billed = price && price > 0n ? c.usage / price : 0n;
      if (r.state === 'accepted') {
        sum.metered += BigInt(r.used_core_seconds ?? '0');
        sum.billed += billed;
        sum.usage += c.usage;
        sum.lesseeFees += c.lesseeFee;
        sum.lessorFees += c.lessorFee;
        sum.total += c.total;
        if (lc) {
          feesByHub.set(lc.lesseeHubFee.hubId, (feesByHub.get(lc.lesseeHubFee.hubId) ?? 0n) + c.lesseeFee);
          feesByHub.set(lc.lessorHubFee.hubId, (feesByHub.get(lc.lessorHubFee.hubId) ?? 0n) + c.lessorFee);
        }
      }
      return {
        reportId: r.report_id,
        subTaskId: r.sub_task_id,
        attempt: r.attempt,
        leaseId: r.lease_id,
        lessee: r.lessee,
        lessor: r.lessor,
        strategy: r.strategy,
        outcome: r.outcome,
        ledger: this.standing(r, r.outcome !== 'failed-lessor' && billed < BigInt(r.used_core_seconds ?? '0')),
        meteredCoreSeconds: r.used_core_seconds,
        billedCoreSeconds: billed.toString(),
        priceMinorPerCoreSecond: r.price,
        usageMinor: c.usage.toString(),
        lesseeHubFee: lc ? { hubId: lc.lesseeHubFee.hubId, bps: lc.lesseeHubFee.bps, amountMinor: c.lesseeFee.toString() } : null,
        lessorHubFee: lc ? { hubId: lc.lessorHubFee.hubId, bps: lc.lessorHubFee.bps, amountMinor: c.lessorFee.toString() } : null,
        totalMinor: c.total.toString(),
        conflicts: r.conflicts,
      };
    });
    return {
      jobId,
      attempts,
      totals: {
        attempts: rows.filter((r) => r.state === 'accepted').length,
        awaitingLease: rows.filter((r) => r.state === 'awaiting-lease').length,
        meteredCoreSeconds: sum.metered.toString(),
        billedCoreSeconds: sum.billed.toString(),
        usageMinor: sum.usage.toString(),
        lesseeHubFeesMinor: sum.lesseeFees.toString(),
        lessorHubFeesMinor: sum.lessorFees.toString(),
        feesByHub: Object.fromEntries([...feesByHub].sort(([a], [b]) => (a < b ? -1 : 1)).map(([h, v]) => [h, v.toString()])),
        totalMinor: sum.total.toString(),
      },
      leases: leaseIds,
    };
  }

  // --- internals -----------------------------------------------------------------------------

  private async park(m: EntityManager, r: CheckedReport, a: ReportArrival): Promise<StoreOutcome> {
    const counts: { lease: string; total: string }[] = await m.query(
      `SELECT count(*) FILTER (WHERE lease_id = $1)::text AS lease, count(*)::text AS total FROM subtask_reports WHERE state = 'awaiting-lease'`,
      [r.leaseId],
    );
    const c = counts[0] ?? { lease: '0', total: '0' };
    if (Number(c.lease) >= this.limits.awaitingPerLease || Number(c.total) >= this.limits.awaitingTotal) {
      throw new ReportRejection(SubTaskReportCode.ParkFull, `${c.lease} reports wait for lease ${r.leaseId}, ${c.total} in total`, r);
    }
    await m.query(
      `INSERT INTO subtask_reports (state, report_id, job_id, sub_task_id, attempt, lease_id, lessee, lessor, strategy, outcome, started_at_ms, ended_at_ms, result_sha256,
                                    input_bytes, result_bytes, rows, failure_code, ledger_event_id, content_sha256, sender_hub, via_hub, message_id)
       VALUES ('awaiting-lease', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (report_id, content_sha256) WHERE state = 'awaiting-lease' DO NOTHING`,
      [...reportParams(r), ledgerIdsOf(r.reportId).eventId, r.contentSha256, a.senderHub, a.viaHub, a.messageId],
    );
    return 'awaiting-lease';
  }

  private async sameAsAccepted(m: EntityManager, r: CheckedReport): Promise<StoreOutcome> {
    const existing: { content_sha256: Buffer }[] = await m.query(`SELECT content_sha256 FROM subtask_reports WHERE report_id = $1 AND state = 'accepted'`, [r.reportId]);
    if (existing[0]?.content_sha256.equals(r.contentSha256)) return 'duplicate';
    throw new ReportRejection(SubTaskReportCode.Conflict, `report ${r.reportId} is already recorded with other content`, r);
  }

  /** One accepted report into the ledger, exactly once; true when the ledger recorded it now. */
  private async record(row: ReportRow): Promise<boolean> {
    if (row.used_core_seconds === null) return false;
    const event: SubTaskCompletedEvent = {
      type: 'SubTaskCompleted',
      eventId: row.ledger_event_id,
      leaseId: row.lease_id,
      subTaskId: ledgerIdsOf(row.report_id).subTaskId,
      usedCoreSeconds: BigInt(row.used_core_seconds),
      outcome: row.outcome,
    };
    const mark = async (m: EntityManager): Promise<void> => {
      await m.query(`UPDATE subtask_reports SET ledger_recorded_at = now() WHERE id = $1 AND ledger_recorded_at IS NULL`, [row.id]);
    };
    const result: ApplyResult = await this.d.ledger.apply(event, { actor: row.lessee, origin: `bus:${row.via_hub}` }, (m, r) => (r.status === 'exists_with_different_content' ? Promise.resolve() : mark(m)));
    switch (result.status) {
      case 'exists':
        // Recorded before (the marker's transaction is the event's, so this is another copy racing): nothing to bill.
        await mark(this.d.ds.manager);
        return false;
      case 'exists_with_different_content':
        this.d.log.error('the ledger holds another event under this report\'s id', { reportId: row.report_id, eventId: event.eventId });
        return false;
      case 'rejected':
        if (!this.d.ledger.hasEvent(event.eventId)) {
          this.d.log.warn('ledger refused a sub-task for now; will retry', { reportId: row.report_id, code: result.code });
          return false;
        }
        return true;
      case 'applied':
      case 'parked':
        return true;
    }
  }

  /** Charges of every usage posting of these leases, by event id, fees split as the ledger computed them. */
  private async chargesOf(leaseIds: readonly string[]): Promise<Map<string, AttemptCharge>> {
    const out = new Map<string, AttemptCharge>();
    if (leaseIds.length === 0) return out;
    const entries: { posting_seq: string; event_id: string; lease_id: string; account: string; side: string; amount_minor: string }[] = await this.d.ds.query(
      `SELECT posting_seq::text, event_id, lease_id, account, side, amount_minor::text FROM ledger_entries
        WHERE lease_id = ANY($1::text[]) AND kind = 'usage' ORDER BY ledger_entries.posting_seq, ledger_entries.id`,
      [leaseIds],
    );
    const cumulative = new Map<string, bigint>();
    let current: { seq: string; eventId: string; leaseId: string; usage: bigint; total: bigint } | undefined;
    const close = (): void => {
      if (!current) return;
      const lc = this.d.ledger.leaseCost(current.leaseId);
      const before = cumulative.get(current.leaseId) ?? 0n;
      const after = before + current.usage;
      cumulative.set(current.leaseId, after);
      const lesseeFee = lc ? feeMinor(after, lc.lesseeHubFee.bps) - feeMinor(before, lc.lesseeHubFee.bps) : 0n;
      const lessorFee = lc ? feeMinor(after, lc.lessorHubFee.bps) - feeMinor(before, lc.lessorHubFee.bps) : 0n;
      if (lesseeFee + lessorFee + current.usage !== current.total) this.d.log.error('usage posting does not split into usage and fees', { eventId: current.eventId });
      out.set(current.eventId, { usage: current.usage, lesseeFee, lessorFee, total: current.total });
    };
    for (const e of entries) {
      if (current?.seq !== e.posting_seq) {
        close();
        current = { seq: e.posting_seq, eventId: e.event_id, leaseId: e.lease_id, usage: 0n, total: 0n };
      }
      const lc = this.d.ledger.leaseCost(e.lease_id);
      const amount = BigInt(e.amount_minor);
      if (e.side === 'debit' && lc && e.account === escrowAccount(lc.lessee)) current.total += amount;
      if (e.side === 'credit' && lc && e.account === availableAccount(lc.lessor)) current.usage += amount;
    }
    close();
    return out;
  }

  private async jobKnown(jobId: string): Promise<boolean> {
    const rows: unknown[] = await this.d.ds.query(`SELECT 1 FROM subtask_reports WHERE job_id = $1 LIMIT 1`, [jobId]);
    return rows.length > 0;
  }

  /**
   * The ledger's record of the report's event. The ledger keeps codes of rejections
   * only; `capped` (billed below metered) adds the LEDGER_USAGE_CAPPED notice.
   */
  private standing(r: ReportRow, capped = false): LedgerStanding {
    if (r.state === 'awaiting-lease') return { status: 'awaiting-lease', code: null };
    const rec = this.d.ledger.eventRecord(r.ledger_event_id);
    if (!rec) return { status: 'pending', code: null };
    return { status: rec.status, code: rec.code ?? (rec.status === 'applied' && capped ? LedgerCode.UsageCapped : null) };
  }

  private view(r: ReportRow): EvidenceView {
    return {
      reportId: r.report_id,
      jobId: r.job_id,
      subTaskId: r.sub_task_id,
      attempt: r.attempt,
      leaseId: r.lease_id,
      lessee: r.lessee,
      lessor: r.lessor,
      strategy: r.strategy,
      outcome: r.outcome,
      startedAtMs: Number(r.started_at_ms),
      endedAtMs: Number(r.ended_at_ms),
      resultSha256: r.result_sha256,
      inputBytes: Number(r.input_bytes),
      resultBytes: Number(r.result_bytes),
      rows: Number(r.rows),
      failureCode: r.failure_code,
      meteredCoreSeconds: r.used_core_seconds,
      viaHub: r.via_hub,
      messageId: r.message_id,
      receivedAt: new Date(r.received_at).toISOString(),
      conflicts: r.conflicts,
      ledgerEventId: r.ledger_event_id,
      ledger: this.standing(r),
    };
  }
}

/** Rows of an UPDATE ... RETURNING: TypeORM answers [rows, affected] for UPDATE and DELETE on PostgreSQL. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/** Serializes a lease's reports with its release (a report that finds no lease must be seen by the release that follows the lease). */
async function lockLease(m: EntityManager, leaseId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('subtask-lease:' || $1, 0))`, [leaseId]);
}

async function leaseOf(m: EntityManager, leaseId: string): Promise<LeaseRow | undefined> {
  const rows: LeaseRow[] = await m.query(`SELECT lessee, lessor, lessee_hub, cores FROM leases WHERE lease_id = $1`, [leaseId]);
  return rows[0];
}

/** Why the lease does not back this report (its lessee reports, on its own lease, through the hub that admitted it); undefined when it does. */
function authorityProblem(r: { lessee: string; lessor: string; leaseId: string }, senderHub: string, lease: LeaseRow): string | undefined {
  if (lease.lessee !== r.lessee || lease.lessor !== r.lessor) return `lease ${r.leaseId} is ${lease.lessor} -> ${lease.lessee}, the report names ${r.lessor} -> ${r.lessee}`;
  if (senderHub !== lease.lessee_hub) return `the lessee of lease ${r.leaseId} belongs to ${lease.lessee_hub}, the report's sender was admitted by ${senderHub}`;
  return undefined;
}

function reportParams(r: CheckedReport): unknown[] {
  return [
    r.reportId, r.jobId, r.subTaskId, r.attempt, r.leaseId, r.lessee, r.lessor, r.strategy, r.outcome, r.startedAtMs, r.endedAtMs, r.resultSha256,
    r.inputBytes, r.resultBytes, r.rows, r.failureCode,
  ];
}
