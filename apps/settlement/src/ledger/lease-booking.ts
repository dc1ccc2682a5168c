import type { DataSource } from 'typeorm';
import type { LeaseTerms } from '#libs/contracts';
import type { LeaseTermsInput } from '#libs/ledger';
import type { JsonLogger } from '#libs/observability';
import type { SettlementLedgerService } from './ledger.service.js';

/** Event ids are derived from what they book, so a repeated booking is a no-op in the ledger. */
export const leaseBookedEventId = (leaseId: string): string => `lease-booked:${leaseId}`;
export const leaseEndedEventId = (leaseId: string): string => `lease-ended:${leaseId}`;

const END_BATCH = 500;

/**
 * From stored leases to ledger events: a lease booked when it is first stored
 * (escrow hold on the lessee), ended when its end time plus `endGraceMs` has
 * passed (the rest of the escrow released). The grace lets the lessee's report
 * of an attempt that ran until the end still arrive before the lease closes (a
 * sub-task after LeaseEnded is refused with LEDGER_LEASE_ENDED). Both are keyed
 * by lease id, so retries and the start-up reconciliation can never book twice.
 */
export class LeaseBooking {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: SettlementLedgerService,
    private readonly log: JsonLogger,
    /** This settlement node: the actor of time-driven events. */
    private readonly self: string,
    /** How long after its end a lease stays open for late sub-task reports. */
    private readonly endGraceMs = 0,
  ) {}

  async book(t: LeaseTerms, viaHub: string): Promise<void> {
    await this.ledger.apply({ type: 'LeaseBooked', eventId: leaseBookedEventId(t.leaseId), terms: ledgerTerms(t) }, { actor: viaHub, origin: `bus:${viaHub}` });
  }

  /** Leases stored before a crash but never booked (the booking runs after the storing transaction). */
  async reconcile(): Promise<number> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT l.* FROM leases l WHERE NOT EXISTS (SELECT 1 FROM ledger_events e WHERE e.event_id = 'lease-booked:' || l.lease_id) ORDER BY l.seq`,
    );
    for (const r of rows) await this.ledger.apply({ type: 'LeaseBooked', eventId: leaseBookedEventId(String(r.lease_id)), terms: termsOfRow(r) }, { actor: String((r.via_hubs as string[])[0] ?? 'unknown'), origin: 'reconcile' });
    if (rows.length) this.log.info('booked leases stored before a restart', { count: rows.length });
    return rows.length;
  }

  /** Ends every booked lease whose end time has passed (bounded per round). */
  async endDueLeases(nowMs: number): Promise<number> {
    const rows: { lease_id: string }[] = await this.ds.query(
      `SELECT l.lease_id FROM leases l
        WHERE l.end_ms <= $1
          AND EXISTS (SELECT 1 FROM ledger_events e WHERE e.event_id = 'lease-booked:' || l.lease_id AND e.status = 'applied')
          AND NOT EXISTS (SELECT 1 FROM ledger_events e WHERE e.event_id = 'lease-ended:' || l.lease_id)
        ORDER BY l.end_ms, l.lease_id LIMIT $2`,
      [nowMs - this.endGraceMs, END_BATCH],
    );
    for (const r of rows) await this.ledger.apply({ type: 'LeaseEnded', eventId: leaseEndedEventId(r.lease_id), leaseId: r.lease_id }, { actor: this.self, origin: 'lease-clock' });
    return rows.length;
  }
}

export function ledgerTerms(t: LeaseTerms): LeaseTermsInput {
  return {
    leaseId: t.leaseId,
    lessee: t.lessee,
    lessor: t.lessor,
    lesseeHub: t.lesseeHub,
    lessorHub: t.lessorHub,
    cores: t.cores,
    durationS: t.durationS,
    priceMinorPerCoreSecond: BigInt(t.priceMinorPerCoreSecond),
    startMs: Number(t.startMs),
    endMs: Number(t.endMs),
    maxCostMinor: BigInt(t.maxCostMinor),
  };
}

function termsOfRow(r: Record<string, unknown>): LeaseTermsInput {
  return {
    leaseId: String(r.lease_id),
    lessee: String(r.lessee),
    lessor: String(r.lessor),
    lesseeHub: String(r.lessee_hub),
    lessorHub: String(r.lessor_hub),
    cores: Number(r.cores),
    durationS: Number(r.duration_s),
    priceMinorPerCoreSecond: BigInt(String(r.price_minor_per_core_second)),
    startMs: Number(r.start_ms),
    endMs: Number(r.end_ms),
    maxCostMinor: BigInt(String(r.max_cost_minor)),
  };
}
