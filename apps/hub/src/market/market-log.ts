import type { DataSource, EntityManager } from 'typeorm';
import type { BookSnapshot } from '#libs/market';

export type CommandKind = 'place' | 'cancel' | 'expire' | 'reserve' | 'confirm' | 'release' | 'expire_reservations';

export interface LoggedCommand {
  readonly seq: number;
  readonly kind: CommandKind;
  readonly body: unknown;
  readonly nowMs: number;
  /** Present at snapshot points only. */
  readonly stateHash: string | null;
}

/** Bounded replay page: a restart reads the log in chunks. */
const REPLAY_PAGE = 5_000;

/** The book's event log and snapshots in the hub's schema. */
export class MarketLog {
  constructor(private readonly ds: DataSource) {}

  async append(m: EntityManager, kind: CommandKind, body: unknown, nowMs: number, stateHash: string | null): Promise<number> {
    const rows: { seq: string }[] = await m.query(`INSERT INTO market_commands (kind, body, now_ms, state_hash) VALUES ($1, $2, $3, $4) RETURNING seq`, [kind, JSON.stringify(body), nowMs, stateHash]);
    return Number(rows[0]?.seq);
  }

  async saveSnapshot(commandSeq: number, state: BookSnapshot, stateHash: string): Promise<void> {
    await this.ds.query(`INSERT INTO market_snapshots (command_seq, state, state_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [commandSeq, JSON.stringify(state), stateHash]);
    // Keep the last few snapshots only: the log before them is still there for audit.
    await this.ds.query(`DELETE FROM market_snapshots WHERE command_seq < (SELECT min(command_seq) FROM (SELECT command_seq FROM market_snapshots ORDER BY command_seq DESC LIMIT 3) s)`);
  }

  async latestSnapshot(): Promise<{ commandSeq: number; state: BookSnapshot; stateHash: string } | undefined> {
    const rows: { command_seq: string; state: BookSnapshot; state_hash: string }[] = await this.ds.query(`SELECT command_seq, state, state_hash FROM market_snapshots ORDER BY command_seq DESC LIMIT 1`);
    const r = rows[0];
    return r && { commandSeq: Number(r.command_seq), state: r.state, stateHash: r.state_hash };
  }

  async *commandsAfter(seq: number): AsyncGenerator<LoggedCommand> {
    let after = seq;
    for (;;) {
      const rows: { seq: string; kind: CommandKind; body: unknown; now_ms: string; state_hash: string | null }[] = await this.ds.query(
        `SELECT seq, kind, body, now_ms, state_hash FROM market_commands WHERE seq > $1 ORDER BY market_commands.seq LIMIT $2`,
        [after, REPLAY_PAGE],
      );
      for (const r of rows) yield { seq: Number(r.seq), kind: r.kind, body: r.body, nowMs: Number(r.now_ms), stateHash: r.state_hash };
      if (rows.length < REPLAY_PAGE) return;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }
}
