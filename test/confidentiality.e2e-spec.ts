import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { BUS_DATABASE, SERVICE_DATABASE, withDatabase } from '#libs/provisioning';
import {
  creditScoringProgram,
  freshTopology,
  LocalNetwork,
  maxRelativeError,
  offerCompute,
  plainReference,
  submitJob,
  TERMINAL_JOB_STATES,
  type JobProgress,
} from '#libs/testing';

/**
 * The confidentiality canary (issue 6). The lessee's dataset is made of marker values;
 * one job per strategy runs across three subnets, and a joint job whose third participant
 * is c1; then everything the hubs, the settlement service, the lessors and the third
 * participant stored or relayed is scanned: every table of every
 * schema of every database except the lessee's own schema (the bus schemas, the hubs',
 * the settlement service's, the lessors'), and every log but the lessee's. No marker may
 * appear as float64 (little or big endian), as consecutive float32s, or as decimal text
 * (raw, or inside base64 or hex). The scan is shown to see the relayed job traffic, and
 * to find markers where they are (the lessee's schema) or planted.
 */
jest.setTimeout(600_000);

const ROWS = 200;
const FEATURES = 8;
const STRATEGIES = ['tee-symmetric', 'tee-symmetric-he-result', 'he'] as const;

/**
 * Cell (i, j) has code c = i * FEATURES + j and |x| = c / 1000 + 0.000271828182, written
 * "d.ddd271828182": every value distinct (also as float32), within [-1.6, 1.6] (CKKS and
 * the sigmoid program stay far inside their bounds), and any rendering with 7 or more
 * decimals reads "d.ddd2718", which names the cell.
 */
function markerRows(): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const row: number[] = [];
    for (let j = 0; j < FEATURES; j++) {
      const c = i * FEATURES + j;
      const x = Number(`${Math.floor(c / 1000)}.${String(c % 1000).padStart(3, '0')}271828182`);
      row.push((i + j) % 2 === 0 ? x : -x);
    }
    out.push(row);
  }
  return out;
}

const cells = markerRows();
const program = creditScoringProgram(FEATURES);
const reference = plainReference(program, cells);
/** The joint job: a linear score at the lessor, combined at c1 with c1's own two columns (not markers). */
const partyRows = cells.map((_, i) => [((i * 37) % 100) / 50 - 1, ((i * 11) % 64) / 32 - 1]);
const jointLessorProgram = { version: 1, inputWidth: FEATURES, ops: [{ op: 'dot', weights: [0.4, -0.3, 0.2, -0.1, 0.25, -0.35, 0.15, 0.05], bias: 0.1 }] } as const;
const jointPartyProgram = { version: 1, inputWidth: 3, ops: [{ op: 'dot', weights: [1, 0.5, -0.25], bias: 0 }] } as const;
const jointReference = plainReference(jointPartyProgram, plainReference(jointLessorProgram, cells).map((r, i) => [...r, ...partyRows[i]!]));

type Kind = 'float64-le' | 'float64-be' | 'float32-pair-le' | 'decimal-text';
interface Finding {
  readonly where: string;
  readonly kind: Kind;
  readonly marker: string;
  readonly via: 'raw' | 'base64' | 'hex';
}

const f64 = (v: number, le: boolean): Buffer => {
  const b = Buffer.alloc(8);
  if (le) b.writeDoubleLE(v);
  else b.writeDoubleBE(v);
  return b;
};
const f32Pair = (a: number, b: number): Buffer => {
  const out = Buffer.alloc(8);
  out.writeFloatLE(a, 0);
  out.writeFloatLE(b, 4);
  return out;
};

const DECIMAL = /(?<![0-9])([0-9]?)\.([0-9]{3})2718/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}){12,}/g;
const TEXT_CHUNK = 8 * 1024 * 1024;

/**
 * Finds the markers in bytes: 8-byte patterns (float64 LE/BE of every cell, float32 LE
 * of every two cells adjacent in a row or a column) at every offset, through a 24-bit
 * prefilter; the decimal rendering; and both again inside base64 and hex runs.
 */
class MarkerScanner {
  private readonly prefilter = new Uint8Array(1 << 24);
  private readonly byKey = new Map<number, { bytes: Buffer; kind: Kind; marker: string }[]>();

