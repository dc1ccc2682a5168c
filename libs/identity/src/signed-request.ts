import { createHash, randomBytes } from 'node:crypto';

/**
 * Signed HTTP requests between nodes (participant -> its hub for orders, hub ->
 * peer hub for quotes and reservations). The signature covers the method, the
 * path with query, the time, a nonce and the body digest, so a request cannot be
 * altered, redirected, or replayed outside the receiver's nonce window.
 *
 *   x-datanet-node       sender node id
 *   x-datanet-time       sender clock, ms since epoch
 *   x-datanet-nonce      16 random bytes, hex
 *   x-datanet-signature  ECDSA P-256 / SHA-256, IEEE P1363, base64
 *   x-datanet-cert       (hub to hub) the sender hub's DER certificate, base64
 */
export const SignedHeader = {
  Node: 'x-datanet-node',
  Time: 'x-datanet-time',
  Nonce: 'x-datanet-nonce',
  Signature: 'x-datanet-signature',
  Cert: 'x-datanet-cert',
} as const;

export const SIGNED_REQUEST_MAX_SKEW_MS = 60_000;

export function requestSigningInput(method: string, pathWithQuery: string, timeMs: number, nonceHex: string, body: Uint8Array | string): Uint8Array {
  const bodyDigest = createHash('sha256').update(body).digest('hex');
  return Buffer.from(['datanet/http/v1', method.toUpperCase(), pathWithQuery, String(timeMs), nonceHex, bodyDigest].join('\n'), 'utf8');
}

export interface RequestSigner {
  readonly nodeId: string;
  sign(data: Uint8Array): Uint8Array;
  /** Hubs attach their certificate; participants are known to their hub. */
  readonly certDer?: Uint8Array;
}

/** Headers for a signed request; the body must be sent byte for byte as signed. */
export function signRequest(signer: RequestSigner, method: string, pathWithQuery: string, body: string, nowMs: number): Record<string, string> {
  const nonce = randomBytes(16).toString('hex');
  const headers: Record<string, string> = {
    [SignedHeader.Node]: signer.nodeId,
    [SignedHeader.Time]: String(nowMs),
    [SignedHeader.Nonce]: nonce,
    [SignedHeader.Signature]: Buffer.from(signer.sign(requestSigningInput(method, pathWithQuery, nowMs, nonce, body))).toString('base64'),
  };
  if (signer.certDer) headers[SignedHeader.Cert] = Buffer.from(signer.certDer).toString('base64');
  return headers;
}

export type SignedRequestCheck = { ok: true; nodeId: string; nonce: Uint8Array } | { ok: false; code: 'REQUEST_UNSIGNED' | 'REQUEST_STALE' | 'REQUEST_SIGNATURE_INVALID'; detail: string };

/**
 * Checks the signature of a request with the sender's verifying function (found
 * by the caller from the node id: an admitted participant's certificate, or a
 * peer hub's CA-verified certificate). Replay is the caller's next step, with
 * the returned nonce.
 */
export function checkSignedRequest(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  method: string,
  pathWithQuery: string,
  rawBody: Uint8Array | string,
  nowMs: number,
  verify: (nodeId: string, data: Uint8Array, signature: Uint8Array) => boolean,
): SignedRequestCheck {
  const h = (name: string): string | undefined => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const node = h(SignedHeader.Node);
  const time = Number(h(SignedHeader.Time));
  const nonce = h(SignedHeader.Nonce);
  const sig = h(SignedHeader.Signature);
  if (!node || !nonce || !sig || !/^[0-9a-f]{32}$/.test(nonce) || !Number.isSafeInteger(time)) return { ok: false, code: 'REQUEST_UNSIGNED', detail: 'x-datanet-node, -time, -nonce and -signature are required' };
  if (Math.abs(nowMs - time) > SIGNED_REQUEST_MAX_SKEW_MS) return { ok: false, code: 'REQUEST_STALE', detail: 'x-datanet-time is too far from this node\'s clock' };
  const signature = Buffer.from(sig, 'base64');
  if (!verify(node, requestSigningInput(method, pathWithQuery, time, nonce, rawBody), signature)) return { ok: false, code: 'REQUEST_SIGNATURE_INVALID', detail: `signature does not verify for ${node}` };
  return { ok: true, nodeId: node, nonce: Buffer.from(nonce, 'hex') };
}
