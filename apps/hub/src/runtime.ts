import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { groups, topics } from '#libs/contracts';
import { pemToDer, SigningKey } from '#libs/crypto';
import { pkiPaths } from '#libs/identity';
import { MetricsRegistry, type JsonLogger } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { participantBusRules } from '#libs/provisioning';
import { CaTrust, HubVerifier, systemClock } from '#libs/relay';
import { openSubnetBus } from '#libs/service-kit';
import { grantAccess, revokeAccess, type MessageBus } from '#libs/bus';
import { AdmissionService } from './admission/admission.service.js';
import type { HubConfig } from './config.js';
import { DirectoryService } from './directory/directory.service.js';
import { HubAuditTrail } from './persistence/audit.js';
import { hubMigrations } from './persistence/migrations.js';
import { PostgresNonceStore } from './persistence/nonce.repository.js';
import { RelayService } from './relay/relay.service.js';
import { OrderBook } from '#libs/market';
import { LeaseDelivery } from './market/lease-delivery.js';
import { MarketLog } from './market/market-log.js';
import { MarketService } from './market/market.service.js';
import { PeerClient } from './market/peer-client.js';
import { RequestAuth } from './market/request-auth.js';

export const HUB_RUNTIME = Symbol('HUB_RUNTIME');

export interface HubRuntime {
  readonly config: HubConfig;
  readonly ds: DataSource;
  readonly ownBus: MessageBus;
  readonly admission: AdmissionService;
  readonly directory: DirectoryService;
  readonly relay: RelayService;
  readonly deadLetters: DeadLetterRepository;
  readonly metrics: MetricsRegistry;
  readonly relayGroup: string;
  readonly relayTopics: { readonly ingress: string; readonly peer: string };
  readonly market: MarketService;
  readonly requestAuth: RequestAuth;
  /** The hash-chained audit trail of orders, reservations, leases and issued keys (operator: verify, list). */
  readonly audit: HubAuditTrail;
  relayState(): string;
  close(): Promise<void>;
}

const NONCE_PRUNE_INTERVAL_MS = 60_000;
const MARKET_HOUSEKEEPING_MS = 1_000;
const RESERVATION_TTL_MS = 10_000;
const SNAPSHOT_EVERY_COMMANDS = 500;

/**
 * A Kafka broker without an authorizer (a docker-compose trial) answers ACL
 * requests with SECURITY_DISABLED: topic access is then not enforced by the
 * broker, which is logged loudly; every other failure propagates. The postgres
 * and memory buses always enforce.
 */
async function tolerateBrokerWithoutAcls(op: () => Promise<void>, log: JsonLogger): Promise<void> {
  try {
    await op();
  } catch (e) {
    if ((e as { type?: string }).type !== 'SECURITY_DISABLED') throw e;
    log.warn('kafka broker has no authorizer: participant topic ACLs are NOT enforced (trial setup; see deploy/README.md)');
  }
}

