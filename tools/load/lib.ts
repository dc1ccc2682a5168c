/**
 * Shared helpers of the relay load driver (tools/load/relay.ts) and the relay
 * benchmark (bench/relay/main.ts): participant HTTP calls with timeouts, inbox
 * cursors, latency statistics, environment parsing and the loopback guard.
 */
import type { InboxMessage } from '../network/round-trip.js';

export type { InboxMessage };

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// --- statistics -------------------------------------------------------------------------------

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    min: s[0] ?? Number.NaN,
    mean: s.length ? sum / s.length : Number.NaN,
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? Number.NaN,
  };
}

/** Rounds for printing and JSON; NaN becomes null (JSON has no NaN). */
export function round(v: number, digits = 1): number | null {
  if (!Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function fmt(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '-';
}

// --- participant API --------------------------------------------------------------------------

export interface SendRequest {
  readonly target: string;
  readonly type: string;
  readonly body: string;
  readonly sessionId?: string;
}

export type SendResult =
  | { readonly ok: true; readonly status: number; readonly messageId: string; readonly sessionId: string }
  | { readonly ok: false; readonly status: number; readonly error: string };

/** POST {participant}/v1/messages; never throws (network errors come back as status 0). */
export async function sendMessage(participantUrl: string, req: SendRequest, headers: Readonly<Record<string, string>> = {}, timeoutMs = 10_000): Promise<SendResult> {
  try {
    const res = await fetch(`${participantUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(req),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const o = isObject(json) ? json : {};
    if (res.status === 202 && typeof o.messageId === 'string' && typeof o.sessionId === 'string') return { ok: true, status: res.status, messageId: o.messageId, sessionId: o.sessionId };
    const err = isObject(o.error) ? `${String(o.error.code)} ${String(o.error.message)}` : text.slice(0, 200);
    return { ok: false, status: res.status, error: err };
  } catch (e) {
    return { ok: false, status: 0, error: (e as Error).message };
  }
}

export async function healthy(nodeUrl: string, timeoutMs = 5_000): Promise<{ ok: boolean; detail: string }> {
  try {
    const res = await fetch(`${nodeUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return { ok: res.status === 200, detail: `/health answered ${res.status}` };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInboxMessage(v: unknown): v is InboxMessage {
  return isObject(v) && typeof v.messageId === 'string' && typeof v.source === 'string' && typeof v.type === 'string' && typeof v.body === 'string' && typeof v.receivedAt === 'string';
}

export interface PollResult {
  readonly messages: InboxMessage[];
  /** Requests made and requests that failed (status != 200, bad JSON, network error). */
  readonly requests: number;
  readonly failures: number;
  /** Records that were not inbox messages. */
  readonly malformed: number;
}

/**
 * One participant's inbox read with a cursor (`GET /v1/messages?after=`), so
 * every poll returns only what arrived since the last one.
 */
export class InboxCursor {
  private after: string | undefined;
  private unordered = 0;

  constructor(
    readonly participantUrl: string,
    private readonly opts: { readonly type?: string; readonly limit?: number; readonly maxPages?: number; readonly headers?: Readonly<Record<string, string>>; readonly timeoutMs?: number } = {},
  ) {}

  get cursor(): string | undefined {
    return this.after;
  }

  /**
   * Pages whose messages were not in ascending seq order. The API promises
   * oldest first; a page out of order means its `next` cursor can skip or repeat
   * messages once a page is full.
   */
  get unorderedPages(): number {
    return this.unordered;
  }

  /** Reads up to `maxPages` pages of new messages. Never throws. */
  async poll(maxPages = this.opts.maxPages ?? 50, limit = this.opts.limit ?? 1000): Promise<PollResult> {
    const out: InboxMessage[] = [];
    let requests = 0;
    let failures = 0;
    let malformed = 0;
    for (let page = 0; page < maxPages; page++) {
      const q = new URLSearchParams({ limit: String(limit) });
      if (this.after !== undefined) q.set('after', this.after);
      if (this.opts.type !== undefined) q.set('type', this.opts.type);
      requests++;
      let body: unknown;
      try {
        const res = await fetch(`${this.participantUrl}/v1/messages?${q.toString()}`, { headers: this.opts.headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000) });
        if (res.status === 200) body = await res.json();
        else await res.arrayBuffer();
      } catch {
        body = undefined;
      }
      const messages = isObject(body) && Array.isArray(body.messages) ? (body.messages as unknown[]) : undefined;
      if (!isObject(body) || messages === undefined || !(typeof body.next === 'string' || body.next === null)) {
        failures++;
        break;
      }
      let maxSeq: bigint | undefined;
      let ordered = true;
      for (const m of messages) {
        if (!isInboxMessage(m)) {
          malformed++;
          continue;
        }
        out.push(m);
        const seq = /^\d{1,19}$/.test(m.seq) ? BigInt(m.seq) : undefined;
        if (seq === undefined) continue;
        if (maxSeq !== undefined && seq <= maxSeq) ordered = false;
        if (maxSeq === undefined || seq > maxSeq) maxSeq = seq;
      }
      if (!ordered) this.unordered++;
      // A page shorter than the limit holds everything after the cursor, so its
      // highest seq is a safe next cursor whatever order the server used; a full
      // page can only be continued from the server's `next`.
      if (messages.length < limit && maxSeq !== undefined) this.after = maxSeq.toString();
      else if (typeof body.next === 'string') this.after = body.next;
      if (messages.length < limit) break;
    }
    return { messages: out, requests, failures, malformed };
  }

  /** Moves the cursor past everything already in the inbox (bounded); returns the number skipped. */
  async skipExisting(maxPages = 1000): Promise<number> {
    let skipped = 0;
    const unordered = this.unordered;
    try {
      for (let i = 0; i < maxPages; i++) {
        const r = await this.poll(1, 1000);
        skipped += r.messages.length + r.malformed;
        if (r.failures > 0) throw new Error(`cannot read the inbox of ${this.participantUrl}`);
        if (r.messages.length + r.malformed < 1000) return skipped;
      }
      return skipped;
    } finally {
      this.unordered = unordered;
    }
  }
}

// --- environment ------------------------------------------------------------------------------

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function bad(name: string, message: string, env: NodeJS.ProcessEnv): never {
  throw new ConfigError(`${name}: ${message} (got ${JSON.stringify(env[name])})`);
}

export function envString(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

export function envInt(name: string, fallback: number, min: number, max: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) bad(name, `must be an integer in [${min}, ${max}]`, env);
  return n;
}

/** A k6-style duration ("90s", "2m", "1m30s", "500ms", "1h"), in seconds. */
export function envDuration(name: string, fallback: string, maxSeconds: number, env: NodeJS.ProcessEnv = process.env): { text: string; seconds: number } {
  const text = envString(name, fallback, env);
  const parts = text.match(/(\d+)(ms|h|m|s)/g);
  if (!parts || parts.join('') !== text) bad(name, 'must be a duration like 30s, 2m or 1m30s', env);
  let seconds = 0;
  for (const part of parts) {
    const m = /^(\d+)(ms|h|m|s)$/.exec(part);
    if (!m) bad(name, 'must be a duration like 30s, 2m or 1m30s', env);
    const value = Number(m[1]);
    seconds += m[2] === 'h' ? value * 3600 : m[2] === 'm' ? value * 60 : m[2] === 's' ? value : value / 1000;
  }
  if (seconds > maxSeconds) bad(name, `at most ${maxSeconds} s`, env);
  return { text, seconds };
}

const NODE_ID = /^[a-z][a-z0-9-]{0,40}$/;

/** `id=url,id=url` -> { id: url } (trailing slashes dropped). */
export function envNodeUrls(name: string, fallback: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw = env[name];
  if (raw === undefined || raw === '') return { ...fallback };
  const out: Record<string, string> = {};
  for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const id = item.slice(0, eq);
    const url = item.slice(eq + 1).replace(/\/+$/, '');
    if (eq < 1 || !NODE_ID.test(id) || !/^https?:\/\/[^/]+/.test(url)) bad(name, `entries are id=http(s)://host:port, not ${item}`, env);
    out[id] = url;
  }
  return out;
}

/** Comma-separated node ids, each of which must have a URL in `urls`. */
export function envNodeList(name: string, fallback: string, urls: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = process.env): string[] {
  const ids = envString(name, fallback, env)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) bad(name, 'needs at least one node id', env);
  for (const id of ids) if (urls[id] === undefined) bad(name, `node ${id} has no URL (add it to NODES)`, env);
  return ids;
}

/** True for http(s) URLs whose host is a loopback address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
