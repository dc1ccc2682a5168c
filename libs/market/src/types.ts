/**
 * The order book's vocabulary (patent S202): what participants post, what the
 * book answers, and the one interface both implementations (the naive
 * reference and the optimized book) satisfy. Every number is an integer:
 * prices in minor currency units per core-second, quantities in cores, MiB and
 * seconds, times in epoch milliseconds taken from the command, never a clock.
 */
import type { MarketCode, MarketStopCode } from './codes.js';
import type { MarketLimits } from './limits.js';
import type { ResourceClass } from './resource-class.js';

export type Side = 'buy' | 'sell';
export type Capability = 'tee' | 'he';

/** An order as a participant posts it. */
export interface OrderInput {
  /** Unique among the book's open orders. */
  readonly orderId: string;
  /** The participant's own reference, echoed back; not interpreted. */
  readonly clientOrderId: string;
  readonly participantId: string;
  readonly side: Side;
  /** The quantity dimension: fills split cores. 1..4096. */
  readonly cores: number;
  /** Total memory of the order; the book compares memory per core. 1..16_777_216. */
  readonly memoryMiB: number;
  /** 1..31_536_000 (one year). */
  readonly durationS: number;
  /** Buy: the most it pays. Sell: its ask. Safe integer 1..1e12. */
  readonly priceMinorPerCoreSecond: number;
  /** Sell: what it offers. Buy: what it requires. */
  readonly capabilities: readonly Capability[];
  /** Sell: the level it offers. Buy: the minimum it requires. 1..3. */
  readonly securityLevel: number;
  /** Must be later than the command's nowMs; the order stops matching at this instant. */
  readonly expiresAtMs: number;
  /** Buys only: fill completely in one command or not at all. Default false. */
  readonly allOrNone?: boolean;
}

/** What another hub asks this book for (cross-subnet matching): a buy that never rests. */
export interface ReservationBuySpec {
  /** The remote lessee (self-trade prevention applies to it too). */
  readonly participantId: string;
  /** With memoryMiB, defines the memory per core the lessee needs. */
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly capabilities: readonly Capability[];
  readonly securityLevel: number;
}

export interface ReserveCommand {
  readonly reservationId: string;
  readonly buy: ReservationBuySpec;
  /** Reserve at most this many cores: 1..buy.cores. */
  readonly maxCores: number;
  readonly nowMs: number;
  /** 1..limits.maxReservationTtlMs; the reservation expires at nowMs + ttlMs. */
  readonly ttlMs: number;
}

/** One counterparty, one lease, one sub-task (S204). */
export interface Fill {
  /** Book sequence number of the fill: unique and deterministic (a replay yields the same). */
  readonly fillSeq: number;
  /** For a confirmed reservation lot: the reservation id. */
  readonly buyOrderId: string;
  readonly sellOrderId: string;
  readonly buyParticipantId: string;
  readonly sellParticipantId: string;
  /** The buy's requirement class and the sell's offered class. */
  readonly buyResourceClass: ResourceClass;
  readonly sellResourceClass: ResourceClass;
  /** Which side's command caused the fill. */
  readonly aggressor: Side;
  /** Set when the fill comes from a confirmed reservation. */
  readonly reservationId: string | null;
  readonly cores: number;
  /** cores x the buy's memory per core (ceil(memoryMiB / cores) of the buy). */
  readonly memoryMiB: number;
  /** The buy's duration. */
  readonly durationS: number;
  /** The price of the older of the two orders: the resting order's price. */
  readonly priceMinorPerCoreSecond: number;
}

export interface Rejected {
  readonly ok: false;
  readonly code: MarketCode;
}

export interface PlaceAccepted {
  readonly ok: true;
  readonly orderId: string;
  readonly seq: number;
  readonly fills: readonly Fill[];
  /** Cores left resting in the book (0 when filled or when the remainder was cancelled). */
  readonly restingCores: number;
  /** Remainder cancelled because matching stopped at a limit (`stop`). */
  readonly cancelledCores: number;
  readonly stop: MarketStopCode | null;
}
export type PlaceResult = PlaceAccepted | Rejected;

export interface CancelAccepted {
  readonly ok: true;
  readonly orderId: string;
  /** Cores that were available in the book and are now gone. */
  readonly cancelledCores: number;
  /** Cores held by outstanding reservations: they stay committed to them (see README). */
  readonly reservedCores: number;
}
export type CancelResult = CancelAccepted | Rejected;

export interface ExpiredOrder {
  readonly orderId: string;
  readonly participantId: string;
  readonly side: Side;
  readonly seq: number;
  /** Available cores removed; reserved cores stay with their reservations. */
  readonly expiredCores: number;
}

export interface ExpireAccepted {
  readonly ok: true;
  /** In (expiresAtMs, seq) order. */
  readonly expired: readonly ExpiredOrder[];
  /** True when the per-command limit stopped it; call again. */
  readonly more: boolean;
}
export type ExpireResult = ExpireAccepted | Rejected;

export interface ReservedLot {
  readonly sellOrderId: string;
  /** The sell's book sequence number: a release only restores to this very order. */
  readonly sellSeq: number;
  readonly participantId: string;
  readonly sellResourceClass: ResourceClass;
  readonly cores: number;
  /** cores x the buy spec's memory per core. */
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
}

