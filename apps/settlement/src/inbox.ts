import type { KeyObject } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveredRecord } from '#libs/bus';
import type { Counter, JsonLogger } from '#libs/observability';
import type { DeadLetterRepository } from '#libs/persistence';
import { MessageType } from '#libs/contracts';
import { receiveEnvelope, type Clock, type Received, type TimePolicy, type TrustPort } from '#libs/relay';
import { LeaseConflictError, LeaseReceiptCode, MARKET_LEASE_TYPE, type SettlementLeaseStore } from './leases.js';
import { checkSubTaskReport, SubTaskReportCode } from './reports/report-check.js';
import { ReportRejection, type StoreOutcome, type SubTaskReports } from './reports/subtask-reports.js';

const EMPTY = new Uint8Array(0);

export interface SettlementInboxDeps {
  readonly ds: DataSource;
  readonly nodeId: string;
  readonly keyAgreementPrivateKey: KeyObject;
  readonly trust: TrustPort;
  readonly clock: Clock;
  readonly time: TimePolicy;
  readonly deadLetters: DeadLetterRepository;
  readonly leases: SettlementLeaseStore;
  /** Sub-task evidence (job.subtask-report from lessees); without it reports are recorded as plain events. */
  readonly reports?: SubTaskReports;
  /** Called once per newly stored lease, after its transaction committed (the ledger books it). */
  readonly onLeaseStored?: (terms: import('#libs/contracts').LeaseTerms, viaHub: string) => Promise<void>;
  readonly log: JsonLogger;
  readonly counters: {
    /** Verified events recorded, by hub. */
    readonly received: Counter;
    /** Dead letters, by reason code. */
    readonly rejected: Counter;
    /** Lease deliveries, by outcome (stored, duplicate). */
    readonly leases: Counter;
    /** Sub-task reports, by outcome (accepted, duplicate, awaiting-lease; released when their lease came). */
    readonly reports?: Counter;
  };
}

/**
 * The exchange's inbox on every served hub's bus. Each verified envelope is
 * recorded once by message id; a lease (market.lease) is also verified as a
 * contract and stored once per lease id in the same transaction, so the copies
 * the lessee's and the lessor's hub both deliver make one lease. A sub-task
 * report (job.subtask-report) is checked, then stored as evidence once per
 * report id in the same transaction (its body is not kept in received_events:
 * the evidence row holds its checked fields).
 */
export class SettlementInbox {
  constructor(private readonly d: SettlementInboxDeps) {}

  async handle(viaHub: string, record: DeliveredRecord): Promise<void> {
    const r = await receiveEnvelope(record.value, { nodeId: this.d.nodeId, hubId: viaHub, keyAgreementPrivateKey: this.d.keyAgreementPrivateKey }, this.d.trust, this.d.clock, this.d.time);
    if (!r.ok) {
      await this.reject(viaHub, record, r.code, r.detail, r.header);
      return;
    }
    if (r.header.type === MARKET_LEASE_TYPE) {
      await this.receiveLease(viaHub, record, r);
      return;
    }
    if (r.header.type === MessageType.SubTaskReport && this.d.reports) {
      await this.receiveReport(viaHub, record, r, this.d.reports);
      return;
    }
    if (await this.d.ds.transaction((m) => this.insertEvent(m, viaHub, r))) this.d.counters.received.inc(viaHub);
  }

  private async receiveReport(viaHub: string, record: DeliveredRecord, r: Extract<Received, { ok: true }>, reports: SubTaskReports): Promise<void> {
    const h = r.header;
    const seen: unknown[] = await this.d.ds.query(`SELECT 1 FROM received_events WHERE message_id = $1`, [h.messageId]);
    if (seen.length > 0) return;
    const checked = checkSubTaskReport({ source: h.source, senderRole: r.sender.role, contentType: r.contentType, body: r.body }, this.d.clock.nowMs(), this.d.time.clockSkewMs);
    if (!checked.ok) {
      await this.reject(viaHub, record, checked.code, checked.detail, h);
      return;
    }
    let outcome: StoreOutcome | 'redelivered';
    try {
      outcome = await this.d.ds.transaction(async (m) =>
        (await this.insertEvent(m, viaHub, r, EMPTY)) ? reports.store(m, checked.report, { viaHub, senderHub: r.sender.issuerId, messageId: h.messageId }) : 'redelivered',
      );
    } catch (e) {
      if (!(e instanceof ReportRejection)) throw e;
      const fresh = await this.reject(viaHub, record, e.code, e.message, h);
      if (e.code === SubTaskReportCode.Conflict) await reports.afterConflict(e.report, fresh);
      return;
    }
    if (outcome === 'redelivered') return;
    this.d.counters.received.inc(viaHub);
    this.d.counters.reports?.inc(outcome);
    this.d.log.info('sub-task report recorded', { reportId: checked.report.reportId, leaseId: checked.report.leaseId, outcome, hub: viaHub, messageId: h.messageId });
    await reports.afterStore(outcome, checked.report);
  }

  private async receiveLease(viaHub: string, record: DeliveredRecord, r: Extract<Received, { ok: true }>): Promise<void> {
    const h = r.header;
    const seen: unknown[] = await this.d.ds.query(`SELECT 1 FROM received_events WHERE message_id = $1`, [h.messageId]);
    if (seen.length > 0) return;
    const checked = await this.d.leases.check({ source: h.source, sender: r.sender, contentType: r.contentType, body: r.body }, this.d.clock.nowMs());
    if (!checked.ok) {
      await this.reject(viaHub, record, checked.code, checked.detail, h);
      return;
    }
    let outcome: 'stored' | 'duplicate' | 'redelivered';
    try {
      outcome = await this.d.ds.transaction(async (m) => ((await this.insertEvent(m, viaHub, r)) ? this.d.leases.store(m, checked.lease, h.messageId, viaHub) : 'redelivered'));
    } catch (e) {
      if (!(e instanceof LeaseConflictError)) throw e;
      await this.reject(viaHub, record, LeaseReceiptCode.Conflict, e.message, h);
      return;
    }
    if (outcome === 'redelivered') return;
    this.d.counters.received.inc(viaHub);
    this.d.counters.leases.inc(outcome);
    this.d.log.info(outcome === 'stored' ? 'lease recorded' : 'lease delivered again; already recorded', { leaseId: checked.lease.terms.leaseId, hub: viaHub, messageId: h.messageId });
    if (outcome === 'stored') await this.d.onLeaseStored?.(checked.lease.terms, viaHub);
  }

  private async insertEvent(m: EntityManager, viaHub: string, r: Extract<Received, { ok: true }>, body: Uint8Array = r.body): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO received_events (message_id, source, type, session_id, via_hub, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.header.messageId, r.header.source, r.header.type, r.header.sessionId, viaHub, Buffer.from(body)],
    );
    return rows.length === 1;
  }

  /** Dead-letters a record; true the first time for its bus position. */
  private async reject(viaHub: string, record: DeliveredRecord, code: string, detail: string, h: { messageId: string; source: string } | undefined): Promise<boolean> {
    // Settlement reads one inbox topic on several hubs' buses: the bus is part of the position.
    const topic = `${viaHub}:${record.topic}`;
    const fresh = await this.d.deadLetters.record({ reasonCode: code, detail, messageId: h?.messageId, source: h?.source, topic, partition: record.partition, offset: record.offset, raw: record.value });
    if (fresh) this.d.counters.rejected.inc(code);
    this.d.log.warn('event rejected', { reasonCode: code, detail });
    return fresh;
  }
}
