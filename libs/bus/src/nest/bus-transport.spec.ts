import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { MemoryBroker, MemoryBus } from '../memory/memory-bus.js';
import { map, mergeMap, throwError, timer, type Observable } from 'rxjs';
import type { DeliveredRecord } from '../port.js';
import { BusClient } from './bus-client.js';
import { BusContext } from './bus-context.js';
import { BusTransport } from './bus-transport.js';

interface Seen {
  readonly payload: string;
  readonly record: DeliveredRecord;
}

const seen: Seen[] = [];
const attempts = new Map<string, number>();
let failuresBeforeSuccess = 0;
let slowHandlerMs = 0;

@Controller()
class OrdersConsumer {
  @EventPattern<string>('orders')
  async onOrder(@Payload() value: Uint8Array, @Ctx() ctx: BusContext): Promise<void> {
    const key = `${ctx.getTopic()}/${ctx.getOffset()}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (attempt <= failuresBeforeSuccess) throw new Error(`failing attempt ${attempt} (test)`);
    if (slowHandlerMs > 0) await new Promise((resolve) => setTimeout(resolve, slowHandlerMs));
    seen.push({ payload: Buffer.from(value).toString('utf8'), record: ctx.getRecord() });
  }

  /** Answers with an observable that fails later on the first attempt: the transport must wait for it. */
  @EventPattern('streams')
  onStream(@Ctx() ctx: BusContext): Observable<void> {
    const key = `${ctx.getTopic()}/${ctx.getOffset()}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (attempt === 1) return timer(30).pipe(mergeMap(() => throwError(() => new Error('late stream failure (test)'))));
    return timer(10).pipe(map(() => void seen.push({ payload: 'stream-ok', record: ctx.getRecord() })));
  }

  @EventPattern('logical.audit')
  async onAudit(@Payload() value: Uint8Array): Promise<void> {
    seen.push({ payload: `audit:${Buffer.from(value).toString('utf8')}`, record: undefined as never });
  }
}

@Module({ controllers: [OrdersConsumer] })
class TestModule {}

async function waitFor(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('BusTransport (NestJS microservice over the memory bus)', () => {
  let broker: MemoryBroker;
  let bus: MemoryBus;

  beforeEach(() => {
    seen.length = 0;
    attempts.clear();
    failuresBeforeSuccess = 0;
    slowHandlerMs = 0;
    broker = new MemoryBroker({ redeliveryInitialBackoffMs: 5, redeliveryMaxBackoffMs: 20 });
    bus = new MemoryBus({ broker, principal: 'svc', maxMessageBytes: 1_000 });
  });

  const start = async (options: Partial<ConstructorParameters<typeof BusTransport>[1]> = {}) => {
    const strategy = new BusTransport(bus, { groupId: 'orders-svc', topics: { orders: 'orders', streams: 'streams', 'logical.audit': 'audit.node-7' }, ...options });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(TestModule, { strategy, logger: false });
    await app.listen();
    return app;
  };

  it('delivers a record to the @EventPattern handler with the record in the BusContext', async () => {
    const app = await start();
    try {
      await new BusClient(bus).publishRecords('orders', { key: 'order-1', value: new Uint8Array(Buffer.from('hello')), headers: { trace: 'abc' } });
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.payload).toBe('hello');
      expect(seen[0]!.record).toMatchObject({ topic: 'orders', key: 'order-1', offset: '0', headers: { trace: 'abc' } });
    } finally {
      await app.close();
    }
  });

  it('maps a logical pattern to its run-time topic', async () => {
    const app = await start();
    try {
      await bus.publish('audit.node-7', [{ key: 'k', value: new Uint8Array(Buffer.from('x')) }]);
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.payload).toBe('audit:x');
    } finally {
      await app.close();
    }
  });

  it('redelivers a record whose handler threw, and commits only after success', async () => {
    failuresBeforeSuccess = 2;
    const errors: Error[] = [];
    const app = await start({ onError: (e) => errors.push(e) });
    try {
      await bus.publish('orders', [{ key: 'k', value: new Uint8Array(Buffer.from('retry-me')) }]);
      await waitFor(() => seen.length === 1);
      expect(attempts.get('orders/0')).toBe(3);
      expect(errors).toHaveLength(2);
    } finally {
      await app.close();
    }
    // Committed: a new consumer in the same group gets nothing again.
    seen.length = 0;
    const again = await start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('awaits the handler before committing: a close during a slow handler does not lose the record', async () => {
    slowHandlerMs = 150;
    const app = await start();
    await bus.publish('orders', [{ key: 'k', value: new Uint8Array(Buffer.from('slow')) }]);
    await waitFor(() => attempts.size === 1);
    await app.close();
    expect(seen.map((s) => s.payload)).toEqual(['slow']);
    const again = await start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.map((s) => s.payload)).toEqual(['slow']);
    } finally {
      await again.close();
    }
  });

  it('waits for an observable result: a stream that fails later causes a redelivery', async () => {
    const app = await start({ onError: () => undefined });
    try {
      await bus.publish('streams', [{ key: 'k', value: new Uint8Array([1]) }]);
      await waitFor(() => seen.length === 1);
      expect(attempts.get('streams/0')).toBe(2);
    } finally {
      await app.close();
    }
  });
});
