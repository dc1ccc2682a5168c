import { grantAccess, revokeAccess, canGrantAccess } from './access.js';
import { createBus } from './create-bus.js';
import { KafkaBus } from './kafka/kafka-bus.js';
import { MemoryBroker, MemoryBus } from './memory/memory-bus.js';
import { BusAccessDeniedError } from './port.js';
import { PostgresBus } from './postgres/postgres-bus.js';

describe('createBus', () => {
  it('builds the configured adapter', async () => {
    const broker = new MemoryBroker();
    const memory = createBus({ adapter: 'memory', principal: 'p', maxMessageBytes: 10, memory: { broker } });
    expect(memory).toBeInstanceOf(MemoryBus);
    expect((memory as MemoryBus).broker).toBe(broker);
    const pgBus = createBus({ adapter: 'postgres', principal: 'p', maxMessageBytes: 10, postgres: { url: 'postgres://p:x@127.0.0.1:1/db', schema: 'bus_a' } });
    expect(pgBus).toBeInstanceOf(PostgresBus);
    expect(pgBus.adapter).toBe('postgres');
    const kafka = createBus({ adapter: 'kafka', principal: 'p', maxMessageBytes: 10, kafka: { brokers: ['127.0.0.1:1'], clientId: 'c' } });
    expect(kafka).toBeInstanceOf(KafkaBus);
    await Promise.all([memory.close(), pgBus.close(), kafka.close()]);
  });

  it('refuses a configuration without the adapter section', () => {
    expect(() => createBus({ adapter: 'postgres', principal: 'p', maxMessageBytes: 10 })).toThrow(/config.postgres/);
    expect(() => createBus({ adapter: 'kafka', principal: 'p', maxMessageBytes: 10 })).toThrow(/config.kafka/);
  });
});

describe('grantAccess / revokeAccess', () => {
  it('lets a principal with a grant rule hand read on its topics to another, and no further', async () => {
    const broker = new MemoryBroker({
      acl: [
        { principal: 'hub', operation: 'grant', topicPattern: 'inbox.*' },
        { principal: 'hub', operation: 'write', topicPattern: 'inbox.*' },
      ],
    });
    const hub = new MemoryBus({ broker, principal: 'hub', maxMessageBytes: 100 });
    const p1 = new MemoryBus({ broker, principal: 'p1', maxMessageBytes: 100 });
    expect(canGrantAccess(hub)).toBe(true);
    await hub.publish('inbox.p1', [{ key: 'k', value: new Uint8Array([1]) }]);
    await grantAccess(hub, [{ principal: 'p1', operation: 'read', topicPattern: 'inbox.p1' }]);
    const sub = await p1.subscribe({ groupId: 'g', topics: ['inbox.p1'], handler: async () => undefined });
    await sub.close();
    await revokeAccess(hub, [{ principal: 'p1', operation: 'read', topicPattern: 'inbox.p1' }]);
    await expect(p1.subscribe({ groupId: 'g', topics: ['inbox.p1'], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);
    await expect(grantAccess(hub, [{ principal: 'p1', operation: 'read', topicPattern: 'other.*' }])).rejects.toBeInstanceOf(BusAccessDeniedError);
    await expect(grantAccess(hub, [{ principal: 'p1', operation: 'grant', topicPattern: 'inbox.p1' }])).rejects.toThrow(/cannot delegate/);
    expect(broker.deadLetters.map((d) => `${d.principal}:${d.operation}:${d.topic}`)).toEqual(['p1:read:inbox.p1', 'hub:grant:other.*']);
  });
});
