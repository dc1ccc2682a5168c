// Relay load test: senders (participants of one subnet) post messages to receivers
// (participants of another subnet) through their participant HTTP APIs, so every
// message travels participant -> hub -> hub -> participant; one poller reads the
// receivers' inboxes and measures delivery.
//
//   k6 run k6/relay.ts                                    (compose trial network)
//   k6 run -e RATE=200 -e HOLD=5m k6/relay.ts
//   k6 run -e NODES=a1=http://10.0.0.5:7101,b1=http://10.0.0.9:7201 -e SENDERS=a1 -e RECEIVERS=b1 k6/relay.ts
//
// Variables (k6/README.md): NODES, SENDERS, RECEIVERS, RATE, START_RATE, RAMP, HOLD,
// RAMP_DOWN, DRAIN, PRE_VUS, MAX_VUS, BODY_BYTES, SESSION_MESSAGES, MESSAGE_TYPE,
// POLL_LIMIT, POLL_INTERVAL_MS, POLL_BY_TYPE, AUTH_TOKEN, P95_SEND_MS, P95_DELIVERY_MS,
// MAX_DROPPED.
//
// Note: a participant answers every demo.ping with a demo.pong to the sender, so
// the network carries twice the send rate; MESSAGE_TYPE=text sends one-way traffic.
//
// API under test:
//   POST {participant}/v1/messages {target, type, body, sessionId?} -> 202 {messageId, sessionId}
//   GET  {participant}/v1/messages?after=<cursor>&limit=N[&type=T]
//        -> 200 {messages: [{messageId, source, type, body, sessionId, receivedAt}], next}
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { envDuration, envInt, envNodeList, envNodeUrls, envString, jsonHeaders } from './lib/env.ts';

// --- configuration (init context) ------------------------------------------------------
const NODES = envNodeUrls('NODES');
const SENDERS = envNodeList('SENDERS', 'a1,a2', NODES);
const RECEIVERS = envNodeList('RECEIVERS', 'b1,b2', NODES);
const RATE = envInt('RATE', 20, 1, 100_000); // messages per second at the plateau
const START_RATE = envInt('START_RATE', 1, 0, 100_000);
const RAMP = envDuration('RAMP', '30s');
const HOLD = envDuration('HOLD', '1m');
const RAMP_DOWN = envDuration('RAMP_DOWN', '10s');
const DRAIN = envDuration('DRAIN', '30s'); // polling goes on this long after the last send
const PRE_VUS = envInt('PRE_VUS', 20, 1, 10_000);
const MAX_VUS = envInt('MAX_VUS', 200, 1, 10_000);
const BODY_BYTES = envInt('BODY_BYTES', 256, 64, 1_000_000);
const SESSION_MESSAGES = envInt('SESSION_MESSAGES', 20, 1, 1_000_000);
const POLL_LIMIT = envInt('POLL_LIMIT', 100, 1, 1000);
const POLL_INTERVAL_MS = envInt('POLL_INTERVAL_MS', 250, 0, 60_000);
const P95_SEND_MS = envInt('P95_SEND_MS', 500, 1, 600_000);
const P95_DELIVERY_MS = envInt('P95_DELIVERY_MS', 2000, 1, 600_000);
const MAX_DROPPED = envInt('MAX_DROPPED', 0, 0, 1_000_000_000);
const MESSAGE_TYPE = envString('MESSAGE_TYPE', 'demo.ping');
/** Ask the inbox for MESSAGE_TYPE only (`&type=`), skipping e.g. the pongs a ping triggers. */
const POLL_BY_TYPE = envInt('POLL_BY_TYPE', 1, 0, 1) === 1;
/** Upper bound of pages read per receiver per poll, so one poll cannot spin forever. */
const MAX_PAGES_PER_POLL = 50;

const HEADERS = jsonHeaders();
const SEND_SECONDS = RAMP.seconds + HOLD.seconds + RAMP_DOWN.seconds;

