/**
 * `npm run bench:settlement`: ledger events booked per second by the settlement
 * service's real booking path (apps/settlement SettlementLedgerService.apply:
 * libs/ledger's Ledger in memory, then the event, its postings and an audit
 * record appended in one transaction) on an embedded PostgreSQL, with a share
 * of the events (10 % by default) delivered a second time, next to a baseline
 * measured in the same run on the same server: plain single-row INSERTs of the
 * same events (same JSON bodies), one transaction each, through the same kind
 * of connection (openServiceDataSource). The two take turns in 10 rounds (a
 * tenth of the baseline, a tenth of the stream, ...), so a change in the load
 * of a shared machine weighs on both alike.
 *
 * At the end it checks that every redelivery was absorbed (status `exists`,
 * nothing written), that the balances (in memory, and summed from
 * ledger_entries) equal those computed by the ledger's reference model from the
 * stream without duplicates, that every posting and the whole ledger sum to
 * zero, that the audit chain verifies, and that a replay of ledger_events gives
 * the same balances; the run exits 1 when a check fails.
 *
 * Options (or environment): --events N (BENCH_EVENTS, default 5000: distinct
 * events, redeliveries come on top), --redeliver-pct P (BENCH_REDELIVER_PCT,
 * default 10), --participants N (BENCH_PARTICIPANTS, default 40), --seed S
 * (BENCH_SEED, default 1), --keep (BENCH_KEEP_STATE=1: keep the temp dir with
 * the PostgreSQL data). The last line printed is one JSON object with the figures.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { PostgresAuditLog } from '#libs/audit';
import type { ApplyStatus, LedgerEvent } from '#libs/ledger';
import { JsonLogger } from '#libs/observability';
import { ensureDatabase, openServiceDataSource, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#libs/persistence';
import { leaseBookedEventId, ledgerTerms } from '../../apps/settlement/src/ledger/lease-booking.js';
import { SettlementLedgerService } from '../../apps/settlement/src/ledger/ledger.service.js';
import { settlementMigrations } from '../../apps/settlement/src/migrations.js';
import { referenceBalances } from '../../libs/ledger/src/reference.fixtures.js';
import { ConfigError, fmt, round, summarize, type Summary } from '../../tools/load/lib.js';
import { eventJson, generateStream, type Delivery, type Stream } from './stream.js';

// --- options ------------------------------------------------------------------------------------

interface Options {
  readonly events: number;
  readonly redeliverPct: number;
  readonly participants: number;
  readonly seed: number;
  readonly keep: boolean;
}

function options(args: string[]): Options {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { events: { type: 'string' }, 'redeliver-pct': { type: 'string' }, participants: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}; usage: main.js [--events N] [--redeliver-pct P] [--participants N] [--seed S] [--keep]`);
  }
  const int = (flag: string, env: string, fallback: number, min: number, max: number): number => {
    const v = values[flag];
    const raw = typeof v === 'string' ? v : process.env[env];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`--${flag} (${env}) must be an integer in [${min}, ${max}], got ${raw}`);
    return n;
  };
  return {
    events: int('events', 'BENCH_EVENTS', 5000, 100, 200_000),
    redeliverPct: int('redeliver-pct', 'BENCH_REDELIVER_PCT', 10, 0, 100),
    participants: int('participants', 'BENCH_PARTICIPANTS', 40, 2, 10_000),
    seed: int('seed', 'BENCH_SEED', 1, 0, 2 ** 31 - 1),
    keep: values.keep === true || process.env.BENCH_KEEP_STATE === '1',
  };
}

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const progress = (s: string): void => void process.stderr.write(`[bench:settlement] ${s}\n`);

/** The settlement service's default fees (apps/settlement/src/config.ts). */
const FEES = { lesseeHubFeeBps: 100, lessorHubFeeBps: 100 } as const;
const DATABASE = 'datanet_bench';
const SCHEMA = 'settlement';
const WARMUP_SCHEMA = 'settlement_warmup';
const BASELINE_SCHEMA = 'bench_baseline';
/** Events through each path before anything is timed (JIT, connection pool, plan caches). */
const WARMUP_EVENTS = 300;
/** The ledger stream and the baseline take turns this many times. */
const ROUNDS = 10;

/** The baseline's table: an event log without the ledger (no postings, no audit, no rules). */
class BenchPlainEvents1764100000000 implements MigrationInterface {
  name = 'BenchPlainEvents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE plain_events (seq bigserial PRIMARY KEY, event_id text NOT NULL, kind text NOT NULL, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plain_events`);
  }
}