export interface ReserveAccepted {
  readonly ok: true;
  readonly reservationId: string;
  readonly seq: number;
  readonly expiresAtMs: number;
  /** In price-time priority order, one per sell order. */
  readonly lots: readonly ReservedLot[];
  readonly reservedCores: number;
  /** Set when a limit stopped the scan before maxCores were found. */
  readonly stop: MarketStopCode | null;
}
export type ReserveResult = ReserveAccepted | Rejected;

export interface ConfirmAccepted {
  readonly ok: true;
  readonly reservationId: string;
  /** One per lot, in lot order. */
  readonly fills: readonly Fill[];
}
export type ConfirmResult = ConfirmAccepted | Rejected;

export interface ReleasedLot {
  readonly sellOrderId: string;
  readonly cores: number;
  /** False when the sell order is gone (cancelled, expired or removed): the cores are dropped. */
  readonly restored: boolean;
}

export interface ReleasedReservation {
  readonly reservationId: string;
  readonly lots: readonly ReleasedLot[];
}

/**
 * A resting sell the book cancelled because re-matching it after a release
 * stopped at a limit: it might still cross a buy the scan did not reach. Like
 * its owner's cancel, cores it has in other reservations stay with them.
 */
export interface CancelledRemainder {
  readonly orderId: string;
  readonly cancelledCores: number;
  readonly code: MarketStopCode;
}

export interface ReleaseAccepted {
  readonly ok: true;
  readonly released: readonly ReleasedReservation[];
  /** Restored sells re-matched against buys that arrived while the cores were held. */
  readonly fills: readonly Fill[];
  readonly cancelled: readonly CancelledRemainder[];
  /** expireReservations only: true when a per-command limit stopped it; call again. */
  readonly more: boolean;
}
export type ReleaseResult = ReleaseAccepted | Rejected;

/** One open order as a plain JSON-able record (also the snapshot's order record). */
export interface OrderRecord {
  readonly seq: number;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly participantId: string;
  readonly side: Side;
  /** As posted. */
  readonly cores: number;
  /** In the book, matchable. */
  readonly availableCores: number;
  /** Held by outstanding reservations (sells only). */
  readonly reservedCores: number;
  readonly filledCores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly capabilities: readonly Capability[];
  readonly securityLevel: number;
  readonly expiresAtMs: number;
  readonly allOrNone: boolean;
}

export interface OrderView extends OrderRecord {
  readonly resourceClass: ResourceClass;
}

export interface ReservationRecord {
  readonly seq: number;
  readonly reservationId: string;
  readonly buy: ReservationBuySpec;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly lots: readonly ReservedLot[];
}

export type ResolvedReservationState = 'confirmed' | 'released' | 'expired';

export const SNAPSHOT_FORMAT = 'datanet.market.book/v1';

/** Everything that decides the book's future behaviour, as plain JSON. */
export interface BookSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** The book's clock: the greatest nowMs it has seen. */
  readonly clockMs: number;
  /** The next sequence number (orders, fills and reservations share one sequence). */
  readonly nextSeq: number;
  /** In seq order. */
  readonly orders: readonly OrderRecord[];
  /** In seq order. */
  readonly reservations: readonly ReservationRecord[];
  /** Recently resolved reservation ids, oldest first (bounded by maxResolvedReservationIds). */
  readonly resolvedReservations: readonly (readonly [string, ResolvedReservationState])[];
}

export interface PriceLevelDepth {
  readonly priceMinorPerCoreSecond: number;
  /** Available cores (reserved cores are not in the book). */
  readonly cores: number;
  /** Orders with available cores. */
  readonly orders: number;
}

export interface ClassDepth {
  readonly resourceClass: ResourceClass;
  /** Best (highest) first. */
  readonly bids: readonly PriceLevelDepth[];
  /** Best (lowest) first. */
  readonly asks: readonly PriceLevelDepth[];
}

/**
 * The hub's compute order book. Commands take their time from `nowMs`
 * (a nowMs below the book's clock counts as the clock: time never goes back
 * inside the book), so the same command sequence always yields the same
 * results and the same stateHash().
 */
export interface MatchingEngine {
  readonly limits: MarketLimits;
  place(order: OrderInput, nowMs: number): PlaceResult;
  cancel(orderId: string, participantId: string, nowMs: number): CancelResult;
  expire(nowMs: number): ExpireResult;
  reserve(command: ReserveCommand): ReserveResult;
  confirm(reservationId: string, nowMs: number): ConfirmResult;
  release(reservationId: string, nowMs: number): ReleaseResult;
  expireReservations(nowMs: number): ReleaseResult;
  /** Non-empty classes in class order, or the one class asked for. */
  depth(resourceClass?: ResourceClass): ClassDepth[];
  order(orderId: string): OrderView | undefined;
  /** In seq order. */
  openOrdersOf(participantId: string): OrderView[];
  reservation(reservationId: string): ReservationRecord | undefined;
  /** Open orders, both sides (sells whose cores are all reserved included). */
  openOrderCount(): number;
  snapshot(): BookSnapshot;
  /** Replaces the whole state; throws MarketStateError on an inconsistent snapshot. */
  restore(snapshot: BookSnapshot): void;
  /** sha256 (hex) over the canonical encoding of snapshot(). */
  stateHash(): string;
  /** Throws MarketStateError on the first broken invariant. */
  validateInternalState(): void;
}
