/**
 * In-process adapter: what unit tests run on. A MemoryBroker plays the server
 * (topics, committed group offsets, ACL, the dead-letter list of denials); each
 * MemoryBus is one principal's connection to it, so several principals can share
 * topics the way services share a real bus.
 */
import { backoffMs, deferred, sleep, toError, type Deferred } from '../internal/async.js';
import { assertPartitionCount, assertRecordSizes, assertTopicName } from '../internal/validate.js';
import { partitionForKey } from '../partitioner.js';
import {
  BusAccessDeniedError,
  BusErrorCode,
  patternCovers,
  topicMatches,
  type AclEntry,
  type AclRule,
  type BusRecord,
  type DeliveredRecord,
  type DenialRecord,
  type MessageBus,
  type PublishedPosition,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../port.js';

export const MEMORY_DEFAULT_PARTITIONS = 3;
/** Records handed to one member per partition before it looks at the others again. */
export const MEMORY_FETCH_BATCH = 500;
export const MEMORY_REDELIVERY_INITIAL_BACKOFF_MS = 10;
export const MEMORY_REDELIVERY_MAX_BACKOFF_MS = 1_000;
/** Idle members re-check for work this often even without a wake-up (safety net). */
export const MEMORY_IDLE_POLL_MS = 200;

export interface MemoryBrokerOptions {
  /** ACL enforced for every principal; 'allow-all' (the default) turns enforcement off for plain unit tests. */
  readonly acl?: readonly AclRule[] | 'allow-all';
  /** Partitions of topics created implicitly (publish or subscribe to an unknown topic). */
  readonly defaultPartitions?: number;
  readonly redeliveryInitialBackoffMs?: number;
  readonly redeliveryMaxBackoffMs?: number;
}

interface StoredRecord {
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestampMs: number;
}

export interface GroupState {
  /** Next offset to read per "topic/partition" (Kafka's meaning of a committed offset). */
  readonly next: Map<string, number>;
  /** Live members and their topics. */
  readonly members: Map<string, readonly string[]>;
  /** Which member currently reads a partition: the in-process stand-in for a lock. */
  readonly owners: Map<string, string>;
}

const tpKey = (topic: string, partition: number): string => `${topic}/${partition}`;

export class MemoryBroker {
  /** Refused operations, newest last: the broker's dead-letter list. */
  readonly deadLetters: DenialRecord[] = [];
  readonly defaultPartitions: number;
  readonly redeliveryInitialBackoffMs: number;
  readonly redeliveryMaxBackoffMs: number;
  private readonly acl: AclRule[] | 'allow-all';
  private readonly topics = new Map<string, StoredRecord[][]>();
  private readonly groups = new Map<string, GroupState>();
  private change: Deferred<void> = deferred();

  constructor(options: MemoryBrokerOptions = {}) {
    this.acl = options.acl === undefined || options.acl === 'allow-all' ? 'allow-all' : [...options.acl];
    this.defaultPartitions = options.defaultPartitions ?? MEMORY_DEFAULT_PARTITIONS;
    assertPartitionCount(this.defaultPartitions);
    this.redeliveryInitialBackoffMs = options.redeliveryInitialBackoffMs ?? MEMORY_REDELIVERY_INITIAL_BACKOFF_MS;
    this.redeliveryMaxBackoffMs = options.redeliveryMaxBackoffMs ?? MEMORY_REDELIVERY_MAX_BACKOFF_MS;
  }

  /** Adds an ACL row at run time (no-op when enforcement is off or the row exists). */
  grant(entry: AclEntry): void {
    if (this.acl === 'allow-all') return;
    const exists = this.acl.some((r) => r.principal === entry.principal && r.operation === entry.operation && r.topicPattern === entry.topicPattern);
    if (!exists) this.acl.push({ ...entry });
    this.signal();
  }

  revoke(entry: AclEntry): void {
    if (this.acl === 'allow-all') return;
    const keep = this.acl.filter((r) => !(r.principal === entry.principal && r.operation === entry.operation && r.topicPattern === entry.topicPattern));
    this.acl.splice(0, this.acl.length, ...keep);
  }

  /** Number of records ever appended to a partition (its end offset). */
  endOffset(topic: string, partition: number): number {
    return this.topics.get(topic)?.[partition]?.length ?? 0;
  }

  // ---- used by MemoryBus (same module; not part of the port) ----

  isAllowed(principal: string, operation: 'read' | 'write', topic: string): boolean {
    if (this.acl === 'allow-all') return true;
    return this.acl.some((r) => r.principal === principal && r.operation === operation && topicMatches(r.topicPattern, topic));
  }

  /** Throws BusAccessDeniedError and records the denial unless allowed. */
  authorize(principal: string, operation: 'read' | 'write', topic: string): void {
    if (this.isAllowed(principal, operation, topic)) return;
    this.recordDenial(principal, operation, topic);
    throw new BusAccessDeniedError(principal, operation, topic);
  }

  /** A 'grant' rule covering the pattern lets a principal grant and revoke read/write on it. */
  mayGrant(principal: string, topicPattern: string): boolean {
    if (this.acl === 'allow-all') return true;
    return this.acl.some((r) => r.principal === principal && r.operation === 'grant' && patternCovers(r.topicPattern, topicPattern));
  }

  recordDenial(principal: string, operation: DenialRecord['operation'], topic: string): void {
    this.deadLetters.push({
      principal,
      operation,
      topic,
      reasonCode: BusErrorCode.AccessDenied,
      detail: `principal ${principal} has no ${operation} grant on ${topic}`,
      atMs: Date.now(),
    });
  }

  ensureTopic(topic: string, partitions: number = this.defaultPartitions): number {
    const existing = this.topics.get(topic);
    if (existing) return existing.length;
    assertPartitionCount(partitions);
    this.topics.set(
      topic,
      Array.from({ length: partitions }, () => []),
    );
    this.signal();
    return partitions;
  }

  append(topic: string, records: readonly BusRecord[]): PublishedPosition[] {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new Error(`unknown topic ${topic}`);
    const timestampMs = Date.now();
    const positions = records.map((r) => {
      const partition = partitionForKey(r.key, partitions.length);
      const log = partitions[partition]!;
      // Copies: a caller that reuses its buffer must not change what was published.
      log.push({ key: r.key, value: Uint8Array.from(r.value), headers: { ...(r.headers ?? {}) }, timestampMs });
      return { topic, partition, offset: String(log.length - 1) };
    });
    if (positions.length > 0) this.signal();
    return positions;
  }

  read(topic: string, partition: number, fromOffset: number, max: number): DeliveredRecord[] {
    const log = this.topics.get(topic)?.[partition] ?? [];
    return log.slice(fromOffset, fromOffset + max).map((r, i) => ({
      topic,
      partition,
      offset: String(fromOffset + i),
      key: r.key,
      value: Uint8Array.from(r.value),
      headers: { ...r.headers },
      timestampMs: r.timestampMs,
    }));
  }

  partitionsOf(topic: string): number {
    return this.topics.get(topic)?.length ?? 0;
  }

  /** Groups are scoped per principal, as on the postgres adapter. */
  group(principal: string, groupId: string): GroupState {
    const id = `${principal}\u0000${groupId}`;
    let g = this.groups.get(id);
    if (!g) {
      g = { next: new Map(), members: new Map(), owners: new Map() };
      this.groups.set(id, g);
    }
    return g;
  }

  /** Resolves at the next change (append, membership, lease release). */
  nextChange(): Promise<void> {
    return this.change.promise;
  }

  signal(): void {
    const current = this.change;
    this.change = deferred();
    current.resolve();
  }
}

/** Deterministic assignment: partition p of a topic goes to the (p mod n)-th member by id. */
export function assignedPartitions(group: GroupState, memberId: string, partitionsOf: (topic: string) => number): { topic: string; partition: number }[] {
  const own = group.members.get(memberId) ?? [];
  const result: { topic: string; partition: number }[] = [];
  for (const topic of own) {
    const members = [...group.members.entries()].filter(([, topics]) => topics.includes(topic)).map(([id]) => id).sort();
    const index = members.indexOf(memberId);
    for (let p = 0; p < partitionsOf(topic); p++) if (p % members.length === index) result.push({ topic, partition: p });
  }
  return result;
}

export interface MemoryBusOptions {
  readonly broker: MemoryBroker;
  readonly principal: string;
  readonly maxMessageBytes: number;
}

export class MemoryBus implements MessageBus {
  readonly adapter = 'memory' as const;
  readonly broker: MemoryBroker;
  readonly principal: string;
  private readonly maxMessageBytes: number;
  private readonly subscriptions = new Set<MemorySubscription>();

  constructor(options: MemoryBusOptions) {
    this.broker = options.broker;
    this.principal = options.principal;
    this.maxMessageBytes = options.maxMessageBytes;
  }

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    for (const spec of specs) {
      assertTopicName(spec.topic);
      assertPartitionCount(spec.partitions);
      // Creating a topic needs some grant on it (a producer or a consumer may create it).
      if (!this.broker.isAllowed(this.principal, 'read', spec.topic)) this.broker.authorize(this.principal, 'write', spec.topic);
    }
    for (const spec of specs) this.broker.ensureTopic(spec.topic, spec.partitions);
  }

  async publish(topic: string, records: readonly BusRecord[]): Promise<PublishedPosition[]> {
    assertTopicName(topic);
    assertRecordSizes(topic, records, this.maxMessageBytes);
    this.broker.authorize(this.principal, 'write', topic);
    this.broker.ensureTopic(topic);
    return this.broker.append(topic, records);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    for (const topic of options.topics) assertTopicName(topic);
    for (const topic of options.topics) this.broker.authorize(this.principal, 'read', topic);
    for (const topic of options.topics) this.broker.ensureTopic(topic);
    const subscription = new MemorySubscription(this.broker, this.principal, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  /** Grants read/write on a pattern to another principal; needs a 'grant' rule covering the pattern. */
  async grant(entry: AclEntry): Promise<void> {
    this.authorizeGrant(entry);
    this.broker.grant(entry);
  }

  async revoke(entry: AclEntry): Promise<void> {
    this.authorizeGrant(entry);
    this.broker.revoke(entry);
  }

  private authorizeGrant(entry: AclEntry): void {
    if (this.broker.mayGrant(this.principal, entry.topicPattern)) return;
    this.broker.recordDenial(this.principal, 'grant', entry.topicPattern);
    throw new BusAccessDeniedError(this.principal, entry.operation, entry.topicPattern);
  }

  /**
   * Stops at once as if the process had crashed: members vanish from their groups,
   * nothing in flight is committed. For crash tests.
   */
  abort(): void {
    for (const s of this.subscriptions) s.abort();
  }
}

class MemorySubscription implements Subscription {
  private readonly memberId = `m-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  private readonly group: GroupState;
  private readonly stopSignal = deferred();
  private stopped = false;
  private aborted = false;
  private loop: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly broker: MemoryBroker,
    private readonly principal: string,
    private readonly options: SubscribeOptions,
    private readonly onGone: () => void,
  ) {
    this.group = broker.group(principal, options.groupId);
  }

  start(): void {
    this.group.members.set(this.memberId, [...new Set(this.options.topics)]);
    this.broker.signal();
    this.loop = this.run().catch((error: unknown) => this.options.onError?.(toError(error)));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stop();
      await this.loop;
      this.leave();
    })();
    return this.closing;
  }

  abort(): void {
    this.aborted = true;
    this.stop();
    this.leave();
  }

  private stop(): void {
    this.stopped = true;
    this.stopSignal.resolve();
  }

  private leave(): void {
    this.group.members.delete(this.memberId);
    for (const [tp, owner] of this.group.owners) if (owner === this.memberId) this.group.owners.delete(tp);
    this.onGone();
    this.broker.signal();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const change = this.broker.nextChange();
      const assignment = assignedPartitions(this.group, this.memberId, (t) => this.broker.partitionsOf(t));
      this.releaseUnassigned(assignment);
      let delivered = 0;
      for (const { topic, partition } of assignment) {
        if (this.stopped) return;
        delivered += await this.drainBatch(topic, partition);
      }
      if (delivered === 0) await sleep(MEMORY_IDLE_POLL_MS, Promise.race([change, this.stopSignal.promise]));
    }
  }

  private releaseUnassigned(assignment: readonly { topic: string; partition: number }[]): void {
    const keep = new Set(assignment.map((a) => tpKey(a.topic, a.partition)));
    let released = false;
    for (const [tp, owner] of this.group.owners) {
      if (owner === this.memberId && !keep.has(tp)) {
        this.group.owners.delete(tp);
        released = true;
      }
    }
    if (released) this.broker.signal();
  }

  /** Delivers up to one batch from a partition this member may own; returns how many records it committed. */
  private async drainBatch(topic: string, partition: number): Promise<number> {
    const tp = tpKey(topic, partition);
    const owner = this.group.owners.get(tp);
    if (owner !== undefined && owner !== this.memberId) return 0;
    if (!this.broker.isAllowed(this.principal, 'read', topic)) {
      this.broker.recordDenial(this.principal, 'read', topic);
      this.options.onError?.(new BusAccessDeniedError(this.principal, 'read', topic));
      return 0;
    }
    this.group.owners.set(tp, this.memberId);
    if (!this.group.next.has(tp)) this.group.next.set(tp, this.options.fromBeginning === false ? this.broker.endOffset(topic, partition) : 0);
    const records = this.broker.read(topic, partition, this.group.next.get(tp)!, MEMORY_FETCH_BATCH);
    let committed = 0;
    for (const record of records) {
      if (this.stopped || !this.stillAssigned(topic, partition)) break;
      if (!(await this.deliver(record))) break;
      // A crashed (aborted) member's late result must not move the group on.
      if (this.aborted) return committed;
      this.group.next.set(tp, Number(record.offset) + 1);
      committed++;
    }
    return committed;
  }

  private stillAssigned(topic: string, partition: number): boolean {
    return assignedPartitions(this.group, this.memberId, (t) => this.broker.partitionsOf(t)).some((a) => a.topic === topic && a.partition === partition);
  }

  /** Runs the handler until it succeeds; false when the subscription stopped first. */
  private async deliver(record: DeliveredRecord): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.handler(record);
        return true;
      } catch (error) {
        this.options.onError?.(toError(error));
        if (this.stopped) return false;
        await sleep(backoffMs(attempt, this.broker.redeliveryInitialBackoffMs, this.broker.redeliveryMaxBackoffMs), this.stopSignal.promise);
        if (this.stopped) return false;
      }
    }
  }
}
