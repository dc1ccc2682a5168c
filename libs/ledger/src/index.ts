export * from './codes.js';
export * from './types.js';
export { LedgerStateError } from './errors.js';
export { FUNDING_ACCOUNT, availableAccount, escrowAccount, hubFeesAccount, accountKind, type AccountKind } from './accounts.js';
export { DEFAULT_LEDGER_LIMITS, type LedgerOptions } from './config.js';
export { feeMinor, holdFor, type Hold } from './money.js';
export { isId, validateEvent, fingerprint } from './validate.js';
export { SNAPSHOT_VERSION, type LedgerSnapshot, type LeaseJson, type LeaseTermsJson, type ParkedEventJson, type PostingJson } from './snapshot.js';
export { Ledger } from './ledger.js';
