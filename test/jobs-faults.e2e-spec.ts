import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { jest } from '@jest/globals';
import pg from 'pg';
import { SERVICE_DATABASE, withDatabase } from '#libs/provisioning';
import {
  creditScoringProgram,
  freshTopology,
  LocalNetwork,
  maxRelativeError,
  offerCompute,
  plainReference,
  sampleCreditRows,
  submitJob,
  TERMINAL_JOB_STATES,
  type JobProgress,
} from '#libs/testing';
import { eventually } from './support.js';

/**
 * Jobs under faults (issue 6), on real processes: a lessor killed -9 mid-sub-task, the
 * lessee killed -9 mid-job, a lessor that corrupts its results, a job stopped while it
 * runs, a lessor tampering with the result it forwards to a third participant. Three
 * subnets: lessee a1 (a); lessors b1 and b2 (b), c1 (c; also the third participant); b2 runs with
 * DATANET_CHAOS_CORRUPT_RESULTS and only offers compute in the corruption tests.
 */
jest.setTimeout(300_000);

/**
 * Lessors wait long for a lessee (so a channel that ends quickly ended through a close
 * frame, not a timeout) and log at info (one line per served sub-task, with its channel).
 */
const LESSOR_ENV = { DATANET_LOG_LEVEL: 'info', DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: '120' };
/** The lessee's attempt timeout: short while a lessor is killed (the lessee notices by timeout), long for HE (a sub-task takes tens of seconds on a loaded machine). */
const SHORT_ATTEMPT_S = '30';
const LONG_ATTEMPT_S = '180';

let net: LocalNetwork;
let lesseeAttemptS = SHORT_ATTEMPT_S;
/** Processes this file stopped with SIGSTOP: continued before the network stops, whatever happened. */
const frozen = new Set<number>();

