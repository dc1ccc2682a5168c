import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_DDL, AUDIT_DROP_DDL } from '#libs/audit';
import { DEAD_LETTERS_DDL } from '#libs/persistence';

export class HubInitial1763700000000 implements MigrationInterface {
  name = 'HubInitial1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admitted_participants (
        participant_id text PRIMARY KEY,
        signing_cert bytea NOT NULL,
        key_agreement_cert bytea NOT NULL,
        signing_cert_sha256 bytea NOT NULL,
        signing_spki_sha256 bytea NOT NULL,
        security_level integer NOT NULL CHECK (security_level BETWEEN 1 AND 3),
        status text NOT NULL CHECK (status IN ('active', 'revoked')),
        admitted_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      -- One-time enrollment tokens: a token admits once; presenting it again with the
      -- same keys returns the same certificates (a participant that crashed before
      -- saving them can retry), with other keys it is refused.
      CREATE TABLE used_enrollment_tokens (
        token_sha256 bytea PRIMARY KEY,
        participant_id text NOT NULL,
        signing_spki_sha256 bytea NOT NULL,
        used_at timestamptz NOT NULL DEFAULT now()
      );
      -- Replay window: every relayed nonce until its envelope expires. The bus
      -- position tells an at-least-once redelivery from a replay.
      CREATE TABLE seen_nonces (
        nonce bytea PRIMARY KEY,
        message_id text NOT NULL,
        position text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX seen_nonces_expiry ON seen_nonces (expires_at);
      ${DEAD_LETTERS_DDL}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters; DROP TABLE seen_nonces; DROP TABLE used_enrollment_tokens; DROP TABLE admitted_participants;`);
  }
}

export class HubMarket1763800000000 implements MigrationInterface {
  name = 'HubMarket1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The book's event log: every accepted command with the time it ran at. The
      -- book is deterministic, so replaying the log after the latest snapshot
      -- rebuilds it exactly; the state hash is kept at every snapshot point (hashing
      -- the whole book costs O(book), so not after every command) to prove it.
      CREATE TABLE market_commands (
        seq bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('place', 'cancel', 'expire', 'reserve', 'confirm', 'release', 'expire_reservations')),
        body jsonb NOT NULL,
        now_ms bigint NOT NULL,
        state_hash text,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE market_snapshots (
        command_seq bigint PRIMARY KEY,
        state jsonb NOT NULL,
        state_hash text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      -- Idempotent submission: one order per (participant, client order id).
      CREATE TABLE market_orders (
        order_id text PRIMARY KEY,
        participant_id text NOT NULL,
        client_order_id text NOT NULL,
        request_sha256 bytea NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (participant_id, client_order_id)
      );
      -- One lease per fill, with the contract as signed by the hubs.
      CREATE TABLE leases (
        lease_id text PRIMARY KEY,
        contract bytea NOT NULL,
        lessee text NOT NULL,
        lessor text NOT NULL,
        lessee_hub text NOT NULL,
        lessor_hub text NOT NULL,
        buy_order_id text NOT NULL,
        sell_order_id text NOT NULL,
        cores integer NOT NULL,
        price_minor_per_core_second bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- Who must receive each lease (lessee or lessor of this subnet, settlement).
      CREATE TABLE lease_deliveries (
        lease_id text NOT NULL REFERENCES leases (lease_id),
        target text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        PRIMARY KEY (lease_id, target)
      );
      CREATE INDEX lease_deliveries_pending ON lease_deliveries (lease_id) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lease_deliveries; DROP TABLE leases; DROP TABLE market_orders; DROP TABLE market_snapshots; DROP TABLE market_commands;`);
  }
}

/**
 * The audit trail (libs/audit, issue 5): the hash-chained, append-only `audit_log`
 * for orders, reservations, leases and issued keys, written in the transactions
 * that make those changes. Its triggers refuse UPDATE, DELETE and TRUNCATE for
 * every role.
 *
 * In this setup the hub logs in as the role that owns its schema, so it owns the
 * table too and no grants are needed (or possible: an owner keeps its rights).
 * A production deployment should run the hub's migrations as a separate owner
 * role and, in this migration, apply `auditLogGrantsSql(serviceRole)` for the role
 * the hub logs in with: that role may then only INSERT and SELECT, and cannot
 * disable or drop the triggers (libs/audit/README.md, "Append-only enforcement").
 */
export class HubAudit1763900000000 implements MigrationInterface {
  name = 'HubAudit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DDL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DROP_DDL);
  }
}

export const hubMigrations = [HubInitial1763700000000, HubMarket1763800000000, HubAudit1763900000000];
