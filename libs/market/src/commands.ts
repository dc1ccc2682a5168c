/**
 * Commands as data: what the hub appends to its event log and replays into a
 * fresh book after a restart (snapshot + the commands after it). Applying the
 * same commands to the same state yields the same results and stateHash().
 */
import type { CancelResult, ConfirmResult, ExpireResult, MatchingEngine, OrderInput, PlaceResult, ReleaseResult, ReserveCommand, ReserveResult } from './types.js';

export type MarketCommand =
  | { readonly kind: 'place'; readonly order: OrderInput; readonly nowMs: number }
  | { readonly kind: 'cancel'; readonly orderId: string; readonly participantId: string; readonly nowMs: number }
  | { readonly kind: 'expire'; readonly nowMs: number }
  | { readonly kind: 'reserve'; readonly reserve: ReserveCommand }
  | { readonly kind: 'confirm'; readonly reservationId: string; readonly nowMs: number }
  | { readonly kind: 'release'; readonly reservationId: string; readonly nowMs: number }
  | { readonly kind: 'expireReservations'; readonly nowMs: number };

export type MarketResult = PlaceResult | CancelResult | ExpireResult | ReserveResult | ConfirmResult | ReleaseResult;

export function applyCommand(engine: MatchingEngine, command: MarketCommand): MarketResult {
  switch (command.kind) {
    case 'place':
      return engine.place(command.order, command.nowMs);
    case 'cancel':
      return engine.cancel(command.orderId, command.participantId, command.nowMs);
    case 'expire':
      return engine.expire(command.nowMs);
    case 'reserve':
      return engine.reserve(command.reserve);
    case 'confirm':
      return engine.confirm(command.reservationId, command.nowMs);
    case 'release':
      return engine.release(command.reservationId, command.nowMs);
    case 'expireReservations':
      return engine.expireReservations(command.nowMs);
  }
}
