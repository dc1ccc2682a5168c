import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from '#libs/config';
import { creditScoringProgram, jobResult, maxRelativeError, offerCompute, plainReference, rowsToCsv, sampleCreditRows, submitJob, waitForJob, type LocalNetwork } from '#libs/testing';

export interface SampleJobOptions {
  readonly rows: number;
  readonly features: number;
  readonly say: (s: string) => void;
}

/**
 * The README's main job: lessee a1 scores 100k customers (16 features, logistic
 * scoring) on compute leased from the other subnet's participants, with the
 * strategy chosen by the S206 selector, and checks the result against the same
 * program run locally in plaintext.
 */
export async function runSampleJob(net: LocalNetwork, topology: Topology, o: SampleJobOptions): Promise<{ ok: boolean; wallMs: number; strategy: string | null; maxRelError: number }> {
  const [a, b] = topology.subnets;
  const lessee = a?.participants[0]?.id;
  const lessors = (b ?? a)?.participants.map((p) => p.id).filter((id) => id !== lessee) ?? [];
  if (!lessee || lessors.length === 0) throw new Error('the sample job needs a lessee and at least one lessor');
  const say = o.say;
  const rows = sampleCreditRows(o.rows, o.features);
  const program = creditScoringProgram(o.features);
  const file = `credit-${o.rows}x${o.features}.csv`;
  const path = join(net.dataDir(lessee), file);
  if (!existsSync(path)) writeFileSync(path, rowsToCsv(rows));
  say(`\nsample job: ${lessee} scores ${o.rows} customers x ${o.features} features (sigmoid(w.x + b)) on leased compute`);
  say(`  data: ${path} (stays on ${lessee}; only encrypted shares leave it)`);

  const exchange = topology.settlement[0];
  if (exchange) {
    const res = await fetch(`${net.url(exchange.id)}/v1/operator/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
      body: JSON.stringify({ participantId: lessee, amountMinor: '1000000000', reference: `sample-funds-${lessee}` }),
    });
    if (!res.ok) throw new Error(`deposit at ${exchange.id}: ${res.status} ${await res.text()}`);
  }
  for (const [i, lessor] of lessors.entries()) {
    await offerCompute(net.url(lessor), { cores: 2, priceMinorPerCoreSecond: 3 + i, durationS: 1800, expiresInS: 600 });
    say(`  ${lessor} offers 2 cores at ${3 + i} per core-second (tee, he)`);
  }
  const started = Date.now();
  const job = await submitJob(net.url(lessee), {
    clientJobId: `sample-${Date.now()}`,
    dataset: { csvPath: file },
    program,
    resources: { cores: 2 * lessors.length, memoryMiB: 4096, durationS: 1800 },
    maxPriceMinorPerCoreSecond: 10,
    deadlineInS: 900,
  });
  say(`  job ${job.jobId} submitted`);
  let shownStrategy = false;
  const done = await waitForJob(net.url(lessee), job.jobId, 900_000, (p) => {
    if (p.strategy && !shownStrategy) {
      shownStrategy = true;
      say(`  strategy ${p.strategy} (S206): ${(p.selection?.reasons ?? []).join('; ')}`);
    }
    const bar = p.subTasks.total > 0 ? `${'#'.repeat(p.subTasks.done)}${'.'.repeat(Math.max(0, p.subTasks.total - p.subTasks.done))}` : '';
    say(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${p.status.padEnd(10)} sub-tasks ${p.subTasks.done}/${p.subTasks.total} [${bar}]`);
  });
  const wallMs = Date.now() - started;
  if (done.status !== 'completed') {
    say(`  job ${done.status}: ${done.failure?.code ?? ''} ${done.failure?.detail ?? ''}`);
    return { ok: false, wallMs, strategy: done.strategy, maxRelError: Infinity };
  }
  for (const at of done.attempts) say(`  sub-task ${at.subTaskId} attempt ${at.attempt} on ${at.lessor}: ${at.status} in ${at.ms ?? '?'} ms`);
  const result = await jobResult(net.url(lessee), job.jobId);
  const t0 = Date.now();
  const reference = plainReference(program, rows);
  const localMs = Date.now() - t0;
  const err = maxRelativeError(result, reference);
  const ok = err < 1e-3;
  say(`  result: ${result.length} scores in ${(wallMs / 1000).toFixed(1)} s; first: ${result.slice(0, 3).map((r) => r[0]?.toFixed(4)).join(', ')}`);
  say(`  check against a local plaintext run (${localMs} ms): max relative error ${err.toExponential(2)} -> ${ok ? 'MATCH' : 'MISMATCH'}`);
  return { ok, wallMs, strategy: done.strategy, maxRelError: err };
}
