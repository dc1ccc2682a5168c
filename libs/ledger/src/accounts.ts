/**
 * Account names. Ids may contain ':' (composite ids), but every name has a
 * fixed prefix and a fixed suffix, so the name of a (kind, id) pair is unique.
 */

/**
 * The outside world: deposits debit it, so its balance is minus the money
 * paid into the exchange, and the sum of all balances stays zero.
 */
export const FUNDING_ACCOUNT = 'external:funding';

export function availableAccount(participantId: string): string {
  return `participant:${participantId}:available`;
}

export function escrowAccount(participantId: string): string {
  return `participant:${participantId}:escrow`;
}

export function hubFeesAccount(hubId: string): string {
  return `hub:${hubId}:fees`;
}

export type AccountKind = 'funding' | 'available' | 'escrow' | 'fees';

export function accountKind(account: string): AccountKind | undefined {
  if (account === FUNDING_ACCOUNT) return 'funding';
  if (account.startsWith('participant:') && account.endsWith(':available')) return 'available';
  if (account.startsWith('participant:') && account.endsWith(':escrow')) return 'escrow';
  if (account.startsWith('hub:') && account.endsWith(':fees')) return 'fees';
  return undefined;
}
