import 'reflect-metadata';
import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { BusRecord, MessageBus } from '#libs/bus';
import { MessageType, ReasonCode, SUBTASK_REPORT_CONTENT_TYPE, topics } from '#libs/contracts';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  pemToDer,
  SigningKey,
  type NetworkCa,
} from '#libs/crypto';
import { pkiPaths } from '#libs/identity';
import { JsonLogger, MetricsRegistry } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { buildEnvelope, CaTrust, HubVerifier, receiveEnvelope, type SenderIdentity } from '#libs/relay';
import { DirectoryClient } from '../../../participant/src/messaging/directory.client.js';
import type { HubConfig } from '../config.js';
import { AdmissionController } from '../http/hub.controllers.js';
import { hubMigrations } from '../persistence/migrations.js';
import { PostgresNonceStore } from '../persistence/nonce.repository.js';
import { RelayService } from '../relay/relay.service.js';
import { HUB_RUNTIME } from '../runtime.js';
import { DirectoryService } from './directory.service.js';
import { servedSettlementIds } from './settlement-certificates.js';

const schema = `hub_dir_it_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const time = { maxTtlMs: 300_000, clockSkewMs: 30_000 };

const der = (pem: string): Uint8Array => {
  const d = pemToDer(pem, 'CERTIFICATE');
  if (!d) throw new Error('not a certificate');
  return d;
};

interface Hub {
  readonly id: string;
  readonly creds: { certPem: string; privateKeyPem: string };
  readonly stamper: { hubId: string; signingKey: SigningKey; certDer: Uint8Array };
}
interface Participant {
  readonly sender: SenderIdentity;
  readonly signingCertPem: string;
  readonly keyAgreementCertPem: string;
}

let ca: NetworkCa;
let hubA: Hub;
let a1: Participant;
let exchangeKex: { certPem: string; privateKey: KeyObject };
let pkiDir: string;
let app: INestApplication;
let hubUrl: string;
let lying: Server;
let lyingUrl: string;
let lyingAnswer: unknown;
let ds: DataSource;

async function makeHub(id: string): Promise<Hub> {
  const k = await generateSigningKeyPair();
  const cert = await issueHubCertificate({ ca, hubId: id, publicKey: k.publicKey, validityDays: 30 });
  const keyPem = await exportPrivateKeyPem(k.privateKey);
  return { id, creds: { certPem: cert.certPem, privateKeyPem: keyPem }, stamper: { hubId: id, signingKey: SigningKey.fromPkcs8Pem(keyPem), certDer: der(cert.certPem) } };
}

async function makeParticipant(hub: Hub, nodeId: string): Promise<Participant> {
  const s = await generateSigningKeyPair();
  const k = await generateKeyAgreementKeyPair();
  const sCert = await issueNodeCertificate({ issuer: hub.creds, nodeId, role: 'participant', usage: 'signing', publicKey: s.publicKey, validityDays: 30 });
  const kCert = await issueNodeCertificate({ issuer: hub.creds, nodeId, role: 'participant', usage: 'key-agreement', publicKey: k.publicKey, validityDays: 30 });
  return {
    sender: { nodeId, hubId: hub.id, signingKey: SigningKey.fromPkcs8Pem(await exportPrivateKeyPem(s.privateKey)), chainDer: [der(sCert.certPem), der(hub.creds.certPem)] },
    signingCertPem: sCert.certPem,
    keyAgreementCertPem: kCert.certPem,
  };
}

/** hub-a serves exchange and bad-exchange (whose certificate a hub issued); far-exchange is served by hub-b only. */
const topology = {
  settlement: [
    { id: 'exchange', url: 'http://127.0.0.1:1', hubs: ['hub-a', 'hub-b'] },
    { id: 'bad-exchange', url: 'http://127.0.0.1:1', hubs: ['hub-a'] },
    { id: 'far-exchange', url: 'http://127.0.0.1:1', hubs: ['hub-b'] },
  ],
  subnets: [
    { id: 'a', hub: { id: 'hub-a', url: 'http://127.0.0.1:1' }, participants: [{ id: 'a1', url: 'http://127.0.0.1:1', securityLevel: 2 }] },
    { id: 'b', hub: { id: 'hub-b', url: 'http://127.0.0.1:1' }, participants: [{ id: 'b1', url: 'http://127.0.0.1:1', securityLevel: 1 }] },
  ],
};

beforeAll(async () => {
  ca = await createNetworkCa({ networkName: 'dir-it', validityDays: 30 });
  hubA = await makeHub('hub-a');
  a1 = await makeParticipant(hubA, 'a1');
  const k = await generateKeyAgreementKeyPair();
  exchangeKex = {
    certPem: (await issueNodeCertificate({ issuer: ca, nodeId: 'exchange', role: 'settlement', usage: 'key-agreement', publicKey: k.publicKey, validityDays: 30 })).certPem,
    privateKey: createPrivateKey(await exportPrivateKeyPem(k.privateKey)),
  };
  // hub-a's PKI dir as bootstrap leaves it: the CA certificate and its served settlement services' kex certificates.
  pkiDir = await mkdtemp(join(tmpdir(), 'hub-dir-it-'));
  await mkdir(join(pkiDir, 'peers'));
  await writeFile(pkiPaths(pkiDir).caCert, ca.certPem);
  await writeFile(join(pkiDir, 'peers', 'exchange.kex.crt'), exchangeKex.certPem);
  const rogue = await generateKeyAgreementKeyPair();
  await writeFile(join(pkiDir, 'peers', 'bad-exchange.kex.crt'), (await issueNodeCertificate({ issuer: hubA.creds, nodeId: 'bad-exchange', role: 'settlement', usage: 'key-agreement', publicKey: rogue.publicKey, validityDays: 30 })).certPem);

  const config = { nodeId: 'hub-a', pkiDir, topology, subnet: topology.subnets[0] } as unknown as HubConfig;
  const admission = { identityOf: async (id: string) => (id === 'a1' ? { signingCertPem: a1.signingCertPem, keyAgreementCertPem: a1.keyAgreementCertPem, hubCertPem: hubA.creds.certPem, caCertPem: ca.certPem } : undefined) };
  const directory = new DirectoryService(config, admission);

  // The hub's real directory route, on a runtime that has only what the route needs.
  @Module({ controllers: [AdmissionController], providers: [{ provide: HUB_RUNTIME, useValue: { config, directory } }] })
  class DirectoryTestModule {}
  app = await NestFactory.create(DirectoryTestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  hubUrl = await app.getUrl();

  // A hub that lies: it answers whatever the test puts in lyingAnswer.
  lying = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(lyingAnswer));
  });
  await new Promise<void>((r) => lying.listen(0, '127.0.0.1', () => r()));
  lyingUrl = `http://127.0.0.1:${(lying.address() as AddressInfo).port}`;

  ds = await openServiceDataSource({ url: process.env.DATANET_TEST_DATABASE_URL ?? '', schema, entities: [], migrations: hubMigrations, applicationName: 'hub-directory-int-spec' });
});

