import type { MigrationInterface, QueryRunner } from 'typeorm';
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

export const settlementMigrations = [SettlementInitial1763700000000];
