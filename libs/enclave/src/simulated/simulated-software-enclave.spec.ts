// The simulated software enclave end to end: real worker threads, real PKI, real crypto.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnclaveCode, deriveSessionKey, gcmSeal, generateEphemeral, quoteDigest, sharedSecret, subTaskAad } from '../protocol.mjs';
import { KeyRing } from '../key-ring.js';
import { beginHandshake, establishSession, freshNonce, instructionDigestOf, type LesseeSession } from '../lessee-session.js';
import { EnclaveUnavailableError, type EnclaveRejection, type Quote, type QuotePolicy, type SubTask } from '../port.js';
import { PlatformChainCache, verifyQuote } from '../quote-verifier.js';
import { createEnclavePki, type EnclavePki } from '../test-fixtures.js';
import { NUMERIC_ROWS_WORKLOAD_PATH, SimulatedSoftwareEnclave, measureSimulatedEnclaveBundle } from './simulated-software-enclave.js';

const SUM = JSON.stringify({ op: 'sum' });
const ROWS = { rows: [[1, 2], [3, 4], [5, 6]] };

let pki: EnclavePki;
let measurement: string;
let enclaveA: SimulatedSoftwareEnclave;
let enclaveB: SimulatedSoftwareEnclave;
let tmp: string;
const started: SimulatedSoftwareEnclave[] = [];

async function start(lessorId: string, extra: Partial<Parameters<typeof SimulatedSoftwareEnclave.start>[0]> = {}): Promise<SimulatedSoftwareEnclave> {
  const enclave = await SimulatedSoftwareEnclave.start({ platform: await pki.platformFor(lessorId), workloadPath: NUMERIC_ROWS_WORKLOAD_PATH, ...extra });
  started.push(enclave);
  return enclave;
}

function policyFor(lessorId: string, leaseId: string, instructions = SUM): Omit<QuotePolicy, 'nonce'> {
  return {
    trustAnchorPem: pki.ca.certPem,
    allowedTeeTypes: ['simulated-software'],
    allowedMeasurements: [measurement],
    lessorId,
    leaseId,
    instructionDigest: instructionDigestOf(instructions),
    maxAgeMs: 60_000,
  };
}

async function session(enclave: SimulatedSoftwareEnclave, leaseId: string, keyRing = new KeyRing()): Promise<LesseeSession> {
  const result = await establishSession({ enclave, policy: policyFor(enclave.lessorId, leaseId), lesseeId: 'lessee-1', keyRing });
  if (!result.ok) throw new Error(`handshake failed: ${result.codeName} ${result.detail}`);
  return result.session;
}

/** Attests and returns the quote together with the policy (including the nonce) it was asked under. */
async function attested(enclave: SimulatedSoftwareEnclave, leaseId: string): Promise<{ quote: Quote; policy: QuotePolicy }> {
  const policy = { ...policyFor(enclave.lessorId, leaseId), nonce: freshNonce() };
  const result = await enclave.attest({ nonce: policy.nonce, leaseId, instructionDigest: policy.instructionDigest });
  if (!result.ok) throw new Error(result.detail);
  return { quote: result.quote, policy };
}

function expectCode(result: { ok: boolean }, codeName: keyof typeof EnclaveCode): void {
  expect(result).toMatchObject({ ok: false, codeName, code: EnclaveCode[codeName] });
}

beforeAll(async () => {
  pki = await createEnclavePki();
  measurement = await measureSimulatedEnclaveBundle(NUMERIC_ROWS_WORKLOAD_PATH);
  [enclaveA, enclaveB] = await Promise.all([start('lessor-a'), start('lessor-b')]);
  tmp = await mkdtemp(join(tmpdir(), 'datanet-enclave-'));
});

afterAll(async () => {
  await Promise.all(started.map((e) => e.close()));
  await rm(tmp, { recursive: true, force: true });
});

