import type { MigrationInterface, QueryRunner } from 'typeorm';
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

export const hubMigrations = [HubInitial1763700000000];
