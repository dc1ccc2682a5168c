/**
 * Thrown for bugs and bad local data (a corrupt snapshot, a broken invariant,
 * bad configuration), never for a bad event: those are rejected results with a
 * LedgerCode.
 */
export class LedgerStateError extends Error {
  override readonly name = 'LedgerStateError';
}

/** Assertion (TigerBeetle style): a precondition or invariant that must hold. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new LedgerStateError(message);
}
