import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluatePlain } from '#libs/compute';
import { createNetworkCa, exportPrivateKeyPem, generateSigningKeyPair, issueHubCertificate, issueNodeCertificate, type NetworkCa } from '#libs/crypto';
import { KeyRing, measureSimulatedEnclaveBundle, SimulatedSoftwareEnclave, type PlatformCredentials } from '#libs/enclave';
import type { ComprModeType } from 'node-seal/implementation/compr-mode-type.js';
import { generateKeys, HeContext } from '#libs/he';
import { COMPUTE_PLAIN_HE_EXTRA_MODULES, COMPUTE_PLAIN_HE_WORKLOAD_PATH, COMPUTE_PLAIN_WORKLOAD_PATH, NODE_SEAL_ES_MODULE_PATH } from '../workloads/index.js';
import { createChannelPair, type Direction } from './channel.js';
import { decodeMessage, encodeMessage } from './codec.js';
import { instructionsOf } from './tee-symmetric.js';
import { measureTeeHeResultEnclave, runTeeHeResultLessee, teeHeResultEnclaveBundle, type TeeHeResultOptions } from './tee-symmetric-he-result.js';
import { serveTeeLessor } from './tee-symmetric.js';
import type { SubTaskSpec } from './types.js';

let ca: NetworkCa;
let measurement: string;
let enclave: SimulatedSoftwareEnclave;

async function platformFor(lessorId: string): Promise<PlatformCredentials> {
  const hubKeys = await generateSigningKeyPair();
  const hubCert = await issueHubCertificate({ ca, hubId: 'hub-1', publicKey: hubKeys.publicKey, validityDays: 10 });
  const hub = { certPem: hubCert.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
  const keys = await generateSigningKeyPair();
  const cert = await issueNodeCertificate({ issuer: hub, nodeId: lessorId, role: 'enclave-platform', usage: 'signing', publicKey: keys.publicKey, validityDays: 5 });
  return { privateKeyPem: await exportPrivateKeyPem(keys.privateKey), certPem: cert.certPem, chainPem: [hub.certPem] };
}

beforeAll(async () => {
  ca = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
  measurement = await measureTeeHeResultEnclave();
  enclave = await SimulatedSoftwareEnclave.start({ platform: await platformFor('lessor-he'), ...teeHeResultEnclaveBundle() });
});

afterAll(async () => {
  await enclave?.close();
});

const rows = Array.from({ length: 40 }, (_, r) => [r - 20, (r % 7) + 1, Math.cos(r) * 3]);
// compare and divide are not HE-evaluable: here they run in plaintext inside the enclave, only the result is HE-encrypted.
const subTask: SubTaskSpec = {
  subTaskId: 'st-he-1',
  program: { version: 1, inputWidth: 3, ops: [{ op: 'divide', column: 1 }, { op: 'mul', operand: [1, 1.0471975511965976, 0.5] }, { op: 'sum', axis: 'rows' }] },
  rows,
};

function options(leaseId: string, overrides: Partial<TeeHeResultOptions> = {}): TeeHeResultOptions {
  return {
    leaseId,
    lessorId: 'lessor-he',
    lesseeId: 'lessee-1',
    trustAnchorPem: ca.certPem,
    allowedMeasurements: [measurement],
    allowedTeeTypes: ['simulated-software'],
    keyRing: new KeyRing(),
    ...overrides,
  };
}

async function run(leaseId: string, spec: SubTaskSpec, tap?: (d: Direction, m: Uint8Array) => Uint8Array, overrides: Partial<TeeHeResultOptions> = {}) {
  const [a, b] = createChannelPair(tap ? { tap } : {});
  const served = serveTeeLessor(b, enclave);
  const outcome = await runTeeHeResultLessee(a, spec, options(leaseId, overrides));
  a.close();
  await served;
  return outcome;
}

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r]!.length);
    row.forEach((v, c) => {
      const want = expected[r]![c]!;
      // libs/compute's documented CKKS tolerance: 1e-3 * max(1, |plain|).
      expect(Math.abs(v - want)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(want)));
    });
  });
}

type ExecuteMessage = { type: string; request?: { publicInputs?: Uint8Array[] }; reply?: { ok: boolean; result?: { publicOutputs?: Uint8Array[] } } };