afterAll(async () => {
  await app?.close();
  await new Promise((r) => lying?.close(r));
  await rm(pkiDir, { recursive: true, force: true });
  await ds?.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds?.destroy();
});

describe('hub directory: settlement services', () => {
  it('answers for a served settlement service with its CA-issued key-agreement certificate and no hub certificate', async () => {
    const res = await fetch(`${hubUrl}/v1/directory/exchange`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ nodeId: 'exchange', hubId: 'hub-a', role: 'settlement', keyAgreementCertPem: exchangeKex.certPem });
    // hub-to-hub lookups (local=1) answer for it too: this hub serves it.
    expect((await fetch(`${hubUrl}/v1/directory/exchange?local=1`)).status).toBe(200);
  });

  it('answers 404 for a settlement service it does not serve, and fails (not "unknown") when a served one\'s certificate does not verify', async () => {
    const far = await fetch(`${hubUrl}/v1/directory/far-exchange`);
    expect(far.status).toBe(404);
    expect(await far.json()).toMatchObject({ error: { code: 'NODE_UNKNOWN' } });
    expect((await fetch(`${hubUrl}/v1/directory/bad-exchange`)).status).toBe(500);
  });

  it('still answers for its participants as before', async () => {
    expect(await (await fetch(`${hubUrl}/v1/directory/a1`)).json()).toMatchObject({ nodeId: 'a1', hubId: 'hub-a', role: 'participant', securityLevel: 2, hubCertPem: hubA.creds.certPem });
  });
});

