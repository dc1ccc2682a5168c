import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresAuditLog } from '#libs/audit';
import type { DeliveredRecord } from '#libs/bus';
import { MessageType, pb, SUBTASK_REPORT_CONTENT_TYPE } from '#libs/contracts';
import { leaseTerms, signLease, type LeaseInput } from '#libs/lease';
import { availableAccount, escrowAccount, hubFeesAccount } from '#libs/ledger';
import { JsonLogger, MetricsRegistry } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { buildEnvelope, CaTrust, decodeEnvelope, stampEnvelope } from '#libs/relay';
import { ApiError } from '#libs/service-kit';
import { makeTestNetwork, type TestNetwork } from '../../../../libs/relay/src/test-network.js';
import { SettlementInbox } from '../inbox.js';
import { LeaseBooking } from '../ledger/lease-booking.js';
import { LedgerController } from '../ledger/ledger.controller.js';
import { SettlementLedgerService } from '../ledger/ledger.service.js';
import { LEASE_CONTENT_TYPE, MARKET_LEASE_TYPE, SettlementLeaseStore } from '../leases.js';
import { settlementMigrations } from '../migrations.js';
import type { SettlementRuntime } from '../runtime.js';
import { JobsController } from './jobs.controller.js';
import { ledgerIdsOf, SubTaskReportCode } from './report-check.js';
import { SubTaskReports, type EvidenceView, type JobCostView } from './subtask-reports.js';

const url = (): string => {
  const u = process.env.DATANET_TEST_DATABASE_URL;
  if (!u) throw new Error('integration tier needs DATANET_TEST_DATABASE_URL (jest global setup)');
  return u;
};
const schema = `settle_reports_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const FEES = { lesseeHubFeeBps: 100, lessorHubFeeBps: 50 };
const LEASE_START = Date.now();
const kex = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SECRET = 'SECRET-PLAINTEXT-ROW-4242';

let net: TestNetwork;
let ds: DataSource;
let ledger: SettlementLedgerService;
let booking: LeaseBooking;
let reports: SubTaskReports;
let inbox: SettlementInbox;
let leases: SettlementLeaseStore;
let deadLetters: DeadLetterRepository;
let metrics: MetricsRegistry;
let offset = 0;
let buyN = 0;
const opened: DataSource[] = [];

const ledgerService = (d: DataSource): SettlementLedgerService =>
  new SettlementLedgerService({
    ds: d,
    audit: new PostgresAuditLog(d),
    fees: FEES,
    log: silent,
    onFatal: (e) => {
      throw e;
    },
  });

const leaseInput = (over: Partial<LeaseInput> = {}): LeaseInput => ({
  lessee: 'a1', lessor: 'b1', lesseeHub: 'hub-a', lessorHub: 'hub-b', buyOrderId: `buy-${++buyN}`, sellOrderId: 'sell-1', cores: 4, memoryMib: 4096, durationS: 600,
  priceMinorPerCoreSecond: 3, startMs: LEASE_START, capabilities: ['tee'], securityLevel: 2, fillIndex: 0, ...over,
});

/** A lease contract signed by both hubs, as a hub delivers it to the exchange; and its id. */
function lease(over: Partial<LeaseInput> = {}): { id: string; via: (hubId: string) => DeliveredRecord } {
  const terms = leaseTerms(leaseInput(over));
  const body = pb.LeaseContract.encode({ terms, signatures: ['hub-a', 'hub-b'].map((h) => signLease(terms, net.hubs[h]!)) }).finish();
  const via = (hubId: string): DeliveredRecord => {
    const h = net.hubs[hubId]!;
    const built = buildEnvelope({ nodeId: hubId, hubId, signingKey: h.signingKey, chainDer: [h.certDer] }, { nodeId: 'exchange', hubId, keyAgreementKey: kex.publicKey }, { type: MARKET_LEASE_TYPE, sessionId: 'lease', contentType: LEASE_CONTENT_TYPE, body, ttlMs: 60_000 }, Date.now());
    return record(stampEnvelope(pb.Envelope.decode(built.bytes), h, Date.now()));
  };
  return { id: pb.LeaseTerms.decode(terms).leaseId, via };
}

const record = (value: Uint8Array): DeliveredRecord => ({ topic: 'node.exchange.inbox', partition: 0, offset: String(offset++), key: 'k', value, headers: {}, timestampMs: Date.now() });

type ReportFields = Parameters<typeof pb.SubTaskReport.encode>[0];
/** A report of one attempt; times are `durationMs` ending a minute ago. */
function report(leaseId: string, jobId: string, subTaskId: string, over: Partial<ReportFields> & { durationMs?: number } = {}): ReportFields {
  const attempt = over.attempt ?? 1;
  const ended = Date.now() - 60_000;
  const { durationMs = 2_500, ...rest } = over;
  return {
    reportId: `${jobId}/${subTaskId}#${attempt}`, jobId, subTaskId, attempt, leaseId, lessee: 'a1', lessor: 'b1', strategy: 'tee-symmetric', outcome: 'completed',
    startedAtMs: ended - durationMs, endedAtMs: ended, resultDigest: new Uint8Array(32).fill(0xab), inputBytes: 1 << 20, resultBytes: 4096, rows: 1000, failureCode: '', ...rest,
  };
}