// --- metrics --------------------------------------------------------------------------------
const sent = new Counter('relay_sent');
const received = new Counter('relay_received');
const duplicates = new Counter('relay_duplicates');
const foreign = new Counter('relay_unexpected_messages');
const accepted = new Rate('relay_send_accepted');
/** Sender's clock at POST to the receiver's receivedAt: the network's delivery latency. */
const deliveryMs = new Trend('relay_delivery_ms', true);
/** Sender's clock at POST to the poller seeing it: adds the polling delay. */
const observedMs = new Trend('relay_observed_ms', true);

export const options: Options = {
  scenarios: {
    send: {
      executor: 'ramping-arrival-rate',
      exec: 'send',
      startRate: START_RATE,
      timeUnit: '1s',
      preAllocatedVUs: PRE_VUS,
      maxVUs: MAX_VUS,
      stages: [
        { target: RATE, duration: RAMP.text },
        { target: RATE, duration: HOLD.text },
        { target: 0, duration: RAMP_DOWN.text },
      ],
    },
    // One VU reads every receiver's inbox with its own cursors: more would count each
    // message once per VU.
    receive: {
      executor: 'constant-vus',
      exec: 'receive',
      vus: 1,
      duration: `${Math.ceil(SEND_SECONDS + DRAIN.seconds)}s`,
    },
  },
  thresholds: {
    'http_req_failed{scenario:send}': ['rate<0.01'],
    'http_req_duration{scenario:send}': [`p(95)<${P95_SEND_MS}`],
    'http_req_failed{scenario:receive}': ['rate<0.01'],
    relay_send_accepted: ['rate>0.99'],
    relay_received: ['count>0'],
    relay_delivery_ms: [`p(95)<${P95_DELIVERY_MS}`],
    relay_unexpected_messages: ['count==0'],
    checks: ['rate>0.99'],
    // The arrival rate was not met for want of VUs: raise MAX_VUS or lower RATE.
    dropped_iterations: [`count<=${MAX_DROPPED}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

// --- the probe carried in each message body ------------------------------------------------
interface Probe {
  k6: 'relay';
  run: string;
  from: string;
  to: string;
  seq: string;
  sentAt: number;
  pad: string;
}

function isProbe(v: unknown): v is Probe {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return p.k6 === 'relay' && typeof p.run === 'string' && typeof p.from === 'string' && typeof p.to === 'string' && typeof p.seq === 'string' && typeof p.sentAt === 'number';
}

function probeBody(run: string, from: string, to: string, seq: string): string {
  const probe: Probe = { k6: 'relay', run, from, to, seq, sentAt: Date.now(), pad: '' };
  const size = JSON.stringify(probe).length;
  probe.pad = 'x'.repeat(Math.max(0, BODY_BYTES - size));
  return JSON.stringify(probe);
}

function parseProbe(body: string): Probe | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return isProbe(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

// --- setup ------------------------------------------------------------------------------------
interface RunData {
  run: string;
}

export function setup(): RunData {
  // Fail fast when a participant is down rather than after minutes of errors.
  for (const id of [...SENDERS, ...RECEIVERS]) {
    const res = http.get(`${NODES[id]}/health`, { tags: { name: 'GET /health' } });
    if (res.status !== 200) exec.test.abort(`participant ${id} (${NODES[id]}) is not healthy: /health answered ${res.status}`);
  }
  // Tells this run's messages from those of earlier runs still in the inboxes.
  return { run: `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}` };
}

// --- send scenario ------------------------------------------------------------------------------
/** Per-VU session per sender->receiver pair, renewed every SESSION_MESSAGES messages. */
const sessions: Record<string, { id: string; used: number }> = {};

export function send(data: RunData): void {
  const i = exec.scenario.iterationInTest;
  const from = SENDERS[i % SENDERS.length] as string;
  const to = RECEIVERS[Math.floor(i / SENDERS.length) % RECEIVERS.length] as string;
  const pair = `${from}->${to}`;
  const session = sessions[pair];
  const reuse = session !== undefined && session.used < SESSION_MESSAGES;
  const payload: Record<string, string> = {
    target: to,
    type: MESSAGE_TYPE,
    body: probeBody(data.run, from, to, `${exec.vu.idInTest}-${exec.vu.iterationInScenario}`),
  };
  if (reuse) payload.sessionId = session.id;

  const res = http.post(`${NODES[from]}/v1/messages`, JSON.stringify(payload), {
    headers: HEADERS,
    tags: { name: 'POST /v1/messages', pair },
  });
  const body = res.status === 202 ? jsonOf(res) : undefined;
  const ok = check(res, {
    'send: 202 Accepted': (r) => r.status === 202,
    'send: messageId and sessionId returned': () => isObject(body) && typeof body.messageId === 'string' && typeof body.sessionId === 'string',
    'send: session kept': () => !reuse || (isObject(body) && body.sessionId === session.id),
  });
  accepted.add(res.status === 202, { pair });
  if (res.status !== 202) return;
  sent.add(1, { pair });
  if (ok && isObject(body) && typeof body.sessionId === 'string') {
    sessions[pair] = reuse ? { id: session.id, used: session.used + 1 } : { id: body.sessionId, used: 1 };
  }
}

// --- receive scenario ---------------------------------------------------------------------------
/** Poller state (one VU): the cursor of each receiver and the probes already seen. */
const cursors: Record<string, string | undefined> = {};
const seen: Record<string, true> = {};

interface InboxMessage {
  messageId: string;
  source: string;
  type: string;
  body: string;
  sessionId: string;
  receivedAt: string;
}

/** The response body as JSON, or undefined when it is not JSON (res.json() would throw). */
function jsonOf(res: RefinedResponse<ResponseType | undefined>): unknown {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInboxMessage(v: unknown): v is InboxMessage {
  return isObject(v) && typeof v.messageId === 'string' && typeof v.source === 'string' && typeof v.type === 'string' && typeof v.body === 'string';
}

export function receive(data: RunData): void {
  for (const id of RECEIVERS) pollInbox(data.run, id);
  if (POLL_INTERVAL_MS > 0) sleep(POLL_INTERVAL_MS / 1000);
}

function pollInbox(run: string, receiver: string): void {
  for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
    const after = cursors[receiver];
    let query = `limit=${POLL_LIMIT}`;
    if (after !== undefined) query += `&after=${encodeURIComponent(after)}`;
    if (POLL_BY_TYPE) query += `&type=${encodeURIComponent(MESSAGE_TYPE)}`;
    const res = http.get(`${NODES[receiver]}/v1/messages?${query}`, {
      headers: HEADERS,
      tags: { name: 'GET /v1/messages', receiver },
    });
    const body = res.status === 200 ? jsonOf(res) : undefined;
    const messages = isObject(body) && Array.isArray(body.messages) ? body.messages : undefined;
    const ok = check(res, {
      'receive: 200 OK': (r) => r.status === 200,
      'receive: {messages, next} returned': () => messages !== undefined && isObject(body) && (typeof body.next === 'string' || body.next === null),
    });
    if (!ok || messages === undefined || !isObject(body)) return;
    const now = Date.now();
    for (const m of messages) account(run, receiver, m, now);
    if (typeof body.next === 'string') cursors[receiver] = body.next;
    if (messages.length < POLL_LIMIT) return;
  }
}

function account(run: string, receiver: string, m: unknown, now: number): void {
  if (!isInboxMessage(m)) {
    check(m, { 'receive: message has messageId, source, type, body': () => false });
    return;
  }
  const probe = m.type === MESSAGE_TYPE ? parseProbe(m.body) : undefined;
  if (probe === undefined || probe.run !== run) return; // traffic of others or of an earlier run
  const pair = `${probe.from}->${probe.to}`;
  check(m, {
    'receive: delivered to its target': () => probe.to === receiver,
    'receive: source is the sender': (x) => x.source === probe.from,
    'receive: body intact': (x) => x.body.length >= BODY_BYTES,
  });
  if (probe.to !== receiver) foreign.add(1, { receiver });
  if (seen[probe.seq]) {
    duplicates.add(1, { pair }); // at-least-once delivery: a redelivery, not an error
    return;
  }
  seen[probe.seq] = true;
  received.add(1, { pair });
  observedMs.add(now - probe.sentAt, { pair });
  const receivedAt = Date.parse(m.receivedAt);
  if (!Number.isNaN(receivedAt)) deliveryMs.add(Math.max(0, receivedAt - probe.sentAt), { pair });
}
