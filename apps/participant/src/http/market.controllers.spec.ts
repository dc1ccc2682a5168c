import 'reflect-metadata';
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { checkSignedRequest } from '#libs/identity';
import { systemClock } from '#libs/relay';
import { HubMarketClient } from '../market/hub-market.client.js';
import { toHubOrder, type ValidOrder } from '../market/order-validation.js';
import { ParticipantModule } from '../participant.module.js';
import type { ParticipantRuntime } from '../runtime.js';

/** A stand-in for the hub's market API that checks every request's signature. */
interface HubCall {
  method: string;
  path: string;
  body: string;
  signed: boolean;
}

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signer = { nodeId: 'a1', sign: (d: Uint8Array) => nodeSign('sha256', d, { key: privateKey, dsaEncoding: 'ieee-p1363' }) };

let hub: Server;
let hubUrl: string;
let app: INestApplication;
let api: string;
const calls: HubCall[] = [];
let answer: (call: HubCall) => { status: number; body: string } = () => ({ status: 500, body: '{}' });

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  hub = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      const check = checkSignedRequest(req.headers, req.method ?? '', path, body, Date.now(), (node, data, sig) => node === 'a1' && nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig));
      const call = { method: req.method ?? '', path, body, signed: check.ok };
      calls.push(call);
      const a = check.ok ? answer(call) : { status: 401, body: JSON.stringify({ error: { code: check.code, message: check.detail } }) };
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
    });
  });
  hubUrl = await listen(hub);
  const market = new HubMarketClient({ hubUrl, signer, clock: systemClock, timeoutMs: 2_000 });
  const rt = {
    config: { nodeId: 'a1', hubId: 'hub-a' },
    clock: systemClock,
    market,
    orders: { place: (o: ValidOrder) => market.placeOrder(toHubOrder(o, o.clientOrderId ?? 'generated', Date.now())) },
    leases: { list: async () => [], get: async () => undefined },
  } as unknown as ParticipantRuntime;
  app = await NestFactory.create(ParticipantModule.register(rt), { logger: false });
  await app.listen(0, '127.0.0.1');
  api = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app.close();
  await new Promise((r) => hub.close(r));
});

beforeEach(() => {
  calls.length = 0;
});

const order = { clientOrderId: 'c-1', side: 'buy', cores: 4, memoryMiB: 8192, durationS: 600, priceMinorPerCoreSecond: 3, capabilities: ['tee'], securityLevel: 2, expiresInS: 60 };
const filled = { orderId: 'o-1', clientOrderId: 'c-1', side: 'buy', status: 'resting', fills: [], restingCores: 4 };

async function post(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${api}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('participant market API over a stand-in hub', () => {
  it('refuses a bad order with its own code before calling the hub', async () => {
    const r = await post({ ...order, cores: 0 });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: 'ORDER_VALUE_ZERO', issues: [{ path: 'cores' }] } });
    expect(calls).toHaveLength(0);
  });

  it('forwards a valid order signed, with its relative expiry resolved, and relays 201 then 200', async () => {
    answer = () => ({ status: 201, body: JSON.stringify(filled) });
    const before = Date.now();
    const first = await post(order);
    expect(first).toEqual({ status: 201, json: filled });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/v1/market/orders', signed: true });
    const sent = JSON.parse(calls[0]!.body) as Record<string, unknown>;
    expect(sent).toMatchObject({ clientOrderId: 'c-1', side: 'buy', cores: 4, memoryMiB: 8192, capabilities: ['tee'], securityLevel: 2 });
    expect(sent.expiresAtMs).toBeGreaterThanOrEqual(before + 60_000);
    expect(sent).not.toHaveProperty('expiresInS');
    answer = () => ({ status: 200, body: JSON.stringify(filled) });
    expect((await post(order)).status).toBe(200);
  });

  it('passes hub errors through with their status and code', async () => {
    answer = () => ({ status: 409, body: JSON.stringify({ error: { code: 'ORDER_DUPLICATE_CLIENT_ID', message: 'c-1 names another order' } }) });
    expect(await post(order)).toEqual({ status: 409, json: { error: { code: 'ORDER_DUPLICATE_CLIENT_ID', message: 'c-1 names another order' } } });
    answer = () => ({ status: 400, body: JSON.stringify({ error: { code: 'MARKET_CORES_INVALID', message: 'cores' } }) });
    expect((await post(order)).json).toMatchObject({ error: { code: 'MARKET_CORES_INVALID' } });
  });

  it('cancels and lists through signed requests (the query string is signed as sent)', async () => {
    answer = (c) => (c.method === 'DELETE' ? { status: 404, body: JSON.stringify({ error: { code: 'MARKET_ORDER_UNKNOWN', message: 'no such order' } }) } : { status: 200, body: JSON.stringify({ orders: [] }) });
    const del = await fetch(`${api}/v1/orders/o-9`, { method: 'DELETE' });
    expect(del.status).toBe(404);
    expect(await del.json()).toMatchObject({ error: { code: 'MARKET_ORDER_UNKNOWN' } });
    const list = await fetch(`${api}/v1/orders`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ orders: [] });
    expect(calls.map((c) => [c.method, c.path, c.signed])).toEqual([
      ['DELETE', '/v1/market/orders/o-9', true],
      ['GET', '/v1/market/orders?participant=a1', true],
    ]);
  });

  it('answers 502 when the hub answers something that is not the API', async () => {
    answer = () => ({ status: 500, body: '<html>oops</html>' });
    expect((await post(order)).json).toMatchObject({ error: { code: 'HUB_BAD_RESPONSE' } });
  });

  it('answers 502 HUB_UNREACHABLE when the hub is down', async () => {
    const down = new HubMarketClient({ hubUrl: 'http://127.0.0.1:9', signer, clock: systemClock, timeoutMs: 2_000 });
    expect(await down.openOrders('a1')).toMatchObject({ ok: false, status: 502, code: 'HUB_UNREACHABLE' });
  });

  it('answers 404 LEASE_UNKNOWN and validates lease ids', async () => {
    expect((await fetch(`${api}/v1/leases/${'0'.repeat(32)}`)).status).toBe(404);
    expect(await (await fetch(`${api}/v1/leases/nope`)).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await (await fetch(`${api}/v1/leases?limit=5`)).json()).toEqual({ leases: [], next: null });
  });

  it('documents the market endpoints in OpenAPI', () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/orders', '/v1/orders/{orderId}', '/v1/leases', '/v1/leases/{leaseId}']));
    expect(doc.paths['/v1/orders']?.post?.responses).toHaveProperty('409');
  });
});
