/**
 * `npm run bench:relay`: throughput and latency of one-way messages
 * participant -> hub -> hub -> participant over the postgres bus adapter (every
 * service its own OS process, embedded PostgreSQL), next to a baseline measured
 * in the same run: the same messages handled by direct in-process calls
 * (buildEnvelope -> HubVerifier.decide + stampEnvelope at both hubs ->
 * receiveEnvelope), with no bus, no HTTP and no processes. The gap between the
 * two is the cost of the bus, the databases, HTTP and process hops; the baseline
 * itself is the cost of the cryptography and checks.
 *
 * Environment: BENCH_MESSAGES (default 2000, 10..20000), BENCH_CONCURRENCY
 * (API calls in flight, default 32, 1..256), BENCH_BODY_BYTES (default 256),
 * BENCH_KEEP_STATE=1 (keep the temp state dir: logs, PostgreSQL data).
 * The last line printed is one JSON object with the figures.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Topology } from '#libs/config';
import { freePort } from '#libs/persistence';
import { buildEnvelope, CaTrust, HubVerifier, MemoryNonceStore, receiveEnvelope, stampEnvelope, systemClock, type HubRelayPolicy, type OutgoingMessage } from '#libs/relay';
import { LocalNetwork } from '#libs/testing';
import { makeTestNetwork } from '../../libs/relay/src/test-network.js';
import { ConfigError, envInt, fmt, InboxCursor, round, sendMessage, sleep, summarize, type Summary } from '../../tools/load/lib.js';

const MESSAGES = envInt('BENCH_MESSAGES', 2000, 10, 20_000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 32, 1, 256);
const BODY_BYTES = envInt('BENCH_BODY_BYTES', 256, 1, 64 * 1024);
const KEEP_STATE = process.env.BENCH_KEEP_STATE === '1';
const WARMUP = 50;
/** Messages sent one at a time, each after the previous one arrived: latency without queueing. */
const UNLOADED = 30;
const MESSAGE_TYPE = 'text';
const CONTENT_TYPE = 'text/plain; charset=utf-8';
/** Sends of one phase must be done within this time... */
const SEND_TIMEOUT_MS = 90_000;
/** ...and every message delivered this long after the last send. */
const DELIVERY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 50;
/** Whole run, network start and stop included; the run ends itself after this. */
const HARD_LIMIT_MS = Math.min(600_000, 150_000 + MESSAGES * 20);

const LAYOUT: Record<string, { subnet: string; members: string[] }> = {
  'hub-a': { subnet: 'a', members: ['a1', 'a2'] },
  'hub-b': { subnet: 'b', members: ['b1', 'b2'] },
};
const SENDERS = ['a1', 'a2'] as const;
const RECEIVERS = ['b1', 'b2'] as const;

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const progress = (s: string): void => void process.stderr.write(`[bench:relay] ${s}\n`);

/** Message i goes from SENDERS[i % 2] to RECEIVERS[floor(i / 2) % 2]: all four cross-subnet pairs in turn. */
function pair(i: number): { from: string; to: string } {
  return { from: SENDERS[i % SENDERS.length] ?? 'a1', to: RECEIVERS[Math.floor(i / SENDERS.length) % RECEIVERS.length] ?? 'b1' };
}

function bodyText(i: number): string {
  const head = `bench ${i} `;
  return (head + 'x'.repeat(Math.max(0, BODY_BYTES - head.length))).slice(0, Math.max(BODY_BYTES, 1));
}

// --- baseline: direct in-process calls ---------------------------------------------------------

interface BaselineResult {
  readonly messages: number;
  readonly seconds: number;
  readonly msgsPerSec: number;
  readonly us: Summary;
}

