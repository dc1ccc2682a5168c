import type { DataSource } from 'typeorm';
import { SpanKind } from '@opentelemetry/api';
import { BusHeader, MessageType, pb } from '#libs/contracts';
import type { DeliveredRecord } from '#libs/bus';
import type { DeadLetterRepository } from '#libs/persistence';
import { activeTraceIds, contextFromCarrier, currentCarrier, withSpan, type Counter, type JsonLogger } from '#libs/observability';
import { receiveEnvelope, type Clock, type Received, type ReceiverSelf, type TimePolicy, type TrustPort } from '#libs/relay';
import { LeaseConflictError, LeaseReceiptCode, MARKET_LEASE_TYPE, type LeaseStore } from '../market/leases.js';
import type { Outbox } from './outbox.js';
import type { ChannelRouter } from '../jobs/relay-channel.js';

export interface InboxDeps {
  readonly ds: DataSource;
  readonly self: ReceiverSelf;
  readonly trust: TrustPort;
  readonly clock: Clock;
  readonly time: TimePolicy;
  readonly outbox: Outbox;
  readonly deadLetters: DeadLetterRepository;
  readonly leases: LeaseStore;
  /** Job channels (job.frame): reassembled in memory, never stored (they carry ciphertext of one attempt). */
  readonly channels: ChannelRouter;
  readonly log: JsonLogger;
  readonly counters: { readonly received: Counter; readonly duplicates: Counter; readonly rejected: Counter };
}

export interface InboxMessageView {
  readonly seq: string;
  readonly messageId: string;
  readonly source: string;
  readonly type: string;
  readonly sessionId: string;
  readonly contentType: string;
  readonly body: string;
  readonly bodyEncoding: 'utf8' | 'base64';
  readonly decoded?: unknown;
  readonly traceId: string | null;
  readonly route: string[];
  readonly issuedAt: string;
  readonly receivedAt: string;
}

/**
 * Consumes this participant's inbox. Each record is verified end to end (the
 * hub's word is not enough), then stored under its message id in the same
 * transaction as any reply it causes, so the application sees every message
 * exactly once even when the bus delivers it again.
 */
export class Inbox {
  constructor(private readonly d: InboxDeps) {}

  async handle(record: DeliveredRecord): Promise<void> {
    const parent = contextFromCarrier({ traceparent: record.headers[BusHeader.Traceparent], tracestate: record.headers[BusHeader.Tracestate] });
    await withSpan('participant.receive', { parent, kind: SpanKind.CONSUMER, attributes: { 'messaging.destination': record.topic } }, async () => {
      const r = await receiveEnvelope(record.value, this.d.self, this.d.trust, this.d.clock, this.d.time);
      if (!r.ok) {
        await this.reject(record, r.code, r.detail, r.header);
        return;
      }
      if (r.header.type === MARKET_LEASE_TYPE) {
        await this.receiveLease(record, r);
        return;
      }
      if (r.header.type === MessageType.JobFrame) {
        await this.receiveFrame(record, r);
        return;
      }
      const h = r.header;
      const inserted = await this.d.ds.transaction(async (m) => {
        if (!(await this.insertMessage(m, r))) return false;
        if (h.type === MessageType.DemoPing) await this.replyToPing(m, h.messageId, h.source, h.sessionId, r.body);
        return true;
      });
      if (inserted) {
        this.d.counters.received.inc(h.type === MessageType.DemoPing || h.type === MessageType.DemoPong ? h.type : 'other');
        this.d.log.info('message received', { messageId: h.messageId, source: h.source, type: h.type, route: h.route.join('>') });
        this.d.outbox.kick();
      } else {
        this.d.counters.duplicates.inc();
      }
    });
  }

  /**
   * A lease contract from this participant's hub (S202). Checked before anything
   * is written (both hubs' signatures, origin, that this participant is a party);
   * then the message row and the lease row are written in one transaction, so a
   * redelivered message is absorbed by its id and another delivery of a stored
   * lease is a no-op. A lease id stored with other terms is dead-lettered, and
   * the message row rolls back with the failed transaction.
   */
  private async receiveLease(record: DeliveredRecord, r: Extract<Received, { ok: true }>): Promise<void> {
    const h = r.header;
    // A redelivery of a stored message is absorbed before the (costly) lease checks run again.
    const seen: unknown[] = await this.d.ds.query(`SELECT 1 FROM inbox_messages WHERE message_id = $1`, [h.messageId]);
    if (seen.length > 0) {
      this.d.counters.duplicates.inc();
      return;
    }
    const checked = await this.d.leases.check({ source: h.source, sender: r.sender, contentType: r.contentType, body: r.body }, this.d.clock.nowMs());
    if (!checked.ok) {
      await this.reject(record, checked.code, checked.detail, h);
      return;
    }
    let outcome: 'stored' | 'duplicate' | 'redelivered';
    try {
      outcome = await this.d.ds.transaction(async (m) => ((await this.insertMessage(m, r)) ? this.d.leases.store(m, checked.lease, h.messageId) : 'redelivered'));
    } catch (e) {
      if (!(e instanceof LeaseConflictError)) throw e;
      await this.reject(record, LeaseReceiptCode.Conflict, e.message, h);
      return;
    }
    if (outcome === 'redelivered') {
      this.d.counters.duplicates.inc();
      return;
    }
    this.d.counters.received.inc(MARKET_LEASE_TYPE);
    this.d.log.info(outcome === 'stored' ? 'lease received' : 'lease delivered again; already stored', { messageId: h.messageId, leaseId: checked.lease.terms.leaseId, role: checked.lease.role });
  }

