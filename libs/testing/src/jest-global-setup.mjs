// Integration tier: one real PostgreSQL for the whole run (unless the caller gives
// DATANET_TEST_DATABASE_URL, a superuser URL to an existing server). Specs read
// process.env.DATANET_TEST_DATABASE_URL (superuser, database `datanet_test`) and
// create their own schemas/roles with unique names so they never collide.
// Plain ESM over the compiled library: jest does not apply moduleNameMapper to
// global setup files, and `npm test` builds before it runs jest.
import { ensureDatabase, startEmbeddedPostgres } from '../../../dist/libs/persistence/src/embedded-postgres.js';

export default async function globalSetup() {
  if (process.env.DATANET_TEST_DATABASE_URL) return;
  const pg = await startEmbeddedPostgres();
  await ensureDatabase(pg.adminUrl, 'datanet_test');
  process.env.DATANET_TEST_DATABASE_URL = pg.urlFor('datanet_test');
  process.env.DATANET_TEST_ADMIN_URL = pg.adminUrl;
  globalThis.__DATANET_PG__ = pg;
}