/** A report envelope from a participant through its own hub, as it arrives on that hub's bus. */
function fromParticipant(pid: string, body: Uint8Array, contentType = SUBTASK_REPORT_CONTENT_TYPE): DeliveredRecord {
  const p = net.participants[pid]!;
  const built = buildEnvelope(p.sender, { nodeId: 'exchange', hubId: p.sender.hubId, keyAgreementKey: kex.publicKey }, { type: MessageType.SubTaskReport, sessionId: 'job', contentType, body, ttlMs: 60_000 }, Date.now());
  return record(stampEnvelope(pb.Envelope.decode(built.bytes), net.hubs[p.sender.hubId]!, Date.now()));
}
const encode = (r: ReportFields): Uint8Array => pb.SubTaskReport.encode(r).finish();
const send = async (pid: string, r: ReportFields | Uint8Array, contentType?: string): Promise<DeliveredRecord> => {
  const rec = fromParticipant(pid, r instanceof Uint8Array ? r : encode(r), contentType);
  await inbox.handle(net.participants[pid]!.sender.hubId, rec);
  return rec;
};

const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await ds.query<{ n: string }[]>(sql, params))[0]?.n);
const codes = async (): Promise<string[]> => (await deadLetters.list({ limit: 1000 })).map((d) => d.reasonCode);
const lastCode = async (): Promise<string | undefined> => (await codes()).at(-1);
const usagePostings = async (eventId: string): Promise<number> => count(`SELECT count(DISTINCT posting_seq) AS n FROM ledger_entries WHERE event_id = $1`, [eventId]);
const evidence = async (jobId: string): Promise<EvidenceView[]> => (await reports.evidenceOfJob(jobId, undefined, 1000))?.reports ?? [];
const cost = async (jobId: string): Promise<JobCostView> => {
  const c = await reports.jobCost(jobId);
  if (!c) throw new Error(`no cost for ${jobId}`);
  return c;
};

beforeAll(async () => {
  net = await makeTestNetwork('settlement-reports-it', { 'hub-a': ['a1', 'a2'], 'hub-b': ['b1', 'b2'] });
  ds = await openServiceDataSource({ url: url(), schema, entities: [], migrations: settlementMigrations, applicationName: 'reports-int-spec' });
  opened.push(ds);
  const trust = new CaTrust(net.caCertPem);
  metrics = new MetricsRegistry();
  deadLetters = new DeadLetterRepository(ds);
  leases = new SettlementLeaseStore(ds, trust);
  ledger = ledgerService(ds);
  await ledger.rebuild();
  booking = new LeaseBooking(ds, ledger, silent, 'exchange');
  const rejected = metrics.counter('rejected', 'x', 'reason');
  const reportCounter = metrics.counter('reports', 'r', 'outcome');
  reports = new SubTaskReports({ ds, ledger, log: silent, counters: { reports: reportCounter, rejected }, limits: { awaitingPerLease: 3, awaitingTotal: 100 } });
  inbox = new SettlementInbox({
    ds,
    nodeId: 'exchange',
    keyAgreementPrivateKey: kex.privateKey,
    trust,
    clock: { nowMs: () => Date.now() },
    time: { maxTtlMs: 3_600_000, clockSkewMs: 30_000 },
    deadLetters,
    leases,
    reports,
    onLeaseStored: async (terms, viaHub) => {
      await booking.book(terms, viaHub);
      await reports.releaseAwaiting(terms.leaseId);
    },
    log: silent,
    counters: { received: metrics.counter('received', 'r', 'hub'), rejected, leases: metrics.counter('leases', 'l', 'outcome'), reports: reportCounter },
  });
  await ledger.apply({ type: 'Deposit', eventId: 'deposit:it-1', participantId: 'a1', amountMinor: 10_000_000n }, { actor: 'operator', origin: 'test' });
});