/** The hub's composition root: framework-free wiring of ports and adapters. */
export async function startHubRuntime(config: HubConfig, log: JsonLogger): Promise<HubRuntime> {
  const p = pkiPaths(config.pkiDir);
  const [caCertPem, hubCertPem, hubKeyPem, enrollmentKeyHex] = [await readFile(p.caCert, 'utf8'), await readFile(p.nodeCert, 'utf8'), await readFile(p.nodeKey, 'utf8'), (await readFile(p.enrollmentKey, 'utf8')).trim()];
  const hubCertDer = pemToDer(hubCertPem, 'CERTIFICATE');
  if (!hubCertDer) throw new Error(`${p.nodeCert} is not a PEM certificate`);

  const ds = await openServiceDataSource({ url: config.databaseUrl, schema: config.dbSchema, entities: [], migrations: hubMigrations, applicationName: config.nodeId });
  const ownBus = openSubnetBus(config.bus, config.subnet.id, config.nodeId);
  const relayTopics = { ingress: topics.hubIngress(config.nodeId), peer: topics.hubPeer(config.nodeId) };
  await ownBus.ensureTopics([relayTopics.ingress, relayTopics.peer].map((topic) => ({ topic, partitions: config.bus.partitions })));
  const peerBuses = new Map<string, MessageBus>();
  const peerBus = (hubId: string): MessageBus => {
    let bus = peerBuses.get(hubId);
    if (!bus) {
      const peer = config.peers.find((x) => x.hubId === hubId);
      if (!peer) throw new Error(`${hubId} is not a peer hub`);
      bus = openSubnetBus(config.bus, peer.subnetId, config.nodeId, { postgresUrl: config.peerBusDatabaseUrl, kafkaBrokers: config.topology.subnets.find((s) => s.id === peer.subnetId)?.kafkaBrokers });
      peerBuses.set(hubId, bus);
    }
    return bus;
  };

  const metrics = new MetricsRegistry();
  const counters = {
    relayed: metrics.counter('datanet_hub_relayed_total', 'Envelopes relayed, by action (deliver: same subnet, forward: to a peer hub)', 'action'),
    rejected: metrics.counter('datanet_hub_rejected_total', 'Envelopes dead-lettered, by reason code', 'reason'),
  };
  const deadLetters = new DeadLetterRepository(ds);
  const audit = new HubAuditTrail(ds);
  const admission = new AdmissionService({
    ds,
    hubId: config.nodeId,
    subnet: config.subnet,
    enrollmentKeyHex,
    hubCredentials: { certPem: hubCertPem, privateKeyPem: hubKeyPem },
    caCertPem,
    clock: systemClock,
    log,
    certValidityDays: config.certValidityDays,
    audit,
    busAccess: {
      grant: async (pid) => {
        await ownBus.ensureTopics([{ topic: topics.inbox(pid), partitions: config.bus.partitions }]);
        await tolerateBrokerWithoutAcls(() => grantAccess(ownBus, participantBusRules(config.nodeId, pid)), log);
      },
      revoke: (pid) => tolerateBrokerWithoutAcls(() => revokeAccess(ownBus, participantBusRules(config.nodeId, pid)), log),
    },
  });
  await admission.load();
  await admission.reconcileBusAccess();
  for (const s of config.topology.settlement.filter((x) => x.hubs.includes(config.nodeId)))
    await ownBus.ensureTopics([{ topic: topics.inbox(s.id), partitions: config.bus.partitions }]);

  const maxTtlMs = config.topology.envelope.maxTtlSeconds * 1000;
  const clockSkewMs = config.topology.envelope.clockSkewSeconds * 1000;
  const nonces = new PostgresNonceStore(ds, clockSkewMs);
  const peerIds = new Set(config.peers.map((x) => x.hubId));
  const servedSettlement = new Set(config.topology.settlement.filter((x) => x.hubs.includes(config.nodeId)).map((x) => x.id));
  const verifier = new HubVerifier(
    {
      hubId: config.nodeId,
      maxTtlMs,
      clockSkewMs,
      isPeerHub: (id) => peerIds.has(id),
      senderAdmitted: async (identity) => (identity.role === 'settlement' ? servedSettlement.has(identity.nodeId) && identity.issuerId === config.topology.network : admission.isAdmitted(identity)),
      localTarget: async (nodeId) => admission.isActive(nodeId) || servedSettlement.has(nodeId),
    },
    new CaTrust(caCertPem),
    nonces,
    systemClock,
  );
  const relay = new RelayService({ hubId: config.nodeId, verifier, ownBus, peerBus, stamper: { hubId: config.nodeId, signingKey: SigningKey.fromPkcs8Pem(hubKeyPem), certDer: hubCertDer }, deadLetters, counters, clock: systemClock, log });

  const trust = new CaTrust(caCertPem);
  const signer = { hubId: config.nodeId, signingKey: SigningKey.fromPkcs8Pem(hubKeyPem), certDer: hubCertDer };
  const deliveries = new LeaseDelivery({
    ds,
    bus: ownBus,
    hub: signer,
    caCertPem,
    pkiDir: config.pkiDir,
    participantKexCert: async (id) => (await admission.identityOf(id))?.keyAgreementCertPem,
    log,
    ttlMs: maxTtlMs,
  });
  const market = new MarketService({
    ds,
    hubId: config.nodeId,
    engine: new OrderBook(),
    log: new MarketLog(ds),
    signer,
    peers: new PeerClient({ nodeId: config.nodeId, sign: (d) => signer.signingKey.sign(d), certDer: hubCertDer }, (id) => config.peers.find((x) => x.hubId === id)?.url ?? ''),
    peerIds: config.peers.map((x) => x.hubId),
    deliveries,
    settlementIds: [...servedSettlement],
    trust,
    clock: systemClock,
    logger: log,
    reservationTtlMs: RESERVATION_TTL_MS,
    snapshotEvery: SNAPSHOT_EVERY_COMMANDS,
    audit,
    onFatal: (e) => {
      log.error('market log write failed; restarting from the log', { error: e as Error });
      process.exit(75);
    },
  });
  const rebuilt = await market.rebuild();
  log.info('order book rebuilt from its log', { commands: rebuilt.commands, stateHash: rebuilt.stateHash });
  deliveries.start();
  const marketTimer = setInterval(() => {
    market.housekeeping().catch((e: unknown) => log.warn('market housekeeping failed', { error: e as Error }));
  }, MARKET_HOUSEKEEPING_MS);
  marketTimer.unref();

  const pruneTimer = setInterval(() => {
    nonces.prune(Date.now()).catch((e: unknown) => log.warn('nonce prune failed', { error: e as Error }));
  }, NONCE_PRUNE_INTERVAL_MS);
  pruneTimer.unref();

  return {
    config,
    ds,
    ownBus,
    admission,
    directory: new DirectoryService(config, admission),
    relay,
    deadLetters,
    metrics,
    relayGroup: groups.hubRelay(config.nodeId),
    relayTopics,
    market,
    audit,
    requestAuth: new RequestAuth(admission, trust, nonces, (id) => peerIds.has(id)),
    relayState: () => 'consuming',
    close: async () => {
      clearInterval(pruneTimer);
      clearInterval(marketTimer);
      await deliveries.stop();
      await ownBus.close();
      for (const b of peerBuses.values()) await b.close();
      await ds.destroy();
    },
  };
}