  constructor(private readonly table: readonly (readonly number[])[]) {
    table.forEach((row, i) =>
      row.forEach((v, j) => {
        this.add(f64(v, true), 'float64-le', `r${i}c${j}`);
        this.add(f64(v, false), 'float64-be', `r${i}c${j}`);
        if (j + 1 < row.length) this.add(f32Pair(v, row[j + 1]!), 'float32-pair-le', `r${i}c${j}-c${j + 1}`);
        if (i + 1 < table.length) this.add(f32Pair(v, table[i + 1]![j]!), 'float32-pair-le', `r${i}-r${i + 1}c${j}`);
      }),
    );
  }

  private add(bytes: Buffer, kind: Kind, marker: string): void {
    const key = bytes.readUInt32LE(0);
    this.prefilter[key & 0xffffff] = 1;
    const list = this.byKey.get(key) ?? [];
    list.push({ bytes, kind, marker });
    this.byKey.set(key, list);
  }

  scan(where: string, buf: Buffer, out: Finding[]): void {
    this.binary(where, buf, 'raw', out);
    for (let at = 0; at < buf.length; at += TEXT_CHUNK) {
      // Overlapping chunks: a rendering or an encoded run across a boundary is still seen whole.
      const text = buf.toString('latin1', at, Math.min(buf.length, at + TEXT_CHUNK + 4096));
      this.decimal(where, text, 'raw', out);
      for (const m of text.matchAll(BASE64_RUN)) this.decoded(where, Buffer.from(m[0], 'base64'), 'base64', out);
      for (const m of text.matchAll(HEX_RUN)) this.decoded(where, Buffer.from(m[0], 'hex'), 'hex', out);
    }
  }

  private decoded(where: string, bytes: Buffer, via: 'base64' | 'hex', out: Finding[]): void {
    this.binary(where, bytes, via, out);
    this.decimal(where, bytes.toString('latin1'), via, out);
  }

  private binary(where: string, b: Buffer, via: Finding['via'], out: Finding[]): void {
    const pre = this.prefilter;
    for (let i = 0, end = b.length - 8; i <= end; i++) {
      if (pre[b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)] === 0) continue;
      const candidates = this.byKey.get(b.readUInt32LE(i));
      if (!candidates) continue;
      for (const c of candidates) if (b.compare(c.bytes, 0, 8, i, i + 8) === 0) out.push({ where, kind: c.kind, marker: c.marker, via });
    }
  }

  private decimal(where: string, text: string, via: Finding['via'], out: Finding[]): void {
    const width = this.table[0]?.length ?? 1;
    for (const m of text.matchAll(DECIMAL)) {
      const code = Number(m[1] || '0') * 1000 + Number(m[2]);
      if (code < this.table.length * width) out.push({ where, kind: 'decimal-text', marker: `r${Math.floor(code / width)}c${code % width}`, via });
    }
  }
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

interface ScanReport {
  readonly findings: Finding[];
  /** db.schema.table -> rows and bytes read. */
  readonly scanned: Map<string, { rows: number; bytes: number }>;
}

