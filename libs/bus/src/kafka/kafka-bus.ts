/**
 * Kafka adapter (kafkajs 2.2; brokers 2.1 to 3.x). Access control is the broker's
 * (ACLs on SASL principals); this adapter maps its refusals to BusAccessDeniedError.
 *
 * Choices that keep it indistinguishable from the other adapters:
 * - the shared partitioner (murmur2, as Kafka's own default) via createPartitioner;
 * - one consumer per subscription, autoCommit off, the offset committed after each
 *   handler success; a failing handler is retried in place after a bounded backoff;
 * - group ids are namespaced by principal (`<principal>.<groupId>`), like the
 *   per-principal groups of the postgres adapter.
 */
import type { ConnectionOptions } from 'node:tls';
import kafkajs from 'kafkajs';
import type { Admin, Consumer, IHeaders, KafkaMessage, Producer, SASLOptions, AclEntry as KafkaAclEntry } from 'kafkajs';
import { backoffMs, deferred, sleep, toError } from '../internal/async.js';
import { assertPartitionCount, assertRecordSizes, assertTopicName } from '../internal/validate.js';
import { partitionForKey } from '../partitioner.js';
import {
  BusAccessDeniedError,
  type AclEntry,
  type BusRecord,
  type DeliveredRecord,
  type MessageBus,
  type PublishedPosition,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../port.js';

const { Kafka, logLevel: LogLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;

export const KAFKA_DEFAULT_SESSION_TIMEOUT_MS = 30_000;
export const KAFKA_DEFAULT_HEARTBEAT_INTERVAL_MS = 3_000;
export const KAFKA_DEFAULT_REDELIVERY_INITIAL_BACKOFF_MS = 100;
export const KAFKA_DEFAULT_REDELIVERY_MAX_BACKOFF_MS = 5_000;
/** Replication of topics created by ensureTopics; -1 (broker default) needs Kafka >= 2.4, so 1 unless configured. */
export const KAFKA_DEFAULT_REPLICATION_FACTOR = 1;
export const KAFKA_CREATE_TOPICS_TIMEOUT_MS = 30_000;
/** All replicas in sync must acknowledge (required by the idempotent producer). */
const ACKS_ALL = -1;

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** The SASL principal's name (also the namespace of its consumer groups). */
  readonly principal: string;
  readonly maxMessageBytes: number;
  readonly sasl?: SASLOptions;
  readonly ssl?: boolean | ConnectionOptions;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly redeliveryInitialBackoffMs?: number;
  readonly redeliveryMaxBackoffMs?: number;
  readonly replicationFactor?: number;
}

const AUTHORIZATION_FAILURES = new Set(['TOPIC_AUTHORIZATION_FAILED', 'GROUP_AUTHORIZATION_FAILED']);

/** True when kafkajs refused for lack of a broker ACL (the error may be wrapped by retries). */
export function isAuthorizationFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== 'object') return false;
    const { type, cause } = e as { type?: unknown; cause?: unknown };
    if (typeof type === 'string' && AUTHORIZATION_FAILURES.has(type)) return true;
    e = cause;
  }
  return false;
}

interface PartitionerArgs {
  readonly topic: string;
  readonly partitionMetadata: readonly unknown[];
  readonly message: { readonly key?: Buffer | string | null };
}

/**
 * The shared partitioner in kafkajs' ICustomPartitioner shape. `onCount` learns
 * each topic's partition count as kafkajs sees it (to compute per-record offsets).
 */
export function busPartitioner(onCount?: (topic: string, partitions: number) => void) {
  return () =>
    (args: PartitionerArgs): number => {
      const key = args.message.key;
      const text = key === null || key === undefined ? '' : typeof key === 'string' ? key : key.toString('utf8');
      onCount?.(args.topic, args.partitionMetadata.length);
      return partitionForKey(text, args.partitionMetadata.length);
    };
}

