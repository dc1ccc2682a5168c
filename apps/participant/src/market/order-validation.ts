/**
 * Validation of an order a client posts to this participant (POST /v1/orders),
 * before it is signed and forwarded to the hub. Every problem has a stable code a
 * client can switch on; fields are checked in a fixed order and the response's
 * code is the first problem's, with every problem listed in `issues`.
 *
 *   ORDER_VALUE_NEGATIVE          cores, memoryMiB, durationS, priceMinorPerCoreSecond, expiresAtMs or expiresInS below zero
 *   ORDER_VALUE_ZERO              one of them zero
 *   ORDER_VALUE_TOO_LARGE         over its limit (ORDER_LIMITS), or cores x durationS x price over 2^53 minor units
 *   ORDER_CAPABILITY_UNKNOWN      a capability other than "tee" or "he"
 *   ORDER_EXPIRED                 expiresAtMs not in the future
 *   ORDER_SECURITY_LEVEL_INVALID  securityLevel not an integer 1..3
 *   ORDER_SIDE_INVALID            side not "buy" or "sell"
 *   VALIDATION_FAILED             any other shape problem (missing field, wrong type, fraction, unknown field...)
 *
 * The expiry is either absolute (`expiresAtMs`, epoch ms) or relative
 * (`expiresInS`, seconds from when the participant first receives the order);
 * exactly one of them is required.
 */

export const OrderCode = {
  ValueNegative: 'ORDER_VALUE_NEGATIVE',
  ValueZero: 'ORDER_VALUE_ZERO',
  ValueTooLarge: 'ORDER_VALUE_TOO_LARGE',
  CapabilityUnknown: 'ORDER_CAPABILITY_UNKNOWN',
  Expired: 'ORDER_EXPIRED',
  SecurityLevelInvalid: 'ORDER_SECURITY_LEVEL_INVALID',
  SideInvalid: 'ORDER_SIDE_INVALID',
  ValidationFailed: 'VALIDATION_FAILED',
} as const;
export type OrderCode = (typeof OrderCode)[keyof typeof OrderCode];

/** The hub book's per-order maxima (libs/market ORDER_LIMITS), plus the longest relative expiry. */
export const ORDER_LIMITS = Object.freeze({
  cores: 4096,
  memoryMiB: 16_777_216,
  durationS: 31_536_000,
  priceMinorPerCoreSecond: 1_000_000_000_000,
  expiresInS: 31_536_000,
  /** Latest instant a JavaScript Date can hold. */
  expiresAtMs: 8_640_000_000_000_000,
});

