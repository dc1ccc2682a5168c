import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jest } from '@jest/globals';
import { freePort } from '#libs/persistence';
import { STRATEGIES_BY_SECURITY } from '#libs/strategy';
import { creditScoringProgram, freshTopology, LocalNetwork, maxRelativeError, plainReference, sampleCreditRows } from '#libs/testing';
import { UsageError } from '../tools/cli/errors.js';
import {
  checkInlineSize,
  datasetSource,
  DEFAULT_PARTICIPANT_URL,
  embeddedDataDir,
  exitCodeFor,
  MAX_JSON_BODY_BYTES,
  parseList,
  parseOffer,
  parseResult,
  parseSampleData,
  parseSubmit,
  progressBar,
  progressLine,
  STRATEGIES,
  submitBody,
  type JobView,
} from '../tools/cli/job-args.js';

jest.setTimeout(180_000);

/** The CLI's pure half: arguments, validation, request bodies, the progress line. */
describe('datanet CLI job arguments', () => {
  const base = ['--data', 'd.csv', '--program', 'p.json'];
  const usage = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error('expected a UsageError');
  };

  it('submit: defaults, the embedded network\'s a1, and the request body', () => {
    const a = parseSubmit(base, {});
    expect(a).toMatchObject({ participantUrl: DEFAULT_PARTICIPANT_URL, data: 'd.csv', program: 'p.json', cores: 4, memoryMiB: 4096, durationS: 1800, maxPrice: 10, deadlineS: 900, inline: false, watch: false });
    expect(submitBody(a, { csvPath: 'd.csv' }, { version: 1 }, undefined)).toEqual({
      dataset: { csvPath: 'd.csv' },
      program: { version: 1 },
      resources: { cores: 4, memoryMiB: 4096, durationS: 1800 },
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 900,
    });
    const b = parseSubmit([...base, '--participant-url', 'http://h:1/', '--strategy', 'he', '--forbid', 'tee-symmetric', '--minimum', 'tee-symmetric-he-result', '--cores', '2', '--local-share', '0.25', '--client-job-id', 'x-1', '--capabilities', 'tee', '--security-level', '2', '--watch', '--timeout-s', '60'], {});
    expect(b.participantUrl).toBe('http://h:1');
    expect(b.watchOptions).toEqual({ intervalMs: 500, timeoutS: 60 });
    expect(submitBody(b, { csv: '1,2\n' }, {}, { version: 1 })).toEqual({
      clientJobId: 'x-1',
      dataset: { csv: '1,2\n' },
      program: {},
      postProgram: { version: 1 },
      resources: { cores: 2, memoryMiB: 4096, durationS: 1800 },
      capabilities: ['tee'],
      securityLevel: 2,
      maxPriceMinorPerCoreSecond: 10,
      deadlineInS: 900,
      strategy: { force: 'he', forbid: ['tee-symmetric'], minimum: 'tee-symmetric-he-result' },
      localShare: 0.25,
    });
    expect(parseSubmit(base, { DATANET_PARTICIPANT_URL: 'http://127.0.0.1:7201', DATANET_DATA_DIR: '/d' })).toMatchObject({ participantUrl: 'http://127.0.0.1:7201', dataDir: '/d' });
  });

  it('submit: clear errors for bad arguments', () => {
    expect(usage(() => parseSubmit(['--program', 'p.json'], {}))).toMatch(/--data is required/);
    expect(usage(() => parseSubmit(['--data', 'd.csv'], {}))).toMatch(/--program is required/);
    expect(usage(() => parseSubmit([...base, '--cores', '0'], {}))).toBe('--cores must be an integer from 1 to 1024, got "0"');
    expect(usage(() => parseSubmit([...base, '--cores', '2.5'], {}))).toMatch(/--cores must be an integer/);
    expect(usage(() => parseSubmit([...base, '--deadline-s', '86401'], {}))).toMatch(/--deadline-s must be an integer from 1 to 86400/);
    expect(usage(() => parseSubmit([...base, '--strategy', 'tee'], {}))).toMatch(/--strategy must be one of he, tee-symmetric-he-result, tee-symmetric/);
    expect(usage(() => parseSubmit([...base, '--strategy', 'he', '--forbid', 'he'], {}))).toMatch(/also in --forbid/);
    expect(usage(() => parseSubmit([...base, '--forbid', 'he,nope'], {}))).toMatch(/unknown: nope/);
    expect(usage(() => parseSubmit([...base, '--local-share', '1'], {}))).toMatch(/--local-share must be a number in \[0, 1\)/);
    expect(usage(() => parseSubmit([...base, '--client-job-id', 'a b'], {}))).toMatch(/--client-job-id/);
    expect(usage(() => parseSubmit([...base, '--capabilities', 'gpu'], {}))).toMatch(/--capabilities/);
    expect(usage(() => parseSubmit([...base, '--participant-url', 'ftp://x'], {}))).toMatch(/http or https/);
    expect(usage(() => parseSubmit([...base, '--participant-url', 'nope'], {}))).toMatch(/not a URL/);
    expect(usage(() => parseSubmit([...base, '--inline', '--data-dir', '/d'], {}))).toMatch(/exclude each other/);
    expect(usage(() => parseSubmit([...base, '--timeout-s', '5'], {}))).toMatch(/apply with --watch/);
    expect(usage(() => parseSubmit([...base, '--bogus', '1'], {}))).toMatch(/Unknown option '--bogus'; options: --participant-url/);
    expect(usage(() => parseSubmit([...base, 'extra'], {}))).toMatch(/extra/);
    expect(usage(() => parseSubmit([...base, '--data', ''], {}))).toMatch(/--data needs a value/);
  });

  it('other commands', () => {
    const id = '0b9c8f1e-6a43-4c1d-9a51-2b0a2f0c7e11';
    expect(parseResult(['--job', id, '--out', 'r.csv'], {})).toEqual({ participantUrl: DEFAULT_PARTICIPANT_URL, jobId: id, out: 'r.csv', format: 'csv' });
    expect(usage(() => parseResult(['--job', 'abc'], {}))).toMatch(/--job must be a job id/);
    expect(usage(() => parseResult([], {}))).toMatch(/--job is required/);
    expect(usage(() => parseResult(['--job', id, '--format', 'xml'], {}))).toMatch(/csv or json/);
    expect(parseList(['--limit', '5', '--json'], {})).toEqual({ participantUrl: DEFAULT_PARTICIPANT_URL, limit: 5, json: true });
    expect(parseSampleData(['--out', 'x.csv'])).toEqual({ rows: 100_000, features: 16, seed: 42, out: 'x.csv' });
    expect(usage(() => parseSampleData(['--out', 'x.csv', '--rows', '2000001']))).toMatch(/--rows must be an integer from 1 to 2000000/);
    expect(usage(() => parseSampleData(['--out', 'x.csv', '--features', '257']))).toMatch(/--features/);
    expect(usage(() => parseOffer(['--cores', '2'], { DATANET_PARTICIPANT_URL: 'http://127.0.0.1:7101' }))).toMatch(/--participant-url is required/);
    expect(parseOffer(['--participant-url', 'http://127.0.0.1:7201', '--cores', '2', '--price', '4'], {}).body).toEqual({ side: 'sell', cores: 2, memoryMiB: 4096, durationS: 3600, priceMinorPerCoreSecond: 4, capabilities: ['he', 'tee'], securityLevel: 1, expiresInS: 3600 });
  });

  it('csvPath for files inside the data directory, inline otherwise', () => {
    expect(datasetSource('/s/data/a1/credit.csv', '/s/data/a1')).toEqual({ kind: 'csvPath', csvPath: 'credit.csv' });
    expect(datasetSource('/s/data/a1/sub/credit.csv', '/s/data/a1')).toEqual({ kind: 'csvPath', csvPath: join('sub', 'credit.csv') });
    expect(datasetSource('/s/data/a10/credit.csv', '/s/data/a1')).toEqual({ kind: 'inline' });
    expect(datasetSource('/home/u/credit.csv', '/s/data/a1')).toEqual({ kind: 'inline' });
    expect(datasetSource('/s/data/a1', '/s/data/a1')).toEqual({ kind: 'inline' });
    expect(datasetSource('/s/data/a1/credit.csv', undefined)).toEqual({ kind: 'inline' });
    expect(embeddedDataDir('a1', {}, '/tmp')).toBe('/tmp/datanet-datanet-embedded/data/a1');
    expect(embeddedDataDir('a1', { DATANET_STATE_DIR: '/st' }, '/tmp')).toBe('/st/data/a1');
    expect(() => checkInlineSize(MAX_JSON_BODY_BYTES, 'x.csv', undefined)).not.toThrow();
    expect(usage(() => checkInlineSize(MAX_JSON_BODY_BYTES + 1, 'x.csv', '/s/data/a1'))).toMatch(/x\.csv: sent inline the request would be 12\.0 MB, over the participant API's 12\.0 MB JSON limit; copy it into the participant's data directory \(\/s\/data\/a1\)/);
  });

  it('progress line and exit codes', () => {
    expect(progressBar(0, 0, 10)).toBe('[..........]');
    expect(progressBar(1, 2, 10)).toBe('[#####.....]');
    expect(progressBar(2, 2, 10)).toBe('[##########]');
    const p: JobView = { jobId: 'j', status: 'running', strategy: 'he', selection: null, subTasks: { total: 4, done: 1, running: 3, failed: 0, local: 0 }, attempts: [], failure: null };
    expect(progressLine(p, 12_345, 8)).toBe('[##......]  25% 1/4 sub-tasks  running      12.3 s (3 running, 0 failed)');
    expect(progressLine({ ...p, status: 'ordering', subTasks: { total: 0, done: 0, running: 0, failed: 0, local: 0 } }, 0, 4)).toBe('[....]   -% -/- sub-tasks  ordering      0.0 s');
    expect([exitCodeFor('completed'), exitCodeFor('failed'), exitCodeFor('cancelled')]).toEqual([0, 2, 3]);
  });

  it('knows the strategies libs/strategy knows', () => {
    expect([...STRATEGIES]).toEqual([...STRATEGIES_BY_SECURITY]);
  });
});