// --- the two paths ------------------------------------------------------------------------------

const silent = new JsonLogger({}, 'error', () => undefined);

function ledgerService(ds: DataSource): SettlementLedgerService {
  return new SettlementLedgerService({
    ds,
    audit: new PostgresAuditLog(ds),
    fees: FEES,
    log: silent,
    onFatal: (e) => {
      throw e;
    },
  });
}

/** What the settlement service applies for this delivery: a lease contract goes through ledgerTerms, as LeaseBooking.book does. */
function ledgerEvent(d: Delivery): LedgerEvent {
  return d.contract ? { type: 'LeaseBooked', eventId: leaseBookedEventId(d.contract.leaseId), terms: ledgerTerms(d.contract) } : d.event;
}

/** Timings of one path, accumulated over the rounds. */
class Meter {
  /** Per call, µs. */
  readonly us: number[] = [];
  seconds = 0;
  /** CPU of this (Node) process, µs. */
  cpuUs = 0;
  /** Seconds of each round. */
  readonly roundSeconds: number[] = [];

  get count(): number {
    return this.us.length;
  }

  /** Runs `calls` one after the other, timing each, as one round. */
  async round<T>(items: readonly T[], call: (item: T) => Promise<number>): Promise<void> {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (const item of items) this.us.push(await call(item));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    this.seconds += seconds;
    this.cpuUs += cpu.user + cpu.system;
    this.roundSeconds.push(seconds);
  }
}

/** The settlement path: SettlementLedgerService.apply, one delivery at a time (as the bus consumer hands them over). */
class LedgerPath extends Meter {
  readonly firstUs: number[] = [];
  readonly redeliveryUs: number[] = [];
  readonly statuses = new Map<ApplyStatus, number>();
  readonly codes = new Map<string, number>();
  /** Redeliveries that came back as anything but `exists`. */
  redeliveriesNotAbsorbed = 0;
  firstNotApplied = 0;

  constructor(private readonly ledger: SettlementLedgerService) {
    super();
  }

  feed(deliveries: readonly Delivery[]): Promise<void> {
    return this.round(deliveries, async (d) => {
      const t0 = performance.now();
      const r = await this.ledger.apply(ledgerEvent(d), d.source);
      const dt = (performance.now() - t0) * 1000;
      (d.redelivery ? this.redeliveryUs : this.firstUs).push(dt);
      this.statuses.set(r.status, (this.statuses.get(r.status) ?? 0) + 1);
      if (r.code && !d.redelivery) this.codes.set(r.code, (this.codes.get(r.code) ?? 0) + 1);
      if (d.redelivery && r.status !== 'exists') this.redeliveriesNotAbsorbed++;
      if (!d.redelivery && r.status !== 'applied') this.firstNotApplied++;
      return dt;
    });
  }
}

/** The baseline: one plain single-row INSERT per event, in a transaction of its own (BEGIN; INSERT; COMMIT). */
class PlainInsertPath extends Meter {
  constructor(
    private readonly ds: DataSource,
    private readonly idPrefix = '',
  ) {
    super();
  }

  feed(events: readonly Delivery[]): Promise<void> {
    return this.round(events, async (d) => {
      const t0 = performance.now();
      await this.ds.transaction(async (m) => {
        await m.query(`INSERT INTO plain_events (event_id, kind, body) VALUES ($1, $2, $3)`, [this.idPrefix + d.event.eventId, d.event.type, eventJson(d.event)]);
      });
      return (performance.now() - t0) * 1000;
    });
  }
}

// --- checks -------------------------------------------------------------------------------------

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

type Balances = Map<string, bigint>;

const nonZero = (entries: Iterable<[string, bigint]>): Balances => new Map([...entries].filter(([, v]) => v !== 0n));

/** '' when equal, else the first differences. */
function diff(expected: Balances, actual: Balances): string {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  const bad = keys.filter((k) => expected.get(k) !== actual.get(k));
  return bad
    .slice(0, 5)
    .map((k) => `${k}: expected ${expected.get(k) ?? 0n}, got ${actual.get(k) ?? 0n}`)
    .join('; ') + (bad.length > 5 ? `; ... ${bad.length} accounts differ` : '');
}

