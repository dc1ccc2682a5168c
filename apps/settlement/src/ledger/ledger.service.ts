import type { DataSource, EntityManager } from 'typeorm';
import { Ledger, type ApplyResult, type EventRecord, type LedgerEvent, type Posting } from '#libs/ledger';
import type { PostgresAuditLog } from '#libs/audit';
import type { JsonLogger } from '#libs/observability';

/** Who caused a ledger event and where it came from (the audit trail's who and from where). */
export interface EventSource {
  readonly actor: string;
  readonly origin: string;
}

export interface LedgerServiceDeps {
  readonly ds: DataSource;
  readonly audit: PostgresAuditLog;
  readonly fees: { readonly lesseeHubFeeBps: number; readonly lessorHubFeeBps: number };
  readonly log: JsonLogger;
  /** The in-memory ledger is ahead of its log when a write fails: restart from the log. */
  readonly onFatal: (e: unknown) => never;
}

interface EventRow {
  event_id: string;
  body: Record<string, unknown>;
}

const REPLAY_PAGE = 5_000;
/** Events recorded by the ledger (not 'exists': a replay changes nothing). */
const RECORDED = new Set(['applied', 'parked', 'rejected', 'exists_with_different_content']);

/**
 * The exchange's ledger (libs/ledger rules) made durable: every event the ledger
 * recorded is appended to `ledger_events` with the postings it made, in the
 * order it was applied (one at a time, each in its own transaction), so a
 * restart replays the same events in the same order into the same balances.
 */
export class SettlementLedgerService {
  private ledger: Ledger;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: LedgerServiceDeps) {
    this.ledger = new Ledger({ fees: d.fees });
  }

  async rebuild(): Promise<number> {
    this.ledger = new Ledger({ fees: this.d.fees });
    let after = 0;
    let count = 0;
    for (;;) {
      const rows: (EventRow & { seq: string })[] = await this.d.ds.query(`SELECT seq, event_id, body FROM ledger_events WHERE seq > $1 ORDER BY ledger_events.seq LIMIT $2`, [after, REPLAY_PAGE]);
      for (const r of rows) this.ledger.apply(fromJson(r.body));
      count += rows.length;
      if (rows.length < REPLAY_PAGE) break;
      after = Number(rows[rows.length - 1]?.seq);
    }
    const broken = this.ledger.checkInvariants();
    if (broken.length) throw new Error(`ledger invariants broken after replay: ${broken.join('; ')}`);
    return count;
  }

  /**
   * Applies one event exactly once (replays are no-ops, conflicting duplicates are recorded).
   * `alongside` runs in the transaction that records the event (only when the ledger
   * records it), so a caller's marker commits if and only if the event does.
   */
  apply(event: LedgerEvent, source: EventSource, alongside?: (m: EntityManager, result: ApplyResult) => Promise<void>): Promise<ApplyResult> {
    const run = this.tail.then(async () => {
      const result = this.ledger.apply(event);
      if (!RECORDED.has(result.status)) return result;
      try {
        await this.d.ds.transaction(async (m) => {
          await m.query(`INSERT INTO ledger_events (event_id, kind, body, status, code) VALUES ($1, $2, $3, $4, $5)`, [
            result.status === 'exists_with_different_content' ? `${event.eventId}#conflict#${Date.now()}` : event.eventId,
            event.type,
            JSON.stringify(toJson(event)),
            result.status,
            result.code ?? null,
          ]);
          for (const p of result.postings) await insertPosting(m, p);
          // Every settlement change is in the tamper-evident trail, in the same transaction.
          await this.d.audit.append(m, {
            atMs: Date.now(),
            actor: source.actor,
            action: result.status === 'applied' || result.status === 'parked' ? 'create' : 'reject',
            subjectType: 'settlement',
            subjectId: event.eventId,
            origin: source.origin,
            details: { type: event.type, status: result.status, code: result.code ?? null, postings: result.postings.map((p) => p.seq), leaseId: 'leaseId' in event ? event.leaseId : event.type === 'LeaseBooked' ? event.terms.leaseId : null },
          });
          await alongside?.(m, result);
        });
      } catch (e) {
        this.d.onFatal(e);
      }
      if (result.status === 'rejected' || result.code) this.d.log.info('ledger event outcome', { eventId: event.eventId, status: result.status, code: result.code });
      return result;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  balances(): ReturnType<Ledger['balances']> {
    return this.ledger.balances();
  }

  leaseCost(leaseId: string): ReturnType<Ledger['leaseCost']> {
    return this.ledger.leaseCost(leaseId);
  }

  hasEvent(eventId: string): boolean {
    return this.ledger.eventRecord(eventId) !== undefined;
  }

  /** The recorded outcome of an event id (a parked event shows its final status once released). */
  eventRecord(eventId: string): EventRecord | undefined {
    return this.ledger.eventRecord(eventId);
  }

  checkInvariants(): string[] {
    return [...this.ledger.checkInvariants()];
  }
}

async function insertPosting(m: EntityManager, p: Posting): Promise<void> {
  for (const e of p.entries) {
    await m.query(`INSERT INTO ledger_entries (posting_seq, event_id, kind, lease_id, account, side, amount_minor) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      p.seq,
      p.eventId,
      p.kind,
      p.leaseId ?? null,
      e.account,
      e.side,
      e.amountMinor.toString(),
    ]);
  }
}

/** JSON with bigint as decimal strings tagged by field, reversible. */
const BIGINT_FIELDS = new Set(['amountMinor', 'priceMinorPerCoreSecond', 'maxCostMinor', 'usedCoreSeconds']);

function toJson(event: LedgerEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}

function fromJson(body: Record<string, unknown>): LedgerEvent {
  const revive = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, BIGINT_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v && typeof v === 'object' && !Array.isArray(v) ? revive(v as Record<string, unknown>) : v]));
  return revive(body) as unknown as LedgerEvent;
}
