/**
 * Thrown for bugs and bad local data (a corrupt snapshot, a broken invariant,
 * bad limits), never for a participant's bad order: those are Rejected results
 * with a MarketCode.
 */
export class MarketStateError extends Error {
  override readonly name = 'MarketStateError';
}

/** Assertion (TigerBeetle style): a precondition or invariant that must hold. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new MarketStateError(message);
}
