import type { DataSource } from 'typeorm';
import { groups, topics } from '#libs/contracts';
import { MetricsRegistry, type JsonLogger } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { CaTrust, systemClock, type Clock } from '#libs/relay';
import { openSubnetBus } from '#libs/service-kit';
import type { MessageBus } from '#libs/bus';
import type { ParticipantConfig } from './config.js';
import { ensureIdentity, type ParticipantIdentity } from './identity/identity.js';
import { HubMarketClient } from './market/hub-market.client.js';
import { LeaseStore } from './market/leases.js';
import { OrderDesk } from './market/orders.js';
import { DirectoryClient } from './messaging/directory.client.js';
import { Inbox } from './messaging/inbox.js';
import { Outbox } from './messaging/outbox.js';
import { participantMigrations } from './persistence/migrations.js';
import { JobRunner } from './jobs/job-runner.js';
import { LessorExecutor } from './jobs/lessor.js';
import { ChannelRouter } from './jobs/relay-channel.js';
import { JOINT_CHANNEL, JOINT_FORWARD_CHANNEL, JointDatasets, JointInbox, jointForwarder, jointPartyAcceptor } from './jobs/joint.js';
import { pkiPaths } from '#libs/identity';

export const PARTICIPANT_RUNTIME = Symbol('PARTICIPANT_RUNTIME');

export interface ParticipantRuntime {
  readonly config: ParticipantConfig;
  readonly ds: DataSource;
  readonly bus: MessageBus;
  readonly identity: ParticipantIdentity;
  readonly directory: DirectoryClient;
  readonly inbox: Inbox;
  readonly outbox: Outbox;
  readonly deadLetters: DeadLetterRepository;
  /** The hub's market API (signed requests), the orders placed through it, the leases received. */
  readonly market: HubMarketClient;
  readonly orders: OrderDesk;
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly metrics: MetricsRegistry;
  readonly jobs: JobRunner;
  readonly jointDatasets: JointDatasets;
  readonly channels: ChannelRouter;
  readonly inboxGroup: string;
  readonly inboxTopic: string;
  close(): Promise<void>;
}

/**
 * The participant's composition root. Admission comes first: a participant that
 * its hub has not admitted has no certificates and no bus grants, so it cannot
 * send or receive anything.
 */