/** Reads every column of every table (bytea raw, anything else as its text form) of the schemas `include` admits, in every database. */
async function scanDatabases(adminUrl: string, scanner: MarkerScanner, include: (db: string, schema: string) => boolean): Promise<ScanReport> {
  const report: ScanReport = { findings: [], scanned: new Map() };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let dbs: string[];
  try {
    dbs = (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn ORDER BY datname`)).rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
  for (const db of dbs) {
    const client = new pg.Client({ connectionString: withDatabase(adminUrl, db) });
    await client.connect();
    try {
      const tables = (
        await client.query<{ schema: string; name: string; oid: number }>(
          `SELECT n.nspname AS schema, c.relname AS name, c.oid::int AS oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
            ORDER BY 1, 2`,
        )
      ).rows.filter((t) => include(db, t.schema));
      for (const t of tables) {
        const cols = (
          await client.query<{ name: string; type: string }>(`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum`, [t.oid])
        ).rows;
        if (cols.length === 0) continue;
        const select = cols.map((c) => (c.type === 'bytea' || c.type === 'bytea[]' ? quote(c.name) : `${quote(c.name)}::text`)).join(', ');
        const where = `${db}.${t.schema}.${t.name}`;
        const stats = { rows: 0, bytes: 0 };
        await client.query('BEGIN');
        try {
          await client.query(`DECLARE canary NO SCROLL CURSOR FOR SELECT ${select} FROM ${quote(t.schema)}.${quote(t.name)}`);
          for (;;) {
            const batch = await client.query<unknown[]>({ text: 'FETCH 16 FROM canary', rowMode: 'array' });
            if (batch.rows.length === 0) break;
            for (const row of batch.rows) {
              stats.rows++;
              row.forEach((v, k) => {
                const at = `${where}.${cols[k]!.name}`;
                for (const buf of asBuffers(v)) {
                  stats.bytes += buf.length;
                  scanner.scan(at, buf, report.findings);
                }
              });
            }
          }
        } finally {
          await client.query('COMMIT');
        }
        report.scanned.set(where, stats);
      }
    } finally {
      await client.end();
    }
  }
  return report;
}

function asBuffers(v: unknown): Buffer[] {
  if (v === null || v === undefined) return [];
  if (Buffer.isBuffer(v)) return [v];
  if (Array.isArray(v)) return v.flatMap(asBuffers);
  // Every other column was selected as text.
  return [Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8')];
}

function scanFile(scanner: MarkerScanner, file: string, out: Finding[]): number {
  const buf = readFileSync(file);
  scanner.scan(file, buf, out);
  return buf.length;
}

function summary(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const k = `${f.where} ${f.kind}/${f.via}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].map(([k, n]) => `${k}: ${n} marker hit(s)`);
}

/**
 * GETs on a fresh connection each (Connection: close). A lessee busy with HE holds its event
 * loop for seconds; when it lets go, its server's keep-alive timer may close a kept-alive
 * socket that a request was just sent on (fetch: "ECONNRESET"). Not what this test is about.
 */
function getJson<T>(url: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text) as T);
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

async function waitForJob(url: string, jobId: string, timeoutMs: number): Promise<JobProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await getJson<JobProgress>(`${url}/v1/jobs/${jobId}`);
    if (TERMINAL_JOB_STATES.includes(p.status)) return p;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${p.status} after ${timeoutMs} ms: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let net: LocalNetwork;
const scanner = new MarkerScanner(cells);
const jobs: { strategy: string; jobId: string; done: JobProgress }[] = [];
let jointJob: { jobId: string; done: JobProgress } | undefined;

beforeAll(async () => {
  net = await LocalNetwork.start({
    topology: await freshTopology('e2e-confidentiality', { a: ['a1'], b: ['b1'], c: ['c1'] }),
    // Debug logs: every service says as much as it can (the hubs log each relayed message).
    env: { DATANET_LOG_LEVEL: 'debug', DATANET_JOB_ORDER_WAIT_SECONDS: '5' },
  });
  const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
    body: JSON.stringify({ participantId: 'a1', amountMinor: '100000000', reference: 'confidentiality-e2e' }),
  });
  expect(res.status).toBeLessThan(300);
  for (const strategy of STRATEGIES) {
    await offerCompute(net.url('b1'), { cores: 2, priceMinorPerCoreSecond: 5 });
    await offerCompute(net.url('c1'), { cores: 2, priceMinorPerCoreSecond: 6 });
    const job = await submitJob(net.url('a1'), {
      dataset: { rows: cells },
      program,
      resources: { cores: 4, memoryMiB: 4096, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 600,
      strategy: { force: strategy },
    });
    jobs.push({ strategy, jobId: job.jobId, done: await waitForJob(net.url('a1'), job.jobId, 300_000) });
  }
  // A joint job (claims 6-7): b1's enclave scores the marker rows, b1 forwards the HE result to c1
  // (the third participant), c1 combines it with its own columns under a1's key, a1 decrypts.
  const offered = await fetch(`${net.url('c1')}/v1/joint/datasets/canary-bureau`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: { rows: partyRows }, partners: ['a1'] }) });
  expect(offered.status).toBe(201);
  await offerCompute(net.url('b1'), { cores: 2, priceMinorPerCoreSecond: 5 });
  const job = await submitJob(net.url('a1'), {
    dataset: { rows: cells },
    program: jointLessorProgram,
    resources: { cores: 2, memoryMiB: 2048, durationS: 600 },
    maxPriceMinorPerCoreSecond: 10,
    deadlineInS: 600,
    joint: { party: 'c1', datasetId: 'canary-bureau', partyProgram: jointPartyProgram },
  });
  jointJob = { jobId: job.jobId, done: await waitForJob(net.url('a1'), job.jobId, 300_000) };
});
afterAll(async () => net?.stop());