export class KafkaBus implements MessageBus {
  readonly adapter = 'kafka' as const;
  readonly principal: string;
  private readonly options: KafkaBusOptions;
  private readonly kafka: InstanceType<typeof Kafka>;
  private readonly producer: Producer;
  private producerConnected: Promise<void> | undefined;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly partitionCounts = new Map<string, number>();
  private closing: Promise<void> | undefined;

  constructor(options: KafkaBusOptions) {
    this.options = options;
    this.principal = options.principal;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      sasl: options.sasl,
      ssl: options.ssl,
      logLevel: LogLevel.WARN,
    });
    // Idempotent: no duplicates or reordering from producer retries (acks=all, one request in flight).
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: busPartitioner((topic, n) => this.partitionCounts.set(topic, n)),
      allowAutoTopicCreation: false,
    });
  }

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    for (const spec of specs) {
      assertTopicName(spec.topic);
      assertPartitionCount(spec.partitions);
    }
    await this.withAdmin(async (admin) => {
      try {
        // Returns false (no error) for topics that already exist.
        await admin.createTopics({
          waitForLeaders: true,
          timeout: KAFKA_CREATE_TOPICS_TIMEOUT_MS,
          topics: specs.map((s) => ({ topic: s.topic, numPartitions: s.partitions, replicationFactor: this.options.replicationFactor ?? KAFKA_DEFAULT_REPLICATION_FACTOR })),
        });
      } catch (error) {
        if (isAuthorizationFailure(error)) throw new BusAccessDeniedError(this.principal, 'write', specs[0]?.topic ?? '');
        throw error;
      }
    });
  }

  async publish(topic: string, records: readonly BusRecord[]): Promise<PublishedPosition[]> {
    assertTopicName(topic);
    assertRecordSizes(topic, records, this.options.maxMessageBytes);
    if (records.length === 0) return [];
    this.producerConnected ??= this.producer.connect();
    await this.producerConnected;
    let metadata;
    try {
      metadata = await this.producer.send({
        topic,
        acks: ACKS_ALL,
        messages: records.map((r) => ({ key: r.key, value: Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength), headers: { ...(r.headers ?? {}) } })),
      });
    } catch (error) {
      if (isAuthorizationFailure(error)) throw new BusAccessDeniedError(this.principal, 'write', topic);
      throw error;
    }
    // kafkajs answers per partition (base offset); records of a partition keep their order within a send.
    const base = new Map(metadata.map((m) => [m.partition, BigInt(m.baseOffset ?? m.offset ?? '0')]));
    const partitions = this.partitionCounts.get(topic) ?? 1;
    const seen = new Map<number, bigint>();
    return records.map((r) => {
      const partition = partitionForKey(r.key, partitions);
      const index = seen.get(partition) ?? 0n;
      seen.set(partition, index + 1n);
      return { topic, partition, offset: ((base.get(partition) ?? 0n) + index).toString() };
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    for (const topic of options.topics) assertTopicName(topic);
    const consumer = this.kafka.consumer({
      groupId: `${this.principal}.${options.groupId}`,
      sessionTimeout: this.options.sessionTimeoutMs ?? KAFKA_DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? KAFKA_DEFAULT_HEARTBEAT_INTERVAL_MS,
      allowAutoTopicCreation: false,
    });
    const subscription = new KafkaSubscription(consumer, options, this.principal, {
      initialMs: this.options.redeliveryInitialBackoffMs ?? KAFKA_DEFAULT_REDELIVERY_INITIAL_BACKOFF_MS,
      maxMs: this.options.redeliveryMaxBackoffMs ?? KAFKA_DEFAULT_REDELIVERY_MAX_BACKOFF_MS,
    });
    await subscription.start();
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Creates broker ACLs (needs ALTER on the cluster). A read grant also covers the grantee's consumer groups. */
  async grant(entry: AclEntry): Promise<void> {
    await this.withAdmin((admin) => admin.createAcls({ acl: kafkaAcls(entry) }));
  }

  /** Deletes the topic ACLs of a grant (group ACLs stay: other grants may rely on them). */
  async revoke(entry: AclEntry): Promise<void> {
    const topicAcls = kafkaAcls(entry).filter((a) => a.resourceType === AclResourceTypes.TOPIC);
    await this.withAdmin((admin) => admin.deleteAcls({ filters: topicAcls }));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
      if (this.producerConnected) await this.producer.disconnect();
    })();
    return this.closing;
  }

  /** Stops without committing in-flight work (as a crash would, except that the group is left). */
  abort(): void {
    for (const s of this.subscriptions) s.abort();
    this.closing ??= this.producer.disconnect().catch(() => undefined);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

function kafkaAcls(entry: AclEntry): KafkaAclEntry[] {
  const prefixed = entry.topicPattern.endsWith('*');
  const base = { principal: `User:${entry.principal}`, host: '*', permissionType: AclPermissionTypes.ALLOW };
  const topic = {
    ...base,
    resourceType: AclResourceTypes.TOPIC,
    resourceName: prefixed ? entry.topicPattern.slice(0, -1) : entry.topicPattern,
    resourcePatternType: prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
  };
  if (entry.operation === 'write') {
    return [
      { ...topic, operation: AclOperationTypes.WRITE },
      { ...topic, operation: AclOperationTypes.DESCRIBE },
      // Brokers before 2.8 want IDEMPOTENT_WRITE on the cluster for an idempotent producer.
      { ...base, operation: AclOperationTypes.IDEMPOTENT_WRITE, resourceType: AclResourceTypes.CLUSTER, resourceName: 'kafka-cluster', resourcePatternType: ResourcePatternTypes.LITERAL },
    ];
  }
  return [
    { ...topic, operation: AclOperationTypes.READ },
    { ...topic, operation: AclOperationTypes.DESCRIBE },
    { ...base, operation: AclOperationTypes.READ, resourceType: AclResourceTypes.GROUP, resourceName: `${entry.principal}.`, resourcePatternType: ResourcePatternTypes.PREFIXED },
  ];
}

class StoppedError extends Error {
  constructor() {
    super('subscription stopped before the record was committed');
  }
}

class KafkaSubscription implements Subscription {
  private readonly stopSignal = deferred();
  private stopped = false;
  private aborted = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly principal: string,
    private readonly backoff: { readonly initialMs: number; readonly maxMs: number },
  ) {}

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, (event) => this.options.onError?.(toError(event.payload.error)));
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning !== false });
      await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(payload) });
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      // Kafka does not say which topic was refused; name the one asked for (or all of them).
      if (isAuthorizationFailure(error)) throw new BusAccessDeniedError(this.principal, 'read', this.options.topics.join(','));
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped = true;
      this.stopSignal.resolve();
      // Waits for the in-flight handler (and its commit), then leaves the group.
      await this.consumer.disconnect();
    })();
    return this.closing;
  }

  abort(): void {
    this.aborted = true;
    void this.close().catch(() => undefined);
  }

  private async onMessage(payload: { topic: string; partition: number; message: KafkaMessage; heartbeat(): Promise<void> }): Promise<void> {
    const { topic, partition, message } = payload;
    const record = toDelivered(topic, partition, message);
    for (let attempt = 0; ; attempt++) {
      // Throwing leaves the offset unresolved, so the record goes to the partition's next owner.
      if (this.stopped) throw new StoppedError();
      try {
        await this.options.handler(record);
        break;
      } catch (error) {
        this.options.onError?.(toError(error));
        await sleep(backoffMs(attempt, this.backoff.initialMs, this.backoff.maxMs), this.stopSignal.promise);
        await payload.heartbeat().catch(() => undefined);
      }
    }
    if (this.aborted) throw new StoppedError();
    // Kafka's committed offset is the next one to read.
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }
}

function toDelivered(topic: string, partition: number, message: KafkaMessage): DeliveredRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value ? new Uint8Array(message.value.buffer, message.value.byteOffset, message.value.byteLength) : new Uint8Array(0),
    headers: decodeHeaders(message.headers),
    timestampMs: Number(message.timestamp),
  };
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // A repeated header arrives as an array; the port has one value per name, the last one wins (as on publish).
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) out[name] = typeof last === 'string' ? last : last.toString('utf8');
  }
  return out;
}