afterAll(async () => {
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  for (const d of opened) await d.destroy();
});

describe('settlement: sub-task reports', () => {
  let L1: string;
  const job = 'job-once';
  const ids = ledgerIdsOf(`${job}/st-1#1`);

  it('applies a report once: bus redelivery and another message id with the same content change nothing', async () => {
    const l = lease();
    L1 = l.id;
    await inbox.handle('hub-a', l.via('hub-a'));
    const r = report(L1, job, 'st-1');
    const first = await send('a1', r);
    await inbox.handle('hub-a', first); // the bus delivers the same record again
    await send('a1', r); // the lessee sends it again (new message id)
    expect(await usagePostings(ids.eventId)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM ledger_events WHERE event_id LIKE $1`, [`${ids.eventId}%`])).toBe(1);
    // 2.5 s rounds up to 3 s, on 4 cores: 12 core-seconds at 3 = 36.
    expect(ledger.leaseCost(L1)).toMatchObject({ usedCoreSeconds: 12n, usageMinor: 36n, subTasks: 1 });
    const ev = await evidence(job);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ reportId: `${job}/st-1#1`, meteredCoreSeconds: '12', viaHub: 'hub-a', messageId: messageIdOf(first), ledger: { status: 'applied', code: null }, conflicts: 0 });
    expect(metrics.render()).toContain('reports{outcome="accepted"} 1');
    expect(metrics.render()).toContain('reports{outcome="duplicate"} 1');
    expect(await count(`SELECT count(*) AS n FROM subtask_reports WHERE ledger_recorded_at IS NULL`)).toBe(0);
    expect(await codes()).toEqual([]);
  });

  it('records the same report id with other content as a conflict: dead-lettered, counted, in the ledger\'s conflict log when its metering differs, never applied', async () => {
    const before = ledger.balances();
    await send('a1', report(L1, job, 'st-1', { resultDigest: new Uint8Array(32).fill(0xcd) }));
    expect(await lastCode()).toBe(SubTaskReportCode.Conflict);
    await send('a1', report(L1, job, 'st-1', { durationMs: 9_000 }));
    expect(await lastCode()).toBe(SubTaskReportCode.Conflict);
    expect(ledger.balances()).toEqual(before);
    expect(await usagePostings(ids.eventId)).toBe(1);
    // Only the second one meters differently: the ledger records that conflict (and audits it).
    expect(await count(`SELECT count(*) AS n FROM ledger_events WHERE event_id LIKE $1 AND status = 'exists_with_different_content'`, [`${ids.eventId}#conflict#%`])).toBe(1);
    expect((await evidence(job))[0]).toMatchObject({ conflicts: 2, resultSha256: 'ab'.repeat(32) });
    expect((await cost(job)).attempts[0]).toMatchObject({ conflicts: 2, usageMinor: '36' });
    expect(metrics.render()).toContain(`rejected{reason="${SubTaskReportCode.Conflict}"} 2`);
  });

  it('parks a report that arrives before its lease and applies it when the lease comes; a wrong party\'s parked report is dead-lettered then and does not block it', async () => {
    const l = lease({ cores: 2 });
    const jobEarly = 'job-early';
    // a2 claims a report of the same id on a1's lease (naming itself as lessee): parked too, decided when the lease comes.
    await send('a2', report(l.id, jobEarly, 'st-1', { lessee: 'a2' }));
    await send('a1', report(l.id, jobEarly, 'st-1', { durationMs: 4_000 }));
    expect((await evidence(jobEarly)).map((e) => e.ledger.status)).toEqual(['awaiting-lease', 'awaiting-lease']);
    expect(await cost(jobEarly)).toMatchObject({ totals: { attempts: 0, awaitingLease: 2, totalMinor: '0' } });
    expect(ledger.hasEvent(ledgerIdsOf(`${jobEarly}/st-1#1`).eventId)).toBe(false);
    expect(metrics.render()).toContain('reports{outcome="awaiting-lease"} 2');

    await inbox.handle('hub-b', l.via('hub-b'));
    const ev = await evidence(jobEarly);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ lessee: 'a1', meteredCoreSeconds: '8', ledger: { status: 'applied', code: null } });
    expect(ledger.leaseCost(l.id)).toMatchObject({ usedCoreSeconds: 8n, usageMinor: 24n });
    expect(await lastCode()).toBe(SubTaskReportCode.LeaseMismatch);
    const dl = (await deadLetters.list({ limit: 1000 })).at(-1);
    expect(dl).toMatchObject({ source: 'a2', topic: null });
    expect(metrics.render()).toContain('reports{outcome="released"} 1');
  });

  it('bounds the reports waiting for a lease (SUBTASK_REPORT_PARK_FULL)', async () => {
    const unknown = randomBytes(16).toString('hex');
    for (const st of ['p1', 'p2', 'p3', 'p4']) await send('a1', report(unknown, 'job-park', st));
    expect(await lastCode()).toBe(SubTaskReportCode.ParkFull);
    expect((await evidence('job-park')).length).toBe(3);
  });

  it('rejects a participant reporting on another\'s lease: as the lessee (SOURCE_INVALID) or naming itself (LEASE_MISMATCH)', async () => {
    const before = await count(`SELECT count(*) AS n FROM subtask_reports`);
    await send('a2', report(L1, 'job-foreign', 'st-1'));
    expect(await lastCode()).toBe(SubTaskReportCode.SourceInvalid);
    await send('a2', report(L1, 'job-foreign', 'st-1', { lessee: 'a2' }));
    expect(await lastCode()).toBe(SubTaskReportCode.LeaseMismatch);
    // A participant of another hub with the lease's lessee name cannot exist: certificates bind the id to its hub.
    expect(await count(`SELECT count(*) AS n FROM subtask_reports`)).toBe(before);
    expect(await reports.jobCost('job-foreign')).toBeUndefined();
  });

  it('rejects a report naming another lessor than the lease\'s (LEASE_MISMATCH)', async () => {
    await send('a1', report(L1, 'job-lessor', 'st-1', { lessor: 'b2' }));
    expect(await lastCode()).toBe(SubTaskReportCode.LeaseMismatch);
    expect(await reports.jobCost('job-lessor')).toBeUndefined();
  });

  it('dead-letters malformed reports with their codes and keeps going', async () => {
    await send('a1', new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    expect(await lastCode()).toBe(SubTaskReportCode.Malformed);
    await send('a1', report(L1, 'job-bad', 'st-1'), 'application/json');
    expect(await lastCode()).toBe(SubTaskReportCode.Malformed);
    await send('a1', report(L1, 'job-bad', 'st-1', { reportId: 'job-bad/st-1#2' }));
    expect(await lastCode()).toBe(SubTaskReportCode.IdMismatch);
    await send('a1', report(L1, 'job-bad', 'st-1', { outcome: 'succeeded' }));
    expect(await lastCode()).toBe(SubTaskReportCode.OutcomeInvalid);
    await send('a1', report(L1, 'job-bad', 'st-1', { startedAtMs: Date.now() - 1_000, endedAtMs: Date.now() - 5_000 }));
    expect(await lastCode()).toBe(SubTaskReportCode.TimeInvalid);
    await send('a1', report(L1, 'job-bad', 'st-1', { resultDigest: new Uint8Array(16) }));
    expect(await lastCode()).toBe(SubTaskReportCode.DigestInvalid);
    expect(await reports.jobCost('job-bad')).toBeUndefined();
    // Still serving: a good report after them is applied.
    await send('a1', report(L1, 'job-bad', 'st-1'));
    expect((await evidence('job-bad'))[0]?.ledger.status).toBe('applied');
  });

  it('breaks a job\'s cost down per attempt as the ledger charged it (metering, cap, failed lessor, fees floored on cumulative usage)', async () => {
    const L3 = lease({ cores: 4, priceMinorPerCoreSecond: 3 });
    const L4 = lease({ lessor: 'b2', cores: 1, durationS: 10, priceMinorPerCoreSecond: 2 });
    await inbox.handle('hub-a', L3.via('hub-a'));
    await inbox.handle('hub-a', L4.via('hub-a'));
    const j = 'job-cost';
    await send('a1', report(L3.id, j, 's1', { durationMs: 2_500 })); //   3 s × 4 = 12 cs → 36; fees floor(.36)=0, floor(.18)=0
    await send('a1', report(L3.id, j, 's2', { durationMs: 10_000, strategy: 'he' })); // 40 cs → 120; cum 156: fees 1, 0
    await send('a1', report(L3.id, j, 's3', { durationMs: 30_000, outcome: 'cancelled-lessee', failureCode: 'JOB_CANCELLED' })); // 120 cs → 360; cum 516: fees 5-1=4, 2-0=2
    await send('a1', report(L3.id, j, 's4', { durationMs: 5_000, outcome: 'failed-lessor', failureCode: 'LESSOR_CRASHED', resultDigest: new Uint8Array(0), resultBytes: 0 })); // metered 20, billed 0
    await send('a1', report(L4.id, j, 's5', { lessor: 'b2', durationMs: 25_000 })); // 25 cs capped at 10 → 20; fees 0, 0
    const c = await cost(j);
    expect(c.attempts.map((a) => [a.subTaskId, a.outcome, a.meteredCoreSeconds, a.billedCoreSeconds, a.usageMinor, a.lesseeHubFee?.amountMinor, a.lessorHubFee?.amountMinor, a.totalMinor])).toEqual([
      ['s1', 'completed', '12', '12', '36', '0', '0', '36'],
      ['s2', 'completed', '40', '40', '120', '1', '0', '121'],
      ['s3', 'cancelled-lessee', '120', '120', '360', '4', '2', '366'],
      ['s4', 'failed-lessor', '20', '0', '0', '0', '0', '0'],
      ['s5', 'completed', '25', '10', '20', '0', '0', '20'],
    ]);
    expect(c.attempts[4]).toMatchObject({ leaseId: L4.id, lessor: 'b2', ledger: { status: 'applied', code: 'LEDGER_USAGE_CAPPED' }, lesseeHubFee: { hubId: 'hub-a', bps: 100 }, lessorHubFee: { hubId: 'hub-b', bps: 50 } });
    expect(c.totals).toEqual({
      attempts: 5, awaitingLease: 0, meteredCoreSeconds: '217', billedCoreSeconds: '182', usageMinor: '536', lesseeHubFeesMinor: '5', lessorHubFeesMinor: '2',
      feesByHub: { 'hub-a': '5', 'hub-b': '2' }, totalMinor: '543',
    });
    expect(c.leases).toEqual([L3.id, L4.id]);
    // The per-attempt split adds up to the ledger's own lease totals (fees floored on the lease's cumulative usage).
    const lc = ledger.leaseCost(L3.id);
    expect([lc?.usageMinor, lc?.lesseeHubFee.amountMinor, lc?.lessorHubFee.amountMinor, lc?.totalChargedMinor]).toEqual([516n, 5n, 2n, 523n]);
    // And to the money that moved: the lessor's available account got the usage.
    expect(ledger.balances()[availableAccount('b2')]).toBe(20n);
    expect(ledger.balances()[hubFeesAccount('hub-a')]).toBeGreaterThanOrEqual(5n);
    expect(ledger.checkInvariants()).toEqual([]);
  });

  it('shows nothing but ids, digests, sizes and times as evidence: no payload, no key, no report body kept', async () => {
    const l = lease();
    await inbox.handle('hub-a', l.via('hub-a'));
    // A report padded with an unknown field full of "plaintext": protobuf skips it, settlement never keeps it.
    const padded = Buffer.concat([Buffer.from(encode(report(l.id, 'job-evidence', 'st-1'))), encodeUnknownField(99, Buffer.from(SECRET))]);
    await send('a1', padded);
    const ev = await evidence('job-evidence');
    expect(ev).toHaveLength(1);
    expect(Object.keys(ev[0] ?? {}).sort()).toEqual(
      ['attempt', 'conflicts', 'endedAtMs', 'failureCode', 'inputBytes', 'jobId', 'leaseId', 'ledger', 'ledgerEventId', 'lessee', 'lessor', 'messageId', 'meteredCoreSeconds', 'outcome', 'receivedAt', 'reportId', 'resultBytes', 'resultSha256', 'rows', 'startedAtMs', 'strategy', 'subTaskId', 'viaHub'].sort(),
    );
    expect(ev[0]).toMatchObject({ resultSha256: 'ab'.repeat(32), inputBytes: 1 << 20, resultBytes: 4096, rows: 1000 });
    expect(JSON.stringify(ev)).not.toContain(SECRET);
    const rows: unknown[] = await ds.query(`SELECT * FROM subtask_reports`);
    expect(JSON.stringify(rows)).not.toContain(Buffer.from(SECRET).toString('hex'));
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    // The only binary column is the 32-byte content fingerprint; report messages keep no body in received_events.
    const bytea: { column_name: string }[] = await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'subtask_reports' AND data_type = 'bytea'`, [schema]);
    expect(bytea.map((c) => c.column_name)).toEqual(['content_sha256']);
    expect(await count(`SELECT count(*) AS n FROM received_events WHERE type = $1 AND length(body) > 0`, [MessageType.SubTaskReport])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM received_events WHERE type = $1`, [MessageType.SubTaskReport])).toBeGreaterThan(5);
  });

  it('shows the evidence with the lease cost, and answers 404 for an unknown job', async () => {
    const rt = { ledger, reports } as unknown as SettlementRuntime;
    const leaseCost = (await new LedgerController(rt).cost(L1)) as { usageMinor: string; evidence: EvidenceView[] };
    expect(leaseCost.usageMinor).toBe('72'); // job-once's and job-bad's report, 36 each
    expect(leaseCost.evidence.map((e) => e.reportId)).toEqual([`${job}/st-1#1`, 'job-bad/st-1#1']);
    const jobs = new JobsController(rt);
    for (const call of [() => jobs.cost('job-nobody-ran'), () => jobs.evidence('job-nobody-ran', { limit: 10 })]) {
      const e: unknown = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect([(e as ApiError).getStatus(), (e as ApiError).getResponse()]).toEqual([404, { error: { code: 'JOB_UNKNOWN', message: 'no sub-task report of job job-nobody-ran was received' } }]);
    }
    const page1 = (await jobs.evidence('job-cost', { limit: 2 })) as { reports: EvidenceView[]; next: string };
    const page2 = (await jobs.evidence('job-cost', { limit: 10, after: page1.next })) as { reports: EvidenceView[] };
    expect([...page1.reports, ...page2.reports].map((e) => e.subTaskId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });
});

