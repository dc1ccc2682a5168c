import pg from 'pg';

describe('embedded PostgreSQL (integration tier)', () => {
  it('serves queries on the URL the global setup exported', async () => {
    const url = process.env.DATANET_TEST_DATABASE_URL;
    expect(url).toBeDefined();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const r = await client.query<{ v: string }>('SELECT current_database() AS v');
    await client.end();
    expect(r.rows[0]?.v).toBe('datanet_test');
  });
});
