import { createHash } from 'node:crypto';
import { CanonicalJsonError, canonicalJson, isWellFormedText, type JsonValue } from './canonical-json.js';

/**
 * The pure core of the audit trail: building and verifying a hash chain. No I/O;
 * the PostgreSQL store (postgres-audit-log.ts) only persists what this produces.
 * The byte encoding is specified in libs/audit/README.md; change it only with a
 * new domain tag, or every stored chain stops verifying.
 */

// Open sets: the listed values are the ones the domain requires today.
export type AuditAction = 'create' | 'modify' | 'delete' | (string & {});
export type AuditSubjectType = 'order' | 'lease' | 'key' | 'settlement' | (string & {});

export interface AuditInput {
  /** When the audited change happened, Unix epoch milliseconds (caller's clock port). */
  readonly atMs: number;
  /** Who: the node id or user id that made the change. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly subjectType: AuditSubjectType;
  readonly subjectId: string;
  /** Where from: node id, IP address or bus message id. */
  readonly origin: string;
  readonly details: JsonValue;
}

export interface ChainHead {
  /** 0 for the empty chain; records are numbered from 1 without gaps. */
  readonly seq: bigint;
  /** Lowercase hex SHA-256 of the record at `seq` (GENESIS_HASH for the empty chain). */
  readonly hash: string;
}

export interface AuditRecord extends AuditInput, ChainHead {
  readonly prevHash: string;
}

export type ChainBreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP' | 'MALFORMED';

export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly headSeq: bigint; readonly headHash: string }
  | { readonly ok: false; readonly brokenAt: bigint; readonly reason: ChainBreakReason; readonly detail: string };

/** Domain separation: a v1 record hash can never collide with another use of SHA-256. */
export const AUDIT_DOMAIN_TAG = 'datanet.audit.v1';
/** prevHash of record 1: 32 zero bytes. */
export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS: ChainHead = Object.freeze({ seq: 0n, hash: GENESIS_HASH });
/** seq is a PostgreSQL bigint. */
export const AUDIT_SEQ_MAX = 2n ** 63n - 1n;

/** Policy limits enforced when appending (verification only checks the format, so old records stay valid if limits change). */
export interface AuditLimits {
  readonly textMaxBytes: number;
  readonly detailsMaxBytes: number;
}
export const DEFAULT_AUDIT_LIMITS: AuditLimits = Object.freeze({ textMaxBytes: 256, detailsMaxBytes: 8 * 1024 });
/** action and subjectType are short identifiers, so queries and dashboards can group by them. */
const TOKEN = /^[a-z][a-z0-9_.-]{0,63}$/;
const HEX32 = /^[0-9a-f]{64}$/;

export type AuditInputErrorCode = 'AT_MS_INVALID' | 'TEXT_INVALID' | 'TEXT_TOO_LONG' | 'TOKEN_INVALID' | 'DETAILS_INVALID' | 'DETAILS_TOO_LARGE' | 'SEQ_EXHAUSTED' | 'HEAD_INVALID';

/** A caller bug (bad input), not a business outcome: the audited change must not commit without its record. */
export class AuditInputError extends Error {
  constructor(
    readonly code: AuditInputErrorCode,
    detail: string,
  ) {
    super(`audit input ${code}: ${detail}`);
    this.name = 'AuditInputError';
  }
}

const TEXT_FIELDS = ['actor', 'action', 'subjectType', 'subjectId', 'origin'] as const;

/** Format rule for text fields: non-empty, well-formed Unicode, no U+0000 (PostgreSQL text cannot hold it). */
function textProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (!isWellFormedText(value)) return 'has a lone surrogate';
  if (value.includes('\u0000')) return 'contains U+0000';
  return null;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function u64be(n: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
}

/** Length-prefixed UTF-8: u32 big-endian byte length, then the bytes. */
function lp(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([u32be(bytes.length), bytes]);
}

/**
 * The canonical encoding of a record without its hash (README, "Canonical encoding"):
 * lp(tag) u64(seq) u64(atMs) lp(actor) lp(action) lp(subjectType) lp(subjectId)
 * lp(origin) lp(canonicalJson(details)) prevHash(32 raw bytes).
 * Throws on values outside the format; callers check first.
 */
export function encodeRecord(r: Omit<AuditRecord, 'hash'>): Buffer {
  return Buffer.concat([
    lp(AUDIT_DOMAIN_TAG),
    u64be(r.seq),
    u64be(BigInt(r.atMs)),
    ...TEXT_FIELDS.map((f) => lp(r[f])),
    lp(canonicalJson(r.details)),
    Buffer.from(r.prevHash, 'hex'),
  ]);
}

export function recordHash(r: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(encodeRecord(r)).digest('hex');
}

