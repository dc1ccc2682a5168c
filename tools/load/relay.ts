/**
 * `npm run load:relay`: the relay load test of k6/relay.ts without k6. Senders
 * (participants of one subnet) post messages to receivers (participants of
 * another subnet) through their HTTP APIs at a ramping arrival rate, so every
 * message travels participant -> hub -> hub -> participant; one poller reads
 * the receivers' inboxes and measures delivery. Thresholds decide the exit code:
 * 0 passed, 1 a threshold failed (or the run was cut short), 2 bad configuration
 * or a participant not healthy.
 *
 *   DATANET_STATE_DIR=/tmp/dn-load node dist/tools/network/main.js &   (embedded network)
 *   npm run load:relay
 *   RATE=50 HOLD=30s MESSAGE_TYPE=text npm run load:relay
 *
 * Variables (same names and defaults as the k6 script where they apply; see
 * bench/README.md): NODES, SENDERS, RECEIVERS, RATE, START_RATE, RAMP, HOLD,
 * RAMP_DOWN, DRAIN, MAX_VUS (requests in flight), BODY_BYTES, SESSION_MESSAGES,
 * MESSAGE_TYPE, POLL_LIMIT, POLL_INTERVAL_MS, POLL_BY_TYPE, AUTH_TOKEN,
 * P95_SEND_MS, P95_DELIVERY_MS, MAX_DROPPED, MAX_LOST, REQUEST_TIMEOUT_MS,
 * LOAD_MAX_MESSAGES, LOAD_MAX_SECONDS, LOAD_ALLOW_REMOTE.
 *
 * Differences from k6: MAX_VUS bounds the requests in flight (an iteration due
 * while MAX_VUS requests are pending is dropped, like k6's dropped_iterations);
 * PRE_VUS does not apply; the poller stops as soon as every accepted message has
 * arrived (at the latest DRAIN after the last send); MAX_LOST is an extra
 * threshold on accepted messages that never arrived.
 */
import { performance } from 'node:perf_hooks';
import {
  ConfigError,
  envDuration,
  envInt,
  envNodeList,
  envNodeUrls,
  envString,
  fmt,
  healthy,
  InboxCursor,
  isLoopbackUrl,
  isObject,
  round,
  sendMessage,
  sleep,
  summarize,
  type InboxMessage,
  type Summary,
} from './lib.js';

/** The embedded network's participants (config/topology.embedded.yaml). */
const EMBEDDED_NODES: Readonly<Record<string, string>> = {
  a1: 'http://127.0.0.1:7101',
  a2: 'http://127.0.0.1:7102',
  b1: 'http://127.0.0.1:7201',
  b2: 'http://127.0.0.1:7202',
};

/** Upper bound of pages read per receiver per poll, so one poll cannot spin forever. */
const MAX_PAGES_PER_POLL = 50;
const SCHEDULER_TICK_MS = 5;
const PROGRESS_EVERY_MS = 5_000;
const INTERRUPT_DRAIN_MS = 5_000;

interface Stage {
  readonly from: number;
  readonly to: number;
  readonly seconds: number;
}

interface Config {
  readonly nodes: Record<string, string>;
  readonly senders: string[];
  readonly receivers: string[];
  readonly rate: number;
  readonly startRate: number;
  readonly ramp: { text: string; seconds: number };
  readonly hold: { text: string; seconds: number };
  readonly rampDown: { text: string; seconds: number };
  readonly drain: { text: string; seconds: number };
  readonly maxVus: number;
  readonly bodyBytes: number;
  readonly sessionMessages: number;
  readonly messageType: string;
  readonly pollLimit: number;
  readonly pollIntervalMs: number;
  readonly pollByType: boolean;
  readonly headers: Record<string, string>;
  readonly p95SendMs: number;
  readonly p95DeliveryMs: number;
  readonly maxDropped: number;
  readonly maxLost: number;
  readonly requestTimeoutMs: number;
  readonly maxMessages: number;
  readonly maxSeconds: number;
  readonly stages: Stage[];
  readonly sendSeconds: number;
  readonly planned: number;
}

