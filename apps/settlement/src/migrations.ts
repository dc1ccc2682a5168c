import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_DDL, AUDIT_DROP_DDL } from '#libs/audit';
import { DEAD_LETTERS_DDL } from '#libs/persistence';

export class SettlementInitial1763700000000 implements MigrationInterface {
  name = 'SettlementInitial1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Every verified envelope addressed to this exchange, once (keyed by message id).
      -- The ledger, lease and audit tables arrive with the settlement rules.
      CREATE TABLE received_events (
        message_id text PRIMARY KEY,
        source text NOT NULL,
        type text NOT NULL,
        session_id text NOT NULL,
        via_hub text NOT NULL,
        body bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      ${DEAD_LETTERS_DDL}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters; DROP TABLE received_events;`);
  }
}

/** Leases (patent S202): every verified lease contract of the hubs this exchange settles, once. */
export class SettlementLeases1763800000000 implements MigrationInterface {
  name = 'SettlementLeases1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per lease id, whichever of its two hubs delivered it first; via_hubs
      -- records every hub that delivered it. The terms' digest tells another delivery
      -- of the same lease (no-op) from a conflict (same id, other terms).
      CREATE TABLE leases (
        seq bigserial UNIQUE,
        lease_id text PRIMARY KEY,
        lessee text NOT NULL,
        lessor text NOT NULL,
        lessee_hub text NOT NULL,
        lessor_hub text NOT NULL,
        buy_order_id text NOT NULL,
        sell_order_id text NOT NULL,
        cores integer NOT NULL,
        memory_mib bigint NOT NULL,
        duration_s integer NOT NULL,
        price_minor_per_core_second bigint NOT NULL,
        start_ms bigint NOT NULL,
        end_ms bigint NOT NULL,
        capabilities text[] NOT NULL,
        security_level integer NOT NULL,
        max_cost_minor bigint NOT NULL,
        signed_by text[] NOT NULL,
        terms_sha256 bytea NOT NULL,
        contract bytea NOT NULL,
        message_id text NOT NULL,
        via_hubs text[] NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX leases_lessee ON leases (lessee, seq);
      CREATE INDEX leases_lessor ON leases (lessor, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE leases;`);
  }
}

export class SettlementLedger1763900000000 implements MigrationInterface {
  name = 'SettlementLedger1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The ledger's events in the order they were applied (replayed at start) and
      -- the double-entry postings they made. Amounts are exact integers (numeric).
      CREATE TABLE ledger_events (
        seq bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        kind text NOT NULL,
        body jsonb NOT NULL,
        status text NOT NULL,
        code text,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        posting_seq bigint NOT NULL,
        event_id text NOT NULL,
        kind text NOT NULL,
        lease_id text,
        account text NOT NULL,
        side text NOT NULL CHECK (side IN ('debit', 'credit')),
        amount_minor numeric(20, 0) NOT NULL CHECK (amount_minor >= 0),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ledger_entries_account ON ledger_entries (account, at);
      CREATE INDEX ledger_entries_lease ON ledger_entries (lease_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_entries; DROP TABLE ledger_events;`);
  }
}

/**
 * The exchange's audit trail (libs/audit). Here the service role owns its schema;
 * a production deployment runs migrations as a separate owner role and applies
 * auditLogGrantsSql(serviceRole), so the service can only append and read.
 */
export class SettlementAudit1764000000000 implements MigrationInterface {
  name = 'SettlementAudit1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DDL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DROP_DDL);
  }
}

export const settlementMigrations = [SettlementInitial1763700000000, SettlementLeases1763800000000, SettlementLedger1763900000000, SettlementAudit1764000000000];
