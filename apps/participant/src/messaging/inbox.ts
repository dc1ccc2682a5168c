import type { DataSource } from 'typeorm';
import { SpanKind } from '@opentelemetry/api';
import { BusHeader, MessageType, pb } from '#libs/contracts';
import type { DeliveredRecord } from '#libs/bus';
import type { DeadLetterRepository } from '#libs/persistence';
import { activeTraceIds, contextFromCarrier, currentCarrier, withSpan, type Counter, type JsonLogger } from '#libs/observability';
import { receiveEnvelope, type Clock, type ReceiverSelf, type TimePolicy, type TrustPort } from '#libs/relay';
import type { Outbox } from './outbox.js';

export interface InboxDeps {
  readonly ds: DataSource;
  readonly self: ReceiverSelf;
  readonly trust: TrustPort;
  readonly clock: Clock;
  readonly time: TimePolicy;
  readonly outbox: Outbox;
  readonly deadLetters: DeadLetterRepository;
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
        const fresh = await this.d.deadLetters.record({ reasonCode: r.code, detail: r.detail, messageId: r.header?.messageId, source: r.header?.source, target: r.header?.target, topic: record.topic, partition: record.partition, offset: record.offset, raw: record.value });
        if (fresh) this.d.counters.rejected.inc(r.code);
        this.d.log.warn('inbox message rejected', { reasonCode: r.code, detail: r.detail, messageId: r.header?.messageId });
        return;
      }
      const h = r.header;
      const traceId = activeTraceIds().traceId ?? null;
      const inserted = await this.d.ds.transaction(async (m) => {
        const rows: unknown[] = await m.query(
          `INSERT INTO inbox_messages (message_id, source, type, session_id, content_type, body, trace_id, route, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0)) ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
          [h.messageId, h.source, h.type, h.sessionId, r.contentType, Buffer.from(r.body), traceId, h.route, h.issuedAtMs],
        );
        if (rows.length === 0) return false;
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
  } catch {
    return undefined;
  }
  return undefined;
}
