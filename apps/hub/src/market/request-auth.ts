import { randomUUID } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { checkSignedRequest, SignedHeader } from '#libs/identity';
import { ApiError } from '#libs/service-kit';
import type { NonceStore, TrustPort, VerifiedIdentity } from '#libs/relay';
import type { AdmissionService } from '../admission/admission.service.js';

export interface SignedHttpRequest {
  readonly method: string;
  readonly originalUrl: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly rawBody?: Buffer;
}

/**
 * Who sent a market request: an admitted participant of this hub (checked with
 * the certificate this hub issued it) or a peer hub (checked with its CA-issued
 * certificate, sent along). Stale, unsigned, forged and replayed requests are
 * refused with distinct codes.
 */
export class RequestAuth {
  constructor(
    private readonly admission: AdmissionService,
    private readonly trust: TrustPort,
    private readonly nonces: NonceStore,
    private readonly isPeer: (hubId: string) => boolean,
  ) {}

  async participant(req: SignedHttpRequest): Promise<string> {
    const body = req.rawBody ?? Buffer.alloc(0);
    const check = checkSignedRequest(req.headers, req.method, req.originalUrl, body, Date.now(), (node, data, sig) => this.admission.verifySignature(node, data, sig));
    return this.finish(check);
  }

  async hub(req: SignedHttpRequest): Promise<string> {
    const certB64 = req.headers[SignedHeader.Cert];
    const node = req.headers[SignedHeader.Node];
    if (typeof certB64 !== 'string' || typeof node !== 'string' || !this.isPeer(node)) throw new ApiError(HttpStatus.UNAUTHORIZED, 'REQUEST_NOT_FROM_A_PEER', 'market peer calls come from peer hubs with their certificate');
    const hub = await this.trust.verifyHub(new Uint8Array(Buffer.from(certB64, 'base64')), Date.now());
    if (!hub.ok || hub.identity.nodeId !== node) throw new ApiError(HttpStatus.UNAUTHORIZED, 'REQUEST_NOT_FROM_A_PEER', 'certificate is not the peer hub\'s');
    const identity: VerifiedIdentity = hub.identity;
    const check = checkSignedRequest(req.headers, req.method, req.originalUrl, req.rawBody ?? Buffer.alloc(0), Date.now(), (n, data, sig) => n === identity.nodeId && identity.verify(data, sig));
    return this.finish(check);
  }

  private async finish(check: ReturnType<typeof checkSignedRequest>): Promise<string> {
    if (!check.ok) throw new ApiError(HttpStatus.UNAUTHORIZED, check.code, check.detail);
    // Every request position is new, so a nonce seen before is a replay.
    const seen = await this.nonces.remember(check.nonce, 'http', `http/${check.nodeId}/${randomUUID()}`, Date.now() + 120_000);
    if (seen !== 'new') throw new ApiError(HttpStatus.UNAUTHORIZED, 'REQUEST_REPLAYED', 'this request was already received');
    return check.nodeId;
  }
}
