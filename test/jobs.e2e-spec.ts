import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { creditScoringProgram, freshTopology, jobResult, LocalNetwork, maxRelativeError, offerCompute, plainReference, sampleCreditRows, submitJob, waitForJob } from '#libs/testing';

jest.setTimeout(600_000);

/** Three subnets: lessee a1 in a, lessors b1 (subnet b) and c1 (subnet c). */
let net: LocalNetwork;
beforeAll(async () => {
  net = await LocalNetwork.start({ topology: await freshTopology('e2e-jobs', { a: ['a1'], b: ['b1', 'b2'], c: ['c1'] }), env: { DATANET_LOG_LEVEL: 'warn', DATANET_JOB_ORDER_WAIT_SECONDS: '5' } });
  const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
    body: JSON.stringify({ participantId: 'a1', amountMinor: '100000000', reference: 'jobs-e2e' }),
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => net?.stop());

/** A labelled counter of a node's /metrics (0 when absent). */
async function metric(node: string, name: string, label: string, value: string): Promise<number> {
  const text = await (await fetch(`${net.url(node)}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${label}="${value}"} `));
  return line ? Number(line.split(' ').pop()) : 0;
}

const FEATURES = 8;
const rows = sampleCreditRows(300, FEATURES, 11);
const program = creditScoringProgram(FEATURES);
const reference = plainReference(program, rows);

describe.each(['tee-symmetric', 'tee-symmetric-he-result', 'he'])('a job with strategy %s', (strategy) => {
  it('leases from two subnets, runs through the hubs and equals the plaintext reference', async () => {
    await offerCompute(net.url('b1'), { cores: 2, priceMinorPerCoreSecond: 5 });
    await offerCompute(net.url('c1'), { cores: 2, priceMinorPerCoreSecond: 6 });
    const job = await submitJob(net.url('a1'), {
      dataset: { rows },
      program,
      resources: { cores: 4, memoryMiB: 4096, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 300,
      strategy: { force: strategy },
    });
    const done = await waitForJob(net.url('a1'), job.jobId, 240_000);
    expect({ status: done.status, failure: done.failure }).toEqual({ status: 'completed', failure: null });
    expect(done.strategy).toBe(strategy);
    expect(done.subTasks).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(new Set(done.attempts.map((a) => a.lessor))).toEqual(new Set(['b1', 'c1']));
    const result = await jobResult(net.url('a1'), job.jobId);
    expect(result).toHaveLength(rows.length);
    expect(maxRelativeError(result, reference)).toBeLessThan(1e-3);
  });
});

describe('a joint computation with a third participant in a third subnet (claims 6-7)', () => {
  it('scores a1\'s customers on leased enclaves, combines them with c1\'s features under a1\'s HE key over two rounds, and equals the plaintext reference', async () => {
    // c1 (subnet c) offers its own features of the same 300 customers, for a1 only.
    const cRows = sampleCreditRows(rows.length, 4, 99);
    const offered = await fetch(`${net.url('c1')}/v1/joint/datasets/bureau`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: { rows: cRows }, partners: ['a1'] }) });
    expect(offered.status).toBe(201);
    await offerCompute(net.url('b1'), { cores: 1, priceMinorPerCoreSecond: 5 });
    await offerCompute(net.url('b2'), { cores: 1, priceMinorPerCoreSecond: 6 });
    const first = program.ops[0];
    const lessorProgram = { version: 1, inputWidth: FEATURES, ops: [{ op: 'dot', weights: first?.op === 'dot' ? first.weights : [], bias: 0.1 }] } as const;
    const cWeights = [1, 0.2, -0.15, 0.1, 0.05];
    const round1Party = { version: 1, inputWidth: 5, ops: [{ op: 'dot', weights: cWeights, bias: -0.05 }, { op: 'poly', coefficients: [0.5, 0.197, 0, -0.004] }] } as const;
    const round2Lessor = { version: 1, inputWidth: 1, ops: [{ op: 'add', operand: -0.5 }, { op: 'mul', operand: 4 }] } as const;
    const round2Party = { version: 1, inputWidth: 5, ops: [{ op: 'dot', weights: [1, 0, 0, 0, 0.3], bias: 0 }] } as const;
    const job = await submitJob(net.url('a1'), {
      dataset: { rows },
      program: lessorProgram,
      resources: { cores: 2, memoryMiB: 2048, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 400,
      joint: { party: 'c1', datasetId: 'bureau', partyProgram: round1Party, rounds: [{ lessorProgram: round2Lessor, partyProgram: round2Party }] },
    });
    const done = await waitForJob(net.url('a1'), job.jobId, 360_000);
    expect({ status: done.status, failure: done.failure }).toEqual({ status: 'completed', failure: null });
    expect(done.strategy).toBe('tee-symmetric-he-result');
    expect(new Set(done.attempts.map((a) => a.lessor))).toEqual(new Set(['b1', 'b2']));
    const with5 = (a: number[][], b: number[][]): number[][] => a.map((r, i) => [...r, ...b[i]!]);
    const r1 = plainReference(round1Party, with5(plainReference(lessorProgram, rows), cRows));
    const expected = plainReference(round2Party, with5(plainReference(round2Lessor, r1), cRows));
    const result = await jobResult(net.url('a1'), job.jobId);
    expect(result).toHaveLength(rows.length);
    expect(maxRelativeError(result, expected)).toBeLessThan(1e-3);
    // The lessors' HE results went B -> hubs -> C: each lessor forwarded one per round, c1 admitted them from the lessors themselves.
    for (const lessor of ['b1', 'b2']) {
      expect(await metric(lessor, 'datanet_participant_joint_results_forwarded_total', 'party', 'c1')).toBeGreaterThanOrEqual(2);
      expect(await metric('c1', 'datanet_participant_joint_results_received_total', 'lessor', lessor)).toBeGreaterThanOrEqual(2);
    }
    expect(await metric('c1', 'datanet_participant_joint_results_received_total', 'lessor', 'a1')).toBe(0);
  });

  it('refuses a lessee that c1 did not name as a partner', async () => {
    const offered = await fetch(`${net.url('c1')}/v1/joint/datasets/private`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: { rows: [[1, 2]] }, partners: ['b2'] }) });
    expect(offered.status).toBe(201);
    await offerCompute(net.url('b1'), { cores: 1, priceMinorPerCoreSecond: 5 });
    const job = await submitJob(net.url('a1'), {
      dataset: { rows: rows.slice(0, 1) },
      program: { version: 1, inputWidth: FEATURES, ops: [{ op: 'sum', axis: 'columns' }] },
      resources: { cores: 1, memoryMiB: 1024, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 200,
      joint: { party: 'c1', datasetId: 'private', partyProgram: { version: 1, inputWidth: 3, ops: [{ op: 'sum', axis: 'columns' }] } },
    });
    const done = await waitForJob(net.url('a1'), job.jobId, 180_000);
    expect(done.status).toBe('failed');
    expect(done.failure?.detail).toContain('JOINT_NOT_PARTNER');
  });
});

