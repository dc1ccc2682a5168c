import { signRequest, type RequestSigner } from '#libs/identity';
import type { Clock } from '#libs/relay';
import type { HubOrderRequest } from './order-validation.js';

/**
 * The hub's answer, relayed to this participant's client: a success with the
 * hub's status and body, or an error with the hub's status, code and message.
 * A hub that cannot be reached (or answers with something that is not the API's
 * error shape) is a 502 of this participant's own.
 */
export type HubAnswer =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly issues?: { path: string; message: string }[] };

export const HubCallCode = {
  Unreachable: 'HUB_UNREACHABLE',
  BadResponse: 'HUB_BAD_RESPONSE',
} as const;

const DEFAULT_TIMEOUT_MS = 5_000;
const BAD_GATEWAY = 502;

export interface HubMarketClientOptions {
  readonly hubUrl: string;
  /** This participant: node id and its signing key (the hub checks it against the certificate it issued). */
  readonly signer: RequestSigner;
  readonly clock: Clock;
  readonly timeoutMs?: number;
  /** For tests. */
  readonly fetch?: typeof fetch;
}

/**
 * The participant's side of the hub's market API (S202). Every call is a signed
 * request (libs/identity signRequest): the signature covers the method, the path
 * with its query exactly as sent, the time, a nonce and the body.
 */
export class HubMarketClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly o: HubMarketClientOptions) {
    this.fetch = o.fetch ?? fetch;
  }

  placeOrder(order: HubOrderRequest): Promise<HubAnswer> {
    return this.placeOrderBody(JSON.stringify(order));
  }

  /** Sends an order body byte for byte (a retry sends what the first attempt sent). */
  placeOrderBody(body: string): Promise<HubAnswer> {
    return this.call('POST', '/v1/market/orders', body);
  }

  cancelOrder(orderId: string): Promise<HubAnswer> {
    return this.call('DELETE', `/v1/market/orders/${encodeURIComponent(orderId)}`, '');
  }

  openOrders(participantId: string): Promise<HubAnswer> {
    return this.call('GET', `/v1/market/orders?participant=${encodeURIComponent(participantId)}`, '');
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, body: string): Promise<HubAnswer> {
    const url = new URL(`${this.o.hubUrl.replace(/\/$/, '')}${path}`);
    // What the hub sees on its request line, which is what it verifies.
    const signedPath = `${url.pathname}${url.search}`;
    const headers: Record<string, string> = { accept: 'application/json', ...signRequest(this.o.signer, method, signedPath, body, this.o.clock.nowMs()) };
    if (body !== '') headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(url, { method, headers, body: body === '' ? undefined : body, signal: AbortSignal.timeout(this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      text = await res.text();
    } catch (e) {
      return { ok: false, status: BAD_GATEWAY, code: HubCallCode.Unreachable, message: `hub ${url.origin} unreachable: ${(e as Error).message}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, status: BAD_GATEWAY, code: HubCallCode.BadResponse, message: `hub answered ${res.status} without a JSON body` };
    }
    if (res.ok) return { ok: true, status: res.status, body: json };
    const error = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
    if (typeof error?.code !== 'string') return { ok: false, status: BAD_GATEWAY, code: HubCallCode.BadResponse, message: `hub answered ${res.status} without an error code` };
    const issues = Array.isArray(error.issues) ? (error.issues as { path?: unknown; message?: unknown }[]).map((i) => ({ path: String(i.path), message: String(i.message) })) : undefined;
    return { ok: false, status: res.status, code: error.code, message: typeof error.message === 'string' ? error.message : '', ...(issues ? { issues } : {}) };
  }
}
