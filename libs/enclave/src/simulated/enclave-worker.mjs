// SIMULATED software enclave: the code that runs inside the worker thread's own V8 isolate.
// Measured bundle component "entry". Uses only node: built-ins and ../protocol.mjs.
//
// What the simulation does NOT give you: the host process (the lessor's participant node)
// can read this isolate's memory with a debugger, holds the platform signing key, and could
// run a different worker that signs a false measurement. It models the protocol faithfully
// (keys generated in here and never posted out, quotes binding measurement to key and
// nonce), not the hardware isolation. See README "What is simulated".
import { X509Certificate, createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import {
  EnclaveCode,
  QUOTE_VERSION,
  TEE_SIMULATED_SOFTWARE,
  DIGEST_BYTES,
  NONCE_BYTES,
  POINT_BYTES,
  KEY_ID_HEX_CHARS,
  GCM_NONCE_BYTES,
  checkExtraModuleNames,
  deriveSessionKey,
  gcmOpen,
  gcmSeal,
  generateEphemeral,
  isHex,
  isId,
  isPublicParts,
  measurementOf,
  publicDigests,
  quoteBody,
  quoteDigest,
  resultAad,
  sha256Hex,
  sharedSecret,
  subTaskAad,
} from '../protocol.mjs';

const limits = workerData.limits;
const sessions = new Map();

function reject(codeName, detail) {
  return { ok: false, code: EnclaveCode[codeName], codeName, detail };
}

function importBytes(bytes) {
  return import(`data:text/javascript;base64,${bytes.toString('base64')}`);
}

/**
 * Reads the exact bytes of the bundle (entry, protocol, workload, then the declared extra
 * modules in order), hashes them, and loads the workload and the extra modules FROM THOSE BYTES.
 */
async function loadBundle() {
  const entry = readFileSync(fileURLToPath(import.meta.url));
  const protocol = readFileSync(fileURLToPath(new URL('../protocol.mjs', import.meta.url)));
  const workloadBytes = readFileSync(workerData.workloadPath);
  const declared = workerData.extraModules;
  checkExtraModuleNames(declared.map((m) => m.name));
  const extras = declared.map(({ name, path }) => ({ name, bytes: readFileSync(path) }));
  const measurement = measurementOf({ entry, protocol, workload: workloadBytes }, extras);
  // A data: URL runs precisely the measured bytes (no second read of the file, no
  // time-of-check/time-of-use gap); it also forces the workload and every extra module to be
  // one self-contained module that imports only node: built-ins, so the measurement covers all of it.
  const modules = {};
  for (const { name, bytes } of extras) modules[name] = await importBytes(bytes);
  const workload = await importBytes(workloadBytes);
  if (typeof workload.run !== 'function') throw new Error('workload module must export run(program, input, env)');
  if (typeof workload.init === 'function') await workload.init({ modules: Object.freeze(modules) });
  return {
    measurement,
    workload,
    modules: Object.freeze(modules),
    publicOutputs: workload.publicOutputs === true,
    workloadName: String(workload.workloadName ?? 'unnamed'),
  };
}

function loadPlatform() {
  const key = createPrivateKey({ key: workerData.platformPrivateKeyPem, format: 'pem' });
  const cert = new X509Certificate(workerData.platformCertPem);
  if (!cert.checkPrivateKey(key)) throw new Error('platform private key does not belong to the platform certificate');
  const fields = new Map(cert.subject.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  if (fields.get('OU') !== 'enclave-platform' || !isId(fields.get('CN'))) throw new Error('platform certificate is not an enclave-platform certificate');
  return { key, lessorId: fields.get('CN'), certPem: workerData.platformCertPem, chainPem: workerData.platformChainPem };
}

const bundle = await loadBundle();
const platform = loadPlatform();

/** Sessions idle this long may make room for a new one; a session that executed once is done. */
const SESSION_IDLE_MS = 10 * 60 * 1000;

/**
 * Frees the oldest session that has executed a sub-task or sat idle past SESSION_IDLE_MS.
 * Its key is gone with it, so nothing encrypted under it can be opened here again; the
 * lessee's key ring still refuses to reuse its (lessor, session) pair.
 */
function evictIdleSession() {
  const now = Date.now();
  for (const [id, s] of sessions) {
    if (s.executed > 0 || now - s.fields.timestampMs > SESSION_IDLE_MS) {
      sessions.delete(id);
      return;
    }
  }
}

function attest(req) {
  if (!isHex(req?.nonce, NONCE_BYTES) || !isId(req.leaseId) || !isHex(req.instructionDigest, DIGEST_BYTES)) {
    return reject('HANDSHAKE_MALFORMED', 'attest request needs a 32-byte nonce, a lease id and a 32-byte instruction digest');
  }
  const existing = sessions.get(req.leaseId);
  if (existing?.key) return reject('SESSION_ALREADY_ESTABLISHED', `lease ${req.leaseId} already has a session`);
  if (existing === undefined && sessions.size >= limits.maxSessions) evictIdleSession();
  if (existing === undefined && sessions.size >= limits.maxSessions) return reject('SESSION_LIMIT_REACHED', `at most ${limits.maxSessions} sessions`);
  // A fresh key-agreement key per attestation; its private half stays in this isolate.
  const ephemeral = generateEphemeral();
  const fields = {
    version: QUOTE_VERSION,
    teeType: TEE_SIMULATED_SOFTWARE,
    measurement: bundle.measurement,
    enclavePublicKey: ephemeral.publicKey,
    leaseId: req.leaseId,
    instructionDigest: req.instructionDigest,
    nonce: req.nonce,
    timestampMs: Date.now(),
  };
  const signature = sign('sha256', quoteBody(fields), { key: platform.key, dsaEncoding: 'ieee-p1363' }).toString('hex');
  const quote = { ...fields, signature, platformCertPem: platform.certPem, platformChainPem: platform.chainPem };
  sessions.set(req.leaseId, { ecdh: ephemeral.ecdh, fields, quoteDigest: quoteDigest(quote), key: null, keyId: null, executed: 0 });
  return { ok: true, quote };
}

function negotiate(req) {
  if (!isId(req?.leaseId) || !isId(req.lessorId) || !isId(req.lesseeId) || !isHex(req.lesseePublicKey, POINT_BYTES) || !isHex(req.quoteDigest, DIGEST_BYTES)) {
    return reject('HANDSHAKE_MALFORMED', 'handshake request fields are missing or malformed');
  }
  const session = sessions.get(req.leaseId);
  if (session === undefined) return reject('HANDSHAKE_NOT_ATTESTED', `no attestation for lease ${req.leaseId}`);
  if (session.key) return reject('SESSION_ALREADY_ESTABLISHED', `lease ${req.leaseId} already has a session`);
  // The transcript must name THIS lessor: a key agreed for another lessor is never accepted here.
  if (req.lessorId !== platform.lessorId) return reject('HANDSHAKE_WRONG_LESSOR', `transcript names lessor ${req.lessorId}, this enclave runs for ${platform.lessorId}`);
  if (req.enclavePublicKey !== session.fields.enclavePublicKey || req.quoteDigest !== session.quoteDigest) {
    return reject('HANDSHAKE_KEY_MISMATCH', 'transcript does not name the key and quote this enclave issued');
  }
  const secret = sharedSecret(session.ecdh, req.lesseePublicKey);
  if (secret === null) return reject('HANDSHAKE_MALFORMED', 'lessee public key is not a valid P-256 point');
  const { key, keyId } = deriveSessionKey(secret, { ...req, enclavePublicKey: session.fields.enclavePublicKey, nonce: session.fields.nonce });
  session.key = key;
  session.keyId = keyId;
  session.ecdh = null; // the ephemeral private key is no longer needed: drop it
  return { ok: true, keyId };
}

function subTaskProblem(t) {
  if (!isId(t?.leaseId) || !isId(t.subTaskId)) return 'leaseId and subTaskId must be ids';
  if (!isHex(t.keyId, KEY_ID_HEX_CHARS / 2) || !isHex(t.instructionDigest, DIGEST_BYTES) || !isHex(t.nonce, GCM_NONCE_BYTES)) return 'keyId, instructionDigest or nonce malformed';
  if (typeof t.ciphertext !== 'string') return 'ciphertext must be base64 text';
  if (t.publicInputs !== undefined && !isPublicParts(t.publicInputs)) return 'publicInputs must be an array of byte arrays';
  return null;
}

async function execute(t) {
  const problem = subTaskProblem(t);
  if (problem !== null) return reject('SUBTASK_MALFORMED', problem);
  if (t.ciphertext.length > limits.maxSubTaskBase64Chars) return reject('SUBTASK_TOO_LARGE', `ciphertext exceeds ${limits.maxSubTaskBase64Chars} base64 chars`);
  const publicInputs = t.publicInputs ?? [];
  if (publicInputs.reduce((n, p) => n + p.byteLength, 0) > limits.maxPublicBytes) return reject('SUBTASK_TOO_LARGE', `public inputs exceed ${limits.maxPublicBytes} bytes`);
  const session = sessions.get(t.leaseId);
  if (!session?.key || session.keyId !== t.keyId) return reject('SESSION_KEY_UNKNOWN', 'this enclave holds no session key with that id for the lease');
  if (t.instructionDigest !== session.fields.instructionDigest) return reject('INSTRUCTION_DIGEST_MISMATCH', 'sub-task names instructions other than the attested ones');
  const plain = gcmOpen(session.key, t.nonce, t.ciphertext, subTaskAad(t.leaseId, t.subTaskId));
  if (plain === null) return reject('DECRYPT_FAILED', 'sub-task failed authentication');
  session.executed++;
  let payload;
  let program;
  try {
    payload = JSON.parse(plain.toString('utf8'));
    if (typeof payload?.instructions !== 'string') throw new Error('no instructions');
    // Check the decrypted instructions too: the header digest is only a claim.
    if (sha256Hex(Buffer.from(payload.instructions, 'utf8')) !== session.fields.instructionDigest) {
      return reject('INSTRUCTION_DIGEST_MISMATCH', 'decrypted instructions differ from the attested ones');
    }
    program = JSON.parse(payload.instructions);
    if (payload.publicInputDigests !== undefined && !Array.isArray(payload.publicInputDigests)) throw new Error('publicInputDigests');
  } catch {
    return reject('PAYLOAD_MALFORMED', 'sub-task plaintext is not a {instructions, input} JSON payload');
  }
  // Public inputs (e.g. the lessee's HE public key) travel outside the ciphertext; the
  // authenticated payload names their SHA-256, so a host cannot swap, drop or add one.
  const want = payload.publicInputDigests ?? [];
  const got = publicDigests(publicInputs);
  if (want.length !== got.length || want.some((d, i) => d !== got[i])) {
    return reject('PUBLIC_INPUT_MISMATCH', 'public inputs differ from the digests in the authenticated sub-task');
  }
  return runWorkload(session, t, program, payload.input, publicInputs);
}

async function runWorkload(session, t, program, input, publicInputs) {
  let output;
  let publicOutputs;
  try {
    const returned = await bundle.workload.run(program, input, { modules: bundle.modules, publicInputs });
    if (bundle.publicOutputs) {
      // { value, publicOutputs: Uint8Array[] }: the outputs leave in the clear (e.g. HE
      // ciphertexts); their digests are sealed with the value so the lessee detects tampering.
      if (!isPublicParts(returned?.publicOutputs)) throw Object.assign(new Error('bad public outputs'), { code: 'PUBLIC_OUTPUTS_MALFORMED' });
      publicOutputs = returned.publicOutputs.map((p) => new Uint8Array(p));
      output = JSON.stringify({ value: returned.value, publicOutputDigests: publicDigests(publicOutputs) });
    } else output = JSON.stringify(returned);
  } catch (error) {
    // Only a stable code crosses out: the message could quote plaintext the host must not see.
    const code = typeof error?.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(error.code) ? error.code : 'WORKLOAD_ERROR';
    return reject('WORKLOAD_REJECTED', code);
  }
  if (output === undefined || output.length > limits.maxResultChars) return reject('WORKLOAD_REJECTED', 'RESULT_TOO_LARGE_OR_EMPTY');
  if (publicOutputs !== undefined && publicOutputs.reduce((n, p) => n + p.byteLength, 0) > limits.maxPublicBytes) return reject('WORKLOAD_REJECTED', 'RESULT_TOO_LARGE_OR_EMPTY');
  const sealed = gcmSeal(session.key, Buffer.from(output, 'utf8'), resultAad(t.leaseId, t.subTaskId, publicOutputs !== undefined));
  const result = { leaseId: t.leaseId, subTaskId: t.subTaskId, keyId: session.keyId, ...sealed };
  return { ok: true, result: publicOutputs === undefined ? result : { ...result, publicOutputs } };
}

const handlers = { attest, negotiate, execute };

parentPort.on('message', async (message) => {
  const handler = handlers[message?.op];
  try {
    if (handler === undefined) throw new Error(`unknown op ${String(message?.op)}`);
    parentPort.postMessage({ id: message.id, reply: await handler(message.body) });
  } catch (error) {
    parentPort.postMessage({ id: message?.id, failure: error instanceof Error ? error.message : String(error) });
  }
});

// Only public values leave: measurement, lessor id (from the certificate), workload name.
parentPort.postMessage({ ready: { measurement: bundle.measurement, lessorId: platform.lessorId, workloadName: bundle.workloadName } });
