/**
 * The one contract every MessageBus adapter must pass (memory, postgres, kafka).
 * A spec file calls runBusContract(name, harness) with a harness that knows how to
 * make buses for three principals on its adapter and how to crash one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { partitionForKey } from '../src/partitioner.js';
import {
  BusAccessDeniedError,
  BusErrorCode,
  MessageTooLargeError,
  recordSizeBytes,
  type BusRecord,
  type DeliveredRecord,
  type DenialRecord,
  type MessageBus,
  type Subscription,
} from '../src/port.js';

export interface ContractPrincipals {
  /** May read and write every topic under the harness' topicPrefix. */
  readonly producer: string;
  /** May only read topics under topicPrefix. */
  readonly consumer: string;
  /** Has no grant at all on topics under topicPrefix. */
  readonly outsider: string;
}

export interface ChildConsumerOptions {
  readonly groupId: string;
  readonly topic: string;
  /** How long the child's handler takes per record, so a kill lands mid-batch. */
  readonly handlerDelayMs: number;
}

export interface BusContractHarness {
  readonly principals: ContractPrincipals;
  readonly topicPrefix: string;
  readonly maxMessageBytes: number;
  /** How long a consumer group needs to settle after a member joins or leaves. */
  readonly rebalanceSettleMs: number;
  /** Per-test timeout (jest's 5 s default is too short for real servers). */
  readonly testTimeoutMs: number;
  /** False when the adapter cannot tell principals apart in this environment: ACL cases are skipped. */
  readonly enforcesAcl: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  createBus(principal: string): Promise<MessageBus>;
  /** Kills a bus abruptly, as a process crash would: no graceful leave, no commit of in-flight work. */
  crash(bus: MessageBus): Promise<void>;
  /** Denials the bus recorded itself; absent when the adapter keeps them elsewhere (kafka: broker log). */
  denials?(): Promise<readonly DenialRecord[]>;
  /** Starts a consumer in another OS process (for the SIGKILL case); absent when the adapter cannot share state across processes. */
  spawnConsumer?(options: ChildConsumerOptions): ChildConsumer;
}

const POLL_MS = 10;
const QUIET_AFTER_MS = 300;

export async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(POLL_MS);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const str = (v: Uint8Array): string => Buffer.from(v).toString('utf8');

interface Collector {
  readonly records: DeliveredRecord[];
  readonly subscription: Subscription;
}

async function collect(bus: MessageBus, groupId: string, topics: string[], onRecord?: (r: DeliveredRecord) => Promise<void>): Promise<Collector> {
  const records: DeliveredRecord[] = [];
  const subscription = await bus.subscribe({
    groupId,
    topics,
    handler: async (record) => {
      if (onRecord) await onRecord(record);
      records.push(record);
    },
  });
  return { records, subscription };
}

