/**
 * Stable reason codes for rejected envelopes (docs/reason-codes.md). The strings
 * are the contract; the numbers group them by subsystem, exchange-core style.
 * Never reuse or renumber a code.
 */
export const ReasonCode = {
  // 1000-1009 envelope shape
  MalformedEnvelope: 'ENVELOPE_MALFORMED', // 1000
  UnsupportedVersion: 'ENVELOPE_UNSUPPORTED_VERSION', // 1001
  TooLarge: 'ENVELOPE_TOO_LARGE', // 1002
  // 1010-1019 identity
  CertChainInvalid: 'CERT_CHAIN_INVALID', // 1010
  SenderNotAdmitted: 'SENDER_NOT_ADMITTED', // 1011
  SignatureInvalid: 'SIGNATURE_INVALID', // 1012
  SourceMismatch: 'SOURCE_MISMATCH', // 1013
  HopInvalid: 'HOP_STAMP_INVALID', // 1014
  // 1020-1029 time and replay
  Expired: 'ENVELOPE_EXPIRED', // 1020
  NotYetValid: 'ENVELOPE_NOT_YET_VALID', // 1021
  TtlTooLong: 'ENVELOPE_TTL_TOO_LONG', // 1022
  Replayed: 'ENVELOPE_REPLAYED', // 1023
  // 1030-1039 payload
  PayloadTampered: 'PAYLOAD_DIGEST_MISMATCH', // 1030
  DecryptFailed: 'DECRYPT_FAILED', // 1031
  // 1040-1049 routing
  RouteNotAllowed: 'ROUTE_NOT_ALLOWED', // 1040
  TargetUnknown: 'TARGET_UNKNOWN', // 1041
  // 1100-1199 bus (libs/bus BusErrorCode)
  BusAclDenied: 'BUS_ACL_DENIED', // 1100
  BusMessageTooLarge: 'BUS_MESSAGE_TOO_LARGE', // 1101
} as const;
export type ReasonCode = (typeof ReasonCode)[keyof typeof ReasonCode];

export const REASON_NUMBERS: Readonly<Record<ReasonCode, number>> = {
  ENVELOPE_MALFORMED: 1000,
  ENVELOPE_UNSUPPORTED_VERSION: 1001,
  ENVELOPE_TOO_LARGE: 1002,
  CERT_CHAIN_INVALID: 1010,
  SENDER_NOT_ADMITTED: 1011,
  SIGNATURE_INVALID: 1012,
  SOURCE_MISMATCH: 1013,
  HOP_STAMP_INVALID: 1014,
  ENVELOPE_EXPIRED: 1020,
  ENVELOPE_NOT_YET_VALID: 1021,
  ENVELOPE_TTL_TOO_LONG: 1022,
  ENVELOPE_REPLAYED: 1023,
  PAYLOAD_DIGEST_MISMATCH: 1030,
  DECRYPT_FAILED: 1031,
  ROUTE_NOT_ALLOWED: 1040,
  TARGET_UNKNOWN: 1041,
  BUS_ACL_DENIED: 1100,
  BUS_MESSAGE_TOO_LARGE: 1101,
};