async function sql<T>(database: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDatabase(net.adminUrl, database) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the confidentiality canary', () => {
  it('ran one job per strategy on both remote subnets, each equal to the plaintext reference', async () => {
    expect(jobs.map((j) => [j.strategy, j.done.status, j.done.failure])).toEqual(STRATEGIES.map((s) => [s, 'completed', null]));
    for (const j of jobs) {
      expect(new Set(j.done.attempts.map((a) => a.lessor))).toEqual(new Set(['b1', 'c1']));
      const { rows } = await getJson<{ rows: number[][] }>(`${net.url('a1')}/v1/jobs/${j.jobId}/result`);
      expect(maxRelativeError(rows, reference)).toBeLessThan(1e-3);
    }
  });

  it('ran a joint job with c1 as the third participant: b1 forwarded its HE result to c1, the result equals the plaintext reference', async () => {
    expect([jointJob?.done.status, jointJob?.done.failure]).toEqual(['completed', null]);
    expect(new Set(jointJob!.done.attempts.map((a) => a.lessor))).toEqual(new Set(['b1']));
    const { rows } = await getJson<{ rows: number[][] }>(`${net.url('a1')}/v1/jobs/${jointJob!.jobId}/result`);
    expect(maxRelativeError(rows, jointReference)).toBeLessThan(1e-3);
  });

  it('self-check: the scanner finds the markers in the lessee\'s own schema and wherever they are planted', async () => {
    // The lessee legitimately keeps its dataset (float64 LE): every cell is found there.
    const own = await scanDatabases(net.adminUrl, scanner, (db, schema) => db === SERVICE_DATABASE && schema === 'a1');
    const inJobs = new Set(own.findings.filter((f) => f.where === `${SERVICE_DATABASE}.a1.jobs.data` && f.kind === 'float64-le').map((f) => f.marker));
    expect(inJobs.size).toBe(ROWS * FEATURES);

    // Planted, one per encoding and column type, in a scratch schema of the bus database.
    const noise = (n: number): Buffer => randomBytes(n);
    const at = (i: number, j: number): number => cells[i]![j]!;
    const planted = Buffer.concat([noise(1001), f32Pair(at(5, 2), at(5, 3)), noise(1000), f64(at(7, 1), false), noise(500)]);
    await sql(BUS_DATABASE, `CREATE SCHEMA canary_plant`);
    try {
      await sql(BUS_DATABASE, `CREATE TABLE canary_plant.t (b bytea, arr bytea[], txt text, j jsonb, d double precision, f real, b64 text, hex text)`);
      await sql(BUS_DATABASE, `INSERT INTO canary_plant.t VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        planted,
        [noise(100), Buffer.concat([noise(33), f64(at(9, 4), true), noise(20)])],
        `{"note":"value ${at(11, 6)} seen"}`,
        JSON.stringify({ v: at(13, 0) }),
        at(15, 7),
        at(17, 3),
        Buffer.concat([noise(10), f64(at(19, 5), true), noise(7)]).toString('base64'),
        Buffer.concat([noise(5), f32Pair(at(21, 1), at(22, 1)), noise(9)]).toString('hex'),
      ]);
      const plant = await scanDatabases(net.adminUrl, scanner, (db, schema) => db === BUS_DATABASE && schema === 'canary_plant');
      const got = new Set(plant.findings.map((f) => `${f.where.replace(`${BUS_DATABASE}.canary_plant.t.`, '')} ${f.kind} ${f.via} ${f.marker}`));
      for (const want of [
        'b float32-pair-le raw r5c2-c3',
        'b float64-be raw r7c1',
        'arr float64-le raw r9c4',
        'txt decimal-text raw r11c6',
        'j decimal-text raw r13c0',
        'd decimal-text raw r15c7',
        'f decimal-text raw r17c3',
        'b64 float64-le base64 r19c5',
        'hex float32-pair-le hex r21-r22c1',
      ]) {
        expect(got).toContain(want);
      }
    } finally {
      await sql(BUS_DATABASE, `DROP SCHEMA canary_plant CASCADE`);
    }

    // And in a log line.
    const dir = mkdtempSync(join(tmpdir(), 'canary-'));
    try {
      writeFileSync(join(dir, 'x.log'), `{"level":"info","msg":"row","v":${at(23, 5).toFixed(9)}}\n`);
      const out: Finding[] = [];
      scanFile(scanner, join(dir, 'x.log'), out);
      expect(out.map((f) => `${f.kind} ${f.marker}`)).toContain('decimal-text r23c5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no marker in anything the hubs, the settlement service, the lessors or the third participant stored, relayed or logged — and the scan saw the relayed job traffic', async () => {
    const report = await scanDatabases(net.adminUrl, scanner, (db, schema) => !(db === SERVICE_DATABASE && schema === 'a1'));
    const logs = readdirSync(join(net.stateDir, 'logs')).filter((f) => f.endsWith('.log') && f !== 'a1.log');
    const logBytes = new Map<string, number>();
    for (const f of logs) logBytes.set(f, scanFile(scanner, join(net.stateDir, 'logs', f), report.findings));

    // The scan covered every party but the lessee: its databases' schemas and its logs.
    const schemas = new Set([...report.scanned.keys()].map((k) => k.split('.').slice(0, 2).join('.')));
    for (const s of ['hub_a', 'hub_b', 'hub_c', 'exchange', 'b1', 'c1']) expect(schemas).toContain(`${SERVICE_DATABASE}.${s}`);
    for (const s of ['bus_a', 'bus_b', 'bus_c']) expect(schemas).toContain(`${BUS_DATABASE}.${s}`);
    expect(schemas).not.toContain(`${SERVICE_DATABASE}.a1`);
    expect(logs.sort()).toEqual(['b1.log', 'c1.log', 'exchange.log', 'hub-a.log', 'hub-b.log', 'hub-c.log']);
    for (const [f, n] of logBytes) expect([f, n > 0]).toEqual([f, true]);

    // It saw the relayed traffic: every job's frames are on each subnet's bus, at least as
    // many bytes on the lessor's bus as the lessee's attempts there sent and received, and
    // the scan read at least that much of that bus.
    const frameBytes = new Map<string, number>();
    for (const j of jobs) {
      const attempts = await sql<{ lessor: string; sent: string; received: string }>(
        SERVICE_DATABASE,
        `SELECT lessor, sum(bytes_sent)::text AS sent, sum(bytes_received)::text AS received FROM a1.job_attempts WHERE job_id = $1 GROUP BY lessor`,
        [j.jobId],
      );
      expect(attempts.map((a) => a.lessor).sort()).toEqual(['b1', 'c1']);
      for (const bus of ['bus_a', 'bus_b', 'bus_c']) {
        const [r] = await sql<{ n: number; bytes: string }>(
          BUS_DATABASE,
          `SELECT count(*)::int AS n, coalesce(sum(length(value)), 0)::text AS bytes FROM ${bus}.records WHERE convert_from(key, 'UTF8') LIKE $1 AND $2::bytea = ANY(header_values)`,
          [`${j.jobId}.%`, Buffer.from('job.frame')],
        );
        expect([j.strategy, bus, r!.n > 0]).toEqual([j.strategy, bus, true]);
        frameBytes.set(bus, (frameBytes.get(bus) ?? 0) + Number(r!.bytes));
        const lessor = bus === 'bus_b' ? 'b1' : bus === 'bus_c' ? 'c1' : undefined;
        const there = attempts.find((a) => a.lessor === lessor);
        if (there) expect([j.strategy, bus, Number(r!.bytes) >= Number(there.sent) + Number(there.received)]).toEqual([j.strategy, bus, true]);
      }
    }
    // The joint job's forwarded result crossed b1's and c1's buses (channel <attempt channel>.fwd), and was scanned there.
    for (const bus of ['bus_b', 'bus_c']) {
      const [r] = await sql<{ n: number; bytes: string }>(
        BUS_DATABASE,
        `SELECT count(*)::int AS n, coalesce(sum(length(value)), 0)::text AS bytes FROM ${bus}.records WHERE convert_from(key, 'UTF8') LIKE $1 AND $2::bytea = ANY(header_values)`,
        [`${jointJob!.jobId}.%.fwd`, Buffer.from('job.frame')],
      );
      expect([bus, r!.n > 0]).toEqual([bus, true]);
      frameBytes.set(bus, (frameBytes.get(bus) ?? 0) + Number(r!.bytes));
    }
    for (const bus of ['bus_a', 'bus_b', 'bus_c']) {
      expect(report.scanned.get(`${BUS_DATABASE}.${bus}.records`)!.bytes).toBeGreaterThanOrEqual(frameBytes.get(bus)!);
    }

    expect(summary(report.findings)).toEqual([]);
  });
});
