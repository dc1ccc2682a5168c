/**
 * The book's canonical, JSON-able state: what snapshot() returns, restore()
 * accepts and stateHash() digests. Both implementations produce it in the same
 * order (orders and reservations by seq, resolved reservation ids oldest
 * first), so equal states give equal hashes.
 *
 * stateHash = sha256 (hex) over one line per record: a header line, then each
 * record as a JSON array with its fields in a fixed order. sha256 rather than a
 * faster non-crypto hash because the digest is compared across processes and
 * persisted next to snapshots; it is computed on demand, never on the hot path.
 */
import { createHash } from 'node:crypto';
import { assert, MarketStateError } from './errors.js';
import type { MarketLimits } from './limits.js';
import { capabilityMask, checkOrder, checkReserve, isId, isTimeMs } from './validate.js';
import { SNAPSHOT_FORMAT, type BookSnapshot, type OrderRecord, type ReservationRecord, type ReservedLot } from './types.js';

function orderLine(o: OrderRecord): string {
  return JSON.stringify([
    'o', o.seq, o.orderId, o.clientOrderId, o.participantId, o.side, o.cores, o.availableCores, o.reservedCores, o.filledCores,
    o.memoryMiB, o.durationS, o.priceMinorPerCoreSecond, capabilityMask(o.capabilities), o.securityLevel, o.expiresAtMs, o.allOrNone,
  ]);
}

function lotLine(l: ReservedLot): unknown[] {
  return [l.sellSeq, l.sellOrderId, l.participantId, l.sellResourceClass, l.cores, l.memoryMiB, l.durationS, l.priceMinorPerCoreSecond];
}

function reservationLine(r: ReservationRecord): string {
  const b = r.buy;
  return JSON.stringify([
    'r', r.seq, r.reservationId, b.participantId, b.cores, b.memoryMiB, b.durationS, b.priceMinorPerCoreSecond, capabilityMask(b.capabilities), b.securityLevel,
    r.createdAtMs, r.expiresAtMs, r.lots.map(lotLine),
  ]);
}

export function hashSnapshot(s: BookSnapshot): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([s.format, s.clockMs, s.nextSeq, s.orders.length, s.reservations.length, s.resolvedReservations.length]));
  h.update('\n');
  for (const o of s.orders) h.update(orderLine(o) + '\n');
  for (const r of s.reservations) h.update(reservationLine(r) + '\n');
  for (const [id, state] of s.resolvedReservations) h.update(JSON.stringify(['x', id, state]) + '\n');
  return h.digest('hex');
}

/** Array.isArray without narrowing the typed list to any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function fail(message: string): never {
  throw new MarketStateError(`snapshot: ${message}`);
}

function checkOrderRecord(o: OrderRecord): void {
  // An order in a snapshot may be past its expiry (expire() not called yet): check it against -1 instead of the clock.
  const code = checkOrder(o, -1);
  if (code !== null) fail(`order ${String(o.orderId)}: ${code}`);
  const parts = [o.availableCores, o.reservedCores, o.filledCores];
  if (!parts.every((n) => Number.isSafeInteger(n) && n >= 0)) fail(`order ${o.orderId}: bad quantities`);
  if (o.availableCores + o.reservedCores + o.filledCores !== o.cores) fail(`order ${o.orderId}: quantities do not add up to cores`);
  if (o.availableCores + o.reservedCores === 0) fail(`order ${o.orderId}: nothing open`);
  if (o.side === 'buy' && o.reservedCores !== 0) fail(`order ${o.orderId}: a buy with reserved cores`);
  if (o.allOrNone && o.filledCores !== 0) fail(`order ${o.orderId}: a partially filled all-or-none buy`);
  if (typeof o.allOrNone !== 'boolean') fail(`order ${o.orderId}: allOrNone`);
  if (!Number.isSafeInteger(o.seq) || o.seq < 0) fail(`order ${o.orderId}: seq`);
}

function checkReservationRecord(r: ReservationRecord, limits: MarketLimits): void {
  const maxCores = r.lots.reduce((n, l) => n + l.cores, 0);
  const code = checkReserve({ reservationId: r.reservationId, buy: r.buy, maxCores, nowMs: r.createdAtMs, ttlMs: r.expiresAtMs - r.createdAtMs }, limits.maxReservationTtlMs);
  if (code !== null) fail(`reservation ${String(r.reservationId)}: ${code}`);
  if (!isTimeMs(r.createdAtMs) || !Number.isSafeInteger(r.seq) || r.seq < 0) fail(`reservation ${r.reservationId}: seq or time`);
  if (r.lots.length === 0 || r.lots.length > limits.maxFillsPerCommand) fail(`reservation ${r.reservationId}: lot count`);
  for (const l of r.lots) {
    if (!isId(l.sellOrderId) || !isId(l.participantId) || !Number.isSafeInteger(l.sellSeq) || l.sellSeq >= r.seq) fail(`reservation ${r.reservationId}: lot`);
    if (!Number.isSafeInteger(l.cores) || l.cores < 1) fail(`reservation ${r.reservationId}: lot cores`);
  }
}

/**
 * Structural checks of a snapshot before a book loads it: field ranges, order,
 * uniqueness, quantity conservation and reservation bookkeeping. The loaded
 * book's validateInternalState() then checks the matching invariants.
 */
