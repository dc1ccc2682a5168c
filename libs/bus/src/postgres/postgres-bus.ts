/**
 * The durable bus on one machine: a PostgreSQL schema provisioned by
 * provisionPostgresBus, used through its SECURITY DEFINER functions as the
 * principal's own login role.
 *
 * Connections: a small pool for publish and metadata, plus one dedicated
 * connection per subscription that LISTENs for wake-ups and holds the
 * session-level advisory locks of the partitions it reads (fetch and commit run on
 * it too, so only the lock holder can read or commit).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { backoffMs, deferred, sleep, toError, withTimeout, type Deferred } from '../internal/async.js';
import { assertPartitionCount, assertRecordSizes, assertTopicName } from '../internal/validate.js';
import { partitionForKey } from '../partitioner.js';
import {
  BusAccessDeniedError,
  MessageTooLargeError,
  type AclEntry,
  type BusRecord,
  type DeliveredRecord,
  type MessageBus,
  type PublishedPosition,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../port.js';
import { assertIdentifier, SERVER_MAX_FETCH } from './sql.js';

export const PG_DEFAULT_POOL_MAX = 4;
export const PG_DEFAULT_POLL_INTERVAL_MS = 1_000;
export const PG_DEFAULT_HEARTBEAT_INTERVAL_MS = 500;
/** A member whose connection is alive but silent this long is dropped (a dead connection drops it at once). */
export const PG_DEFAULT_SESSION_TIMEOUT_MS = 5_000;
export const PG_DEFAULT_FETCH_BATCH = SERVER_MAX_FETCH;
export const PG_DEFAULT_REDELIVERY_INITIAL_BACKOFF_MS = 100;
export const PG_DEFAULT_REDELIVERY_MAX_BACKOFF_MS = 5_000;
export const PG_RECONNECT_INITIAL_BACKOFF_MS = 100;
export const PG_RECONNECT_MAX_BACKOFF_MS = 5_000;
/** Graceful close waits this long for the server to acknowledge a connection's end. */
export const PG_CLOSE_TIMEOUT_MS = 2_000;
/** Records per publish call (one transaction). */
export const PG_MAX_PUBLISH_RECORDS = 10_000;

export interface PostgresBusOptions {
  /** The principal's connection string (its login role is the principal). */
  readonly url: string;
  readonly schema: string;
  /** Name of the principal (the login role of `url`), for error messages. */
  readonly principal: string;
  readonly maxMessageBytes: number;
  /** Fallback polling when no NOTIFY arrives. */
  readonly pollIntervalMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly sessionTimeoutMs?: number;
  /** Records fetched per partition per round trip (server caps at 500). */
  readonly fetchBatch?: number;
  readonly poolMax?: number;
  readonly redeliveryInitialBackoffMs?: number;
  readonly redeliveryMaxBackoffMs?: number;
  /** application_name of every connection (shows in pg_stat_activity). */
  readonly applicationName?: string;
}

interface Settings {
  readonly url: string;
  readonly schema: string;
  readonly principal: string;
  readonly pollIntervalMs: number;
  readonly heartbeatIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly fetchBatch: number;
  readonly redeliveryInitialBackoffMs: number;
  readonly redeliveryMaxBackoffMs: number;
  readonly applicationName: string;
}

interface PublishRow {
  r_status: 'ok' | 'denied' | 'too_large' | 'unknown_topic';
  r_partition: number | null;
  r_offset: string | null;
  r_size: string | null;
}

export class PostgresBus implements MessageBus {
  readonly adapter = 'postgres' as const;
  readonly principal: string;
  private readonly settings: Settings;
  private readonly maxMessageBytes: number;
  private readonly pool: pg.Pool;
  private readonly partitionsByTopic = new Map<string, number>();
  private readonly subscriptions = new Set<PgSubscription>();
  private closing: Promise<void> | undefined;

