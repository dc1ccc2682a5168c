// Lessors forward their HE results straight to the third participant (B -> C); the lessee (A)
// learns only the digests its enclaves sealed and hands them to C, who checks every ciphertext
// it gets from B against them. Real simulated enclaves, in-memory channels, ckks-8192.
import { performance } from 'node:perf_hooks';
import { jest } from '@jest/globals';
import { evaluatePlain, type Program } from '#libs/compute';
import { createNetworkCa, type NetworkCa } from '#libs/crypto';
import { KeyRing, publicOutputDigest, SimulatedSoftwareEnclave } from '#libs/enclave';
import { createChannelPair, type ByteChannel } from '../strategies/channel.js';
import { decodeMessage, encodeMessage } from '../strategies/codec.js';
import { serveTeeLessor, type TeeForwardHook, type TeeLesseeOptions } from '../strategies/tee-symmetric.js';
import { measureTeeHeResultEnclave, teeHeResultEnclaveBundle } from '../strategies/tee-symmetric-he-result.js';
import type { StrategyOutcome, SubTaskSpec } from '../strategies/types.js';
import { releaseJointContexts } from './context.js';
import { enclavePlatformFor, mulberry32 } from './test-fixtures.js';
import { createJointKeys, openJointResult, runTeeHeResultForJoint, runTeeHeResultForwarded, type JointKeys, type TeeHeForwardedResult } from './lessee.js';
import { runJointParty } from './party.js';
import {
  decodeJointForwarded,
  decodeJointForwardedRef,
  encodeJointForwarded,
  jointForwardedMaxBytes,
  jointForwardedRef,
  jointShardFromForwarded,
  jointShardRef,
  type JointForwardedShardRef,
  type JointShard,
} from './wire.js';

jest.setTimeout(60_000);

const random = mulberry32(20240911);
const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
const ROWS = 120;
const aRows = Array.from({ length: ROWS }, () => Array.from({ length: 8 }, () => uniform(-1, 1)));
const cRows = Array.from({ length: ROWS }, () => Array.from({ length: 4 }, () => uniform(-1, 1)));
const lessorProgram: Program = { version: 1, inputWidth: 8, ops: [{ op: 'dot', weights: [0.4, -0.3, 0.25, 0.1, -0.2, 0.35, -0.15, 0.05], bias: 0.1 }] };
/** Linear, depth 1: ckks-8192, no relinearization keys. */
const cProgram: Program = { version: 1, inputWidth: 5, ops: [{ op: 'dot', weights: [1, 0.3, -0.45, 0.2, 0.5], bias: -0.2 }] };

let ca: NetworkCa;
let measurement: string;
const enclaves = new Map<string, SimulatedSoftwareEnclave>();
let keys: JointKeys;
const timings: Record<string, number> = {};
let leases = 0;

function teeOptions(lessorId: string): TeeLesseeOptions {
  return {
    leaseId: `lease-f${++leases}`,
    lessorId,
    lesseeId: 'lessee-a',
    trustAnchorPem: ca.certPem,
    allowedMeasurements: [measurement],
    allowedTeeTypes: ['simulated-software'],
    keyRing: new KeyRing(),
  };
}

/** What a lessor host "sent to C" (the hub envelopes' payloads) and what A received on its channel. */
interface Traffic {
  readonly toC: Uint8Array[];
  readonly toA: Uint8Array[];
}

/** The honest forward hook: encodes (directive, outputs) as the B -> C message. */
function forwardTo(toC: Uint8Array[]): TeeForwardHook {
  return async (directive, outputs) => {
    toC.push(encodeJointForwarded({ directive, ciphertexts: outputs }));
    return { ok: true };
  };
}

/** The lessor host's end of the channel, rewriting its own replies to A. */
function rewriting(channel: ByteChannel, rewrite: (message: Record<string, unknown>) => Record<string, unknown>): ByteChannel {
  return {
    send: (message) => channel.send(encodeMessage(rewrite(decodeMessage(message) as Record<string, unknown>))),
    receive: (timeoutMs) => channel.receive(timeoutMs),
    close: () => channel.close(),
  };
}

interface LessorSetup {
  /** Default: the honest hook; null: a lessor without one. */
  readonly hook?: TeeForwardHook | null;
  readonly rewrite?: (message: Record<string, unknown>) => Record<string, unknown>;
}