  /**
   * A chunk of a job channel. Frames are not stored: reassembly by (message, chunk)
   * absorbs a redelivery, and a channel does not outlive its process anyway.
   */
  private async receiveFrame(record: DeliveredRecord, r: Extract<Received, { ok: true }>): Promise<void> {
    const h = r.header;
    let frame: import('#libs/contracts').JobFrame;
    try {
      frame = pb.JobFrame.decode(r.body);
    } catch (e) {
      await this.reject(record, 'JOB_FRAME_INVALID', `not a JobFrame: ${(e as Error).message}`, h);
      return;
    }
    if (frame.channelId !== h.sessionId) {
      await this.reject(record, 'JOB_FRAME_INVALID', `frame of channel ${frame.channelId} in session ${h.sessionId}`, h);
      return;
    }
    const outcome = await this.d.channels.deliver(h.source, frame);
    if (!outcome.ok) await this.reject(record, outcome.code, outcome.detail, h);
    else this.d.counters.received.inc(MessageType.JobFrame);
  }

  /** Stores a verified message under its id; false when this id was delivered before. */
  private async insertMessage(m: import('typeorm').EntityManager, r: Extract<Received, { ok: true }>): Promise<boolean> {
    const h = r.header;
    const traceId = activeTraceIds().traceId ?? null;
    const rows: unknown[] = await m.query(
      `INSERT INTO inbox_messages (message_id, source, type, session_id, content_type, body, trace_id, route, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0)) ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
      [h.messageId, h.source, h.type, h.sessionId, r.contentType, Buffer.from(r.body), traceId, h.route, h.issuedAtMs],
    );
    return rows.length === 1;
  }

  /** Dead-letters a record (once per bus position) with its stable reason code. */
  private async reject(record: DeliveredRecord, code: string, detail: string, h: { messageId: string; source: string; target: string } | undefined): Promise<void> {
    const fresh = await this.d.deadLetters.record({ reasonCode: code, detail, messageId: h?.messageId, source: h?.source, target: h?.target, topic: record.topic, partition: record.partition, offset: record.offset, raw: record.value });
    if (fresh) this.d.counters.rejected.inc(code);
    this.d.log.warn('inbox message rejected', { reasonCode: code, detail, messageId: h?.messageId });
  }

  /** The demo round trip: a ping is answered with a pong through the hubs. */
  private async replyToPing(m: import('typeorm').EntityManager, messageId: string, source: string, sessionId: string, body: Uint8Array): Promise<void> {
    let ping: import('#libs/contracts').Ping;
    try {
      ping = pb.Ping.decode(body);
    } catch {
      ping = pb.Ping.create({ text: '' });
    }
    const pong = pb.Pong.encode({ text: `pong: ${ping.text}`, inReplyTo: messageId, pingSentAtMs: ping.sentAtMs }).finish();
    await this.d.outbox.add(m, { target: source, type: MessageType.DemoPong, sessionId, contentType: 'application/x-protobuf; messageType=datanet.v1.Pong', body: pong, traceparent: currentCarrier().traceparent, causedBy: messageId });
  }

  async list(afterSeq: string | undefined, limit: number, type?: string): Promise<InboxMessageView[]> {
    const rows: Record<string, unknown>[] = await this.d.ds.query(
      `SELECT seq::text, message_id, source, type, session_id, content_type, body, trace_id, route, issued_at, received_at
         FROM inbox_messages WHERE seq > COALESCE($1::bigint, 0) AND ($3::text IS NULL OR type = $3) ORDER BY inbox_messages.seq LIMIT $2`,
      [afterSeq ?? null, limit, type ?? null],
    );
    return rows.map(toView);
  }
}

function toView(r: Record<string, unknown>): InboxMessageView {
  const body = r.body as Buffer;
  const type = String(r.type);
  const text = String(r.content_type).startsWith('text/');
  return {
    seq: String(r.seq),
    messageId: String(r.message_id),
    source: String(r.source),
    type,
    sessionId: String(r.session_id),
    contentType: String(r.content_type),
    body: text ? body.toString('utf8') : body.toString('base64'),
    bodyEncoding: text ? 'utf8' : 'base64',
    decoded: decode(type, body),
    traceId: (r.trace_id as string | null) ?? null,
    route: r.route as string[],
    issuedAt: new Date(r.issued_at as string).toISOString(),
    receivedAt: new Date(r.received_at as string).toISOString(),
  };
}

function decode(type: string, body: Buffer): unknown {
  try {
    if (type === MessageType.DemoPing) return pb.Ping.toObject(pb.Ping.decode(body), { longs: Number });
    if (type === MessageType.DemoPong) return pb.Pong.toObject(pb.Pong.decode(body), { longs: Number });
    if (type === MARKET_LEASE_TYPE) return pb.LeaseTerms.toObject(pb.LeaseTerms.decode(pb.LeaseContract.decode(body).terms), { longs: Number });
  } catch {
    return undefined;
  }
  return undefined;
}