describe('SimulatedSoftwareEnclave: happy path', () => {
  it('measures its own bundle exactly as measureSimulatedEnclaveBundle does, and names itself simulated', () => {
    expect(enclaveA.measurement).toBe(measurement);
    expect(enclaveA.teeType).toBe('simulated-software');
    expect(enclaveA.lessorId).toBe('lessor-a');
    expect(enclaveA.workloadName).toBe('numeric-rows/v1');
  });

  it('quotes bind tee type, measurement, key, lease, instructions, nonce and time; no private material crosses', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-q');
    expect(quote).toMatchObject({ version: 1, teeType: 'simulated-software', measurement, leaseId: 'lease-q', nonce: policy.nonce, instructionDigest: policy.instructionDigest });
    expect(Math.abs(quote.timestampMs - Date.now())).toBeLessThan(5_000);
    expect(Object.keys(quote).sort()).toEqual(
      ['enclavePublicKey', 'instructionDigest', 'leaseId', 'measurement', 'nonce', 'platformCertPem', 'platformChainPem', 'signature', 'teeType', 'timestampMs', 'version'].sort(),
    );
    expect(JSON.stringify(quote)).not.toContain('PRIVATE KEY');
    expect(await verifyQuote(quote, policy)).toMatchObject({ ok: true, enclaveKey: quote.enclavePublicKey, lessorId: 'lessor-a' });
  });

  it('runs a sub-task on plaintext inside the enclave and returns it encrypted under the session key', async () => {
    const s = await session(enclaveA, 'lease-1');
    const executed = await enclaveA.execute(s.encryptSubTask('st-1', { instructions: SUM, input: ROWS }));
    if (!executed.ok) throw new Error(executed.detail);
    // The result leaves the enclave sealed: its plaintext bytes are not in the ciphertext.
    expect(Buffer.from(executed.result.ciphertext, 'base64').includes(Buffer.from('[9,12]'))).toBe(false);
    expect(s.openResult(executed.result)).toEqual({ ok: true, value: [9, 12] });
    const tampered = { ...executed.result, ciphertext: flipFirstByte(executed.result.ciphertext) };
    expectCode(s.openResult(tampered), 'RESULT_DECRYPT_FAILED');
    expectCode(s.openResult({ ...executed.result, subTaskId: 'st-2' }), 'RESULT_DECRYPT_FAILED');
  });

  it('gives one lessee a distinct key per lessor and per lease', async () => {
    const ring = new KeyRing();
    const keys = [await session(enclaveA, 'lease-d1', ring), await session(enclaveB, 'lease-d1', ring), await session(enclaveA, 'lease-d2', ring)].map((s) => s.keyId);
    expect(new Set(keys).size).toBe(3);
    expect(ring.size).toBe(3);
  });
});