function loadConfig(): Config {
  const nodes = envNodeUrls('NODES', EMBEDDED_NODES);
  const senders = envNodeList('SENDERS', 'a1,a2', nodes);
  const receivers = envNodeList('RECEIVERS', 'b1,b2', nodes);
  const rate = envInt('RATE', 20, 1, 100_000);
  const startRate = envInt('START_RATE', 1, 0, 100_000);
  const ramp = envDuration('RAMP', '30s', 86_400);
  const hold = envDuration('HOLD', '1m', 86_400);
  const rampDown = envDuration('RAMP_DOWN', '10s', 86_400);
  const drain = envDuration('DRAIN', '30s', 86_400);
  const messageType = envString('MESSAGE_TYPE', 'demo.ping');
  if (!/^[a-z][a-z0-9._-]{0,63}$/.test(messageType)) throw new ConfigError(`MESSAGE_TYPE: lowercase message type, e.g. text or demo.ping (got ${JSON.stringify(messageType)})`);
  const token = process.env.AUTH_TOKEN;
  const maxMessages = envInt('LOAD_MAX_MESSAGES', 100_000, 1, 1_000_000);
  const maxSeconds = envInt('LOAD_MAX_SECONDS', 1800, 1, 21_600);
  const stages: Stage[] = [
    { from: startRate, to: rate, seconds: ramp.seconds },
    { from: rate, to: rate, seconds: hold.seconds },
    { from: rate, to: 0, seconds: rampDown.seconds },
  ];
  const sendSeconds = ramp.seconds + hold.seconds + rampDown.seconds;
  const planned = Math.ceil(iterationsBy(stages, sendSeconds) - 1e-9);
  if (sendSeconds <= 0) throw new ConfigError('RAMP + HOLD + RAMP_DOWN is 0: nothing to send');
  if (planned > maxMessages) throw new ConfigError(`the stages plan ${planned} messages, more than LOAD_MAX_MESSAGES=${maxMessages}; lower RATE or the durations, or raise the cap`);
  if (sendSeconds + drain.seconds > maxSeconds) throw new ConfigError(`RAMP + HOLD + RAMP_DOWN + DRAIN = ${sendSeconds + drain.seconds} s exceeds LOAD_MAX_SECONDS=${maxSeconds}`);
  const used = [...new Set([...senders, ...receivers])];
  if (process.env.LOAD_ALLOW_REMOTE !== '1') {
    const remote = used.filter((id) => !isLoopbackUrl(nodes[id] ?? ''));
    if (remote.length > 0) throw new ConfigError(`refusing non-loopback targets ${remote.map((id) => `${id}=${nodes[id]}`).join(', ')}; set LOAD_ALLOW_REMOTE=1 to load a network you run elsewhere`);
  }
  return {
    nodes,
    senders,
    receivers,
    rate,
    startRate,
    ramp,
    hold,
    rampDown,
    drain,
    maxVus: envInt('MAX_VUS', 200, 1, 10_000),
    bodyBytes: envInt('BODY_BYTES', 256, 64, 1_000_000),
    sessionMessages: envInt('SESSION_MESSAGES', 20, 1, 1_000_000),
    messageType,
    pollLimit: envInt('POLL_LIMIT', 100, 1, 1000),
    pollIntervalMs: envInt('POLL_INTERVAL_MS', 250, 0, 60_000),
    pollByType: envInt('POLL_BY_TYPE', 1, 0, 1) === 1,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    p95SendMs: envInt('P95_SEND_MS', 500, 1, 600_000),
    p95DeliveryMs: envInt('P95_DELIVERY_MS', 2000, 1, 600_000),
    maxDropped: envInt('MAX_DROPPED', 0, 0, 1_000_000_000),
    maxLost: envInt('MAX_LOST', 0, 0, 1_000_000_000),
    requestTimeoutMs: envInt('REQUEST_TIMEOUT_MS', 30_000, 100, 120_000),
    maxMessages,
    maxSeconds,
    stages,
    sendSeconds,
    planned,
  };
}

