import { createHash } from 'node:crypto';
import { pb, type LeaseTerms } from '#libs/contracts';
import type { TrustPort, VerifiedIdentity } from '#libs/relay';
import { LeaseCode, verifyLease } from './lease.js';

/** Payload content type of a lease contract a hub delivers (S202). */
export const LEASE_CONTENT_TYPE = 'application/x-protobuf; messageType=datanet.v1.LeaseContract';

/** Receiver-side lease codes, besides LeaseCode (range 2105-2119). */
export const LeaseReceiptCode = {
  /** A lease id already stored with other terms. */
  Conflict: 'LEASE_CONFLICT', // 2105
  /** The receiver is not the lessee or the lessor (through its own hub). */
  NotAParty: 'LEASE_NOT_A_PARTY', // 2106
  /** Not delivered by a hub that may deliver it. */
  SourceInvalid: 'LEASE_SOURCE_INVALID', // 2107
} as const;
export type LeaseReceiptCode = (typeof LeaseReceiptCode)[keyof typeof LeaseReceiptCode];

/** The parts of a verified envelope a lease check needs. */
export interface LeaseDelivery {
  readonly source: string;
  readonly sender: Pick<VerifiedIdentity, 'role' | 'nodeId'>;
  readonly contentType: string;
  readonly body: Uint8Array;
}

export interface DeliveredLease {
  readonly terms: LeaseTerms;
  /** sha256 of the exact terms bytes the hubs signed: what makes two deliveries "the same lease". */
  readonly termsSha256: Buffer;
  readonly signedBy: readonly string[];
  readonly contract: Uint8Array;
}

export type DeliveredLeaseCheck = { ok: true; lease: DeliveredLease } | { ok: false; code: LeaseCode | LeaseReceiptCode; detail: string };

/** Thrown inside a storing transaction so whatever it wrote rolls back with it. */
export class LeaseConflictError extends Error {
  constructor(readonly leaseId: string) {
    super(`lease ${leaseId} is already stored with other terms`);
  }
}

/**
 * What every lease receiver (lessee, lessor, settlement) checks first: a hub
 * sent it, as a lease contract, and both hubs' signatures hold. Each receiver
 * then checks who it is for and who may have delivered it.
 */
export async function checkDeliveredLease(d: LeaseDelivery, trust: TrustPort, nowMs: number): Promise<DeliveredLeaseCheck> {
  if (d.sender.role !== 'hub') return { ok: false, code: LeaseReceiptCode.SourceInvalid, detail: `leases come from hubs, this one from ${d.sender.role} ${d.source}` };
  if (d.contentType !== LEASE_CONTENT_TYPE) return { ok: false, code: LeaseCode.Malformed, detail: `content type ${d.contentType.slice(0, 100)} is not ${LEASE_CONTENT_TYPE}` };
  const v = await verifyLease(d.body, trust, nowMs);
  if (!v.ok) return v;
  const contract = pb.LeaseContract.decode(d.body);
  return { ok: true, lease: { terms: v.terms, termsSha256: createHash('sha256').update(contract.terms).digest(), signedBy: contract.signatures.map((s) => s.hubId ?? ''), contract: d.body } };
}

/** A stored lease as receivers' APIs show it (their own columns come on top). */
export interface LeaseTermsView {
  readonly seq: string;
  readonly leaseId: string;
  readonly lessee: string;
  readonly lessor: string;
  readonly lesseeHub: string;
  readonly lessorHub: string;
  readonly buyOrderId: string;
  readonly sellOrderId: string;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly capabilities: string[];
  readonly securityLevel: number;
  readonly maxCostMinor: number;
  readonly signedBy: string[];
  readonly receivedAt: string;
}

/** Maps the lease columns receivers store (same names in the participant and settlement schemas). */
export function leaseTermsViewOfRow(r: Record<string, unknown>): LeaseTermsView {
  return {
    seq: String(r.seq),
    leaseId: String(r.lease_id),
    lessee: String(r.lessee),
    lessor: String(r.lessor),
    lesseeHub: String(r.lessee_hub),
    lessorHub: String(r.lessor_hub),
    buyOrderId: String(r.buy_order_id),
    sellOrderId: String(r.sell_order_id),
    cores: Number(r.cores),
    memoryMiB: Number(r.memory_mib),
    durationS: Number(r.duration_s),
    priceMinorPerCoreSecond: Number(r.price_minor_per_core_second),
    startMs: Number(r.start_ms),
    endMs: Number(r.end_ms),
    capabilities: r.capabilities as string[],
    securityLevel: Number(r.security_level),
    maxCostMinor: Number(r.max_cost_minor),
    signedBy: r.signed_by as string[],
    receivedAt: new Date(r.received_at as string).toISOString(),
  };
}
