// Extra measured modules, public inputs and public outputs (the mechanism behind claims 4-5):
// real worker threads, real PKI, small hand-written modules in a temp directory.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnclaveCode, measurementOf } from '../protocol.mjs';
import { KeyRing } from '../key-ring.js';
import { establishSession, instructionDigestOf, type LesseeSession } from '../lessee-session.js';
import type { ExecuteResult } from '../port.js';
import { createEnclavePki, type EnclavePki } from '../test-fixtures.js';
import { ENCLAVE_ENTRY_PATH, ENCLAVE_PROTOCOL_PATH, NUMERIC_ROWS_WORKLOAD_PATH, SimulatedSoftwareEnclave, measureSimulatedEnclaveBundle } from './simulated-software-enclave.js';

const INSTRUCTIONS = JSON.stringify({ op: 'echo' });
// Doubles every byte of the public input through the extra module; returns the doubled bytes as a
// public output and their length as the sealed value.
const WORKLOAD = `export const workloadName = 'echo/v1';
export const publicOutputs = true;
let tag;
export function init({ modules }) { tag = modules.helper.tag; }
export function run(program, input, env) {
  if (input?.fail) throw Object.assign(new Error('secret ' + input.fail), { code: 'ECHO_FAILED' });
  const out = env.publicInputs.map((p) => env.modules.helper.double(p));
  return { value: { tag, sizes: out.map((o) => o.length), note: input.note }, publicOutputs: out };
}
`;
const HELPER = `import { createHash } from 'node:crypto';
export const tag = createHash('sha256').update('helper').digest('hex').slice(0, 8);
export function double(bytes) { return Uint8Array.from(bytes, (b) => (b * 2) & 0xff); }
`;

let pki: EnclavePki;
let tmp: string;
let workloadPath: string;
let helperPath: string;
let enclave: SimulatedSoftwareEnclave;
let measurement: string;

async function session(leaseId: string): Promise<LesseeSession> {
  const result = await establishSession({
    enclave,
    policy: {
      trustAnchorPem: pki.ca.certPem,
      allowedTeeTypes: ['simulated-software'],
      allowedMeasurements: [measurement],
      lessorId: 'lessor-m',
      leaseId,
      instructionDigest: instructionDigestOf(INSTRUCTIONS),
      maxAgeMs: 60_000,
    },
    lesseeId: 'lessee-1',
    keyRing: new KeyRing(),
  });
  if (!result.ok) throw new Error(`${result.codeName}: ${result.detail}`);
  return result.session;
}

beforeAll(async () => {
  pki = await createEnclavePki();
  tmp = await mkdtemp(join(tmpdir(), 'datanet-enclave-extra-'));
  workloadPath = join(tmp, 'echo.mjs');
  helperPath = join(tmp, 'helper.mjs');
  await writeFile(workloadPath, WORKLOAD);
  await writeFile(helperPath, HELPER);
  measurement = await measureSimulatedEnclaveBundle(workloadPath, [{ name: 'helper', path: helperPath }]);
  enclave = await SimulatedSoftwareEnclave.start({ platform: await pki.platformFor('lessor-m'), workloadPath, extraModules: [{ name: 'helper', path: helperPath }] });
});

