import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEAD_LETTERS_DDL } from '#libs/persistence';

export class ParticipantInitial1763700000000 implements MigrationInterface {
  name = 'ParticipantInitial1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Delivered to the application exactly once: the message id is the key, so a
      -- redelivered record (consumer crash before its offset commit) is a no-op.
      CREATE TABLE inbox_messages (
        seq bigserial UNIQUE,
        message_id text PRIMARY KEY,
        source text NOT NULL,
        type text NOT NULL,
        session_id text NOT NULL,
        content_type text NOT NULL,
        body bytea NOT NULL,
        trace_id text,
        route text[] NOT NULL,
        issued_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      -- Transactional outbox: what this participant must send. A message is written
      -- here in the same transaction as whatever caused it (an API call, a reply to an
      -- inbox message), and a dispatcher publishes it; a crash in between loses nothing.
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        target text NOT NULL,
        type text NOT NULL,
        session_id text NOT NULL,
        content_type text NOT NULL,
        body bytea NOT NULL,
        traceparent text,
        caused_by text UNIQUE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
      ${DEAD_LETTERS_DDL}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters; DROP TABLE outbox; DROP TABLE inbox_messages;`);
  }
}

export const participantMigrations = [ParticipantInitial1763700000000];