async function baseline(n: number): Promise<BaselineResult> {
  const layout = Object.fromEntries(Object.entries(LAYOUT).map(([hub, l]) => [hub, l.members]));
  const tn = await makeTestNetwork('datanet-bench', layout);
  const time = { maxTtlMs: 300_000, clockSkewMs: 30_000 };
  const policy = (hubId: string): HubRelayPolicy => ({
    hubId,
    ...time,
    isPeerHub: (id) => id !== hubId && id in LAYOUT,
    senderAdmitted: async (identity) => identity.issuerId === hubId && (LAYOUT[hubId]?.members ?? []).includes(identity.nodeId),
    localTarget: async (id) => (LAYOUT[hubId]?.members ?? []).includes(id),
  });
  // Each party has its own trust cache and nonce window, as each process has.
  const hubA = new HubVerifier(policy('hub-a'), new CaTrust(tn.caCertPem), new MemoryNonceStore(), systemClock);
  const hubB = new HubVerifier(policy('hub-b'), new CaTrust(tn.caCertPem), new MemoryNonceStore(), systemClock);
  const stamperA = tn.hubs['hub-a'];
  const stamperB = tn.hubs['hub-b'];
  if (!stamperA || !stamperB) throw new Error('test network without hubs');
  const receiverTrust = new Map(RECEIVERS.map((id) => [id as string, new CaTrust(tn.caCertPem)]));
  const party = (id: string): NonNullable<(typeof tn.participants)[string]> => {
    const p = tn.participants[id];
    if (!p) throw new Error(`no participant ${id}`);
    return p;
  };

  const one = async (i: number): Promise<number> => {
    const { from, to } = pair(i);
    const msg: OutgoingMessage = { type: MESSAGE_TYPE, sessionId: `bench-${from}-${to}`, contentType: CONTENT_TYPE, body: Buffer.from(bodyText(i)), ttlMs: 120_000 };
    const t0 = performance.now();
    const built = buildEnvelope(party(from).sender, party(to).recipient, msg, Date.now());
    const atA = await hubA.decide(built.bytes, 'ingress', `hub.hub-a.ingress/0/${i}`);
    if (atA.action !== 'forward') throw new Error(`hub-a did not forward message ${i}: ${atA.action === 'reject' ? atA.code : atA.action}`);
    const relayed = stampEnvelope(atA.envelope, stamperA, Date.now());
    const atB = await hubB.decide(relayed, 'peer', `hub.hub-b.peer/0/${i}`);
    if (atB.action !== 'deliver') throw new Error(`hub-b did not deliver message ${i}: ${atB.action === 'reject' ? atB.code : atB.action}`);
    const delivered = stampEnvelope(atB.envelope, stamperB, Date.now());
    const trust = receiverTrust.get(to);
    if (!trust) throw new Error(`no trust for ${to}`);
    const r = await receiveEnvelope(delivered, { nodeId: to, hubId: 'hub-b', keyAgreementPrivateKey: party(to).keyAgreementPrivateKey }, trust, systemClock, time);
    if (!r.ok) throw new Error(`${to} rejected message ${i}: ${r.code} ${r.detail}`);
    return (performance.now() - t0) * 1000;
  };

  for (let i = 0; i < WARMUP; i++) await one(i);
  const us: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) us.push(await one(WARMUP + i));
  const seconds = (performance.now() - started) / 1000;
  return { messages: n, seconds, msgsPerSec: n / seconds, us: summarize(us) };
}

// --- the network --------------------------------------------------------------------------------

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let tries = 0; ports.size < count && tries < count * 20; tries++) ports.add(await freePort());
  if (ports.size < count) throw new Error('could not find enough free ports');
  return [...ports];
}

async function benchTopology(): Promise<Topology> {
  const ports = await distinctPorts(6);
  const url = (): string => `http://127.0.0.1:${ports.shift() ?? 0}`;
  return {
    version: 1,
    network: 'datanet-bench',
    bus: { adapter: 'postgres', partitions: 4, maxMessageBytes: 1024 * 1024 },
    envelope: { maxTtlSeconds: 300, clockSkewSeconds: 30 },
    subnets: Object.entries(LAYOUT).map(([hubId, l]) => ({
      id: l.subnet,
      hub: { id: hubId, url: url() },
      participants: l.members.map((id) => ({ id, url: url(), securityLevel: 1 })),
    })),
    settlement: [],
  };
}