  constructor(options: PostgresBusOptions) {
    assertIdentifier('schema', options.schema);
    this.principal = options.principal;
    this.maxMessageBytes = options.maxMessageBytes;
    this.settings = {
      url: options.url,
      schema: options.schema,
      principal: options.principal,
      pollIntervalMs: options.pollIntervalMs ?? PG_DEFAULT_POLL_INTERVAL_MS,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? PG_DEFAULT_HEARTBEAT_INTERVAL_MS,
      sessionTimeoutMs: options.sessionTimeoutMs ?? PG_DEFAULT_SESSION_TIMEOUT_MS,
      fetchBatch: Math.min(options.fetchBatch ?? PG_DEFAULT_FETCH_BATCH, SERVER_MAX_FETCH),
      redeliveryInitialBackoffMs: options.redeliveryInitialBackoffMs ?? PG_DEFAULT_REDELIVERY_INITIAL_BACKOFF_MS,
      redeliveryMaxBackoffMs: options.redeliveryMaxBackoffMs ?? PG_DEFAULT_REDELIVERY_MAX_BACKOFF_MS,
      applicationName: options.applicationName ?? `datanet-bus:${options.principal}`,
    };
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? PG_DEFAULT_POOL_MAX,
      application_name: this.settings.applicationName,
      idleTimeoutMillis: 10_000,
    });
    // An idle pooled connection that dies (server restart, terminate) is dropped by the pool; nothing to do.
    this.pool.on('error', () => undefined);
  }

  private get fn(): string {
    return `"${this.settings.schema}"`;
  }

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    for (const spec of specs) {
      assertTopicName(spec.topic);
      assertPartitionCount(spec.partitions);
    }
    for (const spec of specs) await this.ensureTopic(spec.topic, spec.partitions);
  }

  async publish(topic: string, records: readonly BusRecord[]): Promise<PublishedPosition[]> {
    assertTopicName(topic);
    assertRecordSizes(topic, records, this.maxMessageBytes);
    if (records.length === 0) return [];
    if (records.length > PG_MAX_PUBLISH_RECORDS) throw new RangeError(`at most ${PG_MAX_PUBLISH_RECORDS} records per publish call`);
    let partitions = this.partitionsByTopic.get(topic) ?? (await this.ensureTopic(topic, null));
    let rows = await this.callPublish(topic, records, partitions);
    if (rows[0]?.r_status === 'unknown_topic') {
      // The cached topic is gone (schema re-created): learn it again, once.
      this.partitionsByTopic.delete(topic);
      partitions = await this.ensureTopic(topic, null);
      rows = await this.callPublish(topic, records, partitions);
    }
    const first = rows[0];
    if (!first) throw new Error('bus_publish returned no rows');
    switch (first.r_status) {
      case 'ok':
        return rows.map((r) => ({ topic, partition: r.r_partition!, offset: r.r_offset! }));
      case 'denied':
        throw new BusAccessDeniedError(this.principal, 'write', topic);
      case 'too_large':
        throw new MessageTooLargeError(Number(first.r_size), this.maxMessageBytes, topic);
      case 'unknown_topic':
        throw new Error(`topic ${topic} does not exist on bus ${this.settings.schema}`);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    for (const topic of options.topics) assertTopicName(topic);
    const topics = [...new Set(options.topics)];
    const denied = await this.pool.query<{ r_topic: string }>(`SELECT r_topic FROM ${this.fn}.bus_authorize_read($1)`, [topics]);
    const refused = denied.rows[0];
    if (refused) throw new BusAccessDeniedError(this.principal, 'read', refused.r_topic);
    for (const topic of topics) if (!this.partitionsByTopic.has(topic)) await this.ensureTopic(topic, null);
    const subscription = new PgSubscription(this.settings, { ...options, topics }, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    try {
      await subscription.start();
    } catch (error) {
      this.subscriptions.delete(subscription);
      throw error;
    }
    return subscription;
  }

  /** Grants read/write on a pattern to another principal; needs a 'grant' ACL row covering the pattern. */
  async grant(entry: AclEntry): Promise<void> {
    await this.callGrant('bus_grant', entry);
  }

  async revoke(entry: AclEntry): Promise<void> {
    await this.callGrant('bus_revoke', entry);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
      await this.pool.end();
    })();
    return this.closing;
  }

  /**
   * Stops at once as if the process had crashed: connections are dropped, nothing
   * in flight is committed, groups are not left (the server notices the dead
   * connections). For crash tests and emergency shutdown.
   */
  abort(): void {
    for (const s of this.subscriptions) s.abort();
    this.closing ??= this.pool.end().catch(() => undefined);
  }

  private async ensureTopic(topic: string, partitions: number | null): Promise<number> {
    const { rows } = await this.pool.query<{ r_status: 'ok' | 'denied'; r_partitions: number | null }>(
      `SELECT r_status, r_partitions FROM ${this.fn}.bus_ensure_topic($1, $2)`,
      [topic, partitions],
    );
    const row = rows[0];
    if (!row || row.r_status === 'denied' || row.r_partitions === null) throw new BusAccessDeniedError(this.principal, 'write', topic);
    this.partitionsByTopic.set(topic, row.r_partitions);
    return row.r_partitions;
  }

  private async callPublish(topic: string, records: readonly BusRecord[], partitions: number): Promise<PublishRow[]> {
    const hdrRec: number[] = [];
    const hdrNames: Buffer[] = [];
    const hdrValues: Buffer[] = [];
    records.forEach((r, i) => {
      for (const [name, value] of Object.entries(r.headers ?? {})) {
        hdrRec.push(i + 1);
        hdrNames.push(Buffer.from(name, 'utf8'));
        hdrValues.push(Buffer.from(value, 'utf8'));
      }
    });
    const { rows } = await this.pool.query<PublishRow>(`SELECT r_status, r_partition, r_offset, r_size FROM ${this.fn}.bus_publish($1, $2, $3, $4, $5, $6, $7)`, [
      topic,
      records.map((r) => partitionForKey(r.key, partitions)),
      records.map((r) => Buffer.from(r.key, 'utf8')),
      records.map((r) => Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength)),
      hdrRec,
      hdrNames,
      hdrValues,
    ]);
    return rows;
  }

  private async callGrant(fn: 'bus_grant' | 'bus_revoke', entry: AclEntry): Promise<void> {
    const { rows } = await this.pool.query<{ status: 'ok' | 'denied' }>(`SELECT ${this.fn}.${fn}($1, $2, $3) AS status`, [
      entry.principal,
      entry.operation,
      entry.topicPattern,
    ]);
    if (rows[0]?.status !== 'ok') throw new BusAccessDeniedError(this.principal, entry.operation, entry.topicPattern);
  }
}