describe('participant directory client', () => {
  it('resolves a settlement service (CA anchor, role settlement) and a participant (hub intermediate, role participant)', async () => {
    const client = new DirectoryClient(hubUrl, ca.certPem, { settlementIds: ['exchange'] });
    const ex = await client.resolve('exchange');
    expect(ex.ok && { role: ex.role, hubId: ex.recipient.hubId, nodeId: ex.recipient.nodeId }).toEqual({ role: 'settlement', hubId: 'hub-a', nodeId: 'exchange' });
    const spki = (k: KeyObject): string => k.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(ex.ok && spki(ex.recipient.keyAgreementKey)).toBe(spki(createPublicKey(exchangeKex.certPem)));
    const p = await client.resolve('a1');
    expect(p.ok && { role: p.role, hubId: p.recipient.hubId, securityLevel: p.securityLevel }).toEqual({ role: 'participant', hubId: 'hub-a', securityLevel: 2 });
    expect(await client.resolve('far-exchange')).toMatchObject({ ok: false, code: 'NODE_UNKNOWN' });
    expect(await client.resolve('bad-exchange')).toMatchObject({ ok: false, code: 'HUB_UNREACHABLE' });
  });

  it('refuses what a lying hub answers: a hub-issued "settlement" certificate, another node\'s certificate, a participant certificate under a settlement id', async () => {
    const client = (): DirectoryClient => new DirectoryClient(lyingUrl, ca.certPem, { settlementIds: ['exchange'] });
    const rogue = await generateKeyAgreementKeyPair();
    const hubIssued = (await issueNodeCertificate({ issuer: hubA.creds, nodeId: 'exchange', role: 'settlement', usage: 'key-agreement', publicKey: rogue.publicKey, validityDays: 30 })).certPem;
    lyingAnswer = { nodeId: 'exchange', hubId: 'hub-a', role: 'settlement', keyAgreementCertPem: hubIssued, hubCertPem: hubA.creds.certPem };
    expect(await client().resolve('exchange')).toMatchObject({ ok: false, code: 'DIRECTORY_ENTRY_INVALID' });
    lyingAnswer = { nodeId: 'exchange', hubId: 'hub-a', role: 'settlement', keyAgreementCertPem: exchangeKex.certPem };
    expect(await client().resolve('other-exchange')).toMatchObject({ ok: false, code: 'DIRECTORY_ENTRY_INVALID' });
    // The hub mints a participant certificate named "exchange" and claims it is a participant.
    const minted = (await issueNodeCertificate({ issuer: hubA.creds, nodeId: 'exchange', role: 'participant', usage: 'key-agreement', publicKey: rogue.publicKey, validityDays: 30 })).certPem;
    lyingAnswer = { nodeId: 'exchange', hubId: 'hub-a', role: 'participant', securityLevel: 3, keyAgreementCertPem: minted, hubCertPem: hubA.creds.certPem };
    expect(await client().resolve('exchange')).toMatchObject({ ok: false, code: 'DIRECTORY_ENTRY_INVALID' });
    // A participant's certificate offered as a settlement service's.
    lyingAnswer = { nodeId: 'a1', hubId: 'hub-a', role: 'settlement', keyAgreementCertPem: a1.keyAgreementCertPem };
    expect(await client().resolve('a1')).toMatchObject({ ok: false, code: 'DIRECTORY_ENTRY_INVALID' });
    lyingAnswer = { nodeId: 'a1', hubId: 'hub-a', role: 'operator', keyAgreementCertPem: a1.keyAgreementCertPem };
    expect(await client().resolve('a1')).toMatchObject({ ok: false, code: 'DIRECTORY_ENTRY_INVALID' });
  });
});

