// Reading and checking __ENV once, in the init context: a typo in a variable fails
// the run before any request is sent, naming the variable.

/** Base URLs of the compose trial network (docker-compose.yml publishes them on localhost). */
export const COMPOSE_NODES: Readonly<Record<string, string>> = {
  'hub-a': 'http://localhost:7100',
  a1: 'http://localhost:7101',
  a2: 'http://localhost:7102',
  'hub-b': 'http://localhost:7200',
  b1: 'http://localhost:7201',
  b2: 'http://localhost:7202',
  exchange: 'http://localhost:7300',
};

const NODE_ID = /^[a-z][a-z0-9-]{0,40}$/;

function bad(name: string, message: string): never {
  throw new Error(`__ENV.${name}: ${message} (got ${JSON.stringify(__ENV[name])})`);
}

export function envString(name: string, fallback: string): string {
  const v = __ENV[name];
  return v === undefined || v === '' ? fallback : v;
}

export function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) bad(name, `must be an integer in [${min}, ${max}]`);
  return n;
}

/** A k6 duration ("90s", "2m", "1m30s", "500ms"), returned as given and in seconds. */
export function envDuration(name: string, fallback: string): { text: string; seconds: number } {
  const text = envString(name, fallback);
  const parts = text.match(/(\d+)(ms|h|m|s)/g);
  if (!parts || parts.join('') !== text) bad(name, 'must be a duration like 30s, 2m or 1m30s');
  let seconds = 0;
  for (const part of parts) {
    const m = /^(\d+)(ms|h|m|s)$/.exec(part);
    if (!m) bad(name, 'must be a duration like 30s, 2m or 1m30s');
    const value = Number(m[1]);
    seconds += m[2] === 'h' ? value * 3600 : m[2] === 'm' ? value * 60 : m[2] === 's' ? value : value / 1000;
  }
  return { text, seconds };
}

/** `id=url,id=url` -> { id: url }; falls back to the compose addresses. */
export function envNodeUrls(name: string, fallback: Readonly<Record<string, string>> = COMPOSE_NODES): Record<string, string> {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return { ...fallback };
  const out: Record<string, string> = {};
  for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const id = item.slice(0, eq);
    const url = item.slice(eq + 1).replace(/\/+$/, '');
    if (eq < 1 || !NODE_ID.test(id) || !/^https?:\/\/[^/]+/.test(url)) bad(name, `entries are id=http(s)://host:port, not ${item}`);
    out[id] = url;
  }
  return out;
}

/** Comma-separated node ids, each of which must have a URL in `urls`. */
export function envNodeList(name: string, fallback: string, urls: Readonly<Record<string, string>>): string[] {
  const ids = envString(name, fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) bad(name, 'needs at least one node id');
  for (const id of ids) if (urls[id] === undefined) bad(name, `node ${id} has no URL (add it to the URL list)`);
  return ids;
}

/** Request headers; AUTH_TOKEN (optional) is sent as a bearer token. */
export function jsonHeaders(): Record<string, string> {
  const token = __ENV.AUTH_TOKEN;
  return token ? { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } : { 'Content-Type': 'application/json' };
}
