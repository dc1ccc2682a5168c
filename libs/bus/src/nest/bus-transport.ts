/**
 * NestJS transport over a MessageBus: @EventPattern('topic') handlers consume
 * the topic through one consumer group. The handler is awaited (its promise or
 * observable) before the bus commits the offset; a handler that throws makes the
 * bus redeliver the record. Request-response (@MessagePattern) is not offered:
 * the bus carries events only.
 */
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { toError } from '../internal/async.js';
import type { DeliveredRecord, MessageBus, Subscription } from '../port.js';
import { BusContext } from './bus-context.js';

/** Transport identifier, so @EventPattern(topic, BUS_TRANSPORT) can target this transport in hybrid apps. */
export const BUS_TRANSPORT = Symbol('datanet-bus');

export interface BusTransportOptions {
  readonly groupId: string;
  /**
   * Pattern -> topic, when handler patterns are logical names and topics are
   * computed at run time (e.g. `{ 'hub.ingress': 'ingress.hub-a' }`). Without it,
   * every @EventPattern is itself a topic name.
   */
  readonly topics?: Readonly<Record<string, string>>;
  /** For a group without committed offsets: start at the beginning (default) or at the end. */
  readonly fromBeginning?: boolean;
  /** Turns a record into the handler's payload; the value bytes by default. */
  readonly decode?: (record: DeliveredRecord) => unknown;
  /** Delivery problems the bus recovers from itself (handler failures, lost connections). Logged when absent. */
  readonly onError?: (error: Error) => void;
  /** Close the bus with the transport (default false: the bus belongs to whoever made it). */
  readonly closeBus?: boolean;
}

type BusTransportStatus = 'connected' | 'disconnected';

export class BusTransport extends Server<Record<string, never>, BusTransportStatus> implements CustomTransportStrategy {
  override readonly transportId = BUS_TRANSPORT;
  /** This transport awaits handlers and hands their failures to the bus (which redelivers). */
  override readonly propagatesEventHandlerErrors = true;
  protected override readonly logger = new Logger(BusTransport.name);
  private subscription: Subscription | undefined;
  /** topic -> handler pattern */
  private readonly patternOf = new Map<string, string>();

  constructor(
    private readonly bus: MessageBus,
    private readonly options: BusTransportOptions,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.subscribeHandlers().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    if (this.options.closeBus) await this.bus.close();
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error('BusTransport emits no events: pass options.onError for delivery problems');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  /** Runs the handler for one record; resolves only when the handler (promise or stream) has finished. */
  async dispatch(record: DeliveredRecord): Promise<void> {
    const pattern = this.patternOf.get(record.topic) ?? record.topic;
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) throw new Error(`no @EventPattern handler for topic ${record.topic} (pattern ${pattern})`);
    const context = new BusContext(record);
    const data = this.options.decode ? this.options.decode(record) : record.value;
    await this.runAwaited(handler, data, context);
  }

  private async subscribeHandlers(): Promise<void> {
    const mapping = this.options.topics;
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) {
        this.logger.warn(`@MessagePattern(${pattern}) is ignored: the bus carries events only`);
        continue;
      }
      const topic = mapping ? mapping[pattern] : pattern;
      // Another transport of the same app may consume it (one transport per bus or group).
      if (topic === undefined) this.logger.debug(`@EventPattern(${pattern}) has no topic in options.topics here; not consumed`);
      else this.patternOf.set(topic, pattern);
    }
    for (const pattern of Object.keys(mapping ?? {})) {
      if (!this.messageHandlers.get(pattern)?.isEventHandler) throw new Error(`options.topics names pattern ${pattern}, but no @EventPattern handler has it`);
    }
    if (this.patternOf.size > 0) {
      this.subscription = await this.bus.subscribe({
        groupId: this.options.groupId,
        topics: [...this.patternOf.keys()],
        fromBeginning: this.options.fromBeginning,
        handler: (record) => this.dispatch(record),
        onError: this.options.onError ?? ((error) => this.logger.warn(`bus delivery: ${error.message}`)),
      });
    }
    this._status$.next('connected');
  }

  /**
   * Goes through Nest's processing hooks (tracing) like the built-in transports,
   * but settles our own promise, so the bus learns the outcome whatever a hook
   * returns.
   */
  private runAwaited(handler: MessageHandler, data: unknown, context: BusContext): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.runWithProcessingHooks(context, async (runEndHook) => {
        try {
          const result: unknown = await handler(data, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          resolve();
        } catch (error) {
          reject(toError(error));
        } finally {
          runEndHook();
        }
      });
    });
  }
}
