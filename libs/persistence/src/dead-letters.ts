import type { DataSource } from 'typeorm';

/**
 * The dead-letter table every service keeps (same shape everywhere, created by
 * each service's first migration): a rejected message is stored with its stable
 * reason code, never dropped silently. Keyed by bus position, so a redelivered
 * bad record is recorded once.
 *
 * FROZEN: migrations that already ran embed this exact text. Never edit it; a
 * schema change is a new constant and a new migration.
 */
export const DEAD_LETTERS_DDL = `
CREATE TABLE dead_letters (
  id bigserial PRIMARY KEY,
  reason_code text NOT NULL,
  detail text NOT NULL,
  message_id text,
  source text,
  target text,
  topic text,
  partition integer,
  "offset" text,
  raw bytea,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dead_letters_position ON dead_letters (topic, partition, "offset") WHERE topic IS NOT NULL;
CREATE INDEX dead_letters_reason ON dead_letters (reason_code, at);
`;

/** Raw bytes kept for forensics, bounded so a flood of junk cannot fill the disk. */
export const DEAD_LETTER_RAW_MAX_BYTES = 64 * 1024;

export interface DeadLetterInput {
  readonly reasonCode: string;
  readonly detail: string;
  readonly messageId?: string;
  readonly source?: string;
  readonly target?: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
  readonly raw?: Uint8Array;
}

export interface DeadLetterRow {
  id: string;
  reasonCode: string;
  detail: string;
  messageId: string | null;
  source: string | null;
  target: string | null;
  topic: string | null;
  partition: number | null;
  offset: string | null;
  at: string;
}

export class DeadLetterRepository {
  constructor(private readonly ds: DataSource) {}

  /** Returns false when this bus position was already dead-lettered (redelivery). */
  async record(d: DeadLetterInput): Promise<boolean> {
    const raw = d.raw ? Buffer.from(d.raw.subarray(0, DEAD_LETTER_RAW_MAX_BYTES)) : null;
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO dead_letters (reason_code, detail, message_id, source, target, topic, partition, "offset", raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (topic, partition, "offset") WHERE topic IS NOT NULL DO NOTHING RETURNING id`,
      [d.reasonCode, d.detail.slice(0, 1000), d.messageId ?? null, d.source ?? null, d.target ?? null, d.topic ?? null, d.partition ?? null, d.offset ?? null, raw],
    );
    return rows.length === 1;
  }

  async list(opts: { reasonCode?: string; limit: number; afterId?: string }): Promise<DeadLetterRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id::text, reason_code, detail, message_id, source, target, topic, partition, "offset", at
         FROM dead_letters
        WHERE ($1::text IS NULL OR reason_code = $1) AND id > COALESCE($2::bigint, 0)
        ORDER BY dead_letters.id LIMIT $3`,
      [opts.reasonCode ?? null, opts.afterId ?? null, opts.limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      reasonCode: String(r.reason_code),
      detail: String(r.detail),
      messageId: (r.message_id as string | null) ?? null,
      source: (r.source as string | null) ?? null,
      target: (r.target as string | null) ?? null,
      topic: (r.topic as string | null) ?? null,
      partition: (r.partition as number | null) ?? null,
      offset: (r.offset as string | null) ?? null,
      at: new Date(r.at as string).toISOString(),
    }));
  }

  async countsByReason(): Promise<Record<string, number>> {
    const rows: { reason_code: string; n: string }[] = await this.ds.query(`SELECT reason_code, count(*)::text AS n FROM dead_letters GROUP BY reason_code`);
    return Object.fromEntries(rows.map((r) => [r.reason_code, Number(r.n)]));
  }
}
