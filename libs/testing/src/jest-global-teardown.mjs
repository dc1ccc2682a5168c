export default async function globalTeardown() {
  const pg = globalThis.__DATANET_PG__;
  if (pg) await pg.stop();
}