describe('per-lease concurrency', () => {
  it('runs 4 sub-tasks on two 1-core leases one at a time per lease (a lessor admits no more than its lease\'s cores) and completes', async () => {
    // 140 000 rows: each 1-core lease gets 70 000 rows, cut into 65 536 + 4 464 (libs/compute's per-evaluation limit).
    const n = 140_000;
    const big = Array.from({ length: n }, (_, i) => [((i * 7919) % 1000) / 100 - 5, ((i * 104729) % 777) / 77 - 5]);
    await writeFile(join(net.dataDir('a1'), 'wide.csv'), `x,y\n${big.map((r) => r.join(',')).join('\n')}\n`);
    await offerCompute(net.url('b1'), { cores: 1, priceMinorPerCoreSecond: 5 });
    await offerCompute(net.url('c1'), { cores: 1, priceMinorPerCoreSecond: 6 });
    const job = await submitJob(net.url('a1'), {
      dataset: { csvPath: 'wide.csv' },
      program: { version: 1, inputWidth: 2, ops: [{ op: 'dot', weights: [0.5, -0.25], bias: 0.1 }] },
      resources: { cores: 2, memoryMiB: 2048, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 300,
      strategy: { force: 'tee-symmetric' },
    });
    const done = await waitForJob(net.url('a1'), job.jobId, 240_000);
    expect({ status: done.status, failure: done.failure }).toEqual({ status: 'completed', failure: null });
    expect(done.subTasks).toMatchObject({ total: 4, done: 4, failed: 0 });
    // No attempt failed for a reason other than a transient "not yet" refusal, and no lease ever had two attempts at once.
    expect(done.attempts.filter((a) => a.status !== 'completed' && !['JOB_LEASE_BUSY', 'JOB_LEASE_UNKNOWN'].includes(a.failureCode ?? ''))).toEqual([]);
    const byLease = new Map<string, { from: number; to: number }[]>();
    for (const a of done.attempts) byLease.set(a.leaseId, [...(byLease.get(a.leaseId) ?? []), { from: Date.parse(a.startedAt), to: Date.parse(a.endedAt ?? '') }]);
    expect(byLease.size).toBe(2);
    for (const spans of byLease.values()) {
      spans.sort((x, y) => x.from - y.from);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.from).toBeGreaterThanOrEqual(spans[i - 1]!.to);
    }
    const result = await jobResult(net.url('a1'), job.jobId);
    expect(result).toHaveLength(n);
    expect(maxRelativeError(result, big.map(([x, y]) => [0.5 * x! - 0.25 * y! + 0.1]))).toBeLessThan(1e-9);
  });
});