function flipFirstByte(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('execute rejections', () => {
  let s: LesseeSession;
  beforeAll(async () => {
    s = await session(enclaveA, 'lease-x');
  });

  it('3142 DECRYPT_FAILED for tampered ciphertext, nonce or binding', async () => {
    const task = s.encryptSubTask('st-1', { instructions: SUM, input: ROWS });
    expectCode(await enclaveA.execute({ ...task, ciphertext: flipFirstByte(task.ciphertext) }), 'DECRYPT_FAILED');
    expectCode(await enclaveA.execute({ ...task, nonce: 'ff'.repeat(12) }), 'DECRYPT_FAILED');
    expectCode(await enclaveA.execute({ ...task, subTaskId: 'st-other' }), 'DECRYPT_FAILED');
  });

  it('3141 SESSION_KEY_UNKNOWN for a sub-task under another key; 3142 when the key id is forged', async () => {
    const other = await session(enclaveB, 'lease-x');
    const foreign = other.encryptSubTask('st-1', { instructions: SUM, input: ROWS });
    expectCode(await enclaveA.execute(foreign), 'SESSION_KEY_UNKNOWN');
    expectCode(await enclaveA.execute({ ...foreign, keyId: s.keyId }), 'DECRYPT_FAILED');
  });

  it('3143 INSTRUCTION_DIGEST_MISMATCH in the header or in the decrypted payload', async () => {
    const raw = await rawSession(enclaveA, 'lease-raw');
    const other = JSON.stringify({ op: 'count' });
    const headerLie: SubTask = { ...raw.seal('st-1', { instructions: SUM, input: ROWS }), instructionDigest: instructionDigestOf(other) };
    expectCode(await enclaveA.execute(headerLie), 'INSTRUCTION_DIGEST_MISMATCH');
    expectCode(await enclaveA.execute(raw.seal('st-2', { instructions: other, input: ROWS })), 'INSTRUCTION_DIGEST_MISMATCH');
    expect(await enclaveA.execute(raw.seal('st-3', { instructions: SUM, input: ROWS }))).toMatchObject({ ok: true });
  });

  it('3144 PAYLOAD_MALFORMED, 3145 WORKLOAD_REJECTED (stable code only), 3140 SUBTASK_MALFORMED', async () => {
    const raw = await rawSession(enclaveA, 'lease-raw2');
    expectCode(await enclaveA.execute(raw.sealBytes('st-1', Buffer.from('not json'))), 'PAYLOAD_MALFORMED');
    const bad = await enclaveA.execute(raw.seal('st-2', { instructions: SUM, input: { rows: [[1], [2, 3]] } }));
    expect(bad).toMatchObject({ ok: false, codeName: 'WORKLOAD_REJECTED', detail: 'BAD_ROWS' });
    expectCode(await enclaveA.execute({ ...raw.seal('st-3', { instructions: SUM, input: ROWS }), keyId: 'nope' }), 'SUBTASK_MALFORMED');
  });

  it('3146 SUBTASK_TOO_LARGE before the ciphertext reaches the worker', async () => {
    const small = await start('lessor-a', { maxSubTaskBytes: 1024 });
    expectCode(await small.execute({ ...s.encryptSubTask('st-big', { instructions: SUM, input: ROWS }), ciphertext: 'A'.repeat(4096) }), 'SUBTASK_TOO_LARGE');
  });
});

/** A lessee that does the handshake by hand, so it holds the key and can send anything. */
async function rawSession(enclave: SimulatedSoftwareEnclave, leaseId: string) {
  const { quote, policy } = await attested(enclave, leaseId);
  const me = generateEphemeral();
  const transcript = { leaseId, lessorId: enclave.lessorId, lesseeId: 'lessee-raw', lesseePublicKey: me.publicKey, enclavePublicKey: quote.enclavePublicKey };
  const { key, keyId } = deriveSessionKey(sharedSecret(me.ecdh, quote.enclavePublicKey)!, { ...transcript, nonce: policy.nonce });
  // No verifyQuote here on purpose: this client also talks to enclaves running test workloads.
  expect(await enclave.negotiateKey({ ...transcript, quoteDigest: quoteDigest(quote) })).toEqual({ ok: true, keyId });
  const sealBytes = (subTaskId: string, plain: Buffer): SubTask => ({ leaseId, subTaskId, keyId, instructionDigest: policy.instructionDigest, ...gcmSeal(key, plain, subTaskAad(leaseId, subTaskId)) });
  return { sealBytes, seal: (subTaskId: string, payload: unknown) => sealBytes(subTaskId, Buffer.from(JSON.stringify(payload))) };
}

describe('quote rejections (lessee side, before any key is derived)', () => {
  it('3105 MEASUREMENT_NOT_ALLOWED for an enclave running a different (modified) workload', async () => {
    const modified = join(tmp, 'numeric-rows-modified.mjs');
    await writeFile(modified, `${await readFile(NUMERIC_ROWS_WORKLOAD_PATH, 'utf8')}\n// one extra line\n`);
    const changed = await start('lessor-a', { workloadPath: modified });
    expect(changed.measurement).not.toBe(measurement);
    expect(changed.measurement).toBe(await measureSimulatedEnclaveBundle(modified));
    const { quote, policy } = await attested(changed, 'lease-m');
    expectCode(await verifyQuote(quote, policy), 'MEASUREMENT_NOT_ALLOWED');
    expectCode(await beginHandshake({ quote, policy, lesseeId: 'lessee-1' }), 'MEASUREMENT_NOT_ALLOWED');
  });

  it('3108 QUOTE_NONCE_MISMATCH for a replayed quote, 3109 QUOTE_STALE outside the window', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-n');
    expectCode(await verifyQuote(quote, { ...policy, nonce: freshNonce() }), 'QUOTE_NONCE_MISMATCH');
    expectCode(await verifyQuote(quote, { ...policy, nowMs: () => quote.timestampMs + policy.maxAgeMs + 1 }), 'QUOTE_STALE');
    expectCode(await verifyQuote(quote, { ...policy, nowMs: () => quote.timestampMs - 31_000 }), 'QUOTE_STALE');
    expect(await verifyQuote(quote, { ...policy, nowMs: () => quote.timestampMs + policy.maxAgeMs })).toMatchObject({ ok: true });
  });

  it('3101 PLATFORM_CERT_INVALID for a quote signed by a key the network CA did not certify', async () => {
    const rogue = await SimulatedSoftwareEnclave.start({ platform: await pki.roguePlatformFor('lessor-a'), workloadPath: NUMERIC_ROWS_WORKLOAD_PATH });
    started.push(rogue);
    const { quote, policy } = await attested(rogue, 'lease-r');
    expectCode(await verifyQuote(quote, policy), 'PLATFORM_CERT_INVALID');
    // ...and the rogue signature under the genuine certificate does not verify.
    const genuine = (await attested(enclaveA, 'lease-r')).quote;
    expectCode(await verifyQuote({ ...quote, platformCertPem: genuine.platformCertPem, platformChainPem: genuine.platformChainPem }, policy), 'QUOTE_SIGNATURE_INVALID');
  });

  it('3103 QUOTE_SIGNATURE_INVALID when any signed field is altered', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-s');
    const other = generateEphemeral().publicKey;
    expectCode(await verifyQuote({ ...quote, enclavePublicKey: other }, policy), 'QUOTE_SIGNATURE_INVALID');
    expectCode(await verifyQuote({ ...quote, timestampMs: quote.timestampMs + 1 }, policy), 'QUOTE_SIGNATURE_INVALID');
  });

  it('3106 QUOTE_LEASE_MISMATCH, 3107 QUOTE_INSTRUCTION_MISMATCH, 3102 PLATFORM_IDENTITY_MISMATCH', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-other');
    expectCode(await verifyQuote(quote, { ...policy, leaseId: 'lease-mine' }), 'QUOTE_LEASE_MISMATCH');
    expectCode(await verifyQuote(quote, { ...policy, instructionDigest: instructionDigestOf('{"op":"count"}') }), 'QUOTE_INSTRUCTION_MISMATCH');
    expectCode(await verifyQuote(quote, { ...policy, lessorId: 'lessor-b' }), 'PLATFORM_IDENTITY_MISMATCH');
  });

  it('3104 TEE_TYPE_NOT_ALLOWED when the policy does not accept simulated enclaves; 3100 QUOTE_MALFORMED', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-t');
    expectCode(await verifyQuote(quote, { ...policy, allowedTeeTypes: ['sgx-gramine'] }), 'TEE_TYPE_NOT_ALLOWED');
    expectCode(await verifyQuote({ ...quote, nonce: 'xyz' }, policy), 'QUOTE_MALFORMED');
    expectCode(await verifyQuote(null as unknown as Quote, policy), 'QUOTE_MALFORMED');
    expectCode(await verifyQuote({ ...quote, platformChainPem: 'x' as unknown as string[] }, policy), 'QUOTE_MALFORMED');
  });

  it('caches verified platform chains without weakening the checks', async () => {
    const cache = new PlatformChainCache();
    const { quote, policy } = await attested(enclaveA, 'lease-c');
    expect(await verifyQuote(quote, policy, cache)).toMatchObject({ ok: true });
    expect(await verifyQuote(quote, policy, cache)).toMatchObject({ ok: true });
    expectCode(await verifyQuote({ ...quote, timestampMs: quote.timestampMs + 1 }, policy, cache), 'QUOTE_SIGNATURE_INVALID');
  });
});