describe('settlement: sub-task reports after a crash', () => {
  it('applies an accepted report whose ledger event never got written, once, and a restart replays the same balances', async () => {
    const l = lease();
    await inbox.handle('hub-a', l.via('hub-a'));
    const checked = (await import('./report-check.js')).checkSubTaskReport(
      { source: 'a1', senderRole: 'participant', contentType: SUBTASK_REPORT_CONTENT_TYPE, body: encode(report(l.id, 'job-crash', 'st-1', { durationMs: 7_000 })) },
      Date.now(),
      30_000,
    );
    if (!checked.ok) throw new Error(checked.detail);
    // The accepting transaction commits, then the process dies before the ledger event.
    expect(await ds.transaction((m) => reports.store(m, checked.report, { viaHub: 'hub-a', senderHub: 'hub-a', messageId: 'm-crash' }))).toBe('accepted');
    const eventId = ledgerIdsOf('job-crash/st-1#1').eventId;
    expect(ledger.hasEvent(eventId)).toBe(false);
    expect((await evidence('job-crash'))[0]?.ledger.status).toBe('pending');

    const restartedDs = await openServiceDataSource({ url: url(), schema, entities: [], migrations: settlementMigrations, applicationName: 'reports-int-spec' });
    opened.push(restartedDs);
    const restarted = ledgerService(restartedDs);
    await restarted.rebuild();
    await new LeaseBooking(restartedDs, restarted, silent, 'exchange').reconcile();
    const again = new SubTaskReports({ ds: restartedDs, ledger: restarted, log: silent, counters: { reports: metrics.counter('r2', 'r'), rejected: metrics.counter('x2', 'x') } });
    expect(await again.reconcile()).toEqual({ released: 0, recorded: 1 });
    expect(await again.reconcile()).toEqual({ released: 0, recorded: 0 });
    expect(restarted.leaseCost(l.id)).toMatchObject({ usedCoreSeconds: 28n, usageMinor: 84n });
    expect(await count(`SELECT count(*) AS n FROM subtask_reports WHERE ledger_recorded_at IS NULL AND state = 'accepted'`)).toBe(0);
    // The old process's view is stale now; a third start replays everything to the restarted one's balances.
    const third = ledgerService(restartedDs);
    await third.rebuild();
    expect(third.balances()).toEqual(restarted.balances());
    expect(third.checkInvariants()).toEqual([]);
    expect(third.balances()[escrowAccount('a1')]).toBeGreaterThan(0n);
    ledger = restarted; // the next spec continues on the live ledger
  });

  it('releases reports waiting for a lease that was stored before a crash (before its release ran)', async () => {
    const restartedDs = opened[opened.length - 1]!;
    const live = ledger;
    const svc = new SubTaskReports({ ds: restartedDs, ledger: live, log: silent, counters: { reports: metrics.counter('r3', 'r'), rejected: metrics.counter('x3', 'x') } });
    const l = lease();
    const checked = (await import('./report-check.js')).checkSubTaskReport(
      { source: 'a1', senderRole: 'participant', contentType: SUBTASK_REPORT_CONTENT_TYPE, body: encode(report(l.id, 'job-crash-2', 'st-1')) },
      Date.now(),
      30_000,
    );
    if (!checked.ok) throw new Error(checked.detail);
    expect(await restartedDs.transaction((m) => svc.store(m, checked.report, { viaHub: 'hub-a', senderHub: 'hub-a', messageId: 'm-crash-2' }))).toBe('awaiting-lease');
    // The lease is stored (its transaction commits) and the process dies before booking and release: an inbox without the callback.
    const quiet = new SettlementInbox({
      ds: restartedDs, nodeId: 'exchange', keyAgreementPrivateKey: kex.privateKey, trust: new CaTrust(net.caCertPem), clock: { nowMs: () => Date.now() }, time: { maxTtlMs: 3_600_000, clockSkewMs: 30_000 },
      deadLetters: new DeadLetterRepository(restartedDs), leases: new SettlementLeaseStore(restartedDs, new CaTrust(net.caCertPem)), log: silent,
      counters: { received: metrics.counter('rx', 'r'), rejected: metrics.counter('rj', 'r'), leases: metrics.counter('lx', 'r') },
    });
    await quiet.handle('hub-a', l.via('hub-a'));
    expect((await svc.evidenceOfJob('job-crash-2', undefined, 10))?.reports[0]?.ledger.status).toBe('awaiting-lease');
    await new LeaseBooking(restartedDs, live, silent, 'exchange').reconcile();
    expect(await svc.reconcile()).toEqual({ released: 1, recorded: 0 });
    expect((await svc.evidenceOfJob('job-crash-2', undefined, 10))?.reports[0]?.ledger).toEqual({ status: 'applied', code: null });
    expect(live.leaseCost(l.id)).toMatchObject({ usedCoreSeconds: 12n });
  });
});

function messageIdOf(r: DeliveredRecord): string {
  const d = decodeEnvelope(r.value);
  if (!d.ok) throw new Error(d.code);
  return d.header.messageId;
}

/** Protobuf wire bytes of an unknown length-delimited field (settlement must ignore and never keep it). */
function encodeUnknownField(fieldNumber: number, bytes: Buffer): Buffer {
  const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return out;
  };
  return Buffer.concat([Buffer.from(varint((fieldNumber << 3) | 2)), Buffer.from(varint(bytes.length)), bytes]);
}
