/**
 * The messaging port. Every service talks to its bus only through this interface;
 * the adapters (memory, postgres, kafka) must be indistinguishable to callers, which
 * the shared contract suite (libs/bus/test/bus-contract.ts) checks.
 *
 * Delivery semantics (all adapters):
 * - at-least-once: an offset is committed only after the handler resolved for that
 *   record; a crash or a thrown handler means the record is delivered again;
 * - order is kept per (topic, partition); the partition is chosen from the key, so
 *   one key (e.g. a session id) keeps its order;
 * - members of one consumer group share the partitions of a topic; a partition is
 *   read by at most one member of a group at a time;
 * - headers are delivered exactly as published;
 * - a record larger than the configured maximum is refused at publish with
 *   MessageTooLargeError (nothing is written).
 */

/** Record as published. `value` is opaque bytes (a protobuf envelope, usually). */
export interface BusRecord {
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Record as delivered to a handler. `offset` is a decimal string (Kafka offsets are int64). */
export interface DeliveredRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestampMs: number;
}

export interface PublishedPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type RecordHandler = (record: DeliveredRecord) => Promise<void>;

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: RecordHandler;
  /** Start of a group that has no committed offset: 'earliest' (default) or 'latest'. */
  readonly fromBeginning?: boolean;
  /** Reports errors delivery recovers from by itself (see SubscriptionErrorListener). */
  readonly onError?: SubscriptionErrorListener;
}

export interface Subscription {
  /** Stops fetching, waits for the in-flight handler, leaves the group. */
  close(): Promise<void>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

export interface MessageBus {
  readonly adapter: 'memory' | 'postgres' | 'kafka';
  /** Creates topics that do not exist yet (idempotent). */
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  /** Appends records atomically per call on the postgres and memory adapters; per partition batch on kafka. */
  publish(topic: string, records: readonly BusRecord[]): Promise<PublishedPosition[]>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}

/** Stable reason codes for bus-level rejections (range 1100-1199). */
export const BusErrorCode = {
  MessageTooLarge: 'BUS_MESSAGE_TOO_LARGE',
  AccessDenied: 'BUS_ACL_DENIED',
  InvalidTopic: 'BUS_INVALID_TOPIC',
} as const;
export type BusErrorCode = (typeof BusErrorCode)[keyof typeof BusErrorCode];

export class BusError extends Error {
  constructor(
    readonly code: BusErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'BusError';
  }
}

export class MessageTooLargeError extends BusError {
  constructor(
    readonly sizeBytes: number,
    readonly maxBytes: number,
    topic: string,
  ) {
    super(BusErrorCode.MessageTooLarge, `record of ${sizeBytes} bytes for topic ${topic} exceeds the maximum of ${maxBytes} bytes`);
  }
}

export class BusAccessDeniedError extends BusError {
  constructor(
    readonly principal: string,
    readonly operation: 'read' | 'write',
    readonly topic: string,
  ) {
    super(BusErrorCode.AccessDenied, `principal ${principal} may not ${operation} topic ${topic}`);
  }
}

/**
 * Topic access control. The bus, not the client, enforces it: the postgres adapter
 * through per-principal database roles and SECURITY DEFINER functions, the kafka
 * adapter through broker ACLs, the memory adapter in-process. A pattern is an exact
 * topic name or a prefix ending in `*`.
 */
export interface AclEntry {
  readonly principal: string;
  readonly operation: 'read' | 'write';
  readonly topicPattern: string;
}

/** Size of a record as counted against the maximum: key + value + header names and values, UTF-8. */
export function recordSizeBytes(record: BusRecord): number {
  let size = Buffer.byteLength(record.key, 'utf8') + record.value.byteLength;
  for (const [k, v] of Object.entries(record.headers ?? {})) size += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  return size;
}

/** Topic names: lowercase, digits, dots, dashes, underscores; 1-200 chars (Kafka allows 249). */
export const TOPIC_NAME = /^[a-z0-9][a-z0-9._-]{0,199}$/;

export function topicMatches(pattern: string, topic: string): boolean {
  return pattern.endsWith('*') ? topic.startsWith(pattern.slice(0, -1)) : pattern === topic;
}

/**
 * Called when a subscription hits an error it cannot hand to a caller (a lost
 * connection, a revoked grant). Delivery keeps retrying; this only reports.
 */
export type SubscriptionErrorListener = (error: Error) => void;

/**
 * Provisioning-level ACL row. Besides read and write, `grant` lets a principal
 * (a hub) grant and revoke read/write on topics matching the pattern to others at
 * run time. Every AclEntry is an AclRule.
 */
export interface AclRule {
  readonly principal: string;
  readonly operation: 'read' | 'write' | 'grant';
  readonly topicPattern: string;
}

/** Record of a refused operation, kept by the bus itself (the dead-letter list). */
export interface DenialRecord {
  readonly principal: string;
  readonly operation: 'read' | 'write' | 'grant';
  readonly topic: string;
  readonly reasonCode: BusErrorCode;
  readonly detail: string;
  readonly atMs: number;
}

/** True when `inner` (exact or prefix*) only matches topics `outer` also matches. */
export function patternCovers(outer: string, inner: string): boolean {
  if (!outer.endsWith('*')) return outer === inner;
  return inner.startsWith(outer.slice(0, -1));
}
