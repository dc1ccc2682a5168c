import type { DataSource, EntityManager } from 'typeorm';
import { MessageType } from '#libs/contracts';
import { checkDeliveredLease, LeaseConflictError, LeaseReceiptCode, type DeliveredLease, type DeliveredLeaseCheck, type LeaseDelivery, type LeaseTermsView, leaseTermsViewOfRow } from '#libs/lease';
import type { TrustPort } from '#libs/relay';

/** Envelope type of a lease contract a hub delivers (S202). */
export const MARKET_LEASE_TYPE = MessageType.MarketLease;
export { LEASE_CONTENT_TYPE, LeaseConflictError, LeaseReceiptCode, type LeaseDelivery } from '#libs/lease';

export type LeaseRole = 'lessee' | 'lessor';

export interface AcceptedLease extends DeliveredLease {
  readonly role: LeaseRole;
}

export type LeaseReceipt = { ok: true; lease: AcceptedLease } | Extract<DeliveredLeaseCheck, { ok: false }>;

export interface LeaseView extends LeaseTermsView {
  readonly role: LeaseRole;
  readonly messageId: string;
  /** Base64 LeaseContract as the hubs signed it (single-lease view only). */
  readonly contract?: string;
}

/**
 * The leases this participant is a party to. A lease is accepted only when both
 * hubs' signatures verify against the network CA (libs/lease verifyLease), it came
 * from this participant's own hub, and this participant is its lessee or lessor
 * through that hub. It is stored once per lease id, in the caller's transaction.
 */
export class LeaseStore {
  constructor(
    private readonly ds: DataSource,
    private readonly trust: TrustPort,
    private readonly self: { readonly nodeId: string; readonly hubId: string },
  ) {}

  async check(d: LeaseDelivery, nowMs: number): Promise<LeaseReceipt> {
    if (d.sender.role !== 'hub' || d.source !== this.self.hubId) {
      return { ok: false, code: LeaseReceiptCode.SourceInvalid, detail: `leases come from ${this.self.hubId}, this one from ${d.sender.role} ${d.source}` };
    }
    const v = await checkDeliveredLease(d, this.trust, nowMs);
    if (!v.ok) return v;
    const t = v.lease.terms;
    const role: LeaseRole | undefined = t.lessee === this.self.nodeId && t.lesseeHub === this.self.hubId ? 'lessee' : t.lessor === this.self.nodeId && t.lessorHub === this.self.hubId ? 'lessor' : undefined;
    if (!role) return { ok: false, code: LeaseReceiptCode.NotAParty, detail: `lease ${t.leaseId} is between ${t.lessee}@${t.lesseeHub} and ${t.lessor}@${t.lessorHub}` };
    return { ok: true, lease: { ...v.lease, role } };
  }

  /**
   * Stores a checked lease in the caller's transaction: 'stored' the first time,
   * 'duplicate' when the same terms are already stored (another delivery of the
   * same lease), LeaseConflictError when the lease id is stored with other terms.
   */
  async store(m: EntityManager, lease: AcceptedLease, messageId: string): Promise<'stored' | 'duplicate'> {
    const t = lease.terms;
    const rows: unknown[] = await m.query(
      `INSERT INTO leases (lease_id, role, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, memory_mib, duration_s,
                           price_minor_per_core_second, start_ms, end_ms, capabilities, security_level, max_cost_minor, signed_by, terms_sha256, contract, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (lease_id) DO NOTHING RETURNING 1`,
      [
        t.leaseId, lease.role, t.lessee, t.lessor, t.lesseeHub, t.lessorHub, t.buyOrderId, t.sellOrderId, t.cores, t.memoryMib, t.durationS,
        t.priceMinorPerCoreSecond, t.startMs, t.endMs, t.capabilities, t.securityLevel, t.maxCostMinor, lease.signedBy, lease.termsSha256, Buffer.from(lease.contract), messageId,
      ],
    );
    if (rows.length === 1) return 'stored';
    const existing: { terms_sha256: Buffer }[] = await m.query(`SELECT terms_sha256 FROM leases WHERE lease_id = $1`, [t.leaseId]);
    if (existing[0]?.terms_sha256.equals(lease.termsSha256)) return 'duplicate';
    throw new LeaseConflictError(t.leaseId);
  }

  async list(afterSeq: string | undefined, limit: number, role?: LeaseRole): Promise<LeaseView[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM leases WHERE seq > COALESCE($1::bigint, 0) AND ($3::text IS NULL OR role = $3) ORDER BY leases.seq LIMIT $2`,
      [afterSeq ?? null, limit, role ?? null],
    );
    return rows.map((r) => toView(r, false));
  }

  async get(leaseId: string): Promise<LeaseView | undefined> {
    const rows: Record<string, unknown>[] = await this.ds.query(`SELECT ${COLUMNS}, contract FROM leases WHERE lease_id = $1`, [leaseId]);
    return rows[0] && toView(rows[0], true);
  }
}

const COLUMNS = `seq::text, lease_id, role, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, memory_mib::text, duration_s,
  price_minor_per_core_second::text, start_ms::text, end_ms::text, capabilities, security_level, max_cost_minor::text, signed_by, message_id, received_at`;

function toView(r: Record<string, unknown>, withContract: boolean): LeaseView {
  return {
    ...leaseTermsViewOfRow(r),
    role: r.role as LeaseRole,
    messageId: String(r.message_id),
    ...(withContract ? { contract: (r.contract as Buffer).toString('base64') } : {}),
  };
}