/** Iterations due by `t` seconds: the integral of the piecewise-linear rate (k6 ramping-arrival-rate). */
function iterationsBy(stages: readonly Stage[], t: number): number {
  let total = 0;
  let left = t;
  for (const s of stages) {
    if (left <= 0) break;
    const d = Math.min(left, s.seconds);
    if (s.seconds > 0) total += s.from * d + ((s.to - s.from) * d * d) / (2 * s.seconds);
    left -= s.seconds;
  }
  return total;
}

function rateAt(stages: readonly Stage[], t: number): number {
  let left = t;
  for (const s of stages) {
    if (left < s.seconds) return s.from + ((s.to - s.from) * left) / s.seconds;
    left -= s.seconds;
  }
  return 0;
}

// --- the probe carried in each message body ------------------------------------------------------

interface Probe {
  probe: 'relay';
  run: string;
  from: string;
  to: string;
  seq: string;
  sentAt: number;
  pad: string;
}

function probeBody(bytes: number, run: string, from: string, to: string, seq: string): string {
  const probe: Probe = { probe: 'relay', run, from, to, seq, sentAt: Date.now(), pad: '' };
  probe.pad = 'x'.repeat(Math.max(0, bytes - JSON.stringify(probe).length));
  return JSON.stringify(probe);
}

function parseProbe(body: string): Probe | undefined {
  try {
    const v: unknown = JSON.parse(body);
    if (!isObject(v)) return undefined;
    const ok = v.probe === 'relay' && typeof v.run === 'string' && typeof v.from === 'string' && typeof v.to === 'string' && typeof v.seq === 'string' && typeof v.sentAt === 'number';
    return ok ? (v as unknown as Probe) : undefined;
  } catch {
    return undefined;
  }
}

// --- the run -------------------------------------------------------------------------------------

class Metrics {
  sent = 0;
  refused = 0;
  /** Sends that failed at the HTTP level (status 0 = network error or timeout, or >= 400). */
  sendFailed = 0;
  readonly refusedByStatus = new Map<string, number>();
  firstSendError: string | undefined;
  readonly sendMs: number[] = [];
  received = 0;
  duplicates = 0;
  unexpected = 0;
  dropped = 0;
  pollRequests = 0;
  pollFailures = 0;
  checksPassed = 0;
  checksFailed = 0;
  readonly deliveryMs: number[] = [];
  readonly observedMs: number[] = [];
  readonly pairs = new Map<string, { sent: number; received: number }>();
  readonly failedChecks = new Map<string, number>();

  check(name: string, ok: boolean): boolean {
    if (ok) this.checksPassed++;
    else {
      this.checksFailed++;
      this.failedChecks.set(name, (this.failedChecks.get(name) ?? 0) + 1);
    }
    return ok;
  }

  pair(key: string): { sent: number; received: number } {
    let p = this.pairs.get(key);
    if (!p) this.pairs.set(key, (p = { sent: 0, received: 0 }));
    return p;
  }
}

const say = (s: string): void => void process.stdout.write(`${s}\n`);
const note = (s: string): void => void process.stderr.write(`[load:relay] ${s}\n`);

let interrupted = false;

