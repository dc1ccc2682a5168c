import { SpanKind } from '@opentelemetry/api';
import { BusHeader, type Envelope, type EnvelopeHeader } from '#libs/contracts';
import type { DeliveredRecord, MessageBus } from '#libs/bus';
import type { DeadLetterRepository } from '#libs/persistence';
import { contextFromCarrier, currentCarrier, withSpan, type Counter, type JsonLogger } from '#libs/observability';
import { stampEnvelope, type Arrival, type Clock, type HubStamper, type HubVerifier, type RelayDecision } from '#libs/relay';

export interface RelayDeps {
  readonly hubId: string;
  readonly verifier: HubVerifier;
  readonly ownBus: MessageBus;
  /** Producer per peer hub (the peer's bus: in production each hub may own its cluster). */
  peerBus(hubId: string): MessageBus;
  readonly stamper: HubStamper;
  readonly deadLetters: DeadLetterRepository;
  readonly counters: { readonly relayed: Counter; readonly rejected: Counter };
  readonly clock: Clock;
  readonly log: JsonLogger;
}

/**
 * The hub's relay: verify, stamp, forward (same subnet to the target's inbox,
 * other subnets to the peer hub's peer topic), or dead-letter with a reason.
 * Throws only for infrastructure failures, so the bus redelivers the record.
 */
export class RelayService {
  constructor(private readonly d: RelayDeps) {}

  async handle(record: DeliveredRecord, arrival: Arrival): Promise<void> {
    const parent = contextFromCarrier({ traceparent: record.headers[BusHeader.Traceparent], tracestate: record.headers[BusHeader.Tracestate] });
    await withSpan(`hub.relay ${arrival}`, { parent, kind: SpanKind.CONSUMER, attributes: { 'datanet.hub': this.d.hubId, 'messaging.destination': record.topic } }, async (span) => {
      const position = `${record.topic}/${record.partition}/${record.offset}`;
      const decision = await this.d.verifier.decide(record.value, arrival, position);
      span.setAttribute('datanet.relay.action', decision.action);
      if (decision.header) span.setAttribute('datanet.message_id', decision.header.messageId);
      await this.apply(decision, record);
    });
  }

  private async apply(decision: RelayDecision, record: DeliveredRecord): Promise<void> {
    switch (decision.action) {
      case 'reject':
        await this.reject(decision, record);
        return;
      case 'deliver':
        await this.d.ownBus.publish(decision.topic, [this.stamped(decision.envelope, decision.header)]);
        break;
      case 'forward':
        await this.d.peerBus(decision.peerHub).publish(decision.topic, [this.stamped(decision.envelope, decision.header)]);
        break;
    }
    this.d.counters.relayed.inc(decision.action);
    this.d.log.debug('relayed', { action: decision.action, messageId: decision.header.messageId, source: decision.header.source, target: decision.header.target, redelivery: decision.redelivery });
  }

  private async reject(d: Extract<RelayDecision, { action: 'reject' }>, record: DeliveredRecord): Promise<void> {
    const fresh = await this.d.deadLetters.record({
      reasonCode: d.code,
      detail: d.detail,
      messageId: d.header?.messageId,
      source: d.header?.source,
      target: d.header?.target,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      raw: record.value,
    });
    if (fresh) this.d.counters.rejected.inc(d.code);
    this.d.log.warn('envelope rejected', { reasonCode: d.code, detail: d.detail, messageId: d.header?.messageId, source: d.header?.source, topic: record.topic, offset: record.offset });
  }

  /** Stamps the envelope and carries the current trace context in the bus headers. */
  private stamped(envelope: Envelope, header: EnvelopeHeader): { key: string; value: Uint8Array; headers: Record<string, string> } {
    const value = stampEnvelope(envelope, this.d.stamper, this.d.clock.nowMs());
    const carrier = currentCarrier();
    const headers: Record<string, string> = { [BusHeader.MessageId]: header.messageId, [BusHeader.MessageType]: header.type };
    if (carrier.traceparent) headers[BusHeader.Traceparent] = carrier.traceparent;
    if (carrier.tracestate) headers[BusHeader.Tracestate] = carrier.tracestate;
    return { key: header.sessionId, value, headers };
  }
}