/** Enforces format and policy on a new entry; returns details as a canonical deep copy the caller cannot mutate later. */
export function checkAuditInput(input: AuditInput, limits: AuditLimits = DEFAULT_AUDIT_LIMITS): JsonValue {
  if (!Number.isSafeInteger(input.atMs) || input.atMs < 0) throw new AuditInputError('AT_MS_INVALID', `atMs ${input.atMs}`);
  for (const f of TEXT_FIELDS) {
    const problem = textProblem(input[f]);
    if (problem) throw new AuditInputError('TEXT_INVALID', `${f} ${problem}`);
    const bytes = Buffer.byteLength(input[f], 'utf8');
    if (bytes > limits.textMaxBytes) throw new AuditInputError('TEXT_TOO_LONG', `${f} is ${bytes} bytes, max ${limits.textMaxBytes}`);
  }
  if (!TOKEN.test(input.action)) throw new AuditInputError('TOKEN_INVALID', `action ${JSON.stringify(input.action)}`);
  if (!TOKEN.test(input.subjectType)) throw new AuditInputError('TOKEN_INVALID', `subjectType ${JSON.stringify(input.subjectType)}`);
  let text: string;
  try {
    text = canonicalJson(input.details);
  } catch (e) {
    if (e instanceof CanonicalJsonError) throw new AuditInputError('DETAILS_INVALID', e.message);
    throw e;
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.detailsMaxBytes) throw new AuditInputError('DETAILS_TOO_LARGE', `details are ${bytes} bytes, max ${limits.detailsMaxBytes}`);
  return JSON.parse(text) as JsonValue;
}

/** The record that follows `prev` (null or GENESIS for the first record). */
export function nextRecord(prev: ChainHead | null, input: AuditInput, limits: AuditLimits = DEFAULT_AUDIT_LIMITS): AuditRecord {
  const head = prev ?? GENESIS;
  if (typeof head.seq !== 'bigint' || head.seq < 0n || !HEX32.test(head.hash)) throw new AuditInputError('HEAD_INVALID', `head ${String(head.seq)}`);
  if (head.seq >= AUDIT_SEQ_MAX) throw new AuditInputError('SEQ_EXHAUSTED', 'seq would exceed 2^63-1');
  const details = checkAuditInput(input, limits);
  const unhashed = {
    seq: head.seq + 1n,
    atMs: input.atMs,
    actor: input.actor,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    origin: input.origin,
    details,
    prevHash: head.hash,
  };
  return Object.freeze({ ...unhashed, hash: recordHash(unhashed) });
}

/** Why a record is outside the format, or null. */
export function malformation(r: AuditRecord): string | null {
  if (typeof r.seq !== 'bigint' || r.seq < 1n || r.seq > AUDIT_SEQ_MAX) return 'seq out of range';
  if (!Number.isSafeInteger(r.atMs) || r.atMs < 0) return 'atMs out of range';
  for (const f of TEXT_FIELDS) {
    const problem = textProblem(r[f]);
    if (problem) return `${f} ${problem}`;
  }
  if (typeof r.prevHash !== 'string' || !HEX32.test(r.prevHash)) return 'prevHash is not 32 bytes of lowercase hex';
  if (typeof r.hash !== 'string' || !HEX32.test(r.hash)) return 'hash is not 32 bytes of lowercase hex';
  try {
    canonicalJson(r.details);
  } catch (e) {
    if (e instanceof CanonicalJsonError) return `details: ${e.message}`;
    throw e;
  }
  return null;
}

/**
 * Verifies a chain one record at a time, so a store can stream it in bounded
 * batches. Starts after `anchor` (GENESIS, or a head trusted from elsewhere, e.g.
 * a published head hash). The first failure is final: the first broken link is
 * the one to investigate, everything after it is unverifiable.
 */
export class ChainVerifier {
  private head: ChainHead;
  private count = 0;
  private failure: Extract<ChainVerification, { ok: false }> | null = null;

  constructor(anchor: ChainHead = GENESIS) {
    if (typeof anchor.seq !== 'bigint' || anchor.seq < 0n || !HEX32.test(anchor.hash)) throw new AuditInputError('HEAD_INVALID', `anchor ${String(anchor.seq)}`);
    this.head = anchor;
  }

  /** Checks the next record; returns false once the chain is broken. */
  push(r: AuditRecord): boolean {
    if (this.failure) return false;
    const expectedSeq = this.head.seq + 1n;
    const problem = malformation(r);
    if (problem) return this.fail(typeof r.seq === 'bigint' ? r.seq : expectedSeq, 'MALFORMED', problem);
    // The first missing (or out-of-order) seq is the broken link.
    if (r.seq !== expectedSeq) return this.fail(expectedSeq, 'SEQ_GAP', `expected seq ${expectedSeq}, found ${r.seq}`);
    if (r.prevHash !== this.head.hash) return this.fail(r.seq, 'PREV_HASH_MISMATCH', `prevHash ${r.prevHash} != hash of seq ${this.head.seq} ${this.head.hash}`);
    const recomputed = recordHash(r);
    if (r.hash !== recomputed) return this.fail(r.seq, 'HASH_MISMATCH', `stored hash ${r.hash} != recomputed ${recomputed}`);
    this.head = { seq: r.seq, hash: r.hash };
    this.count += 1;
    return true;
  }

  /** Marks a record the caller could not even decode (e.g. unparsable stored details). */
  reject(seq: bigint, detail: string): false {
    return this.failure ? false : this.fail(seq, 'MALFORMED', detail);
  }

  result(): ChainVerification {
    return this.failure ?? { ok: true, count: this.count, headSeq: this.head.seq, headHash: this.head.hash };
  }

  private fail(brokenAt: bigint, reason: ChainBreakReason, detail: string): false {
    this.failure = { ok: false, brokenAt, reason, detail };
    return false;
  }
}

/** Verifies an in-memory chain from `anchor` (GENESIS by default); reports the first broken link. */
export function verifyChain(records: Iterable<AuditRecord>, anchor: ChainHead = GENESIS): ChainVerification {
  const v = new ChainVerifier(anchor);
  for (const r of records) if (!v.push(r)) break;
  return v.result();
}