async function verify(ds: DataSource, ledger: SettlementLedgerService, stream: Stream, run: LedgerPath): Promise<{ checks: Check[]; accounts: number; postings: number; entries: number }> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string): void => void checks.push({ name, ok, detail });
  const redelivered = stream.deliveries.length - stream.events.length;

  add('redeliveries absorbed', run.redeliveriesNotAbsorbed === 0 && (run.statuses.get('exists') ?? 0) === redelivered, `${run.statuses.get('exists') ?? 0} of ${redelivered} redeliveries came back 'exists' (no write)`);
  add('first deliveries applied', run.firstNotApplied === 0, `${stream.events.length - run.firstNotApplied} of ${stream.events.length} applied`);

  const reference = nonZero(referenceBalances(stream.events.map((d) => d.event), FEES));
  const memory = nonZero(Object.entries(ledger.balances()));
  const memDiff = diff(reference, memory);
  add('balances = reference without duplicates', memDiff === '', memDiff || `${reference.size} non-zero accounts equal the reference model's (libs/ledger reference.fixtures) on the stream without duplicates`);

  const signed = `CASE side WHEN 'credit' THEN amount_minor ELSE -amount_minor END`;
  const rows: { account: string; balance: string }[] = await ds.query(`SELECT account, SUM(${signed})::text AS balance FROM ledger_entries GROUP BY account`);
  const stored = nonZero(rows.map((r) => [r.account, BigInt(r.balance)]));
  const dbDiff = diff(reference, stored);
  add('ledger_entries balances = reference', dbDiff === '', dbDiff || `${stored.size} accounts summed from ledger_entries equal the reference`);

  const totals: { total: string | null; entries: string; postings: string }[] = await ds.query(`SELECT SUM(${signed})::text AS total, COUNT(*)::text AS entries, COUNT(DISTINCT posting_seq)::text AS postings FROM ledger_entries`);
  const unbalanced: { n: string }[] = await ds.query(`SELECT COUNT(*)::text AS n FROM (SELECT posting_seq FROM ledger_entries GROUP BY posting_seq HAVING SUM(${signed}) <> 0) u`);
  const total = BigInt(totals[0]?.total ?? '0');
  const postings = Number(totals[0]?.postings ?? 0);
  const entries = Number(totals[0]?.entries ?? 0);
  add('postings sum to zero', total === 0n && unbalanced[0]?.n === '0', `all ${entries} entries sum to ${total}; ${unbalanced[0]?.n ?? '?'} of ${postings} postings unbalanced`);

  const logged: { n: string; distinct: string }[] = await ds.query(`SELECT COUNT(*)::text AS n, COUNT(DISTINCT event_id)::text AS distinct FROM ledger_events`);
  add('each event logged once', logged[0]?.n === String(stream.events.length) && logged[0]?.distinct === String(stream.events.length), `ledger_events holds ${logged[0]?.n ?? '?'} rows (${logged[0]?.distinct ?? '?'} event ids) for ${stream.events.length} events`);

  const broken = ledger.checkInvariants();
  add('ledger invariants', broken.length === 0, broken.length ? broken.slice(0, 3).join('; ') : 'none broken');

  const audit = await new PostgresAuditLog(ds).verify({ batch: 1000 });
  add('audit chain', audit.ok && audit.count === stream.events.length, audit.ok ? `${audit.count} records, chain verifies` : `broken at ${audit.brokenAt}: ${audit.reason} ${audit.detail}`);

  const replay = ledgerService(ds);
  const replayed = await replay.rebuild();
  const replayDiff = diff(memory, nonZero(Object.entries(replay.balances())));
  add('replay of ledger_events', replayed === stream.events.length && replayDiff === '', replayDiff || `${replayed} events replayed into the same balances`);

  return { checks, accounts: reference.size, postings, entries };
}

// --- main ---------------------------------------------------------------------------------------

