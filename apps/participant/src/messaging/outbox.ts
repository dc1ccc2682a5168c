import type { DataSource, EntityManager } from 'typeorm';
import { BusHeader, topics } from '#libs/contracts';
import type { BusRecord, MessageBus } from '#libs/bus';
import { contextFromCarrier, currentCarrier, withSpan, SpanKind, type JsonLogger, type Counter } from '#libs/observability';
import { buildEnvelope, newMessageId, type Clock, type SenderIdentity } from '#libs/relay';
import type { DirectoryClient } from './directory.client.js';

export interface OutgoingInput {
  readonly target: string;
  readonly type: string;
  readonly sessionId: string;
  readonly contentType: string;
  readonly body: Uint8Array;
  readonly traceparent?: string;
  /** Inbox message that caused this one (a reply): unique, so a redelivered cause makes no second reply. */
  readonly causedBy?: string;
}

interface OutboxRow {
  id: string;
  message_id: string;
  target: string;
  type: string;
  session_id: string;
  content_type: string;
  body: Buffer;
  traceparent: string | null;
  attempts: number;
}

export interface OutboxDeps {
  readonly ds: DataSource;
  readonly bus: MessageBus;
  readonly sender: SenderIdentity;
  readonly directory: DirectoryClient;
  readonly clock: Clock;
  readonly log: JsonLogger;
  readonly ttlMs: number;
  readonly batch: number;
  readonly maxAttempts: number;
  readonly sent: Counter;
}

const IDLE_POLL_MS = 500;
const RETRY_BACKOFF_MS_MAX = 5_000;

/**
 * Transactional outbox. Writers add rows inside their own transaction; this
 * dispatcher seals, signs and publishes them to the hub's ingress, then marks
 * them sent. A crash between publish and mark re-sends the same message id (a new
 * envelope nonce): the recipient's inbox deduplicates by message id.
 */
export class Outbox {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly d: OutboxDeps) {}

  /** Adds a message in the caller's transaction; returns its id (existing id when `causedBy` was seen). */
  async add(m: EntityManager, input: OutgoingInput): Promise<string> {
    const messageId = newMessageId();
    const rows: { message_id: string }[] = await m.query(
      `INSERT INTO outbox (message_id, target, type, session_id, content_type, body, traceparent, caused_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (caused_by) DO UPDATE SET caused_by = EXCLUDED.caused_by RETURNING message_id`,
      [messageId, input.target, input.type, input.sessionId, input.contentType, Buffer.from(input.body), input.traceparent ?? null, input.causedBy ?? null],
    );
    return rows[0]?.message_id ?? messageId;
  }

  kick(): void {
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  async status(messageId: string): Promise<{ status: string; attempts: number; lastError: string | null } | undefined> {
    const rows: { status: string; attempts: number; last_error: string | null }[] = await this.d.ds.query(`SELECT status, attempts, last_error FROM outbox WHERE message_id = $1`, [messageId]);
    const r = rows[0];
    return r && { status: r.status, attempts: r.attempts, lastError: r.last_error };
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.dispatchBatch();
        backoffMs = 0;
      } catch (e) {
        backoffMs = Math.min(RETRY_BACKOFF_MS_MAX, Math.max(100, backoffMs * 2));
        this.d.log.warn('outbox dispatch failed; will retry', { error: (e as Error).message, backoffMs });
      }
      if (sent === 0 || backoffMs > 0) await this.idle(backoffMs || IDLE_POLL_MS);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  /**
   * One bounded batch, under row locks so two dispatchers never send one row
   * twice concurrently: every sendable row is sealed and signed, the batch goes
   * to the hub's ingress in one publish, and is marked sent in one update.
   */
  private async dispatchBatch(): Promise<number> {
    return this.d.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id::text, message_id, target, type, session_id, content_type, body, traceparent, attempts FROM outbox
          WHERE status = 'pending' ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.d.batch],
      );
      const ready: { row: OutboxRow; record: BusRecord }[] = [];
      for (const row of rows) {
        const record = await this.prepare(m, row);
        if (record) ready.push({ row, record });
      }
      if (ready.length === 0) return rows.length;
      await this.d.bus.publish(topics.hubIngress(this.d.sender.hubId), ready.map((r) => r.record));
      await m.query(`UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [ready.map((r) => r.row.id)]);
      for (const { row } of ready) this.d.sent.inc(row.type === 'demo.ping' || row.type === 'demo.pong' ? row.type : 'other');
      return rows.length;
    });
  }

  /** Seals and signs one row for the bus, or records why it cannot be sent (unknown target, hub unreachable). */
  private async prepare(m: EntityManager, row: OutboxRow): Promise<BusRecord | undefined> {
    const parent = contextFromCarrier({ traceparent: row.traceparent ?? undefined });
    return withSpan('participant.send', { parent, kind: SpanKind.PRODUCER, attributes: { 'datanet.message_id': row.message_id, 'datanet.target': row.target } }, async () => {
      const resolved = await this.d.directory.resolve(row.target);
      if (!resolved.ok) {
        const final = resolved.code !== 'HUB_UNREACHABLE' || row.attempts + 1 >= this.d.maxAttempts;
        await m.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2, status = $3 WHERE id = $1`, [row.id, `${resolved.code}: ${resolved.detail}`, final ? 'failed' : 'pending']);
        this.d.log.warn('outbox message not sent', { messageId: row.message_id, code: resolved.code, final });
        return undefined;
      }
      const trace = currentCarrier();
      const built = buildEnvelope(
        this.d.sender,
        resolved.recipient,
        { messageId: row.message_id, type: row.type, sessionId: row.session_id, contentType: row.content_type, body: row.body, ttlMs: this.d.ttlMs, trace },
        this.d.clock.nowMs(),
      );
      const headers: Record<string, string> = { [BusHeader.MessageId]: row.message_id, [BusHeader.MessageType]: row.type };
      if (trace.traceparent) headers[BusHeader.Traceparent] = trace.traceparent;
      return { key: row.session_id, value: built.bytes, headers };
    });
  }
}
