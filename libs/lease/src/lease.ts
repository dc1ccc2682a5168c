import { createHash } from 'node:crypto';
import { pb, type LeaseTerms } from '#libs/contracts';
import type { SigningKey } from '#libs/crypto';
import type { TrustPort } from '#libs/relay';

/** Stable codes for lease verification (range 2100-2119). */
export const LeaseCode = {
  Malformed: 'LEASE_MALFORMED', // 2100
  SignatureMissing: 'LEASE_SIGNATURE_MISSING', // 2101
  SignatureInvalid: 'LEASE_SIGNATURE_INVALID', // 2102
  SignerNotAHub: 'LEASE_SIGNER_NOT_A_HUB', // 2103
  TermsInvalid: 'LEASE_TERMS_INVALID', // 2104
} as const;
export type LeaseCode = (typeof LeaseCode)[keyof typeof LeaseCode];

export interface HubSigner {
  readonly hubId: string;
  readonly signingKey: SigningKey;
  readonly certDer: Uint8Array;
}

export interface LeaseInput {
  readonly lessee: string;
  readonly lessor: string;
  readonly lesseeHub: string;
  readonly lessorHub: string;
  readonly buyOrderId: string;
  readonly sellOrderId: string;
  readonly cores: number;
  readonly memoryMib: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly startMs: number;
  readonly capabilities: string[];
  readonly securityLevel: number;
  /** Position of the fill in its buy order's fills: with the order ids it makes the lease id. */
  readonly fillIndex: number;
}

const SIGNING_LABEL = Buffer.from('datanet/lease/v1');

/** A lease id follows from the fill, so replaying a fill cannot mint a second lease. */
export function leaseIdOf(buyOrderId: string, sellOrderId: string, fillIndex: number): string {
  return createHash('sha256').update(`${buyOrderId}\u0000${sellOrderId}\u0000${fillIndex}`).digest('hex').slice(0, 32);
}

export function leaseTerms(i: LeaseInput): Uint8Array {
  const maxCost = i.cores * i.durationS * i.priceMinorPerCoreSecond;
  if (!Number.isSafeInteger(maxCost)) throw new RangeError('lease cost exceeds 2^53 minor units');
  return pb.LeaseTerms.encode({
    leaseId: leaseIdOf(i.buyOrderId, i.sellOrderId, i.fillIndex),
    lessee: i.lessee,
    lessor: i.lessor,
    lesseeHub: i.lesseeHub,
    lessorHub: i.lessorHub,
    buyOrderId: i.buyOrderId,
    sellOrderId: i.sellOrderId,
    cores: i.cores,
    memoryMib: i.memoryMib,
    durationS: i.durationS,
    priceMinorPerCoreSecond: i.priceMinorPerCoreSecond,
    startMs: i.startMs,
    endMs: i.startMs + i.durationS * 1000,
    capabilities: [...i.capabilities].sort(),
    securityLevel: i.securityLevel,
    maxCostMinor: maxCost,
  }).finish();
}

function signingInput(terms: Uint8Array): Uint8Array {
  return Buffer.concat([SIGNING_LABEL, terms]);
}

/** One hub's signature over the exact terms bytes (S202: "the hubs sign the lease contract"). */
export function signLease(terms: Uint8Array, hub: HubSigner): ReturnType<typeof pb.HubSignature.create> {
  return pb.HubSignature.create({ hubId: hub.hubId, signature: hub.signingKey.sign(signingInput(terms)), hubCert: hub.certDer });
}

export type LeaseCheck = { ok: true; terms: LeaseTerms } | { ok: false; code: LeaseCode; detail: string };

/**
 * A receiver's check (lessee, lessor, settlement): the terms parse and add up,
 * and both the lessee's hub and the lessor's hub signed these exact bytes with
 * CA-certified hub keys. A missing or bad signature rejects the lease.
 */
export async function verifyLease(contractBytes: Uint8Array, trust: TrustPort, atMs: number): Promise<LeaseCheck> {
  let contract;
  let terms: LeaseTerms;
  try {
    contract = pb.LeaseContract.decode(contractBytes);
    terms = pb.LeaseTerms.decode(contract.terms);
  } catch (e) {
    return { ok: false, code: LeaseCode.Malformed, detail: (e as Error).message };
  }
  const termsProblem = checkTerms(terms);
  if (termsProblem) return { ok: false, code: LeaseCode.TermsInvalid, detail: termsProblem };
  for (const hubId of new Set([terms.lesseeHub, terms.lessorHub])) {
    const sig = contract.signatures.find((s) => s.hubId === hubId);
    if (!sig) return { ok: false, code: LeaseCode.SignatureMissing, detail: `no signature of ${hubId}` };
    const hub = await trust.verifyHub(sig.hubCert ?? new Uint8Array(), atMs);
    if (!hub.ok || hub.identity.nodeId !== hubId) return { ok: false, code: LeaseCode.SignerNotAHub, detail: `certificate is not ${hubId}'s hub certificate` };
    if (!hub.identity.verify(signingInput(contract.terms), sig.signature ?? new Uint8Array())) return { ok: false, code: LeaseCode.SignatureInvalid, detail: `${hubId}'s signature does not verify` };
  }
  return { ok: true, terms };
}

function checkTerms(t: LeaseTerms): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(t.leaseId)) return 'lease id must be 32 hex chars';
  if (!t.lessee || !t.lessor || t.lessee === t.lessor) return 'lessee and lessor must be two participants';
  if (!(t.cores > 0) || !(t.durationS > 0) || !(Number(t.priceMinorPerCoreSecond) > 0)) return 'cores, duration and price must be positive';
  if (Number(t.endMs) - Number(t.startMs) !== t.durationS * 1000) return 'end - start must equal the duration';
  if (Number(t.maxCostMinor) !== t.cores * t.durationS * Number(t.priceMinorPerCoreSecond)) return 'max cost must be cores x duration x price';
  return undefined;
}
