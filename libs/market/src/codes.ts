/**
 * Stable result codes of the hub's order book (patent S202), exchange-core style:
 * the strings are the contract, the numbers (2000-2099, the market's range)
 * group them. Never reuse or renumber a code; add new ones at the end of their
 * group. Listed with their meaning in libs/market/README.md.
 */
export const MarketCode = {
  // 2000-2019 an order field (or a reservation's buy spec) out of shape or range
  OrderIdInvalid: 'MARKET_ORDER_ID_INVALID', // 2000
  ClientOrderIdInvalid: 'MARKET_CLIENT_ORDER_ID_INVALID', // 2001
  ParticipantIdInvalid: 'MARKET_PARTICIPANT_ID_INVALID', // 2002
  SideInvalid: 'MARKET_SIDE_INVALID', // 2003
  CoresInvalid: 'MARKET_CORES_INVALID', // 2004
  MemoryInvalid: 'MARKET_MEMORY_INVALID', // 2005
  DurationInvalid: 'MARKET_DURATION_INVALID', // 2006
  PriceInvalid: 'MARKET_PRICE_INVALID', // 2007
  CapabilitiesInvalid: 'MARKET_CAPABILITIES_INVALID', // 2008
  SecurityLevelInvalid: 'MARKET_SECURITY_LEVEL_INVALID', // 2009
  ExpiryInvalid: 'MARKET_EXPIRY_INVALID', // 2010
  AllOrNoneInvalid: 'MARKET_ALL_OR_NONE_INVALID', // 2011
  OrderMalformed: 'MARKET_ORDER_MALFORMED', // 2012
  TimeInvalid: 'MARKET_TIME_INVALID', // 2013
  // 2020-2029 the book's state refuses the command
  DuplicateOrderId: 'MARKET_DUPLICATE_ORDER_ID', // 2020
  BookFull: 'MARKET_BOOK_FULL', // 2021
  OrderUnknown: 'MARKET_ORDER_UNKNOWN', // 2022
  NotOwner: 'MARKET_NOT_OWNER', // 2023
  // 2030-2039 matching stopped at a per-command limit (the remainder is cancelled, never rested)
  FillLimit: 'MARKET_FILL_LIMIT', // 2030
  ScanLimit: 'MARKET_SCAN_LIMIT', // 2031
  // 2040-2059 reservations for cross-subnet matching
  ReservationIdInvalid: 'MARKET_RESERVATION_ID_INVALID', // 2040
  ReservationDuplicate: 'MARKET_RESERVATION_DUPLICATE', // 2041
  ReservationUnknown: 'MARKET_RESERVATION_UNKNOWN', // 2042
  ReservationAlreadyConfirmed: 'MARKET_RESERVATION_ALREADY_CONFIRMED', // 2043
  ReservationAlreadyReleased: 'MARKET_RESERVATION_ALREADY_RELEASED', // 2044
  ReservationExpired: 'MARKET_RESERVATION_EXPIRED', // 2045
  ReservationTtlInvalid: 'MARKET_RESERVATION_TTL_INVALID', // 2046
  ReservationMaxCoresInvalid: 'MARKET_RESERVATION_MAX_CORES_INVALID', // 2047
  ReservationNothingAvailable: 'MARKET_RESERVATION_NOTHING_AVAILABLE', // 2048
  ReservationLimit: 'MARKET_RESERVATION_LIMIT', // 2049
} as const;
export type MarketCode = (typeof MarketCode)[keyof typeof MarketCode];

/** Codes that end matching early; the command still succeeds (`stop` in its result). */
export type MarketStopCode = typeof MarketCode.FillLimit | typeof MarketCode.ScanLimit;

export const MARKET_CODE_NUMBERS: Readonly<Record<MarketCode, number>> = {
  MARKET_ORDER_ID_INVALID: 2000,
  MARKET_CLIENT_ORDER_ID_INVALID: 2001,
  MARKET_PARTICIPANT_ID_INVALID: 2002,
  MARKET_SIDE_INVALID: 2003,
  MARKET_CORES_INVALID: 2004,
  MARKET_MEMORY_INVALID: 2005,
  MARKET_DURATION_INVALID: 2006,
  MARKET_PRICE_INVALID: 2007,
  MARKET_CAPABILITIES_INVALID: 2008,
  MARKET_SECURITY_LEVEL_INVALID: 2009,
  MARKET_EXPIRY_INVALID: 2010,
  MARKET_ALL_OR_NONE_INVALID: 2011,
  MARKET_ORDER_MALFORMED: 2012,
  MARKET_TIME_INVALID: 2013,
  MARKET_DUPLICATE_ORDER_ID: 2020,
  MARKET_BOOK_FULL: 2021,
  MARKET_ORDER_UNKNOWN: 2022,
  MARKET_NOT_OWNER: 2023,
  MARKET_FILL_LIMIT: 2030,
  MARKET_SCAN_LIMIT: 2031,
  MARKET_RESERVATION_ID_INVALID: 2040,
  MARKET_RESERVATION_DUPLICATE: 2041,
  MARKET_RESERVATION_UNKNOWN: 2042,
  MARKET_RESERVATION_ALREADY_CONFIRMED: 2043,
  MARKET_RESERVATION_ALREADY_RELEASED: 2044,
  MARKET_RESERVATION_EXPIRED: 2045,
  MARKET_RESERVATION_TTL_INVALID: 2046,
  MARKET_RESERVATION_MAX_CORES_INVALID: 2047,
  MARKET_RESERVATION_NOTHING_AVAILABLE: 2048,
  MARKET_RESERVATION_LIMIT: 2049,
};