export const CAPABILITIES = ['tee', 'he'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type Side = 'buy' | 'sell';

/** Printable ASCII without spaces, as the hub's book accepts; non-empty here (it is the idempotency key). */
const CLIENT_ORDER_ID = /^[\x21-\x7e]{1,128}$/;

export interface ValidOrder {
  readonly clientOrderId?: string;
  readonly side: Side;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  /** Duplicate-free and sorted: a set, so the same set always reads the same. */
  readonly capabilities: readonly Capability[];
  readonly securityLevel: number;
  readonly expiry: { readonly atMs: number } | { readonly inS: number };
  readonly allOrNone?: boolean;
}

export interface OrderIssue {
  readonly path: string;
  readonly code: OrderCode;
  readonly message: string;
}

export type OrderCheck = { ok: true; order: ValidOrder } | { ok: false; code: OrderCode; message: string; issues: readonly OrderIssue[] };

/** The JSON body the hub's POST /v1/market/orders takes. */
export interface HubOrderRequest {
  readonly clientOrderId: string;
  readonly side: Side;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly capabilities: Capability[];
  readonly securityLevel: number;
  readonly expiresAtMs: number;
  readonly allOrNone?: boolean;
}

const KNOWN_FIELDS = new Set(['clientOrderId', 'side', 'cores', 'memoryMiB', 'durationS', 'priceMinorPerCoreSecond', 'capabilities', 'securityLevel', 'expiresAtMs', 'expiresInS', 'allOrNone']);

/** Checks a posted order at `nowMs`. Pure: the same input and time always give the same answer. */
export function validateOrder(input: unknown, nowMs: number): OrderCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail([{ path: '(body)', code: OrderCode.ValidationFailed, message: 'expected a JSON object' }]);
  const o = input as Record<string, unknown>;
  const issues: OrderIssue[] = [];
  const issue = (path: string, code: OrderCode, message: string): void => {
    issues.push({ path, code, message });
  };

  if (o.side === undefined) issue('side', OrderCode.ValidationFailed, 'required: "buy" or "sell"');
  else if (o.side !== 'buy' && o.side !== 'sell') issue('side', OrderCode.SideInvalid, 'must be "buy" or "sell"');

  const cores = quantity(o, 'cores', ORDER_LIMITS.cores, issue);
  const memoryMiB = quantity(o, 'memoryMiB', ORDER_LIMITS.memoryMiB, issue);
  const durationS = quantity(o, 'durationS', ORDER_LIMITS.durationS, issue);
  const price = quantity(o, 'priceMinorPerCoreSecond', ORDER_LIMITS.priceMinorPerCoreSecond, issue);
  if (cores !== undefined && durationS !== undefined && price !== undefined && !Number.isSafeInteger(cores * durationS * price)) {
    issue('priceMinorPerCoreSecond', OrderCode.ValueTooLarge, 'cores x durationS x priceMinorPerCoreSecond (the most a lease can cost) must stay below 2^53 minor units');
  }

  const capabilities: Capability[] = [];
  if (o.capabilities !== undefined) {
    if (!Array.isArray(o.capabilities)) issue('capabilities', OrderCode.ValidationFailed, 'must be an array of "tee" | "he"');
    else {
      (o.capabilities as unknown[]).forEach((c, i) => {
        if (typeof c !== 'string') issue(`capabilities.${i}`, OrderCode.ValidationFailed, 'must be a string');
        else if (!(CAPABILITIES as readonly string[]).includes(c)) issue(`capabilities.${i}`, OrderCode.CapabilityUnknown, `unknown capability "${c.slice(0, 32)}"; known: ${CAPABILITIES.join(', ')}`);
        else if (!capabilities.includes(c as Capability)) capabilities.push(c as Capability);
      });
    }
  }

  if (o.securityLevel === undefined) issue('securityLevel', OrderCode.ValidationFailed, 'required: 1, 2 or 3');
  else if (!Number.isSafeInteger(o.securityLevel) || (o.securityLevel as number) < 1 || (o.securityLevel as number) > 3) issue('securityLevel', OrderCode.SecurityLevelInvalid, 'must be an integer 1..3');

  let expiry: ValidOrder['expiry'] | undefined;
  if (o.expiresAtMs !== undefined && o.expiresInS !== undefined) issue('expiresAtMs', OrderCode.ValidationFailed, 'give expiresAtMs or expiresInS, not both');
  else if (o.expiresAtMs !== undefined) {
    const at = quantity(o, 'expiresAtMs', ORDER_LIMITS.expiresAtMs, issue);
    if (at !== undefined && at <= nowMs) issue('expiresAtMs', OrderCode.Expired, `must be in the future (now is ${nowMs})`);
    else if (at !== undefined) expiry = { atMs: at };
  } else if (o.expiresInS !== undefined) {
    const inS = quantity(o, 'expiresInS', ORDER_LIMITS.expiresInS, issue);
    if (inS !== undefined) expiry = { inS };
  } else issue('expiresAtMs', OrderCode.ValidationFailed, 'required: expiresAtMs (epoch ms) or expiresInS (seconds from now)');

  if (o.allOrNone !== undefined) {
    if (typeof o.allOrNone !== 'boolean') issue('allOrNone', OrderCode.ValidationFailed, 'must be a boolean');
    else if (o.allOrNone && o.side === 'sell') issue('allOrNone', OrderCode.ValidationFailed, 'all-or-none applies to buy orders only');
  }

  if (o.clientOrderId !== undefined && (typeof o.clientOrderId !== 'string' || !CLIENT_ORDER_ID.test(o.clientOrderId))) {
    issue('clientOrderId', OrderCode.ValidationFailed, '1..128 printable ASCII characters without spaces');
  }

  for (const key of Object.keys(o)) if (!KNOWN_FIELDS.has(key)) issue(key.slice(0, 64), OrderCode.ValidationFailed, 'unknown field');

  capabilities.sort();
  if (issues.length > 0 || cores === undefined || memoryMiB === undefined || durationS === undefined || price === undefined || expiry === undefined) return fail(issues);
  return {
    ok: true,
    order: {
      ...(o.clientOrderId !== undefined ? { clientOrderId: o.clientOrderId as string } : {}),
      side: o.side as Side,
      cores,
      memoryMiB,
      durationS,
      priceMinorPerCoreSecond: price,
      capabilities,
      securityLevel: o.securityLevel as number,
      expiry,
      ...(o.allOrNone !== undefined ? { allOrNone: o.allOrNone as boolean } : {}),
    },
  };
}

/** The hub's request for a valid order: a relative expiry is resolved at `nowMs`. */
export function toHubOrder(order: ValidOrder, clientOrderId: string, nowMs: number): HubOrderRequest {
  return {
    clientOrderId,
    side: order.side,
    cores: order.cores,
    memoryMiB: order.memoryMiB,
    durationS: order.durationS,
    priceMinorPerCoreSecond: order.priceMinorPerCoreSecond,
    capabilities: [...order.capabilities],
    securityLevel: order.securityLevel,
    expiresAtMs: 'atMs' in order.expiry ? order.expiry.atMs : nowMs + order.expiry.inS * 1000,
    ...(order.allOrNone !== undefined ? { allOrNone: order.allOrNone } : {}),
  };
}

/** A positive integer up to `max`: sign first (negative, zero), then size, then integrality. */
function quantity(o: Record<string, unknown>, field: string, max: number, issue: (path: string, code: OrderCode, message: string) => void): number | undefined {
  const v = o[field];
  if (v === undefined) {
    issue(field, OrderCode.ValidationFailed, 'required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    issue(field, OrderCode.ValidationFailed, 'must be a number');
    return undefined;
  }
  if (v < 0) issue(field, OrderCode.ValueNegative, 'must not be negative');
  else if (v === 0) issue(field, OrderCode.ValueZero, 'must be greater than zero');
  else if (v > max) issue(field, OrderCode.ValueTooLarge, `must be at most ${max}`);
  else if (!Number.isSafeInteger(v)) issue(field, OrderCode.ValidationFailed, 'must be an integer');
  else return v;
  return undefined;
}

function fail(issues: readonly OrderIssue[]): OrderCheck {
  const first = issues[0] ?? { path: '(body)', code: OrderCode.ValidationFailed, message: 'invalid order' };
  return { ok: false, code: first.code, message: `invalid order: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues };
}
