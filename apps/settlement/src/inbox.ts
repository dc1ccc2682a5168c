import type { KeyObject } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveredRecord } from '#libs/bus';
import type { Counter, JsonLogger } from '#libs/observability';
import type { DeadLetterRepository } from '#libs/persistence';
import { receiveEnvelope, type Clock, type Received, type TimePolicy, type TrustPort } from '#libs/relay';
import { LeaseConflictError, LeaseReceiptCode, MARKET_LEASE_TYPE, type SettlementLeaseStore } from './leases.js';

export interface SettlementInboxDeps {
  readonly ds: DataSource;
  readonly nodeId: string;
  readonly keyAgreementPrivateKey: KeyObject;
  readonly trust: TrustPort;
  readonly clock: Clock;
  readonly time: TimePolicy;
  readonly deadLetters: DeadLetterRepository;
  readonly leases: SettlementLeaseStore;
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
  };
}

/**
 * The exchange's inbox on every served hub's bus. Each verified envelope is
 * recorded once by message id; a lease (market.lease) is also verified as a
 * contract and stored once per lease id in the same transaction, so the copies
 * the lessee's and the lessor's hub both deliver make one lease.
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
    if (await this.d.ds.transaction((m) => this.insertEvent(m, viaHub, r))) this.d.counters.received.inc(viaHub);
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

  private async insertEvent(m: EntityManager, viaHub: string, r: Extract<Received, { ok: true }>): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO received_events (message_id, source, type, session_id, via_hub, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.header.messageId, r.header.source, r.header.type, r.header.sessionId, viaHub, Buffer.from(r.body)],
    );
    return rows.length === 1;
  }

  private async reject(viaHub: string, record: DeliveredRecord, code: string, detail: string, h: { messageId: string; source: string } | undefined): Promise<void> {
    // Settlement reads one inbox topic on several hubs' buses: the bus is part of the position.
    const topic = `${viaHub}:${record.topic}`;
    if (await this.d.deadLetters.record({ reasonCode: code, detail, messageId: h?.messageId, source: h?.source, topic, partition: record.partition, offset: record.offset, raw: record.value })) this.d.counters.rejected.inc(code);
    this.d.log.warn('event rejected', { reasonCode: code, detail });
  }
}