beforeAll(async () => {
  net = await LocalNetwork.start({
    topology: await freshTopology('e2e-jobs-faults', { a: ['a1'], b: ['b1', 'b2'], c: ['c1'] }),
    env: { DATANET_LOG_LEVEL: 'warn', DATANET_JOB_ORDER_WAIT_SECONDS: '5' },
    nodeEnv: { a1: { DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: SHORT_ATTEMPT_S }, b1: LESSOR_ENV, c1: LESSOR_ENV, b2: { ...LESSOR_ENV, DATANET_CHAOS_CORRUPT_RESULTS: 'true' } },
  });
  const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
    body: JSON.stringify({ participantId: 'a1', amountMinor: '100000000', reference: 'jobs-faults-e2e' }),
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => {
  for (const pid of frozen) signal(pid, 'SIGCONT');
  await net?.stop();
});

const FEATURES = 8;
const rows = sampleCreditRows(300, FEATURES, 23);
const program = creditScoringProgram(FEATURES);
const reference = plainReference(program, rows);

type Attempt = JobProgress['attempts'][number];

/**
 * GETs on a fresh connection each (Connection: close). A lessee busy with HE holds its event
 * loop for seconds; when it lets go, its server's keep-alive timer may close a kept-alive
 * socket that a request was just sent on (fetch: "ECONNRESET"). Not what these tests are about.
 */
function get(url: string, timeoutMs = 60_000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

async function getJson<T>(url: string): Promise<T> {
  const r = await get(url);
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as T;
}

const jobProgress = (url: string, jobId: string): Promise<JobProgress> => getJson(`${url}/v1/jobs/${jobId}`);
const jobResult = async (url: string, jobId: string): Promise<number[][]> => (await getJson<{ rows: number[][] }>(`${url}/v1/jobs/${jobId}/result`)).rows;

async function waitForJob(url: string, jobId: string, timeoutMs: number): Promise<JobProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await jobProgress(url, jobId);
    if (TERMINAL_JOB_STATES.includes(p.status)) return p;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${p.status} after ${timeoutMs} ms: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Sell orders of 2 cores from each lessor, then a job buying exactly that: every test leases from the lessors it names. */
async function runJob(strategy: string, offers: readonly (readonly [lessor: string, price: number])[]): Promise<string> {
  for (const [lessor, price] of offers) await offerCompute(net.url(lessor), { cores: 2, priceMinorPerCoreSecond: price });
  const job = await submitJob(net.url('a1'), {
    dataset: { rows },
    program,
    resources: { cores: 2 * offers.length, memoryMiB: 4096, durationS: 600 },
    maxPriceMinorPerCoreSecond: 10,
    deadlineInS: 600,
    strategy: { force: strategy },
  });
  return job.jobId;
}

/** Polls the lessee's view until `ready` holds; fails at once when the job ended first. */
async function progressWhen(jobId: string, ready: (p: JobProgress) => boolean, what: string, timeoutMs = 90_000): Promise<JobProgress> {
  return eventually(async () => {
    const p = await jobProgress(net.url('a1'), jobId);
    if (ready(p)) return p;
    if (TERMINAL_JOB_STATES.includes(p.status)) throw new Error(`job ended ${p.status} before ${what}: ${JSON.stringify(p)}`);
    return undefined;
  }, timeoutMs, what);
}

async function expectReferenceResult(jobId: string): Promise<void> {
  const result = await jobResult(net.url('a1'), jobId);
  expect(result).toHaveLength(rows.length);
  expect(maxRelativeError(result, reference)).toBeLessThan(1e-3);
}

/** Completed, or a failure that shows every attempt and what the lessors logged last (a loaded machine is the usual suspect). */
function expectCompleted(done: JobProgress): void {
  if (done.status === 'completed' && done.failure === null) return;
  const tails = ['b1', 'b2', 'c1'].map((id) => `--- ${id}\n${readFileSync(net.logFile(id), 'utf8').trimEnd().split('\n').slice(-15).join('\n')}`);
  throw new Error(`job ${done.jobId} ${done.status}: ${JSON.stringify(done.failure)}\nattempts ${JSON.stringify(done.attempts, null, 1)}\n${tails.join('\n')}`);
}

function expectOneCompletedPerSubTask(attempts: readonly Attempt[], subTasks: number): void {
  const completed = new Map<string, number>();
  for (const a of attempts) if (a.status === 'completed') completed.set(a.subTaskId, (completed.get(a.subTaskId) ?? 0) + 1);
  expect(completed.size).toBe(subTasks);
  expect([...completed.values()].every((n) => n === 1)).toBe(true);
  expect(attempts.filter((a) => a.status === 'running')).toEqual([]);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** SIGSTOP: the process keeps its sockets and state but does nothing until thawed (or killed). */
function freeze(nodeId: string): number {
  const pid = net.pid(nodeId);
  if (pid === undefined) throw new Error(`${nodeId} is not running`);
  process.kill(pid, 'SIGSTOP');
  frozen.add(pid);
  return pid;
}

function thaw(pid: number): void {
  signal(pid, 'SIGCONT');
  frozen.delete(pid);
}

async function sql<T>(database: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDatabase(net.adminUrl, database) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** job.frame records a participant's inbox took in (its own counter). */
async function framesReceived(nodeId: string): Promise<number> {
  const { text } = await get(`${net.url(nodeId)}/metrics`, 5_000);
  return Number(/^datanet_participant_received_total\{type="job\.frame"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

/** Restarts the lessee with another attempt timeout when it has not that one already. */
async function lesseeAttemptTimeout(seconds: string): Promise<void> {
  if (lesseeAttemptS === seconds) return;
  await net.kill('a1', 'SIGTERM');
  await net.startNode('a1', { env: { DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: seconds } });
  lesseeAttemptS = seconds;
}

interface EvidenceJson {
  reports: { reportId: string; subTaskId: string; attempt: number; leaseId: string; lessor: string; outcome: string; failureCode: string | null; ledgerEventId: string; ledger: { status: string } }[];
}

async function evidence(jobId: string): Promise<EvidenceJson['reports']> {
  const res = await get(`${net.url('exchange')}/v1/jobs/${jobId}/evidence?limit=10000`);
  if (res.status === 404) return [];
  if (res.status !== 200) throw new Error(`evidence of ${jobId}: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as EvidenceJson).reports;
}

describe('kill -9 of a lessor mid-sub-task', () => {
  it('retries the sub-task on the other lessor\'s lease; the job completes and equals the plaintext reference', async () => {
    await lesseeAttemptTimeout(SHORT_ATTEMPT_S);
    const framesBefore = await framesReceived('c1');
    const jobId = await runJob('tee-symmetric', [['b1', 5], ['c1', 6]]);
    await progressWhen(jobId, (p) => p.attempts.some((a) => a.lessor === 'c1' && a.status === 'running'), 'an attempt running on c1');
    // c1 took the channel's opening frame: it is serving the sub-task. Kill it now.
    await eventually(async () => ((await framesReceived('c1')) > framesBefore ? true : undefined), 60_000, 'c1 to take the first frame of its sub-task');
    await net.kill('c1', 'SIGKILL');
    let done: JobProgress;
    try {
      done = await waitForJob(net.url('a1'), jobId, 180_000);
    } finally {
      await net.startNode('c1');
    }
    expectCompleted(done);
    // The attempt on the killed lessor ended by timeout (the lessor's fault), and its sub-task completed on b1.
    const onVictim = done.attempts.filter((a) => a.lessor === 'c1');
    expect(onVictim.map((a) => ({ attempt: a.attempt, status: a.status, failureCode: a.failureCode }))).toEqual([{ attempt: 1, status: 'failed-lessor', failureCode: 'JOB_ATTEMPT_TIMEOUT' }]);
    const victimSubTask = onVictim[0]!.subTaskId;
    expect(done.attempts.filter((a) => a.subTaskId === victimSubTask && a.status === 'completed').map((a) => a.lessor)).toEqual(['b1']);
    expect(done.subTasks).toMatchObject({ total: 2, done: 2, failed: 0 });
    expectOneCompletedPerSubTask(done.attempts, 2);
    await expectReferenceResult(jobId);
  });
});

describe('kill -9 of the lessee mid-job', () => {
  it('resumes after the restart, completes, closes the interrupted attempt once and bills no sub-task attempt twice', async () => {
    await lesseeAttemptTimeout(SHORT_ATTEMPT_S);
    const jobId = await runJob('tee-symmetric-he-result', [['b1', 5], ['c1', 6]]);
    // Freeze a1 as soon as it shows a running attempt, and kill it only if its database
    // holds a running attempt (so the kill interrupts one); else let it go on and look again.
    let interrupted: { sub_task_id: string; attempt: number }[] = [];
    await eventually(async () => {
      const p = await jobProgress(net.url('a1'), jobId);
      if (TERMINAL_JOB_STATES.includes(p.status)) throw new Error(`job ended ${p.status} before the kill`);
      if (!p.attempts.some((a) => a.status === 'running')) return undefined;
      const pid = freeze('a1');
      interrupted = await sql(SERVICE_DATABASE, `SELECT sub_task_id, attempt FROM a1.job_attempts WHERE job_id = $1 AND status = 'running' ORDER BY sub_task_id`, [jobId]);
      if (interrupted.length > 0) return true;
      thaw(pid);
      return undefined;
    }, 90_000, 'a running attempt at a1');
    const pid = net.pid('a1')!;
    await net.kill('a1', 'SIGKILL');
    frozen.delete(pid);
    await net.startNode('a1', { env: { DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: LONG_ATTEMPT_S } });
    lesseeAttemptS = LONG_ATTEMPT_S;

    const done = await waitForJob(net.url('a1'), jobId, 180_000);
    expectCompleted(done);
    for (const i of interrupted) {
      expect(done.attempts.find((a) => a.subTaskId === i.sub_task_id && a.attempt === i.attempt)).toMatchObject({ status: 'cancelled-lessee', failureCode: 'JOB_ATTEMPT_INTERRUPTED' });
    }
    expectOneCompletedPerSubTask(done.attempts, 2);
    await expectReferenceResult(jobId);

    // Evidence: one report per attempt, each once, through the outbox and at the settlement service.
    const expected = done.attempts.map((a) => `${jobId}/${a.subTaskId}#${a.attempt}`).sort();
    expect(new Set(expected).size).toBe(done.attempts.length);
    const outbox = await sql<{ caused_by: string; n: number }>(
      SERVICE_DATABASE,
      `SELECT caused_by, count(*)::int AS n FROM a1.outbox WHERE type = 'job.subtask-report' AND session_id = $1 GROUP BY caused_by ORDER BY caused_by`,
      [jobId],
    );
    expect(outbox).toEqual(expected.map((id) => ({ caused_by: `report:exchange:${id}`, n: 1 })));
    const reports = await eventually(async () => {
      const r = await evidence(jobId);
      return r.length >= expected.length && r.every((x) => x.ledger.status === 'applied') ? r : undefined;
    }, 60_000, 'every report at the settlement service, applied to the ledger');
    expect(reports.map((r) => r.reportId).sort()).toEqual(expected);
    for (const i of interrupted) {
      expect(reports.find((r) => r.reportId === `${jobId}/${i.sub_task_id}#${i.attempt}`)).toMatchObject({ outcome: 'cancelled-lessee', failureCode: 'JOB_ATTEMPT_INTERRUPTED' });
    }
    const completedPerSubTask = new Map<string, number>();
    for (const r of reports) if (r.outcome === 'completed') completedPerSubTask.set(r.subTaskId, (completedPerSubTask.get(r.subTaskId) ?? 0) + 1);
    expect([...completedPerSubTask.values()]).toEqual([1, 1]);
    // The ledger: one SubTaskCompleted event per report, under the report's own id, none more for the job's leases.
    const leases = [...new Set(reports.map((r) => r.leaseId))];
    const events = await sql<{ event_id: string }>(
      SERVICE_DATABASE,
      `SELECT event_id FROM exchange.ledger_events WHERE kind = 'SubTaskCompleted' AND body->>'leaseId' = ANY($1::text[]) ORDER BY event_id`,
      [leases],
    );
    const eventIdOf = (reportId: string): string => `subtask:${createHash('sha256').update(reportId, 'utf8').digest('hex')}`;
    expect(events.map((e) => e.event_id)).toEqual(expected.map(eventIdOf).sort());
    expect(reports.map((r) => r.ledgerEventId).sort()).toEqual(expected.map(eventIdOf).sort());
  });
});

describe.each(['tee-symmetric', 'he'])('a lessor returning garbage (%s)', (strategy) => {
  it('has its result rejected (failed-lessor, with a code); the sub-task is retried on the honest lessor and the job completes correctly', async () => {
    await lesseeAttemptTimeout(LONG_ATTEMPT_S);
    // b2 (corrupting) is the cheaper offer: one sub-task certainly lands on it.
    const jobId = await runJob(strategy, [['b2', 4], ['c1', 6]]);
    const done = await waitForJob(net.url('a1'), jobId, 280_000);
    expectCompleted(done);
    const bad = done.attempts.filter((a) => a.lessor === 'b2');
    expect(bad.length).toBeGreaterThanOrEqual(1);
    for (const a of bad) {
      expect(a.status).toBe('failed-lessor');
      expect(a.failureCode).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(a.failureCode).not.toBe('JOB_ATTEMPT_TIMEOUT'); // rejected on what it returned, not for silence
    }
    for (const subTaskId of new Set(bad.map((a) => a.subTaskId))) {
      expect(done.attempts.filter((a) => a.subTaskId === subTaskId && a.status === 'completed').map((a) => a.lessor)).toEqual(['c1']);
    }
    expectOneCompletedPerSubTask(done.attempts, 2);
    await expectReferenceResult(jobId);
    // The settlement service has the rejection as evidence, with the same code.
    const reports = await eventually(async () => {
      const r = await evidence(jobId);
      return r.length >= done.attempts.length ? r : undefined;
    }, 60_000, 'the reports at the settlement service');
    for (const a of bad) expect(reports.find((r) => r.reportId === `${jobId}/${a.subTaskId}#${a.attempt}`)).toMatchObject({ lessor: 'b2', outcome: 'failed-lessor', failureCode: a.failureCode });
  });
});

describe('a lessor tampering with the HE result it forwards to the third participant (joint computation)', () => {
  it('c1 finds the bytes differ from the digests the enclave sealed (JOINT_SHARD_DIGEST_MISMATCH); the sub-task is retried on the honest lessor and the job completes correctly', async () => {
    await lesseeAttemptTimeout(LONG_ATTEMPT_S);
    // c1 (subnet c) is the third participant; b2 (corrupting, the cheaper offer) and b1 (honest) are the lessors.
    const cRows = sampleCreditRows(rows.length, 2, 41);
    const offered = await fetch(`${net.url('c1')}/v1/joint/datasets/bureau-faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: { rows: cRows }, partners: ['a1'] }) });
    expect(offered.status).toBe(201);
    await offerCompute(net.url('b2'), { cores: 1, priceMinorPerCoreSecond: 4 });
    await offerCompute(net.url('b1'), { cores: 1, priceMinorPerCoreSecond: 6 });
    const first = program.ops[0];
    const lessorProgram = { version: 1, inputWidth: FEATURES, ops: [{ op: 'dot', weights: first?.op === 'dot' ? first.weights : [], bias: 0 }] } as const;
    const partyProgram = { version: 1, inputWidth: 3, ops: [{ op: 'dot', weights: [1, 0.25, -0.5], bias: 0.1 }] } as const;
    const job = await submitJob(net.url('a1'), {
      dataset: { rows },
      program: lessorProgram,
      resources: { cores: 2, memoryMiB: 2048, durationS: 600 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 600,
      joint: { party: 'c1', datasetId: 'bureau-faults', partyProgram },
    });
    const done = await waitForJob(net.url('a1'), job.jobId, 280_000);
    expectCompleted(done);
    const bad = done.attempts.filter((a) => a.lessor === 'b2');
    expect(bad.length).toBeGreaterThanOrEqual(1);
    for (const a of bad) expect({ status: a.status, code: a.failureCode }).toEqual({ status: 'failed-lessor', code: 'JOINT_SHARD_DIGEST_MISMATCH' });
    for (const subTaskId of new Set(bad.map((a) => a.subTaskId))) {
      expect(done.attempts.filter((a) => a.subTaskId === subTaskId && a.status === 'completed').map((a) => a.lessor)).toEqual(['b1']);
    }
    expectOneCompletedPerSubTask(done.attempts, 2);
    const scores = plainReference(lessorProgram, rows);
    const expected = plainReference(partyProgram, scores.map((r, i) => [...r, ...cRows[i]!]));
    const result = await jobResult(net.url('a1'), job.jobId);
    expect(result).toHaveLength(rows.length);
    expect(maxRelativeError(result, expected)).toBeLessThan(1e-3);
  });
});

describe('POST /v1/jobs/:id/stop on a running job', () => {
  it('cancels it, its lessors\' channels end on the close frames, and it never completes afterwards', async () => {
    const jobId = await runJob('tee-symmetric', [['b1', 5], ['c1', 6]]);
    // Freeze both lessors once an attempt runs: nothing can complete while the stop lands.
    await progressWhen(jobId, (p) => p.attempts.some((a) => a.status === 'running'), 'a running attempt');
    const pids = ['b1', 'c1'].map((id) => freeze(id));
    const logBytes = new Map(['b1', 'c1'].map((id) => [id, readFileSync(net.logFile(id)).length]));
    let stopped: JobProgress;
    try {
      const res = await fetch(`${net.url('a1')}/v1/jobs/${jobId}/stop`, { method: 'POST' });
      expect(res.status).toBeLessThan(300);
      stopped = (await res.json()) as JobProgress;
    } finally {
      for (const pid of pids) thaw(pid);
    }
    expect(stopped.status).toBe('cancelled');
    expect(stopped.failure?.code).toBe('JOB_STOPPED');
    const cut = await eventually(async () => {
      const p = await jobProgress(net.url('a1'), jobId);
      return p.attempts.every((a) => a.status !== 'running') ? p : undefined;
    }, 30_000, 'the stopped attempts closed');
    expect(cut.status).toBe('cancelled');
    const cancelled = cut.attempts.filter((a) => a.status === 'cancelled-lessee');
    expect(cancelled.length).toBeGreaterThanOrEqual(1);

    // Each lessor of a cancelled attempt ends that channel within seconds (its own receive would wait 120 s):
    // the close frame reached it, through both hubs.
    for (const a of cancelled) {
      const channelId = `${jobId}.${a.subTaskId}.${a.attempt}`;
      const line = await eventually(async () => {
        const fresh = readFileSync(net.logFile(a.lessor)).subarray(logBytes.get(a.lessor) ?? 0).toString('utf8');
        return fresh.split('\n').find((l) => l.includes(channelId) && (l.includes('"enclave sub-task served"') || l.includes('"sub-task serve failed"')));
      }, 30_000, `${a.lessor} to end channel ${channelId}`);
      const entry = JSON.parse(line) as { msg: string; error?: string };
      if (entry.msg === 'sub-task serve failed') expect(entry.error).toContain('job stopped by the lessee');
    }

    // Nothing piles up at the lessors for this job, and the job stays cancelled.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const lessor of ['b1', 'c1']) {
      const body = await getJson<{ deadLetters: { reasonCode: string; detail: string }[] }>(`${net.url(lessor)}/v1/dead-letters?limit=1000`);
      expect(body.deadLetters.filter((d) => d.detail.includes(jobId))).toEqual([]);
    }
    const after = await jobProgress(net.url('a1'), jobId);
    expect(after.status).toBe('cancelled');
    expect(after.attempts.filter((a) => a.status === 'completed').length).toBe(stopped.attempts.filter((a) => a.status === 'completed').length);
    expect((await get(`${net.url('a1')}/v1/jobs/${jobId}/result`)).status).toBe(409);
  });
});
