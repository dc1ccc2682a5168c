/**
 * The mutable per-order state both books keep, and the conversions between it
 * and the public records. Shared so the two implementations differ only in
 * how they find orders, never in what an order or a fill looks like.
 */
import { capabilitiesOf, classIndex, className } from './resource-class.js';
import type { Fill, OrderInput, OrderRecord, OrderView, ReservationBuySpec, Side } from './types.js';
import { buyMemoryPerCoreMiB, capabilityMask, sellMemoryPerCoreMiB } from './validate.js';

export interface OrderState {
  readonly seq: number;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly participantId: string;
  readonly side: Side;
  readonly cores: number;
  /** In the book and matchable. */
  availableCores: number;
  /** Held by outstanding reservations (sells only). */
  reservedCores: number;
  filledCores: number;
  readonly memoryMiB: number;
  /** Buy: ceil(memoryMiB / cores), what it needs. Sell: floor(memoryMiB / cores), what it offers. */
  readonly memoryPerCoreMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
  readonly capabilityMask: number;
  readonly securityLevel: number;
  readonly classIndex: number;
  readonly expiresAtMs: number;
  readonly allOrNone: boolean;
}

/** The fields of an order state built from a validated input (or a snapshot record). */
export function initialState(o: OrderInput, seq: number): OrderState {
  const mask = capabilityMask(o.capabilities);
  return {
    seq,
    orderId: o.orderId,
    clientOrderId: o.clientOrderId,
    participantId: o.participantId,
    side: o.side,
    cores: o.cores,
    availableCores: o.cores,
    reservedCores: 0,
    filledCores: 0,
    memoryMiB: o.memoryMiB,
    memoryPerCoreMiB: o.side === 'buy' ? buyMemoryPerCoreMiB(o.memoryMiB, o.cores) : sellMemoryPerCoreMiB(o.memoryMiB, o.cores),
    durationS: o.durationS,
    priceMinorPerCoreSecond: o.priceMinorPerCoreSecond,
    capabilityMask: mask,
    securityLevel: o.securityLevel,
    classIndex: classIndex(mask, o.securityLevel),
    expiresAtMs: o.expiresAtMs,
    allOrNone: o.allOrNone === true,
  };
}

export function toOrderRecord(o: OrderState): OrderRecord {
  return {
    seq: o.seq,
    orderId: o.orderId,
    clientOrderId: o.clientOrderId,
    participantId: o.participantId,
    side: o.side,
    cores: o.cores,
    availableCores: o.availableCores,
    reservedCores: o.reservedCores,
    filledCores: o.filledCores,
    memoryMiB: o.memoryMiB,
    durationS: o.durationS,
    priceMinorPerCoreSecond: o.priceMinorPerCoreSecond,
    capabilities: capabilitiesOf(o.capabilityMask),
    securityLevel: o.securityLevel,
    expiresAtMs: o.expiresAtMs,
    allOrNone: o.allOrNone,
  };
}

export function toOrderView(o: OrderState): OrderView {
  return { ...toOrderRecord(o), resourceClass: className(o.classIndex) };
}

/** A buy as a fill sees it: a resting or incoming buy order, or a reservation's buy spec. */
export interface BuyParty {
  readonly orderId: string;
  readonly participantId: string;
  readonly classIndex: number;
  readonly memoryPerCoreMiB: number;
  readonly durationS: number;
}

export interface SellParty {
  readonly orderId: string;
  readonly participantId: string;
  readonly classIndex: number;
}

/** A reservation's buy spec as a matching aggressor. */
export interface BuySpecState extends BuyParty {
  readonly side: 'buy';
  readonly seq: number;
  readonly priceMinorPerCoreSecond: number;
  readonly capabilityMask: number;
  readonly securityLevel: number;
  readonly allOrNone: false;
}

export function buySpecState(reservationId: string, spec: ReservationBuySpec, seq: number): BuySpecState {
  const mask = capabilityMask(spec.capabilities);
  return {
    side: 'buy',
    seq,
    orderId: reservationId,
    participantId: spec.participantId,
    classIndex: classIndex(mask, spec.securityLevel),
    memoryPerCoreMiB: buyMemoryPerCoreMiB(spec.memoryMiB, spec.cores),
    durationS: spec.durationS,
    priceMinorPerCoreSecond: spec.priceMinorPerCoreSecond,
    capabilityMask: mask,
    securityLevel: spec.securityLevel,
    allOrNone: false,
  };
}

/** A normalized copy of a buy spec (capabilities in canonical order), as records keep it. */
export function normalizeBuySpec(spec: ReservationBuySpec): ReservationBuySpec {
  return {
    participantId: spec.participantId,
    cores: spec.cores,
    memoryMiB: spec.memoryMiB,
    durationS: spec.durationS,
    priceMinorPerCoreSecond: spec.priceMinorPerCoreSecond,
    capabilities: capabilitiesOf(capabilityMask(spec.capabilities)),
    securityLevel: spec.securityLevel,
  };
}

export function makeFill(fillSeq: number, buy: BuyParty, sell: SellParty, cores: number, priceMinorPerCoreSecond: number, aggressor: Side, reservationId: string | null): Fill {
  return {
    fillSeq,
    buyOrderId: buy.orderId,
    sellOrderId: sell.orderId,
    buyParticipantId: buy.participantId,
    sellParticipantId: sell.participantId,
    buyResourceClass: className(buy.classIndex),
    sellResourceClass: className(sell.classIndex),
    aggressor,
    reservationId,
    cores,
    memoryMiB: cores * buy.memoryPerCoreMiB,
    durationS: buy.durationS,
    priceMinorPerCoreSecond,
  };
}

/** Rebuilds an order's state from a (checked) snapshot record. */
export function stateFromRecord(r: OrderRecord): OrderState {
  const s = initialState({ ...r }, r.seq);
  s.availableCores = r.availableCores;
  s.reservedCores = r.reservedCores;
  s.filledCores = r.filledCores;
  return s;
}
