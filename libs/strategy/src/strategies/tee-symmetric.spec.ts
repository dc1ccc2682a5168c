import { evaluatePlain } from '#libs/compute';
import { createNetworkCa, exportPrivateKeyPem, generateSigningKeyPair, issueHubCertificate, issueNodeCertificate, type NetworkCa } from '#libs/crypto';
import { KeyRing, measureSimulatedEnclaveBundle, NUMERIC_ROWS_WORKLOAD_PATH, SimulatedSoftwareEnclave, type PlatformCredentials } from '#libs/enclave';
import { COMPUTE_PLAIN_WORKLOAD_PATH } from '../workloads/index.js';
import { createChannelPair, type ByteChannel } from './channel.js';
import { decodeMessage, encodeMessage } from './codec.js';
import { runTeeSymmetricLessee, serveTeeLessor, teeExecute, teeHandshake, instructionsOf, type TeeLesseeOptions } from './tee-symmetric.js';
import type { SubTaskSpec } from './types.js';

let ca: NetworkCa;
let measurement: string;
const enclaves = new Map<string, SimulatedSoftwareEnclave>();

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
  measurement = await measureSimulatedEnclaveBundle(COMPUTE_PLAIN_WORKLOAD_PATH);
  const started = await Promise.all(
    [
      ['lessor-x', COMPUTE_PLAIN_WORKLOAD_PATH],
      ['lessor-y', COMPUTE_PLAIN_WORKLOAD_PATH],
      ['lessor-z', NUMERIC_ROWS_WORKLOAD_PATH],
    ].map(async ([id, workloadPath]) => [id as string, await SimulatedSoftwareEnclave.start({ platform: await platformFor(id as string), workloadPath: workloadPath as string })] as const),
  );
  for (const [id, enclave] of started) enclaves.set(id, enclave);
});

afterAll(async () => {
  await Promise.all([...enclaves.values()].map((e) => e.close()));
});

const rows = Array.from({ length: 50 }, (_, r) => [r - 25, (r % 9) + 1, Math.sin(r) * 4]);
// compare and divide run only in an enclave (libs/compute: not HE-evaluable).
const subTask: SubTaskSpec = {
  subTaskId: 'st-1',
  program: { version: 1, inputWidth: 3, ops: [{ op: 'divide', column: 1 }, { op: 'compare', threshold: 0.5 }, { op: 'sum', axis: 'rows' }] },
  rows,
};

function lessor(id: string, channel: ByteChannel): Promise<number> {
  return serveTeeLessor(channel, enclaves.get(id) as SimulatedSoftwareEnclave);
}

function options(lessorId: string, leaseId: string, keyRing = new KeyRing()): TeeLesseeOptions {
  return { leaseId, lessorId, lesseeId: 'lessee-1', trustAnchorPem: ca.certPem, allowedMeasurements: [measurement], allowedTeeTypes: ['simulated-software'], keyRing };
}

