import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ChildConsumer, runBusContract, waitUntil } from '../../test/bus-contract.js';
import { BusAccessDeniedError, type MessageBus } from '../port.js';
import { PostgresBus } from './postgres-bus.js';
import { dropPostgresBus, listBusDenials, provisionPostgresBus } from './provision.js';

const adminUrl = (): string => {
  const url = process.env.DATANET_TEST_DATABASE_URL;
  if (!url) throw new Error('DATANET_TEST_DATABASE_URL is not set (the integration global setup sets it)');
  return url;
};

const suffix = randomBytes(4).toString('hex');
const schema = `bus_t_${suffix}`;
const role = (name: string): string => `bt_${suffix}_${name}`;
const principals = { producer: role('producer'), consumer: role('consumer'), outsider: role('outsider'), hub: role('hub') };
const password = `pw-${randomBytes(8).toString('hex')}`;
const MAX_MESSAGE_BYTES = 4_096;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const childScript = join(repoRoot, 'dist/libs/bus/test/pg-child-consumer.js');

function urlFor(principal: string): string {
  const url = new URL(adminUrl());
  url.username = principal;
  url.password = password;
  return url.toString();
}

const busFor = (principal: string, applicationName = `bt-${randomBytes(6).toString('hex')}`): PostgresBus =>
  new PostgresBus({
    url: urlFor(principal),
    schema,
    principal,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    pollIntervalMs: 250,
    heartbeatIntervalMs: 200,
    sessionTimeoutMs: 2_000,
    redeliveryInitialBackoffMs: 20,
    redeliveryMaxBackoffMs: 200,
    applicationName,
  });

const appNames = new WeakMap<MessageBus, string>();

async function terminateBackends(applicationName: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  } finally {
    await admin.end();
  }
}

async function provision(): Promise<void> {
  await provisionPostgresBus(adminUrl(), schema, {
    principals: Object.values(principals).map((name) => ({ name, password })),
    acl: [
      { principal: principals.producer, operation: 'write', topicPattern: 'ct.*' },
      { principal: principals.producer, operation: 'read', topicPattern: 'ct.*' },
      { principal: principals.consumer, operation: 'read', topicPattern: 'ct.*' },
      { principal: principals.outsider, operation: 'write', topicPattern: 'other.*' },
      { principal: principals.outsider, operation: 'read', topicPattern: 'other.*' },
      { principal: principals.hub, operation: 'grant', topicPattern: 'hub.*' },
      { principal: principals.hub, operation: 'write', topicPattern: 'hub.*' },
    ],
    defaultPartitions: 3,
    maxMessageBytes: MAX_MESSAGE_BYTES,
  });
}

beforeAll(provision, 30_000);
afterAll(() => dropPostgresBus(adminUrl(), schema, { dropRoles: Object.values(principals) }), 30_000);

runBusContract('postgres', {
  principals,
  topicPrefix: 'ct.',
  maxMessageBytes: MAX_MESSAGE_BYTES,
  rebalanceSettleMs: 1_500,
  testTimeoutMs: 15_000,
  enforcesAcl: true,
  // Provisioned once for the whole file (below), so the other describe blocks can use the same bus.
  setup: async () => undefined,
  teardown: async () => undefined,
  createBus: async (principal) => {
    const applicationName = `bt-${randomBytes(6).toString('hex')}`;
    const bus = busFor(principal, applicationName);
    appNames.set(bus, applicationName);
    return bus;
  },
  crash: async (bus) => {
    await terminateBackends(appNames.get(bus)!);
    (bus as PostgresBus).abort();
  },
  denials: () => listBusDenials(adminUrl(), schema),
  spawnConsumer: (options) => {
    if (!existsSync(childScript)) throw new Error(`${childScript} is missing: build first (npx tsc -p tsconfig.build.json)`);
    return ChildConsumer.spawn(childScript, {
      BUS_URL: urlFor(principals.consumer),
      BUS_SCHEMA: schema,
      BUS_PRINCIPAL: principals.consumer,
      BUS_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      BUS_GROUP: options.groupId,
      BUS_TOPIC: options.topic,
      BUS_HANDLER_DELAY_MS: String(options.handlerDelayMs),
    });
  },
});

