// Worker thread for HeEncryptPool (pool.ts). Plain ESM on purpose: worker
// threads do not go through jest's TypeScript transform, and this file must run
// unchanged from both libs/he/src (tests) and the source tree when dist/ is used.
// It holds only the lessee's *public* key: encryption needs nothing secret.
import { parentPort, workerData } from 'node:worker_threads';
import sealModule from 'node-seal/throws_wasm_node_umd.js';

const factory = typeof sealModule === 'function' ? sealModule : sealModule.default;
const seal = await factory();
const { polyModulusDegree, coeffModulusBits, scale, publicKey: publicKeyBytes, compression } = workerData;

const parms = seal.EncryptionParameters(seal.SchemeType.ckks);
parms.setPolyModulusDegree(polyModulusDegree);
const coeff = seal.CoeffModulus.Create(polyModulusDegree, Int32Array.from(coeffModulusBits));
parms.setCoeffModulus(coeff);
const context = seal.Context(parms, true, seal.SecurityLevel.tc128);
coeff.delete();
parms.delete();
const publicKey = seal.PublicKey();
publicKey.loadArray(context, publicKeyBytes);
const encoder = seal.CKKSEncoder(context);
const encryptor = seal.Encryptor(context, publicKey);
const mode = compression === 'zstd' ? seal.ComprModeType.zstd : seal.ComprModeType.none;

function encryptOne(values) {
  const plain = encoder.encode(values, scale);
  let cipher;
  try {
    cipher = encryptor.encrypt(plain);
    return cipher.saveArray(mode);
  } finally {
    cipher?.delete();
    plain.delete();
  }
}

parentPort.on('message', (message) => {
  if (message.type === 'shutdown') {
    encryptor.delete();
    encoder.delete();
    publicKey.delete();
    context.delete();
    parentPort.close();
    return;
  }
  try {
    const bytes = encryptOne(message.values);
    // Copy into a standalone buffer we can transfer (the result may be a view on the WASM heap).
    const out = new Uint8Array(bytes);
    parentPort.postMessage({ id: message.id, ok: true, bytes: out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: String(error?.message ?? error) });
  }
});
parentPort.postMessage({ type: 'ready' });