/** A runs one sub-task on `lessorId` with a forward directive; the host forwards per `setup`. */
async function forwarded(
  lessorId: string,
  subTask: SubTaskSpec,
  directive: unknown,
  setup: LessorSetup = {},
): Promise<{ outcome: StrategyOutcome<TeeHeForwardedResult>; traffic: Traffic }> {
  const traffic: Traffic = { toC: [], toA: [] };
  const [a, b] = createChannelPair({ tap: (direction, m) => (direction === 'b->a' && traffic.toA.push(m), m) });
  const enclave = enclaves.get(lessorId);
  if (!enclave) throw new Error(`no enclave ${lessorId}`);
  const hook = setup.hook === null ? undefined : (setup.hook ?? forwardTo(traffic.toC));
  const served = serveTeeLessor(setup.rewrite ? rewriting(b, setup.rewrite) : b, enclave, hook ? { forward: hook } : {});
  const outcome = await runTeeHeResultForwarded(a, subTask, keys, teeOptions(lessorId), directive);
  a.close();
  await served;
  return { outcome, traffic };
}

function unwrap<T>(outcome: StrategyOutcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
  return outcome.value;
}

/** A copy of `bytes` with the lowest bit of the byte `fromEnd` bytes before the end flipped. */
function flipped(bytes: Uint8Array, fromEnd: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - fromEnd] = copy[copy.length - fromEnd]! ^ 0x01;
  return copy;
}

function plain(program: Program, rows: number[][]): number[][] {
  return unwrap(evaluatePlain(program, rows));
}

const subTask1: SubTaskSpec = { subTaskId: 'st-f1', program: lessorProgram, rows: aRows.slice(0, 60) };
const subTask2: SubTaskSpec = { subTaskId: 'st-f2', program: lessorProgram, rows: aRows.slice(60) };

beforeAll(async () => {
  let t = performance.now();
  ca = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
  measurement = await measureTeeHeResultEnclave();
  for (const lessorId of ['lessor-1', 'lessor-2']) {
    enclaves.set(lessorId, await SimulatedSoftwareEnclave.start({ platform: await enclavePlatformFor(ca, lessorId), ...teeHeResultEnclaveBundle() }));
  }
  timings.fixturesMs = performance.now() - t;
  t = performance.now();
  keys = unwrap(await createJointKeys(cProgram));
  timings.keygenMs = performance.now() - t;
});

afterAll(async () => {
  keys?.dispose();
  await releaseJointContexts();
  for (const enclave of enclaves.values()) await enclave.close();
  console.log(`forward spec timings (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`);
});

