import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { groups, topics } from '#libs/contracts';
import { verifyChain } from '#libs/crypto';
import type { DeliveredRecord, MessageBus } from '#libs/bus';
import { pkiPaths } from '#libs/identity';
import { MetricsRegistry, type JsonLogger } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { CaTrust, systemClock } from '#libs/relay';
import { openSubnetBus } from '#libs/service-kit';
import type { SettlementConfig } from './config.js';
import { SettlementInbox } from './inbox.js';
import { SettlementLeaseStore } from './leases.js';
import { PostgresAuditLog } from '#libs/audit';
import { settlementMigrations } from './migrations.js';
import { LeaseBooking } from './ledger/lease-booking.js';
import { SettlementLedgerService } from './ledger/ledger.service.js';
import { SubTaskReports } from './reports/subtask-reports.js';

export const SETTLEMENT_RUNTIME = Symbol('SETTLEMENT_RUNTIME');

const LEASE_END_CHECK_MS = 1_000;
/** Reports waiting for a lease that came meanwhile, and reports the ledger refused for a limit, are retried this often. */
const REPORT_RECONCILE_MS = 5_000;

export interface SettlementRuntime {
  readonly ledger: SettlementLedgerService;
  readonly audit: PostgresAuditLog;
  readonly config: SettlementConfig;
  readonly ds: DataSource;
  readonly buses: ReadonlyMap<string, MessageBus>;
  readonly metrics: MetricsRegistry;
  readonly leases: SettlementLeaseStore;
  readonly reports: SubTaskReports;
  readonly deadLetters: DeadLetterRepository;
  readonly inboxGroup: string;
  readonly inboxTopic: string;
  handle(viaHub: string, record: DeliveredRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * The data exchange's settlement service. Its identity is certified by the
 * network CA (it is not admitted by one hub); it reads its inbox on the bus of
 * every hub it settles and records each verified event once, and each verified
 * lease contract once however many of its hubs deliver it.
 */
export async function startSettlementRuntime(config: SettlementConfig, log: JsonLogger): Promise<SettlementRuntime> {
  const p = pkiPaths(config.pkiDir);
  const caCertPem = await readFile(p.caCert, 'utf8');
  for (const [cert, usage] of [[p.signingCert, 'signing'], [p.kexCert, 'key-agreement']] as const) {
    const r = await verifyChain({ leafPem: await readFile(cert, 'utf8'), intermediatesPem: [], trustAnchorPem: caCertPem, at: new Date(), expectedUsage: usage, expectedRole: 'settlement' });
    if (!r.ok || r.nodeId !== config.nodeId) throw new Error(`settlement ${usage} certificate invalid: ${r.ok ? r.nodeId : `${r.code} ${r.detail}`}`);
  }
  const kexKey = createPrivateKey(await readFile(p.kexKey, 'utf8'));
  const ds = await openServiceDataSource({ url: config.databaseUrl, schema: config.dbSchema, entities: [], migrations: settlementMigrations, applicationName: config.nodeId });
  const buses = new Map(config.served.map((s) => [s.hubId, openSubnetBus(config.bus, s.subnetId, config.nodeId)] as const));
  const trust = new CaTrust(caCertPem);
  const deadLetters = new DeadLetterRepository(ds);
  const metrics = new MetricsRegistry();
  const received = metrics.counter('datanet_settlement_received_total', 'Verified events recorded, by hub', 'hub');
  const rejected = metrics.counter('datanet_settlement_rejected_total', 'Events dead-lettered, by reason code', 'reason');
  const time = { maxTtlMs: config.topology.envelope.maxTtlSeconds * 1000, clockSkewMs: config.topology.envelope.clockSkewSeconds * 1000 };
  const leases = new SettlementLeaseStore(ds, trust);
  const audit = new PostgresAuditLog(ds);
  const ledger = new SettlementLedgerService({
    ds,
    audit,
    fees: config.fees,
    log,
    onFatal: (e) => {
      log.error('ledger write failed; restarting from the log', { error: e as Error });
      process.exit(75);
    },
  });
  const replayed = await ledger.rebuild();
  // A report of an attempt that ran until its lease's end may be sent at the end and
  // travel as long as an envelope lives: the lease stays open that long for it.
  const booking = new LeaseBooking(ds, ledger, log, config.nodeId, time.maxTtlMs + time.clockSkewMs);
  await booking.reconcile();
  const reportCounter = metrics.counter('datanet_settlement_subtask_reports_total', 'Sub-task reports recorded, by outcome (accepted, duplicate, awaiting-lease, released)', 'outcome');
  const reports = new SubTaskReports({ ds, ledger, log, counters: { reports: reportCounter, rejected } });
  // After the leases: a report is metered against its booked lease.
  await reports.reconcile();
  log.info('ledger rebuilt from its events', { events: replayed });
  const inbox = new SettlementInbox({
    ds,
    nodeId: config.nodeId,
    keyAgreementPrivateKey: kexKey,
    trust,
    clock: systemClock,
    time,
    deadLetters,
    leases,
    reports,
    onLeaseStored: async (terms, viaHub) => {
      await booking.book(terms, viaHub);
      await reports.releaseAwaiting(terms.leaseId);
    },
    log,
    counters: { received, rejected, reports: reportCounter, leases: metrics.counter('datanet_settlement_leases_total', 'Lease deliveries verified, by outcome (stored, duplicate)', 'outcome') },
  });

  const endTimer = setInterval(() => {
    booking.endDueLeases(Date.now()).catch((e: unknown) => log.warn('ending leases failed; will retry', { error: e as Error }));
  }, LEASE_END_CHECK_MS);
  endTimer.unref();
  let reconciling = false;
  const reportTimer = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    reports
      .reconcile()
      .catch((e: unknown) => log.warn('reconciling sub-task reports failed; will retry', { error: e as Error }))
      .finally(() => (reconciling = false));
  }, REPORT_RECONCILE_MS);
  reportTimer.unref();

  return {
    config,
    ds,
    buses,
    metrics,
    leases,
    reports,
    ledger,
    audit,
    deadLetters,
    inboxGroup: groups.inbox(config.nodeId),
    inboxTopic: topics.inbox(config.nodeId),
    handle: (viaHub, record) => inbox.handle(viaHub, record),
    close: async () => {
      clearInterval(endTimer);
      clearInterval(reportTimer);
      for (const b of buses.values()) await b.close();
      await ds.destroy();
    },
  };
}