// --- CPU accounting (Linux /proc; best effort) ---------------------------------------------------

const CLOCK_TICKS_PER_S = 100;

/** utime + stime of a process in seconds, or undefined when it is gone or /proc is not there. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** The embedded PostgreSQL of this run: its postmaster and every process it forked. */
function postgresPids(dataDir: string): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const cmd = (pid: number): string => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  const master = pids.find((pid) => cmd(pid).includes(dataDir));
  if (master === undefined) return [];
  const children = pids.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === master;
    } catch {
      return false;
    }
  });
  return [master, ...children];
}

interface CpuSnapshot {
  readonly byGroup: Map<string, number>;
  readonly atMs: number;
}

/** CPU seconds so far per group: postgres, hubs, participants, bench (this process). */
function cpuSnapshot(net: LocalNetwork, pgDataDir: string): CpuSnapshot {
  const byGroup = new Map<string, number>();
  const add = (group: string, v: number | undefined): void => void byGroup.set(group, (byGroup.get(group) ?? 0) + (v ?? 0));
  for (const pid of postgresPids(pgDataDir)) add('postgres', cpuSeconds(pid));
  for (const [hub, l] of Object.entries(LAYOUT)) {
    const hp = net.pid(hub);
    add('hubs', hp === undefined ? undefined : cpuSeconds(hp));
    for (const id of l.members) {
      const pp = net.pid(id);
      add('participants', pp === undefined ? undefined : cpuSeconds(pp));
    }
  }
  const self = process.cpuUsage();
  add('bench client', (self.user + self.system) / 1e6);
  return { byGroup, atMs: Date.now() };
}

interface CpuUse {
  readonly seconds: number;
  readonly byGroup: [string, number][];
  readonly total: number;
}

function cpuUse(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const byGroup = [...after.byGroup].map(([g, v]): [string, number] => [g, Math.max(0, v - (before.byGroup.get(g) ?? 0))]);
  return { seconds: (after.atMs - before.atMs) / 1000, byGroup, total: byGroup.reduce((a, [, v]) => a + v, 0) };
}

interface SentMessage {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  /** Wall clock (ms) when the API call started: compared with the receiver's receivedAt. */
  readonly startedAtMs: number;
  readonly apiMs: number;
  readonly messageId: string;
}

interface PhaseResult {
  readonly sent: SentMessage[];
  readonly refused: number;
  readonly firstError: string | undefined;
  /** messageId -> receivedAt (ms) at the receiver, for this phase's messages. */
  readonly arrivals: Map<string, number>;
  readonly pollFailures: number;
  readonly timedOut: boolean;
}

/**
 * Sends `count` messages with at most CONCURRENCY API calls in flight, while
 * polling the receivers' inboxes, until each accepted message has arrived or
 * the phase times out.
 */