export function checkSnapshot(s: BookSnapshot, limits: MarketLimits): void {
  if (typeof s !== 'object' || s === null || s.format !== SNAPSHOT_FORMAT) fail('unknown format');
  if (!isTimeMs(s.clockMs) || !Number.isSafeInteger(s.nextSeq) || s.nextSeq < 0) fail('clock or sequence');
  if (!isList(s.orders) || !isList(s.reservations) || !isList(s.resolvedReservations)) fail('missing lists');
  if (s.orders.length > limits.maxRestingOrders) fail('more orders than maxRestingOrders');
  if (s.reservations.length > limits.maxReservations) fail('more reservations than maxReservations');
  if (s.resolvedReservations.length > limits.maxResolvedReservationIds) fail('more resolved ids than maxResolvedReservationIds');
  const ids = new Set<string>();
  /** Open orders by seq, with the reserved cores not yet accounted for by a lot. */
  const open = new Map<number, { order: OrderRecord; unaccounted: number }>();
  let lastSeq = -1;
  for (const o of s.orders) {
    checkOrderRecord(o);
    if (o.seq <= lastSeq || o.seq >= s.nextSeq) fail(`order ${o.orderId}: seq out of order`);
    lastSeq = o.seq;
    if (ids.has(o.orderId)) fail(`duplicate order id ${o.orderId}`);
    ids.add(o.orderId);
    open.set(o.seq, { order: o, unaccounted: o.reservedCores });
  }
  const reservationIds = new Set<string>();
  lastSeq = -1;
  for (const r of s.reservations) {
    checkReservationRecord(r, limits);
    if (r.seq <= lastSeq || r.seq >= s.nextSeq) fail(`reservation ${r.reservationId}: seq out of order`);
    lastSeq = r.seq;
    if (reservationIds.has(r.reservationId)) fail(`duplicate reservation id ${r.reservationId}`);
    reservationIds.add(r.reservationId);
    const sells = new Set<number>();
    for (const l of r.lots) {
      if (sells.has(l.sellSeq)) fail(`reservation ${r.reservationId}: two lots on one sell`);
      sells.add(l.sellSeq);
      // A lot on an order that is gone (cancelled or expired while reserved) is legitimate: release drops it.
      const entry = open.get(l.sellSeq);
      if (entry === undefined) continue;
      if (entry.order.side !== 'sell' || entry.order.orderId !== l.sellOrderId || entry.order.participantId !== l.participantId) fail(`reservation ${r.reservationId}: lot does not match order ${entry.order.orderId}`);
      entry.unaccounted -= l.cores;
    }
  }
  for (const { order, unaccounted } of open.values()) {
    if (unaccounted !== 0) fail(`order ${order.orderId}: reservedCores does not match its reservations' lots`);
  }
  const resolved = new Set<string>();
  for (const entry of s.resolvedReservations) {
    assert(isList(entry) && entry.length === 2, 'snapshot: resolved entry shape');
    const [id, state] = entry;
    if (!isId(id) || (state !== 'confirmed' && state !== 'released' && state !== 'expired')) fail('resolved entry');
    if (resolved.has(id) || reservationIds.has(id)) fail(`resolved reservation id ${id} repeated`);
    resolved.add(id);
  }
}
