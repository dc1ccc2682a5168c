import type { EntityManager } from 'typeorm';
import { PostgresAuditLog, type AuditAction, type AuditRecord, type AuditSubjectType, type ChainVerification, type JsonValue } from '#libs/audit';

/**
 * The hub's audit trail (libs/audit, issue 5): every create, modify or delete of
 * an order, a reservation, a lease this hub signed and a key (certificate) it
 * issued is appended to the hash-chained `audit_log` in the transaction that makes
 * the change, so the change and its record commit or roll back together.
 *
 * Records stay small: ids, parties, cores, prices and fingerprints; never request
 * payloads, contracts or private material. Text that comes from outside (a peer's
 * or a participant's strings) goes through `auditText`, so a hostile value can
 * never make an append fail (an append failure rolls the change back).
 */

/** Who made the change, and where the request came from. */
export interface AuditWho {
  readonly actor: string;
  readonly origin: string;
}

export const AuditOrigin = {
  participant: 'http:participant',
  admission: 'http:admission',
  operator: 'http:operator',
  housekeeping: 'housekeeping',
  peer: (hubId: string): string => `http:peer:${auditText(hubId, 200)}`,
} as const;

/** The operator endpoints authenticate a shared admin token, not a person. */
export const OPERATOR_ACTOR = 'operator';

/** One record to append: the what (the who, where and when come with the batch). */
export interface AuditEntry {
  readonly action: AuditAction;
  readonly subjectType: AuditSubjectType;
  readonly subjectId: string;
  readonly details: { readonly [key: string]: JsonValue };
}

/** Verification reads this many records per query (bounded memory whatever the table size). */
export const AUDIT_VERIFY_BATCH = 1_000;

/**
 * A string safe for the audit format: no U+0000, no lone surrogates, non-empty,
 * at most `maxBytes` UTF-8 bytes (the library refuses text fields over 256).
 */
export function auditText(s: unknown, maxBytes = 128): string {
  const clean = String(s).replace(/\p{Cs}/gu, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  let out = '';
  let bytes = 0;
  for (const ch of clean) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out.length > 0 ? out : '-';
}

/** A number safe for canonical JSON (safe integer), else its decimal text. */
export function auditInt(n: unknown): number | string {
  const v = Number(n);
  return Number.isSafeInteger(v) ? v : auditText(String(n), 40);
}

/** JSON-friendly view of a stored record (seq as a decimal string: it is a bigint). */
export function auditRecordJson(r: AuditRecord): Record<string, unknown> {
  return { seq: r.seq.toString(), atMs: r.atMs, actor: r.actor, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, origin: r.origin, details: r.details, prevHash: r.prevHash, hash: r.hash };
}

export function verificationJson(v: ChainVerification): Record<string, unknown> {
  return v.ok ? { ok: true, count: v.count, headSeq: v.headSeq.toString(), headHash: v.headHash } : { ok: false, brokenAt: v.brokenAt.toString(), reason: v.reason, detail: v.detail };
}

/** The hub's audit log in its schema (table from the HubAudit migration). */
export class HubAuditTrail {
  readonly log: PostgresAuditLog;

  constructor(ds: ConstructorParameters<typeof PostgresAuditLog>[0]) {
    this.log = new PostgresAuditLog(ds);
  }

  /**
   * Appends `entries` in order inside the caller's transaction `m`. Call it last
   * in the transaction: the append lock is held until commit.
   */
  async append(m: EntityManager, who: AuditWho, atMs: number, entries: readonly AuditEntry[]): Promise<void> {
    for (const e of entries)
      await this.log.append(m, { atMs, actor: auditText(who.actor, 256), origin: auditText(who.origin, 256), action: e.action, subjectType: e.subjectType, subjectId: auditText(e.subjectId, 256), details: e.details });
  }

  verify(fromSeq?: bigint): Promise<ChainVerification> {
    return this.log.verify({ fromSeq, batch: AUDIT_VERIFY_BATCH });
  }

  list(afterSeq: bigint, limit: number): Promise<AuditRecord[]> {
    return this.log.list(afterSeq, limit);
  }
}