async function run(c: Config): Promise<number> {
  const runId = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  say(`load:relay run ${runId}: ${c.senders.join(',')} -> ${c.receivers.join(',')}, type ${c.messageType}, ${c.bodyBytes}-byte bodies`);
  say(`  stages: ${c.startRate} -> ${c.rate}/s over ${c.ramp.text}, ${c.rate}/s for ${c.hold.text}, -> 0 over ${c.rampDown.text}; drain up to ${c.drain.text}; ${c.planned} messages planned, at most ${c.maxVus} in flight`);

  // Fail fast when a participant is down rather than after minutes of errors.
  for (const id of new Set([...c.senders, ...c.receivers])) {
    const h = await healthy(c.nodes[id] ?? '');
    if (!h.ok) {
      note(`participant ${id} (${c.nodes[id]}) is not healthy: ${h.detail}`);
      return 2;
    }
  }
  const cursors = new Map(c.receivers.map((id) => [id, new InboxCursor(c.nodes[id] ?? '', { type: c.pollByType ? c.messageType : undefined, limit: c.pollLimit, headers: c.headers, timeoutMs: c.requestTimeoutMs })]));
  for (const [id, cursor] of cursors) {
    const skipped = await cursor.skipExisting();
    if (skipped > 0) note(`${id}: skipped ${skipped} messages already in the inbox`);
  }

  const m = new Metrics();
  const seen = new Set<string>();
  const sessions = new Map<string, { id: string; used: number }>();
  const hardDeadline = Date.now() + c.maxSeconds * 1000 + 30_000;
  let cutShort = false;

  const iteration = async (i: number): Promise<void> => {
    const from = c.senders[i % c.senders.length] ?? '';
    const to = c.receivers[Math.floor(i / c.senders.length) % c.receivers.length] ?? '';
    const key = `${from}->${to}`;
    const session = sessions.get(key);
    const reuse = session !== undefined && session.used < c.sessionMessages;
    if (reuse) session.used++;
    const body = probeBody(c.bodyBytes, runId, from, to, String(i));
    const t0 = performance.now();
    const r = await sendMessage(c.nodes[from] ?? '', { target: to, type: c.messageType, body, ...(reuse ? { sessionId: session.id } : {}) }, c.headers, c.requestTimeoutMs);
    m.sendMs.push(performance.now() - t0);
    m.check('send: 202 Accepted', r.ok);
    if (!r.ok) {
      m.refused++;
      if (r.status === 0 || r.status >= 400) m.sendFailed++;
      const k = String(r.status);
      m.refusedByStatus.set(k, (m.refusedByStatus.get(k) ?? 0) + 1);
      m.firstSendError ??= `${r.status} ${r.error}`;
      return;
    }
    m.sent++;
    m.pair(key).sent++;
    m.check('send: session kept', !reuse || r.sessionId === session.id);
    if (!reuse) sessions.set(key, { id: r.sessionId, used: 1 });
  };

  const account = (receiver: string, msg: InboxMessage, now: number): void => {
    const probe = msg.type === c.messageType ? parseProbe(msg.body) : undefined;
    if (probe === undefined || probe.run !== runId) return; // traffic of others or of an earlier run
    m.check('receive: delivered to its target', probe.to === receiver);
    m.check('receive: source is the sender', msg.source === probe.from);
    m.check('receive: body intact', msg.body.length >= c.bodyBytes);
    if (probe.to !== receiver) m.unexpected++;
    if (seen.has(probe.seq)) {
      m.duplicates++; // at-least-once delivery: a redelivery, not an error
      return;
    }
    seen.add(probe.seq);
    m.received++;
    m.pair(`${probe.from}->${probe.to}`).received++;
    m.observedMs.push(now - probe.sentAt);
    const receivedAt = Date.parse(msg.receivedAt);
    if (!Number.isNaN(receivedAt)) m.deliveryMs.push(Math.max(0, receivedAt - probe.sentAt));
  };

  // --- sender: ramping arrival rate -----------------------------------------------------------
  let launched = 0;
  const inFlight = new Set<Promise<void>>();
  let sendsDoneAt: number | undefined;
  const sendStart = performance.now();
  const sending = (async () => {
    for (;;) {
      const t = (performance.now() - sendStart) / 1000;
      const due = Math.min(c.maxMessages, Math.ceil(iterationsBy(c.stages, Math.min(t, c.sendSeconds)) - 1e-9));
      while (launched < due) {
        const i = launched++;
        if (inFlight.size >= c.maxVus) {
          m.dropped++;
          continue;
        }
        const p: Promise<void> = iteration(i).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (t >= c.sendSeconds || interrupted || Date.now() > hardDeadline) break;
      await sleep(SCHEDULER_TICK_MS);
    }
    await Promise.all([...inFlight]);
    sendsDoneAt = Date.now();
  })();

  // --- poller ------------------------------------------------------------------------------------
  const polling = (async () => {
    for (;;) {
      for (const [id, cursor] of cursors) {
        const r = await cursor.poll(MAX_PAGES_PER_POLL);
        m.pollRequests += r.requests;
        m.pollFailures += r.failures;
        for (let k = 0; k < r.malformed; k++) m.check('receive: message has messageId, source, type, body', false);
        const now = Date.now();
        for (const msg of r.messages) account(id, msg, now);
      }
      if (Date.now() > hardDeadline) {
        cutShort = true;
        return;
      }
      // After Ctrl-C, wait at most INTERRUPT_DRAIN_MS for what is already under way.
      const drainMs = interrupted ? Math.min(c.drain.seconds * 1000, INTERRUPT_DRAIN_MS) : c.drain.seconds * 1000;
      if (sendsDoneAt !== undefined && (m.received >= m.sent || Date.now() > sendsDoneAt + drainMs)) return;
      if (c.pollIntervalMs > 0) await sleep(c.pollIntervalMs);
    }
  })();

  const ticker = setInterval(() => {
    const t = (performance.now() - sendStart) / 1000;
    note(`${fmt(t, 0)} s: rate ${fmt(rateAt(c.stages, t), 1)}/s, sent ${m.sent}, refused ${m.refused}, received ${m.received}, in flight ${inFlight.size}, dropped ${m.dropped}`);
  }, PROGRESS_EVERY_MS);
  try {
    await Promise.all([sending, polling]);
  } finally {
    clearInterval(ticker);
  }

  const unordered = [...cursors.values()].reduce((n, cur) => n + cur.unorderedPages, 0);
  return report(c, m, runId, (performance.now() - sendStart) / 1000, sendsDoneAt, cutShort, unordered);
}

function report(c: Config, m: Metrics, runId: string, seconds: number, sendsDoneAt: number | undefined, cutShort: boolean, unorderedPages: number): number {
  const send = summarize(m.sendMs);
  const delivery = summarize(m.deliveryMs);
  const observed = summarize(m.observedMs);
  const attempts = m.sent + m.refused;
  const lost = Math.max(0, m.sent - m.received);
  const sendFailRate = attempts ? m.sendFailed / attempts : 0;
  const acceptedRate = attempts ? m.sent / attempts : 0;
  const pollFailRate = m.pollRequests ? m.pollFailures / m.pollRequests : 0;
  const checks = m.checksPassed + m.checksFailed;
  const checksRate = checks ? m.checksPassed / checks : 0;
  const ms = (s: Summary): string => `avg ${fmt(s.mean, 1)}  min ${fmt(s.min, 1)}  med ${fmt(s.p50, 1)}  p90 ${fmt(s.p90, 1)}  p95 ${fmt(s.p95, 1)}  p99 ${fmt(s.p99, 1)}  max ${fmt(s.max, 1)}`;
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

  const thresholds = [
    { name: 'send errors < 1%', ok: sendFailRate < 0.01, actual: pct(sendFailRate) },
    { name: `send p95 < ${c.p95SendMs} ms`, ok: send.count > 0 && send.p95 < c.p95SendMs, actual: `${fmt(send.p95, 1)} ms` },
    { name: 'poll errors < 1%', ok: pollFailRate < 0.01, actual: pct(pollFailRate) },
    { name: 'sends accepted > 99%', ok: acceptedRate > 0.99, actual: pct(acceptedRate) },
    { name: 'received > 0', ok: m.received > 0, actual: String(m.received) },
    { name: `delivery p95 < ${c.p95DeliveryMs} ms`, ok: delivery.count > 0 && delivery.p95 < c.p95DeliveryMs, actual: `${fmt(delivery.p95, 1)} ms` },
    { name: 'unexpected messages == 0', ok: m.unexpected === 0, actual: String(m.unexpected) },
    { name: 'checks > 99%', ok: checksRate > 0.99, actual: pct(checksRate) },
    { name: `dropped iterations <= ${c.maxDropped}`, ok: m.dropped <= c.maxDropped, actual: String(m.dropped) },
    { name: `lost messages <= ${c.maxLost}`, ok: lost <= c.maxLost, actual: String(lost) },
  ];
  const failed = thresholds.filter((t) => !t.ok).map((t) => t.name);
  const passed = failed.length === 0 && !interrupted && !cutShort;

  say('');
  say(`  relay_sent ............. ${m.sent}   (${fmt(m.sent / Math.max(c.sendSeconds, 1e-3), 1)}/s over the ${fmt(c.sendSeconds, 0)} s of sending)`);
  say(`  relay_refused .......... ${m.refused}${m.refusedByStatus.size ? `   (${[...m.refusedByStatus].map(([s, n]) => `${s === '0' ? 'network error/timeout' : `HTTP ${s}`}: ${n}`).join(', ')}; first: ${m.firstSendError ?? ''})` : ''}`);
  say(`  relay_received ......... ${m.received}   lost (accepted, not delivered${sendsDoneAt ? ` within ${c.drain.text}` : ''}): ${lost}`);
  say(`  relay_duplicates ....... ${m.duplicates}`);
  say(`  relay_unexpected ....... ${m.unexpected}`);
  say(`  dropped_iterations ..... ${m.dropped}   (due while ${c.maxVus} requests were in flight)`);
  say(`  send_ms ................ ${ms(send)}`);
  say(`  relay_delivery_ms ...... ${ms(delivery)}`);
  say(`  relay_observed_ms ...... ${ms(observed)}`);
  say(`  polls .................. ${m.pollRequests} requests, ${m.pollFailures} failed${unorderedPages ? `, ${unorderedPages} page(s) not in seq order (server bug: cursors may skip or repeat messages)` : ''}`);
  say(`  checks ................. ${m.checksPassed}/${checks}${m.failedChecks.size ? `   failed: ${[...m.failedChecks].map(([k, n]) => `${k} x${n}`).join(', ')}` : ''}`);
  for (const [pair, p] of [...m.pairs].sort()) say(`    ${pair.padEnd(16)} sent ${p.sent}, received ${p.received}`);
  say('');
  say('thresholds:');
  for (const t of thresholds) say(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(28)} ${t.actual}`);
  if (interrupted) say('  run interrupted: counts as failed');
  if (cutShort) say(`  run cut short at LOAD_MAX_SECONDS=${c.maxSeconds}: counts as failed`);
  say(
    JSON.stringify({
      tool: 'load-relay',
      run: runId,
      messageType: c.messageType,
      rate: c.rate,
      seconds: round(seconds, 1),
      planned: c.planned,
      sent: m.sent,
      refused: m.refused,
      received: m.received,
      lost,
      duplicates: m.duplicates,
      dropped: m.dropped,
      unexpected: m.unexpected,
      sendP95Ms: round(send.p95, 1),
      deliveryP50Ms: round(delivery.p50, 0),
      deliveryP95Ms: round(delivery.p95, 0),
      deliveryP99Ms: round(delivery.p99, 0),
      observedP95Ms: round(observed.p95, 0),
      unorderedInboxPages: unorderedPages,
      passed,
      failed,
    }),
  );
  return passed ? 0 : 1;
}

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  note(e instanceof ConfigError ? e.message : String(e));
  process.exit(2);
}

process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  note('interrupted: stopping (Ctrl-C again to quit at once)');
});
// Last resort: the run stops itself well before this.
const watchdog = setTimeout(() => {
  note('hard time limit reached; exiting');
  process.exit(1);
}, (config.maxSeconds + 120) * 1000);

run(config)
  .then((code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    clearTimeout(watchdog);
    note(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  });