describe('strategy tee-symmetric-he-result (claims 4-5), real enclave worker and node-seal', () => {
  it('the enclave measures workload + compute-plain + node-seal bytes, as published', async () => {
    expect(enclave.measurement).toBe(measurement);
    expect(enclave.workloadName).toBe('compute/plain-he-result/v1');
    expect(measurement).not.toBe(await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_WORKLOAD_PATH));
  });

  it('round trip: the result leaves the enclave only as HE ciphertext, the lessee decrypts it to evaluatePlain', async () => {
    const seen: { d: Direction; m: Uint8Array }[] = [];
    const outcome = await run('lease-1', subTask, (d, m) => (seen.push({ d, m }), m));
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
    const expected = (evaluatePlain(subTask.program, rows) as { value: number[][] }).value;
    expectClose(outcome.value.rows, expected);
    expect(outcome.value.ciphertexts).toBe(3);
    expect(outcome.value.paramSet).toBe('ckks-8192');
    // What the lessor host saw: no instruction text, no input rows, no result in any plain encoding.
    const traffic = Buffer.concat(seen.map((s) => s.m));
    const text = traffic.toString('latin1');
    // Booleans, not toContain: a failure would otherwise print megabytes of ciphertext.
    expect(text.includes(instructionsOf(subTask))).toBe(false);
    expect(text.includes(JSON.stringify(rows[3]))).toBe(false);
    expect(text.includes(JSON.stringify(expected))).toBe(false);
    // Every result value, as JSON text (long enough not to occur by chance) and as float64 bytes.
    const plainForms = expected[0]!.flatMap((v) => [Buffer.from(JSON.stringify(v), 'latin1'), Buffer.from(Float64Array.of(v).buffer), Buffer.from(Float32Array.of(v).buffer)]);
    expect(expected[0]!.every((v) => JSON.stringify(v).length >= 6)).toBe(true);
    expect(plainForms.filter((form) => traffic.includes(form))).toEqual([]);
    // And the execute reply carried HE ciphertexts as public outputs.
    const reply = seen.filter((s) => s.d === 'b->a').map((s) => decodeMessage(s.m) as ExecuteMessage).find((m) => m.type === 'execute');
    expect(reply?.reply?.result?.publicOutputs).toHaveLength(3);
  });

  it('a host that swaps the lessee HE public key for its own is refused by the enclave (PUBLIC_INPUT_MISMATCH)', async () => {
    const hostCtx = await HeContext.of('ckks-8192');
    const hostKeys = generateKeys(hostCtx);
    if (!hostKeys.ok) throw new Error(hostKeys.detail);
    const hostPublicKey = hostKeys.value.publicKey.saveArray(hostCtx.seal.ComprModeType.zstd as ComprModeType);
    hostKeys.value.dispose();
    hostCtx.dispose();
    let swapped = false;
    const outcome = await run('lease-swap', subTask, (d, m) => {
      const message = decodeMessage(m) as ExecuteMessage;
      if (d !== 'a->b' || message.type !== 'execute' || !message.request?.publicInputs) return m;
      message.request.publicInputs = [hostPublicKey];
      swapped = true;
      return encodeMessage(message);
    });
    expect(swapped).toBe(true);
    expect(outcome).toMatchObject({ ok: false, code: 'PUBLIC_INPUT_MISMATCH' });
  });

  it('a tampered HE result ciphertext is rejected before SEAL parses it (RESULT_PUBLIC_OUTPUT_MISMATCH)', async () => {
    const outcome = await run('lease-tamper', subTask, (d, m) => {
      const message = decodeMessage(m) as ExecuteMessage;
      const outputs = message.reply?.result?.publicOutputs;
      if (d !== 'b->a' || message.type !== 'execute' || !outputs) return m;
      outputs[1]![100] = outputs[1]![100]! ^ 0xff;
      return encodeMessage(message);
    });
    expect(outcome).toMatchObject({ ok: false, code: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('a host that swaps two HE result ciphertexts (valid bytes, wrong place) is rejected too', async () => {
    const outcome = await run('lease-reorder', subTask, (d, m) => {
      const message = decodeMessage(m) as ExecuteMessage;
      const outputs = message.reply?.result?.publicOutputs;
      if (d !== 'b->a' || message.type !== 'execute' || !outputs) return m;
      [outputs[0], outputs[2]] = [outputs[2]!, outputs[0]!];
      return encodeMessage(message);
    });
    expect(outcome).toMatchObject({ ok: false, code: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('refuses an enclave whose measurement is not allow-listed, before generating HE keys', async () => {
    const plainMeasurement = await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_WORKLOAD_PATH);
    expect(await run('lease-allow', subTask, undefined, { allowedMeasurements: [plainMeasurement] })).toMatchObject({ ok: false, code: 'MEASUREMENT_NOT_ALLOWED' });
  });

  it('workload failures and out-of-range results leave the enclave as codes only', async () => {
    const zero: SubTaskSpec = { ...subTask, subTaskId: 'st-zero', rows: [[1, 0, 1]] };
    const failed = await run('lease-zero', zero);
    expect(failed).toMatchObject({ ok: false, code: 'WORKLOAD_REJECTED' });
    expect(!failed.ok && failed.detail).toMatch(/COMPUTE_DIVISION_BY_ZERO$/);
    // |value| >= 2^19 would wrap silently in ckks-8192: the enclave refuses to encrypt it.
    const big: SubTaskSpec = { subTaskId: 'st-big', program: { version: 1, inputWidth: 1, ops: [{ op: 'mul', operand: 1_000_000 }] }, rows: [[1]] };
    const refused = await run('lease-big', big);
    expect(refused).toMatchObject({ ok: false, code: 'WORKLOAD_REJECTED' });
    expect(!refused.ok && refused.detail).toMatch(/HE_VALUE_OUT_OF_RANGE$/);
  });

  it('the measurement changes when an extra module (node-seal, compute-plain) changes by one byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'datanet-he-result-'));
    try {
      const sealCopy = join(dir, 'seal.js');
      await copyFile(NODE_SEAL_ES_MODULE_PATH, sealCopy);
      const withCopy = COMPUTE_PLAIN_HE_EXTRA_MODULES.map((m) => (m.name === 'node-seal' ? { ...m, path: sealCopy } : m));
      expect(await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_HE_WORKLOAD_PATH, withCopy)).toBe(measurement);
      const bytes = await readFile(sealCopy);
      bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
      await writeFile(sealCopy, bytes);
      expect(await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_HE_WORKLOAD_PATH, withCopy)).not.toBe(measurement);
      const computeCopy = join(dir, 'compute.mjs');
      await writeFile(computeCopy, (await readFile(COMPUTE_PLAIN_WORKLOAD_PATH, 'utf8')) + '\n');
      const withCompute = COMPUTE_PLAIN_HE_EXTRA_MODULES.map((m) => (m.name === 'compute-plain' ? { ...m, path: computeCopy } : m));
      expect(await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_HE_WORKLOAD_PATH, withCompute)).not.toBe(measurement);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