afterAll(async () => {
  await enclave?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('extra measured modules', () => {
  it('are covered by the measurement, after the three base components, in declared order', async () => {
    expect(enclave.measurement).toBe(measurement);
    const [entry, protocol, workload, helper] = await Promise.all([ENCLAVE_ENTRY_PATH, ENCLAVE_PROTOCOL_PATH, workloadPath, helperPath].map((p) => readFile(p)));
    const base = { entry: entry!, protocol: protocol!, workload: workload! };
    expect(measurementOf(base, [{ name: 'helper', bytes: helper! }])).toBe(measurement);
    // No extra modules: the value is the one enclaves had before extra modules existed.
    expect(measurementOf(base, [])).toBe(measurementOf(base));
    expect(measurementOf(base)).not.toBe(measurement);
    // Name, order and bytes of the extras all count.
    expect(measurementOf(base, [{ name: 'helper2', bytes: helper! }])).not.toBe(measurement);
    expect(measurementOf(base, [{ name: 'helper', bytes: helper! }, { name: 'x', bytes: Buffer.from('') }])).not.toBe(measurement);
    expect(() => measurementOf(base, [{ name: 'a', bytes: helper! }, { name: 'a', bytes: helper! }])).toThrow(TypeError);
  });

  it('measurement changes when the extra module bytes change', async () => {
    const copy = join(tmp, 'helper-copy.mjs');
    await writeFile(copy, HELPER);
    expect(await measureSimulatedEnclaveBundle(workloadPath, [{ name: 'helper', path: copy }])).toBe(measurement);
    await writeFile(copy, HELPER + '\n');
    expect(await measureSimulatedEnclaveBundle(workloadPath, [{ name: 'helper', path: copy }])).not.toBe(measurement);
    // The base bundle without extras is unaffected by the feature.
    expect(await measureSimulatedEnclaveBundle(NUMERIC_ROWS_WORKLOAD_PATH, [])).toBe(await measureSimulatedEnclaveBundle(NUMERIC_ROWS_WORKLOAD_PATH));
  });

  it('refuses bad extra module declarations before starting a worker', async () => {
    const platform = await pki.platformFor('lessor-m');
    await expect(SimulatedSoftwareEnclave.start({ platform, workloadPath, extraModules: [{ name: '../x', path: helperPath }] })).rejects.toThrow(RangeError);
    await expect(
      SimulatedSoftwareEnclave.start({ platform, workloadPath, extraModules: [{ name: 'h', path: helperPath }, { name: 'h', path: helperPath }] }),
    ).rejects.toThrow(RangeError);
  });
});

describe('public inputs and public outputs', () => {
  const input = Uint8Array.from([1, 2, 3, 200]);

  it('round trip: the module runs in the enclave; public outputs are bound to the sealed result', async () => {
    const s = await session('lease-p1');
    const subTask = s.encryptSubTask('st-1', { instructions: INSTRUCTIONS, input: { note: 'hi' } }, [input]);
    expect(subTask.publicInputs).toEqual([input]);
    const reply = await enclave.execute(subTask);
    if (!reply.ok) throw new Error(reply.detail);
    expect(reply.result.publicOutputs).toEqual([Uint8Array.from([2, 4, 6, 144])]);
    const opened = s.openResult(reply.result);
    expect(opened).toMatchObject({ ok: true, value: { sizes: [4], note: 'hi' }, publicOutputs: [Uint8Array.from([2, 4, 6, 144])] });
    expect(opened.ok && (opened.value as { tag: string }).tag).toMatch(/^[0-9a-f]{8}$/);
  });

  it('a swapped, dropped or added public input is PUBLIC_INPUT_MISMATCH', async () => {
    const s = await session('lease-p2');
    const subTask = s.encryptSubTask('st-1', { instructions: INSTRUCTIONS, input: {} }, [input]);
    for (const publicInputs of [[Uint8Array.from([9])], [], [input, input]]) {
      expect(await enclave.execute({ ...subTask, publicInputs })).toMatchObject({ ok: false, codeName: 'PUBLIC_INPUT_MISMATCH', code: EnclaveCode.PUBLIC_INPUT_MISMATCH });
    }
    const { publicInputs: _dropped, ...without } = subTask;
    expect(await enclave.execute(without)).toMatchObject({ ok: false, codeName: 'PUBLIC_INPUT_MISMATCH' });
  });

  it('a tampered, dropped or added public output is rejected by the lessee', async () => {
    const s = await session('lease-p3');
    const reply = (await enclave.execute(s.encryptSubTask('st-1', { instructions: INSTRUCTIONS, input: {} }, [input]))) as Extract<ExecuteResult, { ok: true }>;
    expect(reply.ok).toBe(true);
    const outputs = reply.result.publicOutputs as Uint8Array[];
    const flipped = Uint8Array.from(outputs[0]!);
    flipped[0] = flipped[0]! ^ 1;
    expect(s.openResult({ ...reply.result, publicOutputs: [flipped] })).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    expect(s.openResult({ ...reply.result, publicOutputs: [...outputs, flipped] })).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    // Dropping the outputs changes the result AAD: the sealed part no longer authenticates.
    const { publicOutputs: _dropped, ...without } = reply.result;
    expect(s.openResult(without)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
  });

  it('a workload error still leaves only its code', async () => {
    const s = await session('lease-p4');
    const reply = await enclave.execute(s.encryptSubTask('st-1', { instructions: INSTRUCTIONS, input: { fail: 'x' } }, [input]));
    expect(reply).toEqual({ ok: false, code: EnclaveCode.WORKLOAD_REJECTED, codeName: 'WORKLOAD_REJECTED', detail: 'ECHO_FAILED' });
  });
});