describe('postgres bus: provisioning and run-time grants', () => {
  const opened: PostgresBus[] = [];
  const open = (principal: string): PostgresBus => {
    const b = busFor(principal);
    opened.push(b);
    return b;
  };
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((b) => b.close()));
  });

  it('is idempotent: provisioning again keeps topics, records and offsets', async () => {
    const p = open(principals.producer);
    await p.ensureTopics([{ topic: 'ct.reprovision', partitions: 2 }]);
    const [first] = await p.publish('ct.reprovision', [{ key: 'k', value: new Uint8Array([1]) }]);
    await provision();
    const [second] = await p.publish('ct.reprovision', [{ key: 'k', value: new Uint8Array([2]) }]);
    expect(BigInt(second!.offset)).toBe(BigInt(first!.offset) + 1n);
  }, 15_000);

  it('gives principals no direct table access', async () => {
    const client = new pg.Client({ connectionString: urlFor(principals.producer) });
    await client.connect();
    try {
      await expect(client.query(`SELECT * FROM "${schema}".records`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`INSERT INTO "${schema}".acl (principal, operation, topic_pattern) VALUES ('x', 'read', 'ct.*')`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  }, 15_000);

  it('enforces the size limit in the publish function too', async () => {
    // The client-side check is bypassed by a bus configured with a larger limit than the server's.
    const loose = new PostgresBus({ url: urlFor(principals.producer), schema, principal: principals.producer, maxMessageBytes: 1_000_000 });
    opened.push(loose);
    const error = await loose.publish('ct.size-server', [{ key: 'k', value: new Uint8Array(MAX_MESSAGE_BYTES + 10) }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BUS_MESSAGE_TOO_LARGE', sizeBytes: MAX_MESSAGE_BYTES + 11 });
    const denials = await listBusDenials(adminUrl(), schema, 10);
    expect(denials.some((d) => d.topic === 'ct.size-server' && d.reasonCode === 'BUS_MESSAGE_TOO_LARGE')).toBe(true);
  }, 15_000);

  it('lets a hub with a grant row grant and revoke read on its topics at run time, and nothing beyond', async () => {
    const hub = open(principals.hub);
    const topic = `hub.session-${suffix}`;
    await hub.publish(topic, [{ key: 's', value: new Uint8Array([7]) }]);
    const reader = open(principals.outsider);
    await expect(reader.subscribe({ groupId: 'g', topics: [topic], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);

    await hub.grant({ principal: principals.outsider, operation: 'read', topicPattern: topic });
    const got: string[] = [];
    const sub = await reader.subscribe({ groupId: 'g', topics: [topic], handler: async (r) => void got.push(r.offset) });
    await waitUntil(() => got.length === 1, 10_000, 'the granted record');
    await sub.close();

    await hub.revoke({ principal: principals.outsider, operation: 'read', topicPattern: topic });
    await expect(reader.subscribe({ groupId: 'g', topics: [topic], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);
    // Outside its grant pattern the hub is refused, and the refusal is recorded.
    await expect(hub.grant({ principal: principals.outsider, operation: 'read', topicPattern: 'ct.*' })).rejects.toBeInstanceOf(BusAccessDeniedError);
    const denials = await listBusDenials(adminUrl(), schema, 20);
    expect(denials.some((d) => d.principal === principals.hub && d.operation === 'grant' && d.reasonCode === 'BUS_ACL_DENIED')).toBe(true);
  }, 20_000);

  it('never skips a record whose transaction commits after a later offset was read', async () => {
    // Publishers of one partition serialize on the head row, so a reader sees offsets in commit order.
    const p = open(principals.producer);
    const topic = `ct.concurrent-${suffix}`;
    await p.ensureTopics([{ topic, partitions: 1 }]);
    const got: string[] = [];
    const sub = await open(principals.consumer).subscribe({ groupId: 'conc', topics: [topic], handler: async (r) => void got.push(r.offset) });
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 25; i++) await p.publish(topic, [{ key: 'k', value: new Uint8Array([w, i]) }]);
      })(),
    );
    await Promise.all(writers);
    await waitUntil(() => got.length >= 200, 15_000, '200 records');
    await sub.close();
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
  }, 20_000);
});