describe('lessors forward HE results to the third participant (B -> C)', () => {
  it('end to end: A gets sealed digests only, C checks each forwarded ciphertext, A decrypts C\'s answer', async () => {
    expect(keys.paramSet).toBe('ckks-8192');
    let t = performance.now();
    // A -> B_i: the sub-task plus a directive for the host (where to send the result).
    const runs = [
      { lessorId: 'lessor-1', subTask: subTask1, shardId: 'shard-1', rowStart: 0 },
      { lessorId: 'lessor-2', subTask: subTask2, shardId: 'shard-2', rowStart: 60 },
    ];
    const refs: JointForwardedShardRef[] = [];
    const toC: Uint8Array[] = [];
    for (const run of runs) {
      const directive = { to: 'participant-c', jobId: 'job-f', shardId: run.shardId };
      const { outcome, traffic } = await forwarded(run.lessorId, run.subTask, directive);
      const result = unwrap(outcome);
      expect(result.shape).toEqual({ paramSet: 'ckks-8192', rowCount: 60, width: 1, ciphertextsPerColumn: 1 });
      expect(result.ciphertextDigests).toHaveLength(1);
      refs.push(jointForwardedRef(result, run));
      toC.push(...traffic.toC);
      // What A received: small messages, none holding the forwarded ciphertext (or any 64-byte window of it).
      const executeReply = traffic.toA[traffic.toA.length - 1]!;
      expect(executeReply.byteLength).toBeLessThan(4096);
      const forwardedBytes = (decodeJointForwarded(traffic.toC[0], 1 << 26) as { ok: true; value: { ciphertexts: Uint8Array[] } }).value.ciphertexts;
      expect(forwardedBytes[0]!.byteLength).toBeGreaterThan(100_000);
      const seenByA = Buffer.concat(traffic.toA.map((m) => Buffer.from(m)));
      expect(seenByA.includes(Buffer.from(forwardedBytes[0]!).subarray(10_000, 10_064))).toBe(false);
      timings[`aReplyBytes_${run.shardId}`] = executeReply.byteLength;
    }
    timings.lessorsMs = performance.now() - t;

    // A -> C: the refs (JSON-safe); B_i -> C: the forwarded messages. C checks before anything reaches SEAL.
    t = performance.now();
    const received = (JSON.parse(JSON.stringify(refs)) as unknown[]).map((r) => unwrap(decodeJointForwardedRef(r)));
    const shards: JointShard[] = [];
    for (const bytes of toC) {
      const message = unwrap(decodeJointForwarded(bytes, jointForwardedMaxBytes(received[0]!)));
      const ref = received.find((r) => r.shardId === (message.directive as { shardId?: unknown }).shardId);
      if (!ref) throw new Error('no ref for the forwarded result');
      shards.push(unwrap(jointShardFromForwarded(ref, message.ciphertexts)));
    }
    timings.cCheckMs = performance.now() - t;
    t = performance.now();
    const party = unwrap(await runJointParty({ publicMaterial: keys.publicMaterial, program: cProgram, shards, localRows: cRows, expected: shards.map(jointShardRef) }));
    timings.partyMs = performance.now() - t;
    expect(party.stats).toMatchObject({ paramSet: 'ckks-8192', shards: 2, rows: ROWS });

    // C -> A; A opens against its refs.
    const opened = unwrap(openJointResult(keys, party.result, { program: cProgram, shards: refs }));
    const scores = plain(lessorProgram, aRows);
    const expected = plain(cProgram, scores.map((s, r) => [...s, ...cRows[r]!]));
    expect(opened).toHaveLength(ROWS);
    const worst = Math.max(...opened.map((row, r) => Math.abs(row[0]! - expected[r]![0]!) / Math.max(1, Math.abs(expected[r]![0]!))));
    expect(worst).toBeLessThanOrEqual(1e-3);
  });

  it('a hook that corrupts a forwarded ciphertext: C refuses it with JOINT_SHARD_DIGEST_MISMATCH (A cannot tell)', async () => {
    const toC: Uint8Array[] = [];
    const corrupting: TeeForwardHook = async (directive, outputs) => {
      toC.push(encodeJointForwarded({ directive, ciphertexts: outputs.map((o, i) => (i === 0 ? flipped(o, 50) : o)) }));
      return { ok: true };
    };
    const { outcome } = await forwarded('lessor-1', subTask1, { shardId: 'shard-1' }, { hook: corrupting });
    const ref = jointForwardedRef(unwrap(outcome), { shardId: 'shard-1', rowStart: 0 });
    const message = unwrap(decodeJointForwarded(toC[0], jointForwardedMaxBytes(ref)));
    const refused = jointShardFromForwarded(ref, message.ciphertexts);
    expect(refused).toMatchObject({ ok: false, code: 'JOINT_SHARD_DIGEST_MISMATCH' });
    expect(refused.ok ? '' : refused.detail).toContain('ciphertext 0');
    // Wrong count, and the uncorrupted bytes for contrast.
    expect(jointShardFromForwarded(ref, [])).toMatchObject({ ok: false, code: 'JOINT_SHARD_DIGEST_MISMATCH' });
    expect(jointShardFromForwarded(ref, [...message.ciphertexts, ...message.ciphertexts])).toMatchObject({ ok: false, code: 'JOINT_SHARD_DIGEST_MISMATCH' });
    const fixed = flipped(message.ciphertexts[0]!, 50);
    expect(publicOutputDigest(fixed)).toBe(ref.ciphertextDigests[0]);
    expect(jointShardFromForwarded(ref, [fixed]).ok).toBe(true);
  });

  it('a host lying to A about the digests: RESULT_PUBLIC_OUTPUT_MISMATCH', async () => {
    const other = publicOutputDigest(Uint8Array.of(1, 2, 3));
    const lies: ((digests: string[]) => string[])[] = [(d) => [other, ...d.slice(1)], (d) => [...d, other], () => []];
    for (const lie of lies) {
      const rewrite = (m: Record<string, unknown>) => {
        const fwd = m.forwarded as { digests: string[] } | undefined;
        return fwd ? { ...m, forwarded: { digests: lie(fwd.digests) } } : m;
      };
      const { outcome, traffic } = await forwarded('lessor-2', subTask2, { shardId: 'shard-2' }, { rewrite });
      expect(outcome).toMatchObject({ ok: false, code: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
      expect(traffic.toC).toHaveLength(1);
    }
    // A malformed `forwarded` field, or none at all (a host that ignores the directive), is a protocol error.
    for (const rewrite of [(m: Record<string, unknown>) => ({ ...m, forwarded: { digests: ['zz'] } }), ({ forwarded: _f, ...m }: Record<string, unknown>) => m]) {
      const { outcome } = await forwarded('lessor-2', subTask2, { shardId: 'shard-2' }, { rewrite: (m) => (m.forwarded ? rewrite(m) : m) });
      expect(outcome).toMatchObject({ ok: false, code: 'STRATEGY_PROTOCOL_ERROR' });
    }
  });

  it('a host that sends the outputs back to A anyway: refused', async () => {
    let outputs: Uint8Array[] = [];
    const keeping: TeeForwardHook = async (_directive, o) => ((outputs = o), { ok: true });
    const rewrite = (m: Record<string, unknown>) => {
      if (!m.forwarded) return m;
      const reply = m.reply as { result: Record<string, unknown> };
      return { ...m, reply: { ...reply, result: { ...reply.result, publicOutputs: outputs } } };
    };
    const { outcome, traffic } = await forwarded('lessor-1', subTask1, { shardId: 'shard-1' }, { hook: keeping, rewrite });
    expect(outputs).toHaveLength(1);
    expect(traffic.toA[traffic.toA.length - 1]!.byteLength).toBeGreaterThan(100_000);
    expect(outcome).toMatchObject({ ok: false, code: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('a lessor without a forward hook answers STRATEGY_FORWARD_UNSUPPORTED; a failing hook passes its code', async () => {
    const { outcome, traffic } = await forwarded('lessor-2', subTask2, { shardId: 'shard-2' }, { hook: null });
    expect(outcome).toMatchObject({ ok: false, code: 'STRATEGY_PEER_FAILED' });
    expect(outcome.ok ? '' : outcome.detail).toContain('STRATEGY_FORWARD_UNSUPPORTED');
    expect(decodeMessage(traffic.toA[traffic.toA.length - 1]!)).toEqual({ type: 'error', detail: expect.stringMatching(/^STRATEGY_FORWARD_UNSUPPORTED: /) as unknown });
    const failing: TeeForwardHook = async () => ({ ok: false, code: 'JOB_PEER_UNREACHABLE', detail: 'participant-c is offline' });
    const failed = await forwarded('lessor-2', subTask2, { shardId: 'shard-2' }, { hook: failing });
    expect(failed.outcome).toMatchObject({ ok: false, code: 'STRATEGY_PEER_FAILED', detail: 'lessor: JOB_PEER_UNREACHABLE: participant-c is offline' });
    expect(await runTeeHeResultForwarded(createChannelPair()[0], subTask2, keys, teeOptions('lessor-2'), undefined)).toMatchObject({ ok: false, code: 'JOINT_INVALID_OPTIONS' });
  });

  it('with a hook, requests without `forward` are served as before; enclave rejections are passed through unchanged', async () => {
    const calls: unknown[] = [];
    const hook: TeeForwardHook = async (directive) => (calls.push(directive), { ok: true });
    const [a, b] = createChannelPair();
    const served = serveTeeLessor(b, enclaves.get('lessor-1')!, { forward: hook });
    const raw = unwrap(await runTeeHeResultForJoint(a, subTask1, keys, teeOptions('lessor-1')));
    expect(raw.ciphertexts).toHaveLength(1);
    expect(calls).toEqual([]);
    a.send(encodeMessage({ type: 'execute', request: {}, forward: { shardId: 'x' } }));
    const answer = decodeMessage(await a.receive()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['reply', 'type']);
    expect(answer).toMatchObject({ type: 'execute', reply: { ok: false } });
    expect(calls).toEqual([]);
    a.close();
    expect(await served).toBe(4);
  });
});

describe('forwarding wire formats (strict)', () => {
  const digest = publicOutputDigest(Uint8Array.of(9));
  const ref: JointForwardedShardRef = { shardId: 's-1', rowStart: 0, rowCount: 60, width: 1, paramSet: 'ckks-8192', ciphertextsPerColumn: 1, ciphertextDigests: [digest] };

  it('decodeJointForwardedRef: exact fields, CKKS set, ciphertexts per column for its slots, one SHA-256 hex digest per ciphertext', () => {
    expect(decodeJointForwardedRef(ref)).toEqual({ ok: true, value: ref });
    const bad: unknown[] = [
      null,
      { ...ref, extra: 1 },
      { ...ref, digest },
      { ...ref, shardId: '../x' },
      { ...ref, paramSet: 'bfv-8192' },
      { ...ref, paramSet: 'ckks-1' },
      { ...ref, rowCount: 0 },
      { ...ref, rowStart: -1 },
      { ...ref, ciphertextsPerColumn: 2 },
      { ...ref, rowCount: 5000 },
      { ...ref, width: 2 },
      { ...ref, ciphertextDigests: [digest.toUpperCase()] },
      { ...ref, ciphertextDigests: [digest, digest] },
      { ...ref, ciphertextDigests: digest },
    ];
    for (const input of bad) expect(decodeJointForwardedRef(input)).toMatchObject({ ok: false, code: 'JOINT_SHARD_MALFORMED' });
    expect(decodeJointForwardedRef({ ...ref, rowCount: 5000, ciphertextsPerColumn: 2, ciphertextDigests: [digest, digest] }).ok).toBe(true);
    // jointShardFromForwarded validates the same way instead of throwing.
    expect(jointShardFromForwarded({ ...ref, shardId: '../x' }, [Uint8Array.of(9)])).toMatchObject({ ok: false, code: 'JOINT_SHARD_MALFORMED' });
    expect(jointShardFromForwarded(ref, [null as unknown as Uint8Array])).toMatchObject({ ok: false, code: 'JOINT_SHARD_MALFORMED' });
    expect(() => jointForwardedRef({ shape: ref, ciphertextDigests: [digest] }, { shardId: 'a b', rowStart: 0 })).toThrow(RangeError);
  });

  it('decodeJointForwarded: byte limit before parsing, exact fields, 1.. byte-array ciphertexts', () => {
    const good = encodeJointForwarded({ directive: { shardId: 's-1' }, ciphertexts: [Uint8Array.of(9)] });
    const decoded = unwrap(decodeJointForwarded(good, 1024));
    expect(decoded.directive).toEqual({ shardId: 's-1' });
    expect(decoded.ciphertexts.map((c) => [c instanceof Uint8Array, Array.from(c)])).toEqual([[true, [9]]]);
    expect(decodeJointForwarded(good, 16)).toMatchObject({ ok: false, code: 'JOINT_INPUT_TOO_LARGE' });
    const frames: unknown[] = [
      'not bytes',
      new Uint8Array(32),
      encodeMessage({ type: 'joint-forwarded', version: 1, directive: 1, ciphertexts: [Uint8Array.of(9)], extra: 1 }),
      encodeMessage({ type: 'joint-forwarded', version: 1, ciphertexts: [Uint8Array.of(9)] }),
      encodeMessage({ type: 'joint-shard', version: 1, directive: 1, ciphertexts: [Uint8Array.of(9)] }),
      encodeMessage({ type: 'joint-forwarded', version: 2, directive: 1, ciphertexts: [Uint8Array.of(9)] }),
      encodeMessage({ type: 'joint-forwarded', version: 1, directive: 1, ciphertexts: [] }),
      encodeMessage({ type: 'joint-forwarded', version: 1, directive: 1, ciphertexts: ['AQI='] }),
      encodeMessage({ type: 'joint-forwarded', version: 1, directive: 1, ciphertexts: Uint8Array.of(9) }),
    ];
    for (const frame of frames) expect(decodeJointForwarded(frame, 1024)).toMatchObject({ ok: false, code: 'JOINT_SHARD_MALFORMED' });
  });
});
