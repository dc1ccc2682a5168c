import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresAuditLog } from '#libs/audit';
import { escrowAccount, availableAccount, hubFeesAccount } from '#libs/ledger';
import { JsonLogger } from '#libs/observability';
import { openServiceDataSource } from '#libs/persistence';
import { settlementMigrations } from '../migrations.js';
import { LeaseBooking } from './lease-booking.js';
import { SettlementLedgerService } from './ledger.service.js';

const schema = `settle_ledger_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const fees = { lesseeHubFeeBps: 100, lessorHubFeeBps: 50 };
const op = { actor: 'operator', origin: 'test' };
const opened: DataSource[] = [];
const open = async (): Promise<DataSource> => {
  const ds = await openServiceDataSource({ url: process.env.DATANET_TEST_DATABASE_URL ?? '', schema, entities: [], migrations: settlementMigrations, applicationName: 'ledger-int-spec' });
  opened.push(ds);
  return ds;
};
afterAll(async () => {
  await opened[0]?.query(`DROP SCHEMA ${schema} CASCADE`);
  for (const d of opened) await d.destroy();
});

const service = (ds: DataSource) =>
  new SettlementLedgerService({
    ds,
    audit: new PostgresAuditLog(ds),
    fees,
    log: silent,
    onFatal: (e) => {
      throw e;
    },
  });

async function storeLease(ds: DataSource, leaseId: string, endMs: number): Promise<void> {
  await ds.query(
    `INSERT INTO leases (lease_id, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, memory_mib, duration_s, price_minor_per_core_second, start_ms, end_ms, capabilities, security_level, max_cost_minor, signed_by, terms_sha256, contract, message_id, via_hubs)
     VALUES ($1, 'a1', 'b1', 'hub-a', 'hub-b', 'buy', 'sell', 2, 2048, 600, 3, $2, $3, '{tee}', 2, 3600, '{hub-a,hub-b}', $4, $5, $6, '{hub-a}')`,
    [leaseId, endMs - 600_000, endMs, randomBytes(32), randomBytes(8), randomBytes(16).toString('hex')],
  );
}

describe('settlement ledger on PostgreSQL', () => {
  it('holds escrow for a stored lease, releases it when the lease ends, and replays to the same balances after a restart', async () => {
    const ds = await open();
    const ledger = service(ds);
    await ledger.rebuild();
    const booking = new LeaseBooking(ds, ledger, silent, 'exchange');
    expect((await ledger.apply({ type: 'Deposit', eventId: 'deposit:r1', participantId: 'a1', amountMinor: 10_000n }, op)).status).toBe('applied');
    const leaseId = randomBytes(16).toString('hex');
    await storeLease(ds, leaseId, Date.now() - 1);
    // The booking runs after the lease's transaction: a crash in between is healed at start.
    expect(await booking.reconcile()).toBe(1);
    expect(await booking.reconcile()).toBe(0);
    const hold = 3600n + 36n + 18n; // max cost + 1% + 0.5%
    expect(ledger.balances()[escrowAccount('a1')]).toBe(hold);
    expect(ledger.balances()[availableAccount('a1')]).toBe(10_000n - hold);
    expect(await booking.endDueLeases(Date.now())).toBe(1);
    expect(await booking.endDueLeases(Date.now())).toBe(0);
    expect(ledger.balances()[escrowAccount('a1')] ?? 0n).toBe(0n);
    expect(ledger.balances()[availableAccount('a1')]).toBe(10_000n);
    expect(ledger.balances()[hubFeesAccount('hub-a')] ?? 0n).toBe(0n);

    const before = ledger.balances();
    const restarted = service(await open());
    expect(await restarted.rebuild()).toBeGreaterThanOrEqual(3);
    expect(restarted.balances()).toEqual(before);
    expect(restarted.checkInvariants()).toEqual([]);
    // Every ledger event is in the audit trail, and the chain verifies.
    const audit = new PostgresAuditLog(ds);
    const verified = await audit.verify({ batch: 2 });
    expect(verified.ok && verified.count).toBe(3);
  });

  it('records a replayed deposit once and refuses a lease the lessee cannot fund', async () => {
    const ds = await open();
    const ledger = service(ds);
    await ledger.rebuild();
    expect((await ledger.apply({ type: 'Deposit', eventId: 'deposit:r1', participantId: 'a1', amountMinor: 10_000n }, op)).status).toBe('exists');
    expect((await ledger.apply({ type: 'Deposit', eventId: 'deposit:r1', participantId: 'a1', amountMinor: 9n }, op)).status).toBe('exists_with_different_content');
    const poor = randomBytes(16).toString('hex');
    const r = await ledger.apply({ type: 'LeaseBooked', eventId: `lease-booked:${poor}`, terms: { leaseId: poor, lessee: 'a9', lessor: 'b1', lesseeHub: 'hub-a', lessorHub: 'hub-b', cores: 1, durationS: 10, priceMinorPerCoreSecond: 1n, startMs: 0, endMs: 10_000, maxCostMinor: 10n } }, op);
    expect(r).toMatchObject({ status: 'rejected', code: 'LEDGER_INSUFFICIENT_FUNDS' });
    const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM ledger_events WHERE event_id LIKE 'deposit:r1%'`);
    expect(rows[0]?.n).toBe(2);
  });
});
