import type { DataSource } from 'typeorm';
import type { NonceStore } from '#libs/relay';

/** Seen-nonce window in the hub's database, so a replay is caught after a restart too. */
export class PostgresNonceStore implements NonceStore {
  constructor(
    private readonly ds: DataSource,
    /** Keep nonces this long past their envelope's expiry (covers clock skew). */
    private readonly graceMs: number,
  ) {}

  async remember(nonce: Uint8Array, messageId: string, position: string, expiresAtMs: number): Promise<'new' | 'redelivery' | 'replay'> {
    const rows: { position: string; inserted: boolean }[] = await this.ds.query(
      `WITH ins AS (
         INSERT INTO seen_nonces (nonce, message_id, position, expires_at)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))
         ON CONFLICT (nonce) DO NOTHING RETURNING position
       )
       SELECT position, true AS inserted FROM ins
       UNION ALL
       SELECT position, false AS inserted FROM seen_nonces WHERE nonce = $1 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [Buffer.from(nonce), messageId, position, expiresAtMs + this.graceMs],
    );
    let row = rows[0];
    if (!row) {
      // A concurrent insert of the same nonce committed after this statement's
      // snapshot: ON CONFLICT saw it, the SELECT could not. Look again.
      const again: { position: string }[] = await this.ds.query(`SELECT position FROM seen_nonces WHERE nonce = $1`, [Buffer.from(nonce)]);
      row = again[0] ? { position: again[0].position, inserted: false } : undefined;
    }
    if (!row) throw new Error('nonce neither inserted nor found');
    if (row.inserted) return 'new';
    return row.position === position ? 'redelivery' : 'replay';
  }

  /** Drops nonces whose envelopes can no longer pass the expiry check. Bounded per call. */
  async prune(nowMs: number, batch = 10_000): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `DELETE FROM seen_nonces WHERE nonce IN (SELECT nonce FROM seen_nonces WHERE expires_at < to_timestamp($1 / 1000.0) LIMIT $2) RETURNING 1`,
      [nowMs, batch],
    );
    return rows.length;
  }
}
