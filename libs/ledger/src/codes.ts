/**
 * Stable result codes of the settlement ledger, exchange-core style: the
 * strings are the contract, the numbers (4000-4099, the ledger's range) group
 * them. Never reuse or renumber a code; add new ones at the end of their group.
 * Listed with their meaning in libs/ledger/README.md.
 */
export const LedgerCode = {
  // 4000-4019 the event itself is out of shape or range (rejected, not recorded)
  EventMalformed: 'LEDGER_EVENT_MALFORMED', // 4000
  IdInvalid: 'LEDGER_ID_INVALID', // 4001
  AmountInvalid: 'LEDGER_AMOUNT_INVALID', // 4002
  TermsInvalid: 'LEDGER_TERMS_INVALID', // 4003
  AmountOverflow: 'LEDGER_AMOUNT_OVERFLOW', // 4004
  // 4020-4029 the ledger's state refuses the event (rejected and recorded: final)
  InsufficientFunds: 'LEDGER_INSUFFICIENT_FUNDS', // 4020
  LeaseDuplicate: 'LEDGER_LEASE_DUPLICATE', // 4021
  LeaseRefused: 'LEDGER_LEASE_REFUSED', // 4022
  LeaseEnded: 'LEDGER_LEASE_ENDED', // 4023
  SubTaskDuplicate: 'LEDGER_SUBTASK_DUPLICATE', // 4024
  // 4030-4039 idempotency
  EventConflict: 'LEDGER_EVENT_CONFLICT', // 4030
  // 4040-4049 notices on an applied event
  UsageCapped: 'LEDGER_USAGE_CAPPED', // 4040
  // 4060-4069 limits (rejected, not recorded: retry later)
  ParkFull: 'LEDGER_PARK_FULL', // 4060
  EventLimit: 'LEDGER_EVENT_LIMIT', // 4061
} as const;
export type LedgerCode = (typeof LedgerCode)[keyof typeof LedgerCode];

export const LEDGER_CODE_NUMBERS: Readonly<Record<LedgerCode, number>> = {
  LEDGER_EVENT_MALFORMED: 4000,
  LEDGER_ID_INVALID: 4001,
  LEDGER_AMOUNT_INVALID: 4002,
  LEDGER_TERMS_INVALID: 4003,
  LEDGER_AMOUNT_OVERFLOW: 4004,
  LEDGER_INSUFFICIENT_FUNDS: 4020,
  LEDGER_LEASE_DUPLICATE: 4021,
  LEDGER_LEASE_REFUSED: 4022,
  LEDGER_LEASE_ENDED: 4023,
  LEDGER_SUBTASK_DUPLICATE: 4024,
  LEDGER_EVENT_CONFLICT: 4030,
  LEDGER_USAGE_CAPPED: 4040,
  LEDGER_PARK_FULL: 4060,
  LEDGER_EVENT_LIMIT: 4061,
};

/** Rejections that are not recorded against the event id: the same event may be sent again. */
export const TRANSIENT_CODES: ReadonlySet<LedgerCode> = new Set<LedgerCode>([
  LedgerCode.EventMalformed,
  LedgerCode.IdInvalid,
  LedgerCode.AmountInvalid,
  LedgerCode.TermsInvalid,
  LedgerCode.AmountOverflow,
  LedgerCode.ParkFull,
  LedgerCode.EventLimit,
]);
