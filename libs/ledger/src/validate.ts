/**
 * Boundary checks for every event. Events may come off a bus as decoded JSON,
 * so types are checked at run time; fields are checked in a fixed order, so
 * the same bad event always gets the same code.
 */
import { LedgerCode } from './codes.js';
import { fitsAmount } from './money.js';
import type { LedgerEvent, LeaseTermsInput } from './types.js';

export const ID_LENGTH_MAX = 128;
const UINT32_MAX = 0xffff_ffff;
const OUTCOMES: ReadonlySet<string> = new Set(['completed', 'failed-lessor', 'cancelled-lessee']);

/** Same id grammar as the market: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/. */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ID_LENGTH_MAX && ID_RE.test(value);
}

function isUint32Positive(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= UINT32_MAX;
}

function isTimeMs(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isAmount(value: unknown): value is bigint {
  return typeof value === 'bigint' && fitsAmount(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function validateTerms(t: unknown): LedgerCode | undefined {
  if (!isRecord(t)) return LedgerCode.EventMalformed;
  for (const key of ['leaseId', 'lessee', 'lessor', 'lesseeHub', 'lessorHub'] as const) {
    if (!isId(t[key])) return LedgerCode.IdInvalid;
  }
  if (!isUint32Positive(t['cores']) || !isUint32Positive(t['durationS'])) return LedgerCode.TermsInvalid;
  if (!isTimeMs(t['startMs']) || !isTimeMs(t['endMs']) || (t['endMs'] as number) < (t['startMs'] as number)) {
    return LedgerCode.TermsInvalid;
  }
  const price = t['priceMinorPerCoreSecond'];
  const maxCost = t['maxCostMinor'];
  if (!isAmount(price) || typeof maxCost !== 'bigint' || maxCost < 0n) return LedgerCode.AmountInvalid;
  const terms = t as unknown as LeaseTermsInput;
  const expected = BigInt(terms.cores) * BigInt(terms.durationS) * price;
  if (maxCost !== expected) return LedgerCode.TermsInvalid;
  if (!fitsAmount(maxCost)) return LedgerCode.AmountOverflow;
  return undefined;
}

/** undefined when the event is well formed; otherwise the code to reject it with. */
export function validateEvent(e: unknown): LedgerCode | undefined {
  if (!isRecord(e) || typeof e['type'] !== 'string') return LedgerCode.EventMalformed;
  if (!isId(e['eventId'])) return LedgerCode.IdInvalid;
  const ev = e as unknown as LedgerEvent;
  switch (ev.type) {
    case 'Deposit':
      if (!isId(ev.participantId)) return LedgerCode.IdInvalid;
      if (!isAmount(ev.amountMinor) || ev.amountMinor === 0n) return LedgerCode.AmountInvalid;
      return undefined;
    case 'LeaseBooked':
      return validateTerms(ev.terms);
    case 'SubTaskCompleted':
      if (!isId(ev.leaseId) || !isId(ev.subTaskId)) return LedgerCode.IdInvalid;
      if (!isAmount(ev.usedCoreSeconds)) return LedgerCode.AmountInvalid;
      if (!OUTCOMES.has(ev.outcome)) return LedgerCode.EventMalformed;
      return undefined;
    case 'LeaseEnded':
      return isId(ev.leaseId) ? undefined : LedgerCode.IdInvalid;
    default:
      return LedgerCode.EventMalformed;
  }
}

/**
 * The content of an event as a canonical string (fixed field order, bigint as
 * decimal): equal fingerprints under one event id mean a replay, different
 * ones a conflicting duplicate. Only fields of the validated shape count, so
 * extra properties on a decoded message do not make a conflict.
 */
export function fingerprint(e: LedgerEvent): string {
  switch (e.type) {
    case 'Deposit':
      return JSON.stringify([e.type, e.eventId, e.participantId, e.amountMinor.toString()]);
    case 'LeaseBooked': {
      const t = e.terms;
      return JSON.stringify([
        e.type, e.eventId, t.leaseId, t.lessee, t.lessor, t.lesseeHub, t.lessorHub, t.cores, t.durationS,
        t.priceMinorPerCoreSecond.toString(), t.startMs, t.endMs, t.maxCostMinor.toString(),
      ]);
    }
    case 'SubTaskCompleted':
      return JSON.stringify([e.type, e.eventId, e.leaseId, e.subTaskId, e.usedCoreSeconds.toString(), e.outcome]);
    case 'LeaseEnded':
      return JSON.stringify([e.type, e.eventId, e.leaseId]);
  }
}
