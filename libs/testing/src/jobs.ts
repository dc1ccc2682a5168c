import { evaluatePlain, SIGMOID3, type Program } from '#libs/compute';

/**
 * Job helpers shared by the README's main command, the CLI, the end-to-end tests and
 * bench/job: the sample credit-scoring data and program, a plaintext reference, and a
 * small client for a participant's job API.
 */

/** Deterministic pseudo-random numbers (mulberry32), so the sample data is the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Customer features, standardized to roughly [-2, 2] (what a credit scorer feeds its model). */
export function sampleCreditRows(rows: number, features: number, seed = 42): number[][] {
  const rnd = seededRandom(seed);
  const out: number[][] = new Array<number[]>(rows);
  for (let i = 0; i < rows; i++) {
    const r = new Array<number>(features);
    for (let j = 0; j < features; j++) r[j] = Math.round((rnd() * 4 - 2) * 1e4) / 1e4;
    out[i] = r;
  }
  return out;
}

export function rowsToCsv(rows: readonly (readonly number[])[]): string {
  const width = rows[0]?.length ?? 0;
  const header = Array.from({ length: width }, (_, j) => `f${j + 1}`).join(',');
  return `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** Logistic scoring: sigmoid(w . x + b), with the degree-3 sigmoid approximation HE can evaluate. */
export function creditScoringProgram(features: number, seed = 7): Program {
  const rnd = seededRandom(seed);
  const weights = Array.from({ length: features }, () => Math.round((rnd() - 0.5) * 0.6 * 1e4) / 1e4);
  return { version: 1, inputWidth: features, ops: [{ op: 'dot', weights, bias: 0.1 }, { op: 'poly', coefficients: [...SIGMOID3] }] };
}

/** The plaintext reference: the same program run locally, in chunks libs/compute accepts. */
export function plainReference(program: Program, rows: readonly (readonly number[])[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows.length; i += 50_000) {
    const r = evaluatePlain(program, rows.slice(i, i + 50_000));
    if (!r.ok) throw new Error(`${r.code}: ${r.detail}`);
    out.push(...r.value);
  }
  return out;
}

/** Largest |a - b| / max(1, |b|) over two equally shaped tables (Infinity when shapes differ). */
export function maxRelativeError(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.length !== y.length) return Infinity;
    for (let j = 0; j < x.length; j++) worst = Math.max(worst, Math.abs(x[j]! - y[j]!) / Math.max(1, Math.abs(y[j]!)));
  }
  return worst;
}

export interface JobProgress {
  readonly jobId: string;
  readonly status: string;
  readonly strategy: string | null;
  readonly selection: { reasons?: string[] } | null;
  readonly subTasks: { total: number; done: number; running: number; failed: number; local: number };
  readonly attempts: readonly { subTaskId: string; attempt: number; leaseId: string; lessor: string; status: string; failureCode: string | null; ms: number | null; startedAt: string; endedAt: string | null }[];
  readonly failure: { code: string; detail: string } | null;
}

/**
 * A JSON request to a participant. GETs are retried on a connection error: a lessee
 * busy encrypting (HE key generation blocks its event loop for seconds) can close a
 * kept-alive socket just as the next poll reuses it (ECONNRESET), which says nothing
 * about the job.
 */
async function call<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const idempotent = (init?.method ?? 'GET') === 'GET';
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) }, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    } catch (e) {
      if (!idempotent || attempt >= 5 || (e as Error).name === 'TimeoutError') throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

/** A participant offers compute: a sell order through its own API (signed and forwarded to its hub). */
export async function offerCompute(participantUrl: string, o: { cores: number; priceMinorPerCoreSecond: number; durationS?: number; capabilities?: string[]; securityLevel?: number; expiresInS?: number; clientOrderId?: string }): Promise<unknown> {
  const body = {
    side: 'sell',
    cores: o.cores,
    memoryMiB: o.cores * 2048,
    durationS: o.durationS ?? 3600,
    priceMinorPerCoreSecond: o.priceMinorPerCoreSecond,
    capabilities: o.capabilities ?? ['he', 'tee'],
    securityLevel: o.securityLevel ?? 1,
    expiresInS: o.expiresInS ?? 3600,
    ...(o.clientOrderId ? { clientOrderId: o.clientOrderId } : {}),
  };
  const r = await call<{ error?: { code: string; message: string } }>(`${participantUrl}/v1/orders`, { method: 'POST', body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`sell order refused: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function submitJob(participantUrl: string, body: Record<string, unknown>): Promise<JobProgress> {
  const r = await call<JobProgress & { error?: { code: string; message: string } }>(`${participantUrl}/v1/jobs`, { method: 'POST', body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`job refused: ${r.status} ${r.body.error?.code ?? ''}: ${r.body.error?.message ?? ''}`);
  return r.body;
}

export async function jobProgress(participantUrl: string, jobId: string): Promise<JobProgress> {
  const r = await call<JobProgress>(`${participantUrl}/v1/jobs/${jobId}`);
  if (r.status !== 200) throw new Error(`job ${jobId}: ${r.status}`);
  return r.body;
}

export const TERMINAL_JOB_STATES = ['completed', 'failed', 'cancelled'];

/** Polls until the job ends (or the timeout passes); `onProgress` sees every change. */
export async function waitForJob(participantUrl: string, jobId: string, timeoutMs: number, onProgress?: (p: JobProgress) => void): Promise<JobProgress> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const p = await jobProgress(participantUrl, jobId);
    const key = `${p.status}/${p.subTasks.done}/${p.subTasks.running}/${p.attempts.length}`;
    if (key !== last) {
      last = key;
      onProgress?.(p);
    }
    if (TERMINAL_JOB_STATES.includes(p.status)) return p;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${p.status} after ${timeoutMs} ms: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function jobResult(participantUrl: string, jobId: string): Promise<number[][]> {
  const r = await call<{ rows: number[][] }>(`${participantUrl}/v1/jobs/${jobId}/result`);
  if (r.status !== 200) throw new Error(`job ${jobId} result: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.rows;
}
