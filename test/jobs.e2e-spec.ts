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