export async function startParticipantRuntime(config: ParticipantConfig, log: JsonLogger): Promise<ParticipantRuntime> {
  const identity = await ensureIdentity({ nodeId: config.nodeId, hubId: config.hubId, hubUrl: config.hubUrl, pkiDir: config.pkiDir }, log);
  const ds = await openServiceDataSource({ url: config.databaseUrl, schema: config.dbSchema, entities: [], migrations: participantMigrations, applicationName: config.nodeId });
  const bus = openSubnetBus(config.bus, config.subnet.id, config.nodeId);
  const metrics = new MetricsRegistry();
  const directory = new DirectoryClient(config.hubUrl, identity.caCertPem, { settlementIds: config.topology.settlement.map((x) => x.id) });
  const deadLetters = new DeadLetterRepository(ds);
  const trust = new CaTrust(identity.caCertPem);
  const market = new HubMarketClient({ hubUrl: config.hubUrl, signer: { nodeId: config.nodeId, sign: (d) => identity.sender.signingKey.sign(d) }, clock: systemClock });
  const orders = new OrderDesk(ds, market, systemClock);
  const leases = new LeaseStore(ds, trust, { nodeId: config.nodeId, hubId: config.hubId });
  const outbox = new Outbox({
    ds,
    bus,
    sender: identity.sender,
    directory,
    clock: systemClock,
    log,
    ttlMs: config.envelopeTtlMs,
    batch: config.outboxBatch,
    maxAttempts: config.outboxMaxAttempts,
    sent: metrics.counter('datanet_participant_sent_total', 'Messages published to the hub, by type', 'type'),
  });
  const channels = new ChannelRouter({
    ds,
    outbox,
    log,
    limits: {
      // One frame must fit one bus record with the envelope around it (header, signature, hop stamps).
      chunkBytes: Math.max(16 * 1024, config.topology.bus.maxMessageBytes - 64 * 1024),
      maxMessageBytes: 256 * 1024 * 1024,
      maxChannels: 256,
      receiveTimeoutMs: config.jobs.attemptTimeoutMs,
    },
  });
  const paths = pkiPaths(config.pkiDir);
  const lessor = new LessorExecutor({
    nodeId: config.nodeId,
    leases,
    platform: { keyFile: paths.enclavePlatformKey, certFile: paths.enclavePlatformCert },
    log,
    nowMs: () => systemClock.nowMs(),
    receiveTimeoutMs: config.jobs.attemptTimeoutMs,
    enclaveRequestTimeoutMs: config.jobs.attemptTimeoutMs,
    served: metrics.counter('datanet_participant_subtasks_served_total', 'Sub-tasks this participant executed as lessor, by strategy', 'strategy'),
    corruptResults: config.jobs.chaosCorruptResults,
    forward: jointForwarder(channels, {
      nodeId: config.nodeId,
      log,
      corrupt: config.jobs.chaosCorruptResults,
      forwarded: metrics.counter('datanet_participant_joint_results_forwarded_total', 'Enclave HE results this lessor forwarded to a third participant, by party', 'party'),
    }),
  });
  const jointDatasets = new JointDatasets(ds);
  // Lessor-forwarded HE results held for open joint rounds: at most 64 rounds and 1 GiB at once.
  const jointInbox = new JointInbox({
    nodeId: config.nodeId,
    log,
    limits: { maxRounds: 64, maxBytes: 1024 * 1024 * 1024 },
    receiveTimeoutMs: config.jobs.attemptTimeoutMs,
    received: metrics.counter('datanet_participant_joint_results_received_total', 'Lessor-forwarded HE results this third participant admitted, by lessor', 'lessor'),
  });
  const jointParty = jointPartyAcceptor(jointDatasets, jointInbox, log);
  // One channel kind per role: a joint round or a lessor's forwarded result (this participant as the third party C), or a leased sub-task (as lessor).
  channels.onOpen((source, frame) =>
    frame.strategy === JOINT_CHANNEL ? jointParty(source, frame) : frame.strategy === JOINT_FORWARD_CHANNEL ? jointInbox.acceptor(source, frame) : lessor.accept(source, frame),
  );
  if (config.jobs.chaosCorruptResults) log.warn('FAULT INJECTION ON: this lessor corrupts the results it sends (DATANET_CHAOS_CORRUPT_RESULTS)');
  if (config.jobs.allowSimulatedEnclave) log.warn('accepting quotes of the SIMULATED software enclave: no hardware protects lessors\' execution (docs/decisions/simulated-enclave.md)');
  const jobs = new JobRunner({
    ds,
    outbox,
    router: channels,
    orders,
    market,
    leases,
    self: { nodeId: config.nodeId, hubId: config.hubId },
    settlementIds: config.topology.settlement.filter((x) => x.hubs.includes(config.hubId)).map((x) => x.id),
    caCertPem: identity.caCertPem,
    log,
    nowMs: () => systemClock.nowMs(),
    counters: {
      jobs: metrics.counter('datanet_participant_jobs_total', 'Jobs by state reached (created, completed, failed, cancelled)', 'state'),
      attempts: metrics.counter('datanet_participant_subtask_attempts_total', 'Sub-task attempts as lessee, by outcome', 'outcome'),
    },
    options: { ...config.jobs, pollMs: 200 },
  });
  const inbox = new Inbox({
    ds,
    self: { nodeId: config.nodeId, hubId: config.hubId, keyAgreementPrivateKey: identity.keyAgreementPrivateKey },
    trust,
    clock: systemClock,
    time: { maxTtlMs: config.topology.envelope.maxTtlSeconds * 1000, clockSkewMs: config.topology.envelope.clockSkewSeconds * 1000 },
    outbox,
    deadLetters,
    leases,
    channels,
    log,
    counters: {
      received: metrics.counter('datanet_participant_received_total', 'Messages delivered to the application, by type', 'type'),
      duplicates: metrics.counter('datanet_participant_duplicates_total', 'Redelivered messages absorbed by message-id deduplication', 'none'),
      rejected: metrics.counter('datanet_participant_rejected_total', 'Inbox messages dead-lettered, by reason code', 'reason'),
    },
  });
  outbox.start();
  await jobs.resume();
  return {
    config,
    ds,
    bus,
    identity,
    directory,
    inbox,
    outbox,
    deadLetters,
    market,
    orders,
    leases,
    clock: systemClock,
    metrics,
    jobs,
    jointDatasets,
    channels,
    inboxGroup: groups.inbox(config.nodeId),
    inboxTopic: topics.inbox(config.nodeId),
    close: async () => {
      await jobs.close();
      channels.closeAll('participant stopping');
      await lessor.close();
      await outbox.stop();
      await bus.close();
      await ds.destroy();
    },
  };
}
