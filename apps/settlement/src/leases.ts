import type { DataSource, EntityManager } from 'typeorm';
import { MessageType } from '#libs/contracts';
import { checkDeliveredLease, LeaseConflictError, LeaseReceiptCode, type DeliveredLease, type DeliveredLeaseCheck, type LeaseDelivery, type LeaseTermsView, leaseTermsViewOfRow } from '#libs/lease';
import type { TrustPort } from '#libs/relay';

/** Envelope type of a lease contract a hub delivers (S202). */
export const MARKET_LEASE_TYPE = MessageType.MarketLease;
export { LEASE_CONTENT_TYPE, LeaseConflictError, LeaseReceiptCode, type LeaseDelivery } from '#libs/lease';

export type AcceptedLease = DeliveredLease;
export type LeaseReceipt = DeliveredLeaseCheck;

export interface SettlementLeaseView extends LeaseTermsView {
  /** The hubs that delivered this lease (normally its lessee's and its lessor's). */
  readonly viaHubs: string[];
}

/**
 * The exchange's leases: verified contracts (both hubs' signatures against the
 * network CA), delivered by one of the lease's two hubs, stored once per lease id
 * however many hubs deliver it.
 */
export class SettlementLeaseStore {
  constructor(
    private readonly ds: DataSource,
    private readonly trust: TrustPort,
  ) {}

  async check(d: LeaseDelivery, nowMs: number): Promise<LeaseReceipt> {
    const v = await checkDeliveredLease(d, this.trust, nowMs);
    if (!v.ok) return v;
    const t = v.lease.terms;
    if (d.source !== t.lesseeHub && d.source !== t.lessorHub) return { ok: false, code: LeaseReceiptCode.SourceInvalid, detail: `lease ${t.leaseId} is between hubs ${t.lesseeHub} and ${t.lessorHub}, delivered by ${d.source}` };
    return v;
  }

  /**
   * Stores a checked lease in the caller's transaction: 'stored' the first time;
   * 'duplicate' when the same terms are already stored (the other hub's delivery:
   * the hub is added to via_hubs); LeaseConflictError for the same id with other terms.
   */
  async store(m: EntityManager, lease: AcceptedLease, messageId: string, viaHub: string): Promise<'stored' | 'duplicate'> {
    const t = lease.terms;
    const rows: unknown[] = await m.query(
      `INSERT INTO leases (lease_id, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, memory_mib, duration_s, price_minor_per_core_second,
                           start_ms, end_ms, capabilities, security_level, max_cost_minor, signed_by, terms_sha256, contract, message_id, via_hubs)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, ARRAY[$21::text])
       ON CONFLICT (lease_id) DO NOTHING RETURNING 1`,
      [
        t.leaseId, t.lessee, t.lessor, t.lesseeHub, t.lessorHub, t.buyOrderId, t.sellOrderId, t.cores, t.memoryMib, t.durationS, t.priceMinorPerCoreSecond,
        t.startMs, t.endMs, t.capabilities, t.securityLevel, t.maxCostMinor, lease.signedBy, lease.termsSha256, Buffer.from(lease.contract), messageId, viaHub,
      ],
    );
    if (rows.length === 1) return 'stored';
    const existing: { terms_sha256: Buffer }[] = await m.query(`SELECT terms_sha256 FROM leases WHERE lease_id = $1 FOR UPDATE`, [t.leaseId]);
    if (!existing[0]?.terms_sha256.equals(lease.termsSha256)) throw new LeaseConflictError(t.leaseId);
    await m.query(`UPDATE leases SET via_hubs = array_append(via_hubs, $2::text) WHERE lease_id = $1 AND NOT ($2::text = ANY (via_hubs))`, [t.leaseId, viaHub]);
    return 'duplicate';
  }

  async list(afterSeq: string | undefined, limit: number, participant?: string): Promise<SettlementLeaseView[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT seq::text, lease_id, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, memory_mib::text, duration_s,
              price_minor_per_core_second::text, start_ms::text, end_ms::text, capabilities, security_level, max_cost_minor::text, signed_by, via_hubs, received_at
         FROM leases
        WHERE seq > COALESCE($1::bigint, 0) AND ($3::text IS NULL OR lessee = $3 OR lessor = $3)
        ORDER BY leases.seq LIMIT $2`,
      [afterSeq ?? null, limit, participant ?? null],
    );
    return rows.map((r) => ({ ...leaseTermsViewOfRow(r), viaHubs: r.via_hubs as string[] }));
  }
}
