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

/** The market (patent S202): leases this participant is a party to, and the orders it forwarded. */
export class ParticipantMarket1763800000000 implements MigrationInterface {
  name = 'ParticipantMarket1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Verified lease contracts (signed by the lessee's and the lessor's hub) in which
      -- this participant is the lessee or the lessor, once per lease id. The terms'
      -- digest tells a harmless redelivery (same terms) from a conflict (other terms).
      CREATE TABLE leases (
        seq bigserial UNIQUE,
        lease_id text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('lessee', 'lessor')),
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
        received_at timestamptz NOT NULL DEFAULT now()
      );
      -- The order body forwarded to the hub per (client order id, request digest):
      -- a retried request is forwarded byte for byte as the first time (a relative
      -- expiry resolved once), so the hub's idempotency applies to it.
      CREATE TABLE order_requests (
        client_order_id text NOT NULL,
        request_sha256 bytea NOT NULL,
        hub_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_order_id, request_sha256)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_requests; DROP TABLE leases;`);
  }
}

/** Jobs (S204-S210): the lessee's jobs, their sub-tasks and every attempt; the lessee's own data stays in its own schema. */
export class ParticipantJobs1764000000000 implements MigrationInterface {
  name = 'ParticipantJobs1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        job_id text PRIMARY KEY,
        client_job_id text UNIQUE,
        status text NOT NULL CHECK (status IN ('created', 'ordering', 'leased', 'dispatched', 'running', 'completed', 'failed', 'cancelled')),
        spec jsonb NOT NULL,
        -- The lessee's dataset, row-major float64 (its own data, in its own schema).
        data bytea NOT NULL,
        row_count integer NOT NULL,
        width integer NOT NULL,
        strategy text,
        selection jsonb,
        order_id text,
        ordered_at_ms bigint,
        local_rows integer NOT NULL DEFAULT 0,
        result bytea,
        result_rows integer,
        result_width integer,
        failure_code text,
        failure_detail text,
        deadline_ms bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE job_subtasks (
        job_id text NOT NULL REFERENCES jobs (job_id),
        sub_task_id text NOT NULL,
        row_start integer NOT NULL,
        row_count integer NOT NULL,
        -- NULL: the lessee's local share.
        lease_id text,
        lessor text,
        status text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        result bytea,
        result_rows integer,
        result_width integer,
        last_error text,
        PRIMARY KEY (job_id, sub_task_id)
      );
      CREATE TABLE job_attempts (
        job_id text NOT NULL,
        sub_task_id text NOT NULL,
        attempt integer NOT NULL,
        lease_id text NOT NULL,
        lessor text NOT NULL,
        channel_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed-lessor', 'cancelled-lessee')),
        started_at_ms bigint NOT NULL,
        ended_at_ms bigint,
        failure_code text,
        result_digest bytea,
        bytes_sent bigint,
        bytes_received bigint,
        PRIMARY KEY (job_id, sub_task_id, attempt),
        FOREIGN KEY (job_id, sub_task_id) REFERENCES job_subtasks (job_id, sub_task_id)
      );
      CREATE INDEX jobs_open ON jobs (status) WHERE status NOT IN ('completed', 'failed', 'cancelled');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_attempts; DROP TABLE job_subtasks; DROP TABLE jobs;`);
  }
}

/** Datasets this participant offers for joint computation (claims 6-7), with the lessees allowed to use them. */
export class ParticipantJoint1764100000000 implements MigrationInterface {
  name = 'ParticipantJoint1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE joint_datasets (
        dataset_id text PRIMARY KEY,
        data bytea NOT NULL,
        row_count integer NOT NULL,
        width integer NOT NULL,
        partners text[] NOT NULL,
        max_output_width integer NOT NULL CHECK (max_output_width BETWEEN 1 AND 256),
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE joint_datasets;`);
  }
}

export const participantMigrations = [ParticipantInitial1763700000000, ParticipantMarket1763800000000, ParticipantJobs1764000000000, ParticipantJoint1764100000000];
