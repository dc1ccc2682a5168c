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

/**
 * Sub-task evidence (issue 5): what each lessee reported about each attempt,
 * digests and sizes only. A report whose lease is not stored yet waits here
 * ('awaiting-lease', deduplicated by content) until the lease arrives; an
 * accepted report is unique per report id. ledger_recorded_at is set in the
 * transaction that records its SubTaskCompleted event: NULL means "still to
 * hand to the ledger" (done after the accepting transaction, reconciled at start).
 */
export class SettlementSubTaskReports1764200000000 implements MigrationInterface {
  name = 'SettlementSubTaskReports1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subtask_reports (
        id bigserial PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('awaiting-lease', 'accepted')),
        report_id text NOT NULL,
        job_id text NOT NULL,
        sub_task_id text NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 0),
        lease_id text NOT NULL,
        lessee text NOT NULL,
        lessor text NOT NULL,
        strategy text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('completed', 'failed-lessor', 'cancelled-lessee')),
        started_at_ms bigint NOT NULL,
        ended_at_ms bigint NOT NULL CHECK (ended_at_ms >= started_at_ms),
        result_sha256 text CHECK (result_sha256 ~ '^[0-9a-f]{64}$'),
        input_bytes bigint NOT NULL CHECK (input_bytes >= 0),
        result_bytes bigint NOT NULL CHECK (result_bytes >= 0),
        rows bigint NOT NULL CHECK (rows >= 0),
        failure_code text,
        -- ceil((ended - started) / 1 s) x lease cores; known once the lease is.
        used_core_seconds bigint CHECK (used_core_seconds >= 0),
        ledger_event_id text NOT NULL,
        content_sha256 bytea NOT NULL,
        -- The hub that admitted the sender (its certificate's issuer), the hub that delivered it.
        sender_hub text NOT NULL,
        via_hub text NOT NULL,
        message_id text NOT NULL,
        conflicts integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now(),
        ledger_recorded_at timestamptz,
        CHECK (state = 'awaiting-lease' OR used_core_seconds IS NOT NULL)
      );
      CREATE UNIQUE INDEX subtask_reports_accepted ON subtask_reports (report_id) WHERE state = 'accepted';
      CREATE UNIQUE INDEX subtask_reports_awaiting ON subtask_reports (report_id, content_sha256) WHERE state = 'awaiting-lease';
      CREATE INDEX subtask_reports_job ON subtask_reports (job_id, id);
      CREATE INDEX subtask_reports_lease ON subtask_reports (lease_id, id);
      CREATE INDEX subtask_reports_unrecorded ON subtask_reports (id) WHERE state = 'accepted' AND ledger_recorded_at IS NULL;
      CREATE INDEX subtask_reports_waiting ON subtask_reports (id) WHERE state = 'awaiting-lease';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subtask_reports;`);
  }
}

export const settlementMigrations = [SettlementInitial1763700000000, SettlementLeases1763800000000, SettlementLedger1763900000000, SettlementAudit1764000000000, SettlementSubTaskReports1764200000000];