interface PartitionRef {
  readonly topic: string;
  readonly partition: number;
}

interface OwnedPartition extends PartitionRef {
  /** Offset of the last record handled and committed (-1: none). */
  position: string;
}

interface FetchRow {
  r_status: 'ok' | 'denied' | 'not_owner';
  r_offset: string;
  r_key: Buffer;
  r_value: Buffer;
  r_header_names: Buffer[];
  r_header_values: Buffer[];
  r_created_ms: string;
}

const refKey = (r: PartitionRef): string => `${r.topic}/${r.partition}`;

/** Lost the dedicated connection or a lock: the loop drops the connection and starts over. */
class ConnectionLostError extends Error {}

class PgSubscription implements Subscription {
  private readonly memberId = randomUUID();
  private readonly owned = new Map<string, OwnedPartition>();
  private assignment: PartitionRef[] = [];
  private client: pg.Client | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private heartbeatInFlight = false;
  private connectionBroken = false;
  private wakeSignal: Deferred<void> = deferred();
  private readonly stopSignal = deferred();
  private stopped = false;
  private aborted = false;
  private loop: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly options: SubscribeOptions,
    private readonly onGone: () => void,
  ) {}

  private get fn(): string {
    return `"${this.settings.schema}"`;
  }

  /** Connects and joins once (errors reach the caller); the loop reconnects by itself afterwards. */
  async start(): Promise<void> {
    await this.connect();
    this.loop = this.run();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stop();
      await this.loop;
      await this.leaveAndDisconnect();
      this.onGone();
    })();
    return this.closing;
  }

  abort(): void {
    this.aborted = true;
    this.stop();
    this.dropConnection();
    this.onGone();
  }

  private stop(): void {
    this.stopped = true;
    this.stopSignal.resolve();
    this.wake();
  }

  private wake(): void {
    const current = this.wakeSignal;
    this.wakeSignal = deferred();
    current.resolve();
  }

  private report(error: unknown): void {
    this.options.onError?.(toError(error));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.settings.url, application_name: this.settings.applicationName });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.connectionBroken = true;
      this.report(error);
      this.wake();
    });
    client.on('notification', (msg) => {
      if (msg.payload === '*' || (msg.payload !== undefined && this.options.topics.includes(msg.payload))) this.wake();
    });
    await client.connect();
    try {
      await client.query(`LISTEN "${this.settings.schema}"`);
      this.client = client;
      this.connectionBroken = false;
      this.owned.clear();
      await this.heartbeat();
    } catch (error) {
      this.client = undefined;
      void client.end().catch(() => undefined);
      throw error;
    }
    this.heartbeatTimer = setInterval(() => void this.heartbeatTick(), this.settings.heartbeatIntervalMs);
  }

  private async heartbeatTick(): Promise<void> {
    if (this.heartbeatInFlight || this.connectionBroken || this.stopped) return;
    this.heartbeatInFlight = true;
    try {
      await this.heartbeat();
    } catch (error) {
      this.connectionBroken = true;
      this.report(error);
      this.wake();
    } finally {
      this.heartbeatInFlight = false;
    }
  }

  private async heartbeat(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const { rows } = await client.query<{ r_topic: string; r_partition: number }>(
      `SELECT r_topic, r_partition FROM ${this.fn}.bus_heartbeat($1, $2, $3, $4)`,
      [this.options.groupId, this.memberId, this.options.topics, this.settings.sessionTimeoutMs],
    );
    const before = this.assignment.map(refKey).join(',');
    this.assignment = rows.map((r) => ({ topic: r.r_topic, partition: r.r_partition }));
    if (this.assignment.map(refKey).join(',') !== before) this.wake();
  }

  /** Drops the connection without ceremony: its advisory locks and LISTEN go with it. */
  private dropConnection(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    this.owned.clear();
    const client = this.client;
    this.client = undefined;
    if (client) void client.end().catch(() => undefined);
  }

  private async leaveAndDisconnect(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    const client = this.client;
    this.client = undefined;
    this.owned.clear();
    if (!client) return;
    const leave = (async () => {
      // Leaving (not just disconnecting) lets the others rebalance at their next heartbeat.
      if (!this.connectionBroken) await client.query(`SELECT ${this.fn}.bus_leave($1, $2)`, [this.options.groupId, this.memberId]);
      await client.end();
    })().catch(() => undefined);
    await withTimeout(leave, PG_CLOSE_TIMEOUT_MS);
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopped; ) {
      try {
        if (!this.client || this.connectionBroken) {
          this.dropConnection();
          await this.connect();
        }
        await this.reconcileLocks();
        let handled = 0;
        for (const owned of [...this.owned.values()]) {
          if (this.stopped) break;
          handled += await this.drain(owned);
        }
        failures = 0;
        if (handled === 0 && !this.stopped) await sleep(this.settings.pollIntervalMs, this.wakeSignal.promise);
      } catch (error) {
        if (this.aborted) return;
        this.report(error);
        this.dropConnection();
        await sleep(backoffMs(failures++, PG_RECONNECT_INITIAL_BACKOFF_MS, PG_RECONNECT_MAX_BACKOFF_MS), this.stopSignal.promise);
      }
    }
  }

  private isAssigned(ref: PartitionRef): boolean {
    return this.assignment.some((a) => a.topic === ref.topic && a.partition === ref.partition);
  }

  /** Releases partitions no longer assigned, then tries to lock the newly assigned ones. */
  private async reconcileLocks(): Promise<void> {
    const client = this.client!;
    for (const [key, owned] of this.owned) {
      if (this.isAssigned(owned)) continue;
      await client.query(`SELECT ${this.fn}.bus_release($1, $2, $3)`, [this.options.groupId, owned.topic, owned.partition]);
      this.owned.delete(key);
    }
    for (const ref of this.assignment) {
      if (this.stopped) return;
      if (this.owned.has(refKey(ref))) continue;
      const { rows } = await client.query<{ r_status: 'ok' | 'busy' | 'denied' | 'unknown_partition'; r_committed: string | null }>(
        `SELECT r_status, r_committed FROM ${this.fn}.bus_acquire($1, $2, $3, $4)`,
        [this.options.groupId, ref.topic, ref.partition, this.options.fromBeginning !== false],
      );
      const row = rows[0];
      if (row?.r_status === 'ok' && row.r_committed !== null) this.owned.set(refKey(ref), { ...ref, position: row.r_committed });
      else if (row?.r_status === 'denied') this.report(new BusAccessDeniedError(this.settings.principal, 'read', ref.topic));
      // busy: the previous owner has not let go yet; retried on the next round.
    }
  }

  /** Handles one fetched batch of a partition; returns the number of records committed. */
  private async drain(owned: OwnedPartition): Promise<number> {
    const client = this.client!;
    const { rows } = await client.query<FetchRow>(`SELECT * FROM ${this.fn}.bus_fetch($1, $2, $3, $4, $5)`, [
      this.options.groupId,
      owned.topic,
      owned.partition,
      owned.position,
      this.settings.fetchBatch,
    ]);
    const status = rows[0]?.r_status;
    if (status === 'denied') {
      this.report(new BusAccessDeniedError(this.settings.principal, 'read', owned.topic));
      return 0;
    }
    if (status === 'not_owner') throw new ConnectionLostError(`lost the lock of ${refKey(owned)}`);
    let committed = 0;
    for (const row of rows) {
      if (this.stopped || !this.isAssigned(owned)) break;
      const record = toDelivered(owned, row);
      if (!(await this.deliver(record))) break;
      // A crashed (aborted) member's late result must not move the group on.
      if (this.aborted || this.client !== client) return committed;
      const { rows: commit } = await client.query<{ status: string }>(`SELECT ${this.fn}.bus_commit($1, $2, $3, $4) AS status`, [
        this.options.groupId,
        owned.topic,
        owned.partition,
        record.offset,
      ]);
      if (commit[0]?.status !== 'ok') throw new ConnectionLostError(`lost the lock of ${refKey(owned)} before committing ${record.offset}`);
      owned.position = record.offset;
      committed++;
    }
    return committed;
  }

  /** Runs the handler until it succeeds; false when the subscription stopped first. */
  private async deliver(record: DeliveredRecord): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.handler(record);
        return true;
      } catch (error) {
        this.report(error);
        if (this.stopped) return false;
        await sleep(backoffMs(attempt, this.settings.redeliveryInitialBackoffMs, this.settings.redeliveryMaxBackoffMs), this.stopSignal.promise);
        if (this.stopped) return false;
      }
    }
  }
}

function toDelivered(ref: PartitionRef, row: FetchRow): DeliveredRecord {
  const headers: Record<string, string> = {};
  row.r_header_names.forEach((name, i) => {
    headers[name.toString('utf8')] = (row.r_header_values[i] ?? Buffer.alloc(0)).toString('utf8');
  });
  return {
    topic: ref.topic,
    partition: ref.partition,
    offset: row.r_offset,
    key: row.r_key.toString('utf8'),
    value: new Uint8Array(row.r_value.buffer, row.r_value.byteOffset, row.r_value.byteLength),
    headers,
    timestampMs: Number(row.r_created_ms),
  };
}