describe('handshake rejections and key reuse', () => {
  it('3124 KEY_REUSED_ACROSS_LESSORS: the KeyRing refuses one key id or enclave key for two lessors', () => {
    const ring = new KeyRing();
    const entry = { keyId: 'ab'.repeat(16), lessorId: 'lessor-a', leaseId: 'lease-1', enclavePublicKey: '04' + '11'.repeat(64) };
    expect(ring.register(entry)).toEqual({ ok: true });
    expect(ring.register(entry)).toEqual({ ok: true });
    expectCode(ring.register({ ...entry, lessorId: 'lessor-b' }), 'KEY_REUSED_ACROSS_LESSORS');
    expectCode(ring.register({ ...entry, keyId: 'cd'.repeat(16), lessorId: 'lessor-b' }), 'KEY_REUSED_ACROSS_LESSORS');
    expectCode(ring.register({ ...entry, leaseId: 'lease-2' }), 'KEY_REUSED_ACROSS_LESSORS');
    expect(ring.lessorOf(entry.keyId)).toBe('lessor-a');
  });

  it('3122 HANDSHAKE_WRONG_LESSOR: the enclave refuses a transcript naming another lessor', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-w');
    const begun = await beginHandshake({ quote, policy, lesseeId: 'lessee-1' });
    if (!begun.ok) throw new Error(begun.detail);
    expectCode(await enclaveA.negotiateKey({ ...begun.pending.request, lessorId: 'lessor-b' }), 'HANDSHAKE_WRONG_LESSOR');
  });

  it('3123 HANDSHAKE_KEY_MISMATCH, 3121 HANDSHAKE_NOT_ATTESTED, 3126 SESSION_ALREADY_ESTABLISHED, 3125 KEY_CONFIRMATION_FAILED', async () => {
    const { quote, policy } = await attested(enclaveA, 'lease-h');
    const begun = await beginHandshake({ quote, policy, lesseeId: 'lessee-1' });
    if (!begun.ok) throw new Error(begun.detail);
    const request = begun.pending.request;
    expectCode(await enclaveA.negotiateKey({ ...request, enclavePublicKey: generateEphemeral().publicKey }), 'HANDSHAKE_KEY_MISMATCH');
    expectCode(await enclaveA.negotiateKey({ ...request, leaseId: 'lease-never' }), 'HANDSHAKE_NOT_ATTESTED');
    expectCode(begun.pending.complete({ ok: true, keyId: '00'.repeat(16) }, new KeyRing()), 'KEY_CONFIRMATION_FAILED');
    const answer = await enclaveA.negotiateKey(request);
    expect(begun.pending.complete(answer, new KeyRing())).toMatchObject({ ok: true });
    expectCode(await enclaveA.negotiateKey(request), 'SESSION_ALREADY_ESTABLISHED');
    expectCode(await enclaveA.attest({ nonce: freshNonce(), leaseId: 'lease-h', instructionDigest: policy.instructionDigest }), 'SESSION_ALREADY_ESTABLISHED');
  });

  it('3127 SESSION_LIMIT_REACHED when the enclave holds maxSessions leases', async () => {
    const tiny = await start('lessor-a', { maxSessions: 1 });
    await attested(tiny, 'lease-1');
    expectCode(await tiny.attest({ nonce: freshNonce(), leaseId: 'lease-2', instructionDigest: instructionDigestOf(SUM) }), 'SESSION_LIMIT_REACHED');
  });
});