async function phase(net: LocalNetwork, cursors: readonly InboxCursor[], firstIndex: number, count: number): Promise<PhaseResult> {
  const sent: SentMessage[] = [];
  const arrivals = new Map<string, number>();
  let refused = 0;
  let firstError: string | undefined;
  let next = 0;
  let sendsDone = false;
  const sendDeadline = Date.now() + SEND_TIMEOUT_MS;
  const urls = new Map([...SENDERS].map((id) => [id as string, net.url(id)]));

  const worker = async (): Promise<void> => {
    while (next < count && Date.now() < sendDeadline) {
      const index = firstIndex + next++;
      const { from, to } = pair(index);
      const startedAtMs = Date.now();
      const t0 = performance.now();
      // No sessionId: each message opens its own session, so keys spread over the bus partitions.
      const r = await sendMessage(urls.get(from) ?? '', { target: to, type: MESSAGE_TYPE, body: bodyText(index) });
      const apiMs = performance.now() - t0;
      if (r.ok) sent.push({ index, from, to, startedAtMs, apiMs, messageId: r.messageId });
      else {
        refused++;
        firstError ??= `${r.status} ${r.error}`;
      }
    }
  };

  // Every arrival is recorded (one may show up before its API call has returned);
  // they are matched with the sent messages at the end.
  const seen = new Map<string, number>();
  let pollFailures = 0;
  const poller = async (): Promise<boolean> => {
    let doneAt: number | undefined;
    for (;;) {
      for (const c of cursors) {
        const r = await c.poll(20);
        pollFailures += r.failures;
        for (const m of r.messages) if (!seen.has(m.messageId)) seen.set(m.messageId, Date.parse(m.receivedAt));
      }
      if (sendsDone) {
        doneAt ??= Date.now();
        if (sent.every((s) => seen.has(s.messageId))) return false;
        if (Date.now() - doneAt > DELIVERY_TIMEOUT_MS) return true;
      } else if (Date.now() > sendDeadline + DELIVERY_TIMEOUT_MS) return true;
      await sleep(POLL_INTERVAL_MS);
    }
  };

  const polling = poller();
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, () => worker()));
  sendsDone = true;
  const timedOut = await polling;
  for (const s of sent) {
    const at = seen.get(s.messageId);
    if (at !== undefined) arrivals.set(s.messageId, at);
  }
  sent.sort((a, b) => a.index - b.index);
  return { sent, refused, firstError, arrivals, pollFailures, timedOut };
}

/**
 * Latency without a queue: one message at a time, each sent only after the
 * previous one arrived. Returns API call start -> receivedAt per message (ms).
 */
async function unloaded(net: LocalNetwork, cursors: ReadonlyMap<string, InboxCursor>, firstIndex: number, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let k = 0; k < count; k++) {
    const index = firstIndex + k;
    const { from, to } = pair(index);
    const cursor = cursors.get(to);
    if (!cursor) throw new Error(`no inbox cursor for ${to}`);
    const startedAtMs = Date.now();
    const r = await sendMessage(net.url(from), { target: to, type: MESSAGE_TYPE, body: bodyText(index) });
    if (!r.ok) throw new Error(`unloaded probe ${index} refused: ${r.status} ${r.error}`);
    const deadline = Date.now() + 10_000;
    let receivedAt: number | undefined;
    while (receivedAt === undefined && Date.now() < deadline) {
      const page = await cursor.poll(5);
      const hit = page.messages.find((m) => m.messageId === r.messageId);
      if (hit) receivedAt = Date.parse(hit.receivedAt);
      else await sleep(5);
    }
    if (receivedAt === undefined) throw new Error(`unloaded probe ${r.messageId} (${from} -> ${to}) did not arrive within 10 s`);
    latencies.push(Math.max(0, receivedAt - startedAtMs));
  }
  return latencies;
}

interface RelayResult {
  readonly attempted: number;
  readonly sent: number;
  readonly refused: number;
  readonly delivered: number;
  readonly seconds: number;
  readonly msgsPerSec: number;
  readonly latencyMs: Summary;
  /** One message at a time (no queue). */
  readonly unloadedMs: Summary;
  readonly apiMs: Summary;
  readonly pollFailures: number;
  readonly unorderedPages: number;
  readonly timedOut: boolean;
  readonly firstError: string | undefined;
  readonly cpu: CpuUse;
}

