/**
 * Strategy "tee-symmetric-he-result" (claims 4-5): as tee-symmetric (attested per-lessor
 * key, AES-GCM sub-task, plaintext execution inside the enclave), but the enclave
 * HE-encrypts (CKKS) the result under the LESSEE's HE public key before it leaves. The
 * lessor host sees quotes, AES-GCM ciphertext and HE ciphertext only; the lessee decrypts
 * with its HE secret key (libs/he), which never leaves this process.
 *
 * Enclave: SimulatedSoftwareEnclave with workload `compute-plain-he.mjs` and extra measured
 * modules `compute-plain` + `node-seal` (`teeHeResultEnclaveBundle()`); the lessor host runs
 * the unchanged `serveTeeLessor`.
 *
 * Binding of the HE public key: it travels as the sub-task's single PUBLIC INPUT (raw bytes,
 * outside the AES-GCM ciphertext); its SHA-256 is inside the authenticated sub-task payload
 * (`publicInputDigests`), under the session key that only the attested enclave holds. A host
 * that swaps in its own HE key gets PUBLIC_INPUT_MISMATCH from the enclave. The result's HE
 * ciphertexts are the result's PUBLIC OUTPUTS; the enclave seals their digests together with
 * the table shape, so a tampered, reordered or substituted ciphertext is
 * RESULT_PUBLIC_OUTPUT_MISMATCH at the lessee before SEAL parses anything.
 *
 * Messages: the tee-symmetric ones (attest, negotiate, execute); `execute` carries
 * `request.publicInputs = [hePublicKey]` and answers with `result.publicOutputs = ciphertexts`.
 */
import { validateProgram, decryptTable, loadTable, type SerializedTable } from '#libs/compute';
import { measureSimulatedEnclaveBundle, type ExtraModule } from '#libs/enclave';
import type { ComprModeType } from 'node-seal/implementation/compr-mode-type.js';
import { generateKeys, HeContext, type HeKeys } from '#libs/he';
import { COMPUTE_PLAIN_HE_EXTRA_MODULES, COMPUTE_PLAIN_HE_WORKLOAD_PATH } from '../workloads/index.js';
import type { ByteChannel } from './channel.js';
import { instructionsOf, teeExecuteSealed, teeHandshake, type TeeLesseeOptions } from './tee-symmetric.js';
import { failure, isRecord, outputShape, type StrategyOutcome, type SubTaskSpec } from './types.js';

/** What a lessor passes to SimulatedSoftwareEnclave.start (plus its platform) to offer this strategy. */
export function teeHeResultEnclaveBundle(): { workloadPath: string; extraModules: readonly ExtraModule[] } {
  return { workloadPath: COMPUTE_PLAIN_HE_WORKLOAD_PATH, extraModules: COMPUTE_PLAIN_HE_EXTRA_MODULES };
}

/** The measurement of that bundle from the files on disk (what a lessee allow-lists). */
export function measureTeeHeResultEnclave(): Promise<string> {
  const bundle = teeHeResultEnclaveBundle();
  return measureSimulatedEnclaveBundle(bundle.workloadPath, bundle.extraModules);
}

export interface TeeHeResultOptions extends TeeLesseeOptions {
  /** CKKS parameter set of the lessee's HE key. Default ckks-8192. */
  readonly paramSet?: string;
}

export interface TeeHeResultRunResult {
  readonly rows: number[][];
  readonly keyId: string;
  readonly paramSet: string;
  /** Number of HE ciphertexts the result came back as. */
  readonly ciphertexts: number;
}

interface Manifest {
  paramSet: string;
  rowCount: number;
  width: number;
  ciphertextsPerColumn: number;
}

function isManifest(value: unknown): value is Manifest {
  return (
    isRecord(value) &&
    typeof value.paramSet === 'string' &&
    Number.isSafeInteger(value.rowCount) &&
    Number.isSafeInteger(value.width) &&
    Number.isSafeInteger(value.ciphertextsPerColumn)
  );
}

/**
 * Lessee side, whole strategy for one sub-task on one lessor: attested handshake (nothing
 * HE-related is generated before the quote passes), fresh CKKS keys, sealed shard + HE
 * public key, HE-encrypted result decrypted here. The HE secret key never leaves.
 */
export async function runTeeHeResultLessee(channel: ByteChannel, subTask: SubTaskSpec, options: TeeHeResultOptions): Promise<StrategyOutcome<TeeHeResultRunResult>> {
  const validated = validateProgram(subTask.program);
  if (!validated.ok) return failure(validated.code, validated.detail);
  const instructions = instructionsOf(subTask);
  const session = await teeHandshake(channel, instructions, options);
  if (!session.ok) return session;
  const created = await HeContext.create(options.paramSet ?? 'ckks-8192');
  if (!created.ok) return failure(created.code, created.detail);
  const ctx = created.value;
  let keys: HeKeys | undefined;
  try {
    if (ctx.params.scheme !== 'ckks') return failure('HE_UNKNOWN_PARAM_SET', `${ctx.params.name} is not a CKKS parameter set`);
    const generated = generateKeys(ctx);
    if (!generated.ok) return failure(generated.code, generated.detail);
    keys = generated.value;
    const hePublicKey = keys.publicKey.saveArray(ctx.seal.ComprModeType.zstd as ComprModeType);
    const { name, polyModulusDegree, coeffModulusBits, scale, maxAbsValue, limits } = ctx.params;
    const he = { paramSet: name, polyModulusDegree, coeffModulusBits: [...coeffModulusBits], scale, maxAbsValue, publicKeyBytesMax: limits.publicKeyBytesMax };
    const sealed = session.value.encryptSubTask(subTask.subTaskId, { instructions, input: { rows: subTask.rows, he } }, [hePublicKey]);
    const executed = await teeExecuteSealed(channel, session.value, sealed, options.receiveTimeoutMs);
    if (!executed.ok) return executed;
    const { value: manifest, publicOutputs } = executed.value;
    const want = outputShape(subTask.program, subTask.rows.length);
    const perColumn = Math.ceil(want.rows / ctx.slots);
    if (
      publicOutputs === undefined ||
      !isManifest(manifest) ||
      manifest.paramSet !== name ||
      manifest.rowCount !== want.rows ||
      manifest.width !== want.width ||
      manifest.ciphertextsPerColumn !== perColumn ||
      publicOutputs.length !== want.width * perColumn
    ) {
      return failure('STRATEGY_RESULT_SHAPE_MISMATCH', `HE result does not describe a ${want.rows}x${want.width} ${name} table`);
    }
    const table: SerializedTable = {
      paramSet: name,
      rowCount: want.rows,
      width: want.width,
      columns: Array.from({ length: want.width }, (_, c) => ({ paramSet: name, length: want.rows, ciphertexts: publicOutputs.slice(c * perColumn, (c + 1) * perColumn) })),
    };
    const loaded = loadTable(ctx, table);
    if (!loaded.ok) return failure(loaded.code, loaded.detail);
    let rows: number[][];
    try {
      rows = decryptTable(ctx, keys.secretKey, loaded.value);
    } finally {
      loaded.value.dispose();
    }
    return { ok: true, value: { rows, keyId: session.value.keyId, paramSet: name, ciphertexts: publicOutputs.length } };
  } finally {
    keys?.dispose();
    ctx.dispose();
  }
}
