// Enclave workload "compute/plain-he-result/v1" (claims 4-5): runs libs/compute's plaintext
// evaluator inside the enclave and HE-encrypts (CKKS) the result under the LESSEE's HE public
// key before it leaves, so the lessor's host only ever sees HE ciphertext of the result.
//
// Self-contained on purpose (the enclave imports it from its measured bytes via a data: URL).
// It needs two EXTRA MEASURED MODULES, declared by the enclave (libs/enclave README
// "Measurement"); both are hashed into the measurement and loaded from the hashed bytes:
//   env.modules['compute-plain'] = ./compute-plain.mjs           (the evaluator)
//   env.modules['node-seal']     = node-seal/throws_wasm_node_es.js (SEAL WASM, imports only fs/crypto)
//
// program:      a libs/compute Program (the attested instruction text, parsed by the enclave)
// input:        { rows: number[][], he: { paramSet, polyModulusDegree, coeffModulusBits, scale,
//                 maxAbsValue, publicKeyBytesMax } }   (inside the AES-GCM sub-task: authenticated)
// publicInputs: [ lessee's CKKS public key, SEAL-serialized ]  (bound by digest in the sub-task)
// output:       { value: { paramSet, rowCount, width, ciphertextsPerColumn },
//                 publicOutputs: ciphertexts (zstd), column-major, chunk order }
//               column c, element r sits in ciphertext c*ciphertextsPerColumn + floor(r/slots),
//               slot r % slots: libs/compute's SerializedTable layout.
// failures:     errors with a stable code (compute codes, HE_PARAMS_INVALID, HE_INPUT_TOO_LARGE,
//               HE_INPUT_MALFORMED, HE_VALUE_OUT_OF_RANGE, HE_MODULES_MISSING).
export const workloadName = 'compute/plain-he-result/v1';
export const publicOutputs = true;

const POLY_DEGREES = new Set([4096, 8192, 16384, 32768]);
const PUBLIC_KEY_BYTES_CAP = 64 * 1024 * 1024;

class WorkloadError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

let compute;
let seal;
/** SEAL contexts (with their CKKS encoder) per parameter tuple, for the isolate's lifetime. */
const contexts = new Map();

export async function init({ modules }) {
  compute = modules['compute-plain'];
  const sealModule = modules['node-seal'];
  if (typeof compute?.run !== 'function' || typeof sealModule?.default !== 'function') throw new WorkloadError('HE_MODULES_MISSING');
  seal = await sealModule.default();
}

function checkParams(he) {
  const ok =
    typeof he === 'object' &&
    he !== null &&
    typeof he.paramSet === 'string' &&
    he.paramSet.length <= 64 &&
    POLY_DEGREES.has(he.polyModulusDegree) &&
    Array.isArray(he.coeffModulusBits) &&
    he.coeffModulusBits.length >= 2 &&
    he.coeffModulusBits.length <= 16 &&
    he.coeffModulusBits.every((b) => Number.isInteger(b) && b >= 17 && b <= 60) &&
    typeof he.scale === 'number' &&
    Number.isInteger(Math.log2(he.scale)) &&
    he.scale >= 2 ** 20 &&
    he.scale <= 2 ** 60 &&
    typeof he.maxAbsValue === 'number' &&
    he.maxAbsValue > 0 &&
    Number.isFinite(he.maxAbsValue) &&
    Number.isSafeInteger(he.publicKeyBytesMax) &&
    he.publicKeyBytesMax > 0 &&
    he.publicKeyBytesMax <= PUBLIC_KEY_BYTES_CAP;
  if (!ok) throw new WorkloadError('HE_PARAMS_INVALID');
}

function contextFor(he) {
  const key = `${he.polyModulusDegree}/${he.coeffModulusBits.join(',')}`;
  let entry = contexts.get(key);
  if (entry === undefined) {
    const parms = seal.EncryptionParameters(seal.SchemeType.ckks);
    const coeff = seal.CoeffModulus.Create(he.polyModulusDegree, Int32Array.from(he.coeffModulusBits));
    try {
      parms.setPolyModulusDegree(he.polyModulusDegree);
      parms.setCoeffModulus(coeff);
      // tc128: SEAL refuses parameter sets below 128-bit security.
      const context = seal.Context(parms, true, seal.SecurityLevel.tc128);
      if (!context.parametersSet()) {
        context.delete();
        throw new WorkloadError('HE_PARAMS_INVALID');
      }
      entry = { context, encoder: seal.CKKSEncoder(context) };
    } catch (error) {
      throw error instanceof WorkloadError ? error : new WorkloadError('HE_PARAMS_INVALID');
    } finally {
      coeff.delete();
      parms.delete();
    }
    contexts.set(key, entry);
  }
  return entry;
}

export function run(program, input, env) {
  if (compute === undefined || seal === undefined) throw new WorkloadError('HE_MODULES_MISSING');
  checkParams(input?.he);
  const he = input.he;
  const keyBytes = env?.publicInputs?.[0];
  if (env.publicInputs.length !== 1 || !(keyBytes instanceof Uint8Array)) throw new WorkloadError('HE_INPUT_MALFORMED');
  if (keyBytes.byteLength > he.publicKeyBytesMax) throw new WorkloadError('HE_INPUT_TOO_LARGE');
  // Plaintext evaluation first (its failures carry libs/compute codes); the result never leaves unencrypted.
  const rows = compute.run(program, { rows: input.rows });
  const rowCount = rows.length;
  const width = rowCount > 0 ? rows[0].length : 0;
  for (const row of rows) {
    for (const v of row) if (!Number.isFinite(v) || Math.abs(v) > he.maxAbsValue) throw new WorkloadError('HE_VALUE_OUT_OF_RANGE');
  }
  const { context, encoder } = contextFor(he);
  const slots = encoder.slotCount;
  const publicKey = seal.PublicKey();
  let encryptor;
  try {
    try {
      publicKey.loadArray(context, keyBytes);
    } catch {
      throw new WorkloadError('HE_INPUT_MALFORMED');
    }
    encryptor = seal.Encryptor(context, publicKey);
    const outputs = [];
    const perColumn = Math.ceil(rowCount / slots);
    for (let c = 0; c < width; c++) {
      for (let start = 0; start < rowCount; start += slots) {
        const chunk = Float64Array.from({ length: Math.min(slots, rowCount - start) }, (_, i) => rows[start + i][c]);
        const plain = encoder.encode(chunk, he.scale);
        let cipher;
        try {
          cipher = encryptor.encrypt(plain);
          outputs.push(Uint8Array.from(cipher.saveArray(seal.ComprModeType.zstd)));
        } finally {
          cipher?.delete();
          plain.delete();
        }
      }
    }
    return { value: { paramSet: he.paramSet, rowCount, width, ciphertextsPerColumn: perColumn }, publicOutputs: outputs };
  } finally {
    encryptor?.delete();
    publicKey.delete();
  }
}