describe('lifecycle', () => {
  it('3180 ENCLAVE_TIMEOUT terminates a stuck enclave; later calls fail with 3181 ENCLAVE_CLOSED', async () => {
    const spin = join(tmp, 'spin.mjs');
    await writeFile(spin, 'export const workloadName = "spin";\nexport function run() { for (;;) {} }\n');
    const stuck = await start('lessor-a', { workloadPath: spin, requestTimeoutMs: 300 });
    const raw = await rawSession(stuck, 'lease-spin');
    await expect(stuck.execute(raw.seal('st-1', { instructions: SUM, input: ROWS }))).rejects.toMatchObject({ codeName: 'ENCLAVE_TIMEOUT', code: 3180 });
    await expect(stuck.attest({ nonce: freshNonce(), leaseId: 'lease-2', instructionDigest: instructionDigestOf(SUM) })).rejects.toBeInstanceOf(EnclaveUnavailableError);
  });

  it('3183 ENCLAVE_START_FAILED when the platform key does not belong to the certificate', async () => {
    const a = await pki.platformFor('lessor-a');
    const b = await pki.platformFor('lessor-a');
    await expect(SimulatedSoftwareEnclave.start({ platform: { ...a, privateKeyPem: b.privateKeyPem }, workloadPath: NUMERIC_ROWS_WORKLOAD_PATH })).rejects.toMatchObject({
      codeName: 'ENCLAVE_START_FAILED',
    });
  });

  it('close() is idempotent and rejects later requests with ENCLAVE_CLOSED', async () => {
    const e = await start('lessor-a');
    await e.close();
    await e.close();
    const failure = (await e.attest({ nonce: freshNonce(), leaseId: 'l', instructionDigest: instructionDigestOf(SUM) }).catch((error: unknown) => error)) as EnclaveRejection;
    expect(failure).toMatchObject({ codeName: 'ENCLAVE_CLOSED', code: 3181 });
  });
});
