import { runBusContract } from '../../test/bus-contract.js';
import { BusAccessDeniedError, type MessageBus } from '../port.js';
import { MemoryBroker, MemoryBus } from './memory-bus.js';

const MAX_MESSAGE_BYTES = 4_096;
const principals = { producer: 'producer', consumer: 'consumer', outsider: 'outsider' };
let broker = new MemoryBroker();

runBusContract('memory', {
  principals,
  topicPrefix: 'ct.',
  maxMessageBytes: MAX_MESSAGE_BYTES,
  rebalanceSettleMs: 50,
  testTimeoutMs: 5_000,
  enforcesAcl: true,
  setup: async () => {
    broker = new MemoryBroker({
      acl: [
        { principal: 'producer', operation: 'write', topicPattern: 'ct.*' },
        { principal: 'producer', operation: 'read', topicPattern: 'ct.*' },
        { principal: 'consumer', operation: 'read', topicPattern: 'ct.*' },
        { principal: 'outsider', operation: 'read', topicPattern: 'other.*' },
        { principal: 'outsider', operation: 'write', topicPattern: 'other.*' },
      ],
    });
  },
  teardown: async () => undefined,
  createBus: async (principal) => new MemoryBus({ broker, principal, maxMessageBytes: MAX_MESSAGE_BYTES }),
  crash: async (bus: MessageBus) => (bus as MemoryBus).abort(),
  denials: async () => broker.deadLetters,
});

describe('MemoryBroker grants at run time', () => {
  it('lets a newly granted principal read, and refuses again after a revoke', async () => {
    const b = new MemoryBroker({ acl: [{ principal: 'p', operation: 'write', topicPattern: 't' }] });
    const p = new MemoryBus({ broker: b, principal: 'p', maxMessageBytes: 100 });
    const r = new MemoryBus({ broker: b, principal: 'r', maxMessageBytes: 100 });
    await p.publish('t', [{ key: 'k', value: new Uint8Array([1]) }]);
    await expect(r.subscribe({ groupId: 'g', topics: ['t'], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);
    b.grant({ principal: 'r', operation: 'read', topicPattern: 't' });
    const got: string[] = [];
    const sub = await r.subscribe({ groupId: 'g', topics: ['t'], handler: async (rec) => void got.push(rec.offset) });
    await new Promise((res) => setTimeout(res, 50));
    expect(got).toEqual(['0']);
    await sub.close();
    b.revoke({ principal: 'r', operation: 'read', topicPattern: 't' });
    await expect(r.subscribe({ groupId: 'g', topics: ['t'], handler: async () => undefined })).rejects.toBeInstanceOf(BusAccessDeniedError);
    expect(b.deadLetters.map((d) => d.principal)).toEqual(['r', 'r']);
  });

  it('starts a new group at the end when fromBeginning is false', async () => {
    const b = new MemoryBroker();
    const bus = new MemoryBus({ broker: b, principal: 'p', maxMessageBytes: 100 });
    await bus.publish('t', [{ key: 'k', value: new Uint8Array([1]) }]);
    const got: string[] = [];
    const sub = await bus.subscribe({ groupId: 'late', topics: ['t'], fromBeginning: false, handler: async (rec) => void got.push(rec.offset) });
    await new Promise((res) => setTimeout(res, 30));
    await bus.publish('t', [{ key: 'k', value: new Uint8Array([2]) }]);
    await new Promise((res) => setTimeout(res, 30));
    await sub.close();
    expect(got).toEqual(['1']);
  });
});

describe('MemoryBus rebalance', () => {
  it('never lets a joining member read a partition whose previous owner is still handling a record', async () => {
    // Which member a partition moves to depends on random member ids: repeat so a
    // broken hand-over is caught with near certainty (each round catches it half the time).
    for (let round = 0; round < 10; round++) {
      const b = new MemoryBroker();
      const bus = new MemoryBus({ broker: b, principal: 'p', maxMessageBytes: 100 });
      await bus.ensureTopics([{ topic: 't', partitions: 1 }]);
      await bus.publish('t', [{ key: 'k', value: new Uint8Array([0]) }]);
      let release!: () => void;
      const gate = new Promise<void>((res) => (release = res));
      const inFlight: string[] = [];
      const overlaps: string[] = [];
      const handler = (id: string) => async () => {
        if (inFlight.length > 0) overlaps.push(`${id} while ${inFlight.join()}`);
        inFlight.push(id);
        if (id === 'A') await gate;
        inFlight.splice(inFlight.indexOf(id), 1);
      };
      await bus.subscribe({ groupId: 'g', topics: ['t'], handler: handler('A') });
      await new Promise((res) => setTimeout(res, 5));
      expect(inFlight).toEqual(['A']);
      await bus.subscribe({ groupId: 'g', topics: ['t'], handler: handler('B') });
      await new Promise((res) => setTimeout(res, 20));
      release();
      await new Promise((res) => setTimeout(res, 20));
      await bus.close();
      expect(overlaps).toEqual([]);
    }
  });
});