let pgServer: EmbeddedPostgresHandle | undefined;
let stateDir: string | undefined;
let keepState = false;
const sources: DataSource[] = [];
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const ds of sources.splice(0)) await ds.destroy().catch(() => undefined);
    const server = pgServer;
    pgServer = undefined;
    if (server) {
      progress('stopping PostgreSQL');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([server.stop().catch((e: unknown) => progress(`stop failed: ${(e as Error).message}`)), new Promise<void>((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
    }
    if (stateDir && !keepState) rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    else if (stateDir) progress(`state kept in ${stateDir}`);
  })();
  return cleaning;
}

async function open(url: string, schema: string, migrations: readonly (new () => MigrationInterface)[]): Promise<DataSource> {
  const ds = await openServiceDataSource({ url, schema, entities: [], migrations, applicationName: `bench-${schema.replace(/_/g, '-')}` });
  sources.push(ds);
  return ds;
}

const latency = (s: Summary): string => `p50 ${fmt(s.p50, 0)} us, p99 ${fmt(s.p99, 0)} us, max ${fmt(s.max, 0)} us`;

async function main(): Promise<number> {
  const { events, redeliverPct, participants, seed, keep } = options(process.argv.slice(2));
  keepState = keep;

  const stream = generateStream({ events, participants, redeliverPct, seed });
  const redelivered = stream.deliveries.length - stream.events.length;
  const t = stream.byType;
  const bodyBytes = stream.events.reduce((n, d) => n + Buffer.byteLength(eventJson(d.event)), 0) / stream.events.length;
  out(`settlement benchmark: ${events} ledger events + ${redelivered} redeliveries (${redeliverPct} %), seed ${seed}`);
  out(`  stream: ${t.Deposit} Deposit, ${t.LeaseBooked} LeaseBooked, ${t.SubTaskCompleted} SubTaskCompleted, ${t.LeaseEnded} LeaseEnded; ${stream.participants} participants, ${stream.leases} leases; mean body ${fmt(bodyBytes, 0)} bytes`);

  stateDir = mkdtempSync(join(tmpdir(), 'datanet-bench-settlement-'));
  // mkdtemp makes the directory 0700; as root, embedded PostgreSQL runs as the
  // `postgres` OS user, which must be able to traverse it to its data directory.
  chmodSync(stateDir, 0o711);
  progress(`starting embedded PostgreSQL (state in ${stateDir})`);
  const t0 = Date.now();
  pgServer = await startEmbeddedPostgres({ dataDir: join(stateDir, 'pg', 'data') });
  await ensureDatabase(pgServer.adminUrl, DATABASE);
  const url = pgServer.urlFor(DATABASE);
  progress(`PostgreSQL up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const baseDs = await open(url, BASELINE_SCHEMA, [BenchPlainEvents1764100000000]);
  const settleDs = await open(url, SCHEMA, settlementMigrations);
  const settings: { fsync: string; synchronous_commit: string }[] = await settleDs.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`);

  progress(`warm-up: ${WARMUP_EVENTS} events through each path`);
  {
    const warm = generateStream({ events: WARMUP_EVENTS, participants, redeliverPct, seed: seed + 1 });
    const warmDs = await open(url, WARMUP_SCHEMA, settlementMigrations);
    const warmLedger = ledgerService(warmDs);
    await warmLedger.rebuild();
    await new LedgerPath(warmLedger).feed(warm.deliveries);
    await new PlainInsertPath(baseDs, 'warmup:').feed(warm.events);
  }

  const ledger = ledgerService(settleDs);
  await ledger.rebuild();
  // The two paths take turns, ROUNDS times, so a change in the machine's load
  // (it may be shared) weighs on both alike.
  const run = new LedgerPath(ledger);
  const base = new PlainInsertPath(baseDs);
  const slice = <T>(xs: readonly T[], r: number): readonly T[] => xs.slice(Math.floor((xs.length * r) / ROUNDS), Math.floor((xs.length * (r + 1)) / ROUNDS));
  progress(`measuring: ${stream.deliveries.length} deliveries to the ledger and ${stream.events.length} plain inserts, in ${ROUNDS} alternating rounds`);
  for (let r = 0; r < ROUNDS; r++) {
    await base.feed(slice(stream.events, r));
    await run.feed(slice(stream.deliveries, r));
  }

  progress('checking balances, postings, audit chain, replay');
  const v = await verify(settleDs, ledger, stream, run);
  await cleanup();

  const eventsPerSec = stream.events.length / run.seconds;
  const deliveriesPerSec = run.count / run.seconds;
  const baseEventsPerSec = base.count / base.seconds;
  const ratio = eventsPerSec / baseEventsPerSec;
  const first = summarize(run.firstUs);
  const again = summarize(run.redeliveryUs);
  const all = summarize(run.us);
  const b = summarize(base.us);
  const statuses = [...run.statuses].map(([s, n]) => `${s} ${n}`).join(', ');
  const codes = [...run.codes].map(([c, n]) => `${c} ${n}`).join(', ');

  out('');
  out(`embedded PostgreSQL 18 on loopback, fsync=${settings[0]?.fsync ?? '?'}, synchronous_commit=${settings[0]?.synchronous_commit ?? '?'}; one connection in use at a time`);
  out('settlement, SettlementLedgerService.apply (Ledger.apply, then ledger_events + ledger_entries + audit_log in one transaction):');
  out(`  ${run.count} deliveries (${stream.events.length} events + ${redelivered} redeliveries) in ${fmt(run.seconds, 2)} s: ${fmt(deliveriesPerSec, 0)} deliveries/s`);
  out(`  events booked: ${fmt(eventsPerSec, 1)}/s (distinct events / wall time of the whole stream, redeliveries included)`);
  out(`  per first delivery: ${latency(first)}`);
  out(`  per redelivery:     ${latency(again)}`);
  out(`  per delivery (all): ${latency(all)}`);
  out(`  outcomes: ${statuses}${codes ? `; notices on applied events: ${codes}` : ''}`);
  out(`  ${v.postings} postings, ${v.entries} entries (${fmt(v.entries / stream.events.length, 2)} per event); Node CPU ${fmt(run.cpuUs / run.count, 0)} us per delivery`);
  out(`baseline, plain single-row INSERT of the same event bodies (BEGIN; INSERT; COMMIT), taking turns with the stream in ${ROUNDS} rounds:`);
  out(`  ${base.count} inserts in ${fmt(base.seconds, 2)} s: ${fmt(baseEventsPerSec, 1)} events/s; per insert ${latency(b)}`);
  out(`  Node CPU ${fmt(base.cpuUs / base.count, 0)} us per insert`);
  // Per round: distinct events booked per second / plain inserts per second.
  const roundRatios = run.roundSeconds
    .map((sec, r) => slice(stream.deliveries, r).filter((d) => !d.redelivery).length / sec / (slice(stream.events, r).length / (base.roundSeconds[r] ?? Number.NaN)))
    .sort((x, y) => x - y);
  out('');
  out(`ratio settlement / plain insert: ${fmt(ratio, 3)} (per round ${fmt(roundRatios[0] ?? Number.NaN, 3)} .. ${fmt(roundRatios[roundRatios.length - 1] ?? Number.NaN, 3)}, median ${fmt(roundRatios[Math.floor(roundRatios.length / 2)] ?? Number.NaN, 3)}); a first delivery takes ${fmt(first.p50 / b.p50, 1)}x a plain insert at the median`);
  out('checks:');
  for (const c of v.checks) out(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  const failed = v.checks.filter((c) => !c.ok);

  out(
    JSON.stringify({
      bench: 'settlement',
      events: stream.events.length,
      redelivered,
      duplicatesAbsorbed: run.statuses.get('exists') ?? 0,
      deliveries: run.count,
      eventsPerSec: round(eventsPerSec, 1),
      deliveriesPerSec: round(deliveriesPerSec, 1),
      p50Us: round(first.p50, 0),
      p99Us: round(first.p99, 0),
      maxUs: round(first.max, 0),
      redeliveryP50Us: round(again.p50, 0),
      redeliveryP99Us: round(again.p99, 0),
      entriesPerEvent: round(v.entries / stream.events.length, 2),
      baseline: 'plain-insert',
      baselineEventsPerSec: round(baseEventsPerSec, 1),
      baselineP50Us: round(b.p50, 0),
      baselineP99Us: round(b.p99, 0),
      ratio: round(ratio, 4),
      roundRatios: [roundRatios[0], roundRatios[Math.floor(roundRatios.length / 2)], roundRatios[roundRatios.length - 1]].map((x) => round(x ?? Number.NaN, 3)),
      checks: failed.length === 0 ? 'ok' : failed.map((c) => c.name),
    }),
  );
  if (failed.length > 0) {
    progress(`FAILED: ${failed.map((c) => c.name).join(', ')}`);
    return 1;
  }
  return 0;
}

/** Whole run, PostgreSQL start and stop included; the run ends itself after this. */
const HARD_LIMIT_MS = 600_000;
const watchdog = setTimeout(() => {
  process.stderr.write(`[bench:settlement] hard time limit of ${HARD_LIMIT_MS / 1000} s reached; stopping\n`);
  void cleanup().finally(() => process.exit(1));
}, HARD_LIMIT_MS);
/** Set on Ctrl-C: the run is being torn down, so the errors it makes are expected. */
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    interrupted = true;
    progress(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    if (interrupted) return;
    process.stderr.write(`[bench:settlement] ${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await cleanup();
    clearTimeout(watchdog);
    process.exit(e instanceof ConfigError ? 2 : 1);
  });