async function relay(net: LocalNetwork, pgDataDir: string): Promise<RelayResult> {
  const byReceiver = new Map(RECEIVERS.map((id) => [id as string, new InboxCursor(net.url(id), { type: MESSAGE_TYPE, limit: 1000, maxPages: 20 })]));
  const cursors = [...byReceiver.values()];
  for (const c of cursors) await c.skipExisting();

  progress(`warm-up: ${WARMUP} messages`);
  const warm = await phase(net, cursors, 0, WARMUP);
  if (warm.arrivals.size < warm.sent.length || warm.sent.length === 0) {
    throw new Error(`warm-up failed: ${warm.sent.length} accepted, ${warm.refused} refused (${warm.firstError ?? 'no error'}), ${warm.arrivals.size} delivered`);
  }

  progress(`unloaded latency: ${UNLOADED} messages, one at a time`);
  const idle = summarize(await unloaded(net, byReceiver, WARMUP, UNLOADED));

  progress(`measuring: ${MESSAGES} messages, ${CONCURRENCY} in flight`);
  const cpuBefore = cpuSnapshot(net, pgDataDir);
  const r = await phase(net, cursors, WARMUP + UNLOADED, MESSAGES);
  const cpu = cpuUse(cpuBefore, cpuSnapshot(net, pgDataDir));
  const latencies: number[] = [];
  let lastArrival = Number.NEGATIVE_INFINITY;
  for (const s of r.sent) {
    const at = r.arrivals.get(s.messageId);
    if (at === undefined) continue;
    // receivedAt has millisecond precision (ISO string), so a latency below 1 ms reads as 0.
    latencies.push(Math.max(0, at - s.startedAtMs));
    lastArrival = Math.max(lastArrival, at);
  }
  const firstStart = Math.min(...r.sent.map((s) => s.startedAtMs));
  const seconds = r.arrivals.size > 0 ? Math.max(1, lastArrival - firstStart) / 1000 : Number.NaN;
  return {
    attempted: MESSAGES,
    sent: r.sent.length,
    refused: r.refused,
    delivered: r.arrivals.size,
    seconds,
    msgsPerSec: r.arrivals.size / seconds,
    latencyMs: summarize(latencies),
    unloadedMs: idle,
    apiMs: summarize(r.sent.map((s) => s.apiMs)),
    pollFailures: r.pollFailures,
    unorderedPages: cursors.reduce((n, c) => n + c.unorderedPages, 0),
    timedOut: r.timedOut,
    firstError: r.firstError,
    cpu,
  };
}

// --- main ---------------------------------------------------------------------------------------