const CLI = resolve('dist/tools/cli/main.js');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 150_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATANET_PARTICIPANT_URL: '', DATANET_DATA_DIR: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function readCsv(text: string): number[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number));
}

/** The built CLI as a child process against a small network: lessee a1 (subnet a), lessor b1 (subnet b). */
describe('datanet CLI against a network', () => {
  let net: LocalNetwork;
  let work: string;
  let a1: string;
  let b1: string;
  const FEATURES = 8;
  const ROWS = 400;
  const reference = plainReference(creditScoringProgram(FEATURES), sampleCreditRows(ROWS, FEATURES));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'datanet-cli-e2e-'));
    net = await LocalNetwork.start({ topology: await freshTopology('e2e-cli', { a: ['a1'], b: ['b1'] }), env: { DATANET_LOG_LEVEL: 'warn', DATANET_JOB_ORDER_WAIT_SECONDS: '5' } });
    a1 = net.url('a1');
    b1 = net.url('b1');
    const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
      body: JSON.stringify({ participantId: 'a1', amountMinor: '100000000', reference: 'cli-e2e' }),
    });
    expect(res.status).toBeLessThan(300);
    // Files the later tests share (the first test makes its own through the same commands).
    expect((await cli(['job', 'sample-data', '--rows', String(ROWS), '--features', String(FEATURES), '--out', join(work, 'shared.csv')])).code).toBe(0);
    expect((await cli(['job', 'sample-program', '--features', String(FEATURES), '--out', join(work, 'shared.json')])).code).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await net?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sample data -> submit --watch (inline CSV) -> result equals the plaintext reference', async () => {
    const data = join(work, 'credit.csv');
    const program = join(work, 'program.json');
    expect(await cli(['job', 'sample-data', '--rows', String(ROWS), '--features', String(FEATURES), '--out', data])).toMatchObject({ code: 0 });
    expect(await cli(['job', 'sample-program', '--features', String(FEATURES), '--out', program])).toMatchObject({ code: 0 });
    const offer = await cli(['compute', 'offer', '--participant-url', b1, '--cores', '2', '--price', '3']);
    expect(offer).toMatchObject({ code: 0, stdout: expect.stringMatching(/^order \S+: resting, 2 of 2 cores/) as unknown });

    const sub = await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--program', program, '--cores', '2', '--strategy', 'tee-symmetric', '--watch', '--interval-ms', '200', '--timeout-s', '120']);
    expect(sub.stderr).toMatch(/data inline/);
    expect(sub.stderr).toMatch(/strategy tee-symmetric \(S206\): .*policy forces tee-symmetric/);
    expect(sub.stderr).toMatch(/\[#+\] 100% 1\/1 sub-tasks {2}completed/);
    expect(sub.stderr).toMatch(/sub-task s0 attempt 1 on b1: completed/);
    const [jobId, summary] = sub.stdout.trim().split('\n');
    expect({ code: sub.code, summary }).toEqual({ code: 0, summary: expect.stringMatching(new RegExp(`^job ${jobId} completed in [\\d.]+ s: ${ROWS} rows x 1, strategy tee-symmetric$`)) as unknown });

    const out = join(work, 'result.csv');
    const res = await cli(['job', 'result', '--participant-url', a1, '--job', jobId!, '--out', out]);
    expect(res).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote ${ROWS} result rows`) as unknown });
    const result = readCsv(readFileSync(out, 'utf8'));
    expect(result).toHaveLength(ROWS);
    expect(maxRelativeError(result, reference)).toBeLessThan(1e-3);
  });

  it('a file in the data directory goes as csvPath; watch, list and a JSON result', async () => {
    const data = join(net.dataDir('a1'), 'credit.csv');
    const program = join(work, 'shared.json');
    expect((await cli(['job', 'sample-data', '--rows', String(ROWS), '--features', String(FEATURES), '--out', data])).code).toBe(0);
    expect((await cli(['compute', 'offer', '--participant-url', b1, '--cores', '2', '--price', '3'])).code).toBe(0);
    const sub = await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--data-dir', net.dataDir('a1'), '--program', program, '--cores', '2', '--strategy', 'tee-symmetric', '--client-job-id', 'cli-e2e-2']);
    expect(sub.code).toBe(0);
    expect(sub.stderr).toMatch(/data by reference: csvPath credit\.csv/);
    const jobId = sub.stdout.trim();
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    // The same clientJobId again: the same job.
    const again = await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--data-dir', net.dataDir('a1'), '--program', program, '--cores', '2', '--strategy', 'tee-symmetric', '--client-job-id', 'cli-e2e-2']);
    expect({ code: again.code, id: again.stdout.trim() }).toEqual({ code: 0, id: jobId });

    const watched = await cli(['job', 'watch', '--participant-url', a1, '--job', jobId, '--timeout-s', '120']);
    expect(watched.code).toBe(0);
    expect(watched.stdout).toMatch(/completed in/);
    const list = await cli(['job', 'list', '--participant-url', a1]);
    expect(list.stdout).toMatch(new RegExp(`${jobId}  completed .* cli-e2e-2`));
    const res = await cli(['job', 'result', '--participant-url', a1, '--job', jobId, '--format', 'json']);
    expect(res.code).toBe(0);
    expect(maxRelativeError((JSON.parse(res.stdout) as { rows: number[][] }).rows, reference)).toBeLessThan(1e-3);
  });

  it('a job nobody sells to fails with its code (exit 2); a stopped one is cancelled (exit 3)', async () => {
    const data = join(work, 'shared.csv');
    const program = join(work, 'shared.json');
    // No sell order at 1 per core-second: JOB_NO_LEASE after the 5 s order wait.
    const failed = await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--program', program, '--max-price', '1', '--watch', '--timeout-s', '60']);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/failed after [\d.]+ s: JOB_NO_LEASE: no sell order matched/);

    const sub = await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--program', program, '--max-price', '1']);
    const jobId = sub.stdout.trim();
    const stopped = await cli(['job', 'stop', '--participant-url', a1, '--job', jobId]);
    expect(stopped).toMatchObject({ code: 0, stdout: `job ${jobId}: cancelled (JOB_STOPPED: stopped by the participant)\n` });
    expect(await cli(['job', 'watch', '--participant-url', a1, '--job', jobId])).toMatchObject({ code: 3, stdout: expect.stringMatching(/cancelled after [\d.]+ s: JOB_STOPPED/) as unknown });
    const notDone = await cli(['job', 'result', '--participant-url', a1, '--job', jobId]);
    expect(notDone).toMatchObject({ code: 1, stderr: expect.stringMatching(/HTTP 409 JOB_NOT_COMPLETED/) as unknown });
  });

  it('clear errors: a participant that is not there, a width mismatch, an unknown job', async () => {
    const data = join(work, 'shared.csv');
    const wide = join(work, 'wide.json');
    expect((await cli(['job', 'sample-program', '--features', '9', '--out', wide])).code).toBe(0);
    expect(await cli(['job', 'submit', '--participant-url', a1, '--data', data, '--program', wide])).toMatchObject({ code: 64, stderr: expect.stringMatching(/has 8 columns but the program's inputWidth is 9/) as unknown });
    const nobody = `http://127.0.0.1:${await freePort()}`;
    expect(await cli(['job', 'list', '--participant-url', nobody])).toMatchObject({ code: 1, stderr: expect.stringContaining(`cannot reach the participant at ${nobody} (ECONNREFUSED)`) as unknown });
    expect(await cli(['job', 'watch', '--participant-url', a1, '--job', '00000000-0000-0000-0000-000000000000'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/HTTP 404 JOB_UNKNOWN/) as unknown });
  });
});
