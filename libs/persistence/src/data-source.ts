import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';

export interface ServiceDataSourceOptions {
  readonly url: string;
  /** The service's own schema; it owns nothing outside it (docs/architecture.md, data ownership). */
  readonly schema: string;
  readonly entities: readonly (EntitySchema | (new () => unknown))[];
  readonly migrations: readonly (new () => MigrationInterface)[];
  /** Bounded pool: a network of a dozen processes shares one embedded server. */
  readonly poolMax?: number;
  readonly applicationName: string;
}

/**
 * A TypeORM data source bound to one service schema. Schema changes only through
 * migrations (never `synchronize`), run at boot inside one transaction each.
 */
export async function openServiceDataSource(options: ServiceDataSourceOptions): Promise<DataSource> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  const ds = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [...options.entities],
    migrations: [...options.migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName,
    extra: { max: options.poolMax ?? 5, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, options: `-c search_path=${options.schema}` },
  });
  await ds.initialize();
  // Provisioning creates the schema, owned by the service's role; a service never
  // needs CREATE on the database (tests that own their database create it here).
  const found: unknown[] = await ds.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [options.schema]);
  if (found.length === 0) await ds.query(`CREATE SCHEMA ${options.schema}`);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