describe('hub relay: participant -> settlement service', () => {
  const published: { topic: string; records: readonly BusRecord[] }[] = [];
  const ownBus = {
    adapter: 'memory',
    ensureTopics: async () => undefined,
    publish: async (topic: string, records: readonly BusRecord[]) => {
      published.push({ topic, records });
      return [];
    },
    subscribe: async () => ({ close: async () => undefined }),
    close: async () => undefined,
  } as unknown as MessageBus;

  /** The hub's relay with the policy its runtime wires: local targets are admitted participants and the settlement services it serves. */
  function relay(): { service: RelayService; deadLetters: DeadLetterRepository } {
    const served = servedSettlementIds(topology, 'hub-a');
    const verifier = new HubVerifier(
      {
        hubId: 'hub-a',
        ...time,
        isPeerHub: (id) => id === 'hub-b',
        senderAdmitted: async (identity) => (identity.role === 'settlement' ? served.has(identity.nodeId) && identity.issuerId === 'dir-it' : identity.issuerId === 'hub-a' && identity.nodeId === 'a1'),
        localTarget: async (nodeId) => nodeId === 'a1' || served.has(nodeId),
      },
      new CaTrust(ca.certPem),
      new PostgresNonceStore(ds, time.clockSkewMs),
      { nowMs: () => Date.now() },
    );
    const metrics = new MetricsRegistry();
    const deadLetters = new DeadLetterRepository(ds);
    const service = new RelayService({
      hubId: 'hub-a',
      verifier,
      ownBus,
      peerBus: () => ownBus,
      stamper: hubA.stamper,
      deadLetters,
      counters: { relayed: metrics.counter('relayed', 'r', 'action'), rejected: metrics.counter('rejected', 'r', 'reason') },
      clock: { nowMs: () => Date.now() },
      log: silent,
    });
    return { service, deadLetters };
  }

  it('delivers a sealed sub-task report from a1 to the exchange\'s inbox on hub-a\'s bus, where the exchange opens it', async () => {
    const resolved = await new DirectoryClient(hubUrl, ca.certPem).resolve('exchange');
    if (!resolved.ok) throw new Error(resolved.detail);
    const body = Buffer.from('report bytes');
    const built = buildEnvelope(a1.sender, resolved.recipient, { type: MessageType.SubTaskReport, sessionId: 'job-1', contentType: SUBTASK_REPORT_CONTENT_TYPE, body, ttlMs: 60_000 }, Date.now());
    const { service } = relay();
    await service.handle({ topic: topics.hubIngress('hub-a'), partition: 0, offset: '1', key: 'job-1', value: built.bytes, headers: {}, timestampMs: Date.now() }, 'ingress');
    expect(published.map((p) => p.topic)).toEqual([topics.inbox('exchange')]);
    const delivered = published[0]?.records[0];
    expect(delivered?.headers).toMatchObject({ 'datanet-type': MessageType.SubTaskReport, 'datanet-message-id': built.messageId });
    const r = await receiveEnvelope(delivered?.value ?? new Uint8Array(), { nodeId: 'exchange', hubId: 'hub-a', keyAgreementPrivateKey: exchangeKex.privateKey }, new CaTrust(ca.certPem), { nowMs: () => Date.now() }, time);
    expect(r.ok && { source: r.header.source, role: r.sender.role, issuer: r.sender.issuerId, body: Buffer.from(r.body).toString() }).toEqual({ source: 'a1', role: 'participant', issuer: 'hub-a', body: 'report bytes' });
  });

  it('does not deliver to a settlement service it does not serve (TARGET_UNKNOWN)', async () => {
    published.length = 0;
    const built = buildEnvelope(a1.sender, { nodeId: 'far-exchange', hubId: 'hub-a', keyAgreementKey: createPublicKey(exchangeKex.certPem) }, { type: MessageType.SubTaskReport, sessionId: 'job-1', contentType: 'x', body: Buffer.from('x'), ttlMs: 60_000 }, Date.now());
    const { service, deadLetters } = relay();
    await service.handle({ topic: topics.hubIngress('hub-a'), partition: 0, offset: '2', key: 'job-1', value: built.bytes, headers: {}, timestampMs: Date.now() }, 'ingress');
    expect(published).toEqual([]);
    expect((await deadLetters.list({ limit: 10 })).map((d) => [d.reasonCode, d.target])).toEqual([[ReasonCode.TargetUnknown, 'far-exchange']]);
  });
});
