import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default async function globalTeardown() {
  const pg = globalThis.__DATANET_PG__;
  if (!pg) return;
  await pg.stop();
  // The data dir sits in a fresh mkdtemp parent made for this run.
  rmSync(dirname(pg.dataDir), { recursive: true, force: true });
}