export function runBusContract(name: string, harness: BusContractHarness): void {
  describe(`MessageBus contract: ${name}`, () => {
    const opened: MessageBus[] = [];
    const { producer, consumer, outsider } = harness.principals;
    const timeout = harness.testTimeoutMs;

    const bus = async (principal: string): Promise<MessageBus> => {
      const b = await harness.createBus(principal);
      opened.push(b);
      return b;
    };
    const topicName = (label: string): string => `${harness.topicPrefix}${label}-${randomBytes(4).toString('hex')}`;
    const group = (label: string): string => `g-${label}-${randomBytes(4).toString('hex')}`;

    beforeAll(() => harness.setup(), 60_000);
    afterAll(() => harness.teardown(), 60_000);
    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((b) => b.close()));
    }, 30_000);

    it(
      'keeps order per key and places a key by the shared partitioner',
      async () => {
        const topic = topicName('order');
        const partitions = 4;
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions }]);
        const keys = ['session-a', 'session-b', 'session-c', 'session-d', 'session-e', 'session-f'];
        const published: BusRecord[] = [];
        for (let call = 0; call < 3; call++) {
          const batch = Array.from({ length: 30 }, (_, i) => {
            const seq = call * 30 + i;
            return { key: keys[seq % keys.length]!, value: text(String(seq)) };
          });
          const positions = await p.publish(topic, batch);
          expect(positions).toHaveLength(batch.length);
          positions.forEach((pos, i) => {
            expect(pos.topic).toBe(topic);
            expect(pos.partition).toBe(partitionForKey(batch[i]!.key, partitions));
          });
          published.push(...batch);
        }
        const c = await collect(await bus(consumer), group('order'), [topic]);
        await waitUntil(() => c.records.length >= published.length, timeout, 'all records');
        for (const key of keys) {
          const seqs = c.records.filter((r) => r.key === key).map((r) => Number(str(r.value)));
          const expected = published.filter((r) => r.key === key).map((r) => Number(str(r.value)));
          expect(seqs).toEqual(expected);
        }
        for (const r of c.records) expect(r.partition).toBe(partitionForKey(r.key, partitions));
        for (let part = 0; part < partitions; part++) {
          const offsets = c.records.filter((r) => r.partition === part).map((r) => BigInt(r.offset));
          for (let i = 1; i < offsets.length; i++) expect(offsets[i]! > offsets[i - 1]!).toBe(true);
        }
      },
      timeout,
    );

    it(
      'redelivers a record whose handler threw, after a backoff, without skipping ahead',
      async () => {
        const topic = topicName('retry');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 1 }]);
        await p.publish(topic, ['r0', 'r1', 'r2'].map((v) => ({ key: 'k', value: text(v) })));
        const attempts: string[] = [];
        let failuresLeft = 2;
        const c = await collect(await bus(consumer), group('retry'), [topic], async (r) => {
          attempts.push(str(r.value));
          if (str(r.value) === 'r1' && failuresLeft-- > 0) throw new Error('handler failure (test)');
        });
        await waitUntil(() => c.records.length >= 3, timeout, 'three records');
        expect(attempts).toEqual(['r0', 'r1', 'r1', 'r1', 'r2']);
        expect(c.records.map((r) => str(r.value))).toEqual(['r0', 'r1', 'r2']);
      },
      timeout,
    );

    it(
      'redelivers what a crashed consumer had not committed, and a zombie cannot commit',
      async () => {
        const topic = topicName('crash');
        const groupId = group('crash');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 1 }]);
        await p.publish(topic, Array.from({ length: 10 }, (_, i) => ({ key: 'k', value: text(`c${i}`) })));

        let releaseBlocked!: () => void;
        const blocked = new Promise<void>((resolve) => (releaseBlocked = resolve));
        let blockedReached = false;
        const a = await bus(consumer);
        const first = await collect(a, groupId, [topic], async (r) => {
          if (str(r.value) === 'c3') {
            blockedReached = true;
            await blocked;
          }
        });
        await waitUntil(() => blockedReached, timeout, 'consumer A to block on c3');
        await harness.crash(a);
        // The dead consumer's handler now finishes: its commit must not land.
        releaseBlocked();
        await delay(QUIET_AFTER_MS);

        const second = await collect(await bus(consumer), groupId, [topic]);
        await waitUntil(() => second.records.length >= 7, timeout, 'consumer B to get c3..c9');
        await delay(QUIET_AFTER_MS);
        expect(first.records.map((r) => str(r.value)).slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
        expect(second.records.map((r) => str(r.value))).toEqual(['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
      },
      timeout,
    );

    const childCase = harness.spawnConsumer ? it : it.skip;
    childCase(
      harness.spawnConsumer
        ? 'loses nothing when a consumer process is SIGKILLed mid-batch'
        : 'loses nothing when a consumer process is SIGKILLed mid-batch (skipped: this adapter\'s broker lives inside the test process; the crash case above covers it)',
      async () => {
        const topic = topicName('kill');
        const groupId = group('kill');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 2 }]);
        const total = 40;
        await p.publish(topic, Array.from({ length: total }, (_, i) => ({ key: `key-${i % 7}`, value: text(`v${i}`) })));

        const child = harness.spawnConsumer!({ groupId, topic, handlerDelayMs: 25 });
        try {
          await child.waitFor(() => child.done.size >= 8, timeout / 2, 'the child to process 8 records');
        } finally {
          await child.kill();
        }
        const startedNotDone = [...child.started].filter((v) => !child.done.has(v));
        expect(child.done.size).toBeLessThan(total);

        const survivor = await collect(await bus(consumer), groupId, [topic]);
        const seen = (): Set<string> => new Set([...child.done, ...survivor.records.map((r) => str(r.value))]);
        await waitUntil(() => seen().size >= total, timeout / 2, `all ${total} records across both consumers`);
        const survivorValues = new Set(survivor.records.map((r) => str(r.value)));
        for (const v of startedNotDone) expect(survivorValues.has(v)).toBe(true);
        expect(survivor.records.length).toBeGreaterThan(0);
      },
      timeout,
    );

    it(
      'shares partitions among group members: never two readers on a partition, each read by one once settled, all records seen',
      async () => {
        const topic = topicName('group');
        const groupId = group('shared');
        const partitions = 4;
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions }]);

        const inFlight = new Map<number, string>();
        const overlaps: string[] = [];
        let readers = new Map<number, Set<string>>();
        const seen = new Set<string>();
        const member = (id: string) => async (r: DeliveredRecord) => {
          const other = inFlight.get(r.partition);
          if (other !== undefined) overlaps.push(`partition ${r.partition}: ${id} while ${other}`);
          inFlight.set(r.partition, id);
          await delay(5);
          inFlight.delete(r.partition);
          readers.set(r.partition, (readers.get(r.partition) ?? new Set()).add(id));
          seen.add(str(r.value));
        };
        const batch = (label: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i % 16}`, value: text(`${label}${i}`) }));

        // Phase 1: membership changes while records are in flight (rebalances mid-batch):
        // B joins, leaves, and C joins, each while the others are busy.
        await (await bus(consumer)).subscribe({ groupId, topics: [topic], handler: member('A') });
        await p.publish(topic, batch('one-', 60));
        await waitUntil(() => seen.size >= 5, timeout, 'A to be busy');
        const b = await (await bus(consumer)).subscribe({ groupId, topics: [topic], handler: member('B') });
        await waitUntil(() => seen.size >= 20, timeout, 'twenty records');
        await b.close();
        await waitUntil(() => seen.size >= 30, timeout, 'thirty records');
        await (await bus(consumer)).subscribe({ groupId, topics: [topic], handler: member('C') });
        await waitUntil(() => seen.size >= 60, timeout, 'the first batch');
        await delay(harness.rebalanceSettleMs);

        // Phase 2: settled group.
        readers = new Map();
        await p.publish(topic, batch('two-', 40));
        await waitUntil(() => seen.size >= 100, timeout, 'the second batch');
        expect(overlaps).toEqual([]);
        const byMember = new Map<string, number>();
        for (const [part, ids] of readers) {
          expect({ part, readers: ids.size }).toEqual({ part, readers: 1 });
          const id = [...ids][0]!;
          byMember.set(id, (byMember.get(id) ?? 0) + 1);
        }
        expect(byMember.size).toBe(2);
      },
      timeout,
    );

    it(
      'continues from the committed offset after a consumer restart, losing nothing',
      async () => {
        const topic = topicName('restart');
        const groupId = group('restart');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 2 }]);
        await p.publish(topic, Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: text(`a${i}`) })));
        const firstBus = await bus(consumer);
        const first = await collect(firstBus, groupId, [topic]);
        await waitUntil(() => first.records.length >= 10, timeout, 'first ten');
        await first.subscription.close();
        await firstBus.close();

        await p.publish(topic, Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: text(`b${i}`) })));
        const second = await collect(await bus(consumer), groupId, [topic]);
        await waitUntil(() => second.records.length >= 10, timeout, 'second ten');
        await delay(QUIET_AFTER_MS);
        expect(first.records.map((r) => str(r.value)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`).sort());
        expect(second.records.map((r) => str(r.value)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `b${i}`).sort());
      },
      timeout,
    );

    it(
      'delivers key, value and headers byte-exact (unicode too)',
      async () => {
        const topic = topicName('headers');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 2 }]);
        const headers: Record<string, string> = {
          'content-type': 'application/x-protobuf',
          'x-ünïcødé': '日本語 ✓ 🚀',
          'x-empty': '',
          'x-combining': 'e\u0301 vs \u00e9',
          'x-zwj': '👩‍👩‍👧',
          'x-padded': '  two spaces  ',
          'x-json': '{"a":[1,2],"b":"\\"q\\""}',
          'x-nul': 'a\u0000b',
          'traceparent': '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        };
        const value = new Uint8Array(256).map((_, i) => i);
        const key = 'ключ-🔑';
        await p.publish(topic, [{ key, value, headers }]);
        const c = await collect(await bus(consumer), group('headers'), [topic]);
        await waitUntil(() => c.records.length >= 1, timeout, 'the record');
        const got = c.records[0]!;
        expect(got.key).toBe(key);
        expect(Buffer.from(got.value).equals(Buffer.from(value))).toBe(true);
        expect(Object.keys(got.headers)).toEqual(Object.keys(headers));
        for (const [k, v] of Object.entries(headers)) expect(Buffer.from(got.headers[k] ?? '<missing>', 'utf8').equals(Buffer.from(v, 'utf8'))).toBe(true);
        expect(got.timestampMs).toBeGreaterThan(Date.now() - 60_000);
      },
      timeout,
    );

    it(
      'refuses a record above the maximum size with MessageTooLargeError and writes nothing',
      async () => {
        const topic = topicName('size');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 1 }]);
        const max = harness.maxMessageBytes;
        const exact: BusRecord = { key: 'k', value: new Uint8Array(max - 1 - 3), headers: { h: 'v' } };
        expect(recordSizeBytes(exact)).toBe(max - 1);
        const tooBig: BusRecord = { key: 'k', value: new Uint8Array(max + 1) };
        const error = await p.publish(topic, [{ key: 'k', value: text('fine') }, tooBig]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MessageTooLargeError);
        expect(error).toMatchObject({ code: BusErrorCode.MessageTooLarge, sizeBytes: max + 2, maxBytes: max });
        expect((error as Error).message).toContain(topic);
        const [pos] = await p.publish(topic, [{ key: 'k', value: text('marker') }]);
        expect(pos?.offset).toBe('0');
        const [pos2] = await p.publish(topic, [{ ...exact, value: new Uint8Array(max - 3) }]);
        expect(pos2?.offset).toBe('1');
      },
      timeout,
    );

    const aclCase = harness.enforcesAcl ? it : it.skip;
    aclCase(
      harness.enforcesAcl
        ? 'refuses reads and writes without a grant with BusAccessDeniedError and records the denial'
        : 'refuses reads and writes without a grant (skipped: set KAFKA_SASL_USERS so the broker can tell principals apart)',
      async () => {
        const topic = topicName('acl');
        const p = await bus(producer);
        await p.ensureTopics([{ topic, partitions: 1 }]);
        await p.publish(topic, [{ key: 'k', value: text('secret') }]);
        const o = await bus(outsider);
        const received: DeliveredRecord[] = [];
        const readError = await o
          .subscribe({ groupId: group('acl'), topics: [topic], handler: async (r) => void received.push(r) })
          .catch((e: unknown) => e);
        expect(readError).toBeInstanceOf(BusAccessDeniedError);
        expect(readError).toMatchObject({ code: BusErrorCode.AccessDenied, principal: outsider, operation: 'read', topic });
        const writeError = await (await bus(consumer)).publish(topic, [{ key: 'k', value: text('forged') }]).catch((e: unknown) => e);
        expect(writeError).toBeInstanceOf(BusAccessDeniedError);
        expect(writeError).toMatchObject({ principal: consumer, operation: 'write', topic });
        expect(received).toEqual([]);
        if (harness.denials) {
          const denials = await harness.denials();
          expect(denials).toEqual(
            expect.arrayContaining([
              expect.objectContaining({ principal: outsider, operation: 'read', topic, reasonCode: BusErrorCode.AccessDenied }),
              expect.objectContaining({ principal: consumer, operation: 'write', topic, reasonCode: BusErrorCode.AccessDenied }),
            ]),
          );
        }
        // The forged write must not have landed: a reader sees only the original.
        const c = await collect(await bus(consumer), group('acl-check'), [topic]);
        await waitUntil(() => c.records.length >= 1, timeout, 'the original record');
        await delay(QUIET_AFTER_MS);
        expect(c.records.map((r) => str(r.value))).toEqual(['secret']);
      },
      timeout,
    );
  });
}

/**
 * A consumer in a separate node process. Its stdout protocol, one line per event:
 * `ready`, `start <value>` before the handler runs, `done <value>` after it resolved.
 */
export class ChildConsumer {
  readonly started = new Set<string>();
  readonly done = new Set<string>();
  readonly stderr: string[] = [];
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => this.stderr.push(chunk));
    this.exit = new Promise((resolve) =>
      child.once('exit', () => {
        this.exited = true;
        resolve();
      }),
    );
  }

  static spawn(scriptPath: string, env: Record<string, string>): ChildConsumer {
    return new ChildConsumer(spawn(process.execPath, [scriptPath], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  async waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    await waitUntil(() => predicate() || this.exited, timeoutMs, what);
    if (!predicate()) throw new Error(`child consumer exited before ${what}: ${this.stderr.join('')}`);
  }

  async kill(): Promise<void> {
    if (!this.exited) this.child.kill('SIGKILL');
    await this.exit;
  }

  private onLine(line: string): void {
    const [event, value] = line.split(' ', 2);
    if (event === 'start' && value) this.started.add(value);
    if (event === 'done' && value) this.done.add(value);
  }
}