describe('strategy tee-symmetric (claims 2-3), two parties over a byte channel', () => {
  it('the enclave measures the compute/plain workload it runs, as published for the allow-list', () => {
    expect(enclaves.get('lessor-x')?.measurement).toBe(measurement);
    expect(enclaves.get('lessor-x')?.workloadName).toBe('compute/plain/v1');
  });

  it('round trip: attested handshake, sealed shard, sealed result equal to evaluatePlain; the host sees no plaintext', async () => {
    const seen: Uint8Array[] = [];
    const [a, b] = createChannelPair({ tap: (_d, m) => (seen.push(m), m) });
    const served = lessor('lessor-x', b);
    const outcome = await runTeeSymmetricLessee(a, subTask, options('lessor-x', 'lease-1'));
    a.close();
    expect(await served).toBe(3);
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
    expect(outcome.value.rows).toEqual((evaluatePlain(subTask.program, rows) as { value: number[][] }).value);
    const traffic = Buffer.concat(seen).toString('latin1');
    expect(traffic).not.toContain(instructionsOf(subTask));
    expect(traffic).not.toContain(JSON.stringify(rows[3]));
  });

  it('rejects a lessor whose enclave runs another workload (measurement not in the allow-list)', async () => {
    const [a, b] = createChannelPair();
    const served = lessor('lessor-z', b);
    expect(await runTeeSymmetricLessee(a, subTask, options('lessor-z', 'lease-z'))).toMatchObject({ ok: false, code: 'MEASUREMENT_NOT_ALLOWED' });
    a.close();
    await served;
  });

  it('rejects a lessor answering with a tampered sealed result', async () => {
    const [a, b] = createChannelPair({
      tap: (d, m) => {
        const message = decodeMessage(m) as { type: string; reply: { ok: boolean; result?: { ciphertext: string } } };
        if (d !== 'b->a' || message.type !== 'execute' || !message.reply.result) return m;
        const body = Buffer.from(message.reply.result.ciphertext, 'base64');
        body[0] = (body[0] as number) ^ 1;
        message.reply.result.ciphertext = body.toString('base64');
        return encodeMessage(message);
      },
    });
    const served = lessor('lessor-x', b);
    expect(await runTeeSymmetricLessee(a, subTask, options('lessor-x', 'lease-tamper'))).toMatchObject({ ok: false, code: 'RESULT_DECRYPT_FAILED' });
    a.close();
    await served;
  });

  it('a key negotiated for lessor X cannot be used for lessor Y', async () => {
    const keyRing = new KeyRing();
    const [ax, bx] = createChannelPair();
    const [ay, by] = createChannelPair();
    const servedX = lessor('lessor-x', bx);
    const servedY = lessor('lessor-y', by);
    const instructions = instructionsOf(subTask);
    const sessionX = await teeHandshake(ax, instructions, options('lessor-x', 'lease-shared', keyRing));
    if (!sessionX.ok) throw new Error(sessionX.detail);
    // Y holds no key with that id: the sub-task sealed for X is refused by Y's enclave.
    await expect(teeExecute(ay, sessionX.value, subTask)).resolves.toMatchObject({ ok: false, code: 'SESSION_KEY_UNKNOWN' });
    // Y's own handshake yields a different key, registered separately in the same KeyRing.
    const sessionY = await teeHandshake(ay, instructions, options('lessor-y', 'lease-shared', keyRing));
    if (!sessionY.ok) throw new Error(sessionY.detail);
    expect(sessionY.value.keyId).not.toBe(sessionX.value.keyId);
    expect(keyRing.lessorOf(sessionX.value.keyId)).toBe('lessor-x');
    expect(keyRing.lessorOf(sessionY.value.keyId)).toBe('lessor-y');
    // Y's own key works for Y.
    const resultY = await teeExecute(ay, sessionY.value, subTask);
    expect(resultY.ok).toBe(true);
    // And a channel that actually reaches Y while the lessee expects X fails the identity check.
    const [az, bz] = createChannelPair();
    const servedZ = lessor('lessor-y', bz);
    expect(await teeHandshake(az, instructions, options('lessor-x', 'lease-mitm'))).toMatchObject({ ok: false, code: 'PLATFORM_IDENTITY_MISMATCH' });
    for (const c of [ax, ay, az]) c.close();
    await Promise.all([servedX, servedY, servedZ]);
  });

  it('a workload failure leaves the enclave as a code only', async () => {
    const [a, b] = createChannelPair();
    const served = lessor('lessor-x', b);
    const zero: SubTaskSpec = { ...subTask, subTaskId: 'st-zero', rows: [[1, 0, 1]] };
    const outcome = await runTeeSymmetricLessee(a, zero, options('lessor-x', 'lease-zero'));
    expect(outcome).toMatchObject({ ok: false, code: 'WORKLOAD_REJECTED' });
    expect(!outcome.ok && outcome.detail).toMatch(/COMPUTE_DIVISION_BY_ZERO$/);
    a.close();
    await served;
  });
});