let net: LocalNetwork | undefined;
let stateDir: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const n = net;
    net = undefined;
    if (n) {
      progress('stopping the network');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([n.stop().catch((e: unknown) => progress(`stop failed: ${(e as Error).message}`)), new Promise<void>((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
    }
    if (stateDir && !KEEP_STATE) rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    else if (stateDir) progress(`state kept in ${stateDir}`);
  })();
  return cleaning;
}

async function main(): Promise<number> {
  out(`relay benchmark: ${MESSAGES} one-way '${MESSAGE_TYPE}' messages of ${BODY_BYTES} bytes, a1,a2 -> b1,b2 (participant -> hub -> hub -> participant)`);

  progress('baseline: in-process calls');
  const base = await baseline(MESSAGES);
  out('');
  out('baseline, direct in-process calls (one thread; no bus, HTTP, database or processes):');
  out('  buildEnvelope -> HubVerifier.decide(hub-a) -> stampEnvelope -> HubVerifier.decide(hub-b) -> stampEnvelope -> receiveEnvelope');
  out(`  ${base.messages} messages in ${fmt(base.seconds, 2)} s: ${fmt(base.msgsPerSec, 0)} msgs/s`);
  out(`  per message: p50 ${fmt(base.us.p50, 0)} us, p99 ${fmt(base.us.p99, 0)} us, max ${fmt(base.us.max, 0)} us`);

  stateDir = mkdtempSync(join(tmpdir(), 'datanet-bench-'));
  // mkdtemp makes the directory 0700; as root, embedded PostgreSQL runs as the
  // `postgres` OS user, which must be able to reach its data directory below it.
  chmodSync(stateDir, 0o755);
  const topology = await benchTopology();
  progress(`starting the network (state in ${stateDir})`);
  const t0 = Date.now();
  net = await LocalNetwork.start({ topology, stateDir, env: { DATANET_LOG_LEVEL: 'warn' }, onEvent: (e) => progress(`  ${e}`) });
  progress(`network up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const r = await relay(net, join(stateDir, 'pg', 'data'));
  await cleanup();

  const ratio = r.msgsPerSec / base.msgsPerSec;
  out('');
  out(`network, postgres bus (2 hubs, 4 participants, each its own process; embedded PostgreSQL; ${CONCURRENCY} API calls in flight):`);
  out(`  accepted ${r.sent}/${r.attempted} (refused ${r.refused}${r.firstError ? `, first error: ${r.firstError}` : ''}), delivered ${r.delivered}${r.timedOut ? ' (timed out waiting for the rest)' : ''}`);
  out(`  ${r.delivered} messages in ${fmt(r.seconds, 2)} s (first send -> last delivery): ${fmt(r.msgsPerSec, 0)} msgs/s`);
  out(`  delivery latency (sender API call start -> receiver receivedAt): p50 ${fmt(r.latencyMs.p50, 0)} ms, p99 ${fmt(r.latencyMs.p99, 0)} ms, max ${fmt(r.latencyMs.max, 0)} ms`);
  out(`  send API call (POST /v1/messages -> 202): mean ${fmt(r.apiMs.mean, 1)} ms, p50 ${fmt(r.apiMs.p50, 1)} ms, p99 ${fmt(r.apiMs.p99, 1)} ms`);
  out(`  unloaded (${r.unloadedMs.count} messages one at a time, no queue): p50 ${fmt(r.unloadedMs.p50, 0)} ms, max ${fmt(r.unloadedMs.max, 0)} ms`);
  if (r.cpu.total > 0) {
    const parts = r.cpu.byGroup.map(([g, v]) => `${g} ${fmt(v, 1)} s`).join(', ');
    out(`  CPU during the measured phase: ${parts}; ${fmt(r.cpu.total, 1)} s in ${fmt(r.cpu.seconds, 1)} s wall (${fmt(r.cpu.total / r.cpu.seconds, 2)} of ${availableParallelism()} cores)`);
    out(`  CPU per delivered message: ${fmt((r.cpu.total / Math.max(1, r.delivered)) * 1000, 2)} ms (in-process baseline: ${fmt(base.us.mean / 1000, 2)} ms)`);
  }
  if (r.unorderedPages > 0) out(`  note: ${r.unorderedPages} inbox page(s) came back out of seq order (GET /v1/messages sorts seq as text); messages were matched by id`);
  out('');
  out(`ratio network / in-process throughput: ${fmt(ratio, 3)} (in-process is ${fmt(1 / ratio, 1)}x faster;`);
  out(`  crypto and checks take ${fmt(base.us.p50 / 1000, 2)} ms of the ${fmt(r.unloadedMs.p50, 0)} ms unloaded median delivery)`);

  const lost = r.attempted - r.delivered;
  out(
    JSON.stringify({
      bench: 'relay',
      adapter: 'postgres',
      messages: r.attempted,
      delivered: r.delivered,
      lost,
      concurrency: CONCURRENCY,
      bodyBytes: BODY_BYTES,
      msgsPerSec: round(r.msgsPerSec, 1),
      p50Ms: round(r.latencyMs.p50, 0),
      p99Ms: round(r.latencyMs.p99, 0),
      maxMs: round(r.latencyMs.max, 0),
      sendApiMeanMs: round(r.apiMs.mean, 2),
      unloadedP50Ms: round(r.unloadedMs.p50, 0),
      cpuMsPerMessage: r.cpu.total > 0 ? round((r.cpu.total / Math.max(1, r.delivered)) * 1000, 2) : null,
      baseline: 'in-process',
      baselineMsgsPerSec: round(base.msgsPerSec, 1),
      baselineP50Us: round(base.us.p50, 0),
      baselineP99Us: round(base.us.p99, 0),
      ratio: round(ratio, 4),
    }),
  );
  if (lost > 0 || r.pollFailures > 0) {
    process.stderr.write(`[bench:relay] FAILED: ${lost} message(s) not delivered, ${r.pollFailures} inbox poll failure(s)\n`);
    return 1;
  }
  return 0;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`[bench:relay] hard time limit of ${HARD_LIMIT_MS / 1000} s reached; stopping\n`);
  void cleanup().finally(() => process.exit(1));
}, HARD_LIMIT_MS);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

main()
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    process.stderr.write(`[bench:relay] ${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await cleanup();
    clearTimeout(watchdog);
    process.exit(1);
  });
