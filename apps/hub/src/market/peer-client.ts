import type { ReservationBuySpec, ReservedLot } from '#libs/market';
import { signRequest, type RequestSigner } from '#libs/identity';

export interface PeerReserveRequest {
  readonly reservationId: string;
  /** The lessee's order id at the calling hub, carried into the lease terms. */
  readonly buyOrderId: string;
  readonly buy: ReservationBuySpec;
  readonly maxCores: number;
  readonly ttlMs: number;
}

export interface PeerReserveResponse {
  readonly reservationId: string;
  readonly lots: readonly ReservedLot[];
  readonly reservedCores: number;
  readonly expiresAtMs: number;
}

export interface PeerConfirmResponse {
  readonly reservationId: string;
  /** The peer's signature (base64) per lease, in the order of the terms sent. */
  readonly signatures: readonly { readonly leaseId: string; readonly signature: string; readonly hubCert: string }[];
}

const PEER_TIMEOUT_MS = 3_000;

/**
 * Hub-to-hub market calls (docs/decisions/cross-subnet-matching.md): signed
 * HTTP requests, because reserve/confirm is a request that needs its answer
 * within a deadline, not a fire-and-forget event.
 */
export class PeerClient {
  constructor(
    private readonly signer: RequestSigner,
    private readonly urlOf: (hubId: string) => string,
  ) {}

  reserve(hubId: string, req: PeerReserveRequest): Promise<PeerReserveResponse> {
    return this.call(hubId, 'POST', '/v1/market/reservations', req);
  }

  confirm(hubId: string, reservationId: string, leaseTerms: readonly string[]): Promise<PeerConfirmResponse> {
    return this.call(hubId, 'POST', `/v1/market/reservations/${encodeURIComponent(reservationId)}/confirm`, { leaseTerms });
  }

  /** Hands the peer the contract with both signatures, for its lessor and settlement. */
  completeLease(hubId: string, contract: string): Promise<unknown> {
    return this.call(hubId, 'POST', '/v1/market/leases', { contract });
  }

  release(hubId: string, reservationId: string): Promise<unknown> {
    return this.call(hubId, 'POST', `/v1/market/reservations/${encodeURIComponent(reservationId)}/release`, {});
  }

  private async call<T>(hubId: string, method: string, path: string, body: unknown): Promise<T> {
    const text = JSON.stringify(body);
    const headers = { 'content-type': 'application/json', ...signRequest(this.signer, method, path, text, Date.now()) };
    const res = await fetch(`${this.urlOf(hubId)}${path}`, { method, headers, body: text, signal: AbortSignal.timeout(PEER_TIMEOUT_MS) });
    const json = (await res.json()) as T & { error?: { code: string; message: string } };
    if (!res.ok) throw new PeerError(hubId, res.status, json.error?.code ?? 'PEER_ERROR', json.error?.message ?? '');
    return json;
  }
}

export class PeerError extends Error {
  constructor(
    readonly hubId: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`${hubId} answered ${status} ${code}: ${detail}`);
  }
}
