/**
 * Boundary checks for everything a participant or a remote hub sends the book.
 * Each field has its own stable code and fields are checked in a fixed order,
 * so the same bad order always gets the same code. Values arrive from JSON, so
 * types are checked at run time too.
 */
import { MarketCode } from './codes.js';
import { CAPABILITY_BITS, SECURITY_LEVEL_MAX, SECURITY_LEVEL_MIN } from './resource-class.js';
import type { OrderInput, ReservationBuySpec, ReserveCommand } from './types.js';

/** Per-order maxima (README, "Orders"). */
export const ORDER_LIMITS = Object.freeze({
  coresMax: 4096,
  memoryMiBMax: 16_777_216,
  durationSMax: 31_536_000,
  priceMinorPerCoreSecondMax: 1_000_000_000_000,
  idLengthMax: 128,
});

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Order, reservation and participant ids: like the network's node ids, plus
 * ':' for composite ids, i.e. /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/ (a
 * character loop: this runs on every order, and is several times faster than
 * the regular expression).
 */
export function isId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const n = value.length;
  if (n === 0 || n > ORDER_LIMITS.idLengthMax || !isAlnum(value.charCodeAt(0))) return false;
  for (let k = 1; k < n; k++) {
    const c = value.charCodeAt(k);
    // '-' 45, '.' 46, ':' 58, '_' 95
    if (!isAlnum(c) && c !== 45 && c !== 46 && c !== 58 && c !== 95) return false;
  }
  return true;
}

/** Free-form client reference: printable ASCII without spaces (0x21-0x7e), 0..128 characters. */
function isClientOrderId(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > ORDER_LIMITS.idLengthMax) return false;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function intIn(value: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A valid command time: a non-negative safe integer (epoch ms). */
export function isTimeMs(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** The capability bitmask, or -1 when the list is not a duplicate-free subset of tee/he. */
export function capabilityMask(capabilities: unknown): number {
  if (!Array.isArray(capabilities) || capabilities.length > 2) return -1;
  let mask = 0;
  for (const c of capabilities as unknown[]) {
    const bit = c === 'tee' ? CAPABILITY_BITS.tee : c === 'he' ? CAPABILITY_BITS.he : 0;
    if (bit === 0 || (mask & bit) !== 0) return -1;
    mask |= bit;
  }
  return mask;
}

/** The fields a buy spec and an order share, in check order. */
function checkResourceFields(o: ReservationBuySpec): MarketCode | null {
  if (!intIn(o.cores, 1, ORDER_LIMITS.coresMax)) return MarketCode.CoresInvalid;
  if (!intIn(o.memoryMiB, 1, ORDER_LIMITS.memoryMiBMax)) return MarketCode.MemoryInvalid;
  if (!intIn(o.durationS, 1, ORDER_LIMITS.durationSMax)) return MarketCode.DurationInvalid;
  if (!intIn(o.priceMinorPerCoreSecond, 1, ORDER_LIMITS.priceMinorPerCoreSecondMax)) return MarketCode.PriceInvalid;
  if (capabilityMask(o.capabilities) < 0) return MarketCode.CapabilitiesInvalid;
  if (!intIn(o.securityLevel, SECURITY_LEVEL_MIN, SECURITY_LEVEL_MAX)) return MarketCode.SecurityLevelInvalid;
  return null;
}

/** null when the order is acceptable at `nowMs` (the book's effective time), else the first failing field's code. */
export function checkOrder(order: OrderInput, nowMs: number): MarketCode | null {
  if (typeof order !== 'object' || order === null) return MarketCode.OrderMalformed;
  if (!isId(order.orderId)) return MarketCode.OrderIdInvalid;
  if (!isClientOrderId(order.clientOrderId)) return MarketCode.ClientOrderIdInvalid;
  if (!isId(order.participantId)) return MarketCode.ParticipantIdInvalid;
  if (order.side !== 'buy' && order.side !== 'sell') return MarketCode.SideInvalid;
  const code = checkResourceFields(order);
  if (code !== null) return code;
  if (!Number.isSafeInteger(order.expiresAtMs) || order.expiresAtMs <= nowMs) return MarketCode.ExpiryInvalid;
  const aon = order.allOrNone;
  if (aon !== undefined && typeof aon !== 'boolean') return MarketCode.AllOrNoneInvalid;
  // All-or-none is a buyer's constraint; a sell that must go whole would need the same treatment on the other side.
  if (aon === true && order.side === 'sell') return MarketCode.AllOrNoneInvalid;
  return null;
}

/** null when the reservation command is acceptable (nowMs checked by the caller), else the first failing field's code. */
export function checkReserve(command: ReserveCommand, maxTtlMs: number): MarketCode | null {
  if (typeof command !== 'object' || command === null) return MarketCode.OrderMalformed;
  if (!isId(command.reservationId)) return MarketCode.ReservationIdInvalid;
  const buy = command.buy;
  if (typeof buy !== 'object' || buy === null) return MarketCode.OrderMalformed;
  if (!isId(buy.participantId)) return MarketCode.ParticipantIdInvalid;
  const code = checkResourceFields(buy);
  if (code !== null) return code;
  if (!intIn(command.maxCores, 1, buy.cores)) return MarketCode.ReservationMaxCoresInvalid;
  if (!intIn(command.ttlMs, 1, maxTtlMs)) return MarketCode.ReservationTtlInvalid;
  return null;
}

/** Memory per core a buy needs: rounded up, so fills never give less than asked. */
export function buyMemoryPerCoreMiB(memoryMiB: number, cores: number): number {
  return Math.ceil(memoryMiB / cores);
}

/** Memory per core a sell offers: rounded down, so the book never promises more than posted. */
export function sellMemoryPerCoreMiB(memoryMiB: number, cores: number): number {
  return Math.floor(memoryMiB / cores);
}
