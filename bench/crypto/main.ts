/**
 * `npm run bench:crypto`: what the data-protection strategies cost on this machine, next
 * to the baseline every strategy pays anyway (AES-256-GCM, node:crypto, one core).
 *
 * - CKKS (ckks-8192) encode+encrypt+serialize (zstd) through libs/he's HeEncryptPool,
 *   with 1 worker and with all cores: values/s.
 * - CKKS decrypt+decode, calling thread: values/s.
 * - Ciphertext expansion: serialized (zstd) ciphertext bytes / (slots x 8 bytes of float64).
 * - AES-256-GCM encrypt, 1 MiB messages, one core: MB/s (10^6 bytes).
 * - ECDH P-256 ephemeral key + shared secret + HKDF-SHA-256 (the lessee's handshake
 *   crypto, libs/enclave protocol): per second.
 * - libs/enclave verifyQuote with a cached platform chain (PlatformChainCache): per second.
 *
 * Each figure is measured for a bounded time (BENCH_SECONDS per figure, default 3; the
 * whole run stays well under 2 minutes). The last line printed is one JSON object;
 * `ratio` = CKKS plaintext bytes/s on all cores / AES-GCM bytes/s.
 */
import { createCipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createNetworkCa, exportPrivateKeyPem, generateSigningKeyPair, issueHubCertificate, issueNodeCertificate } from '#libs/crypto';
import {
  freshNonce,
  instructionDigestOf,
  NUMERIC_ROWS_WORKLOAD_PATH,
  PlatformChainCache,
  SimulatedSoftwareEnclave,
  verifyQuote,
  type QuotePolicy,
} from '#libs/enclave';
import { decryptReal, encryptReal, generateKeys, HeContext, HeEncryptPool, type HeResult } from '#libs/he';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
if (!(seconds > 0 && seconds <= 20)) {
  process.stderr.write('BENCH_SECONDS must be in (0, 20]\n');
  process.exit(2);
}
const budgetMs = seconds * 1000;

function unwrap<T>(r: HeResult<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.detail}`);
  return r.value;
}

/** Runs `batch` (which does `unitsPerBatch` units) until the budget is spent; units per second. */
async function rate(unitsPerBatch: number, batch: () => unknown, warmupBatches = 1): Promise<number> {
  for (let i = 0; i < warmupBatches; i++) await batch();
  let units = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    await batch();
    units += unitsPerBatch;
    elapsed = performance.now() - t0;
  }
  return units / (elapsed / 1000);
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

async function ckks(): Promise<{ ckksValuesPerSec1: number; ckksValuesPerSecAll: number; decryptValuesPerSec: number; expansion: number; workers: number; bytesPerCiphertext: number }> {
  const ctx = await HeContext.of('ckks-8192');
  const keys = unwrap(generateKeys(ctx));
  try {
    const publicKey = keys.publicKey.saveArray(ctx.seal.ComprModeType.zstd as never);
    const workers = availableParallelism();
    const ciphertextsPerBatch = 4 * workers;
    const values = Float64Array.from({ length: ciphertextsPerBatch * ctx.slots }, (_, i) => 10 * Math.sin(i));
    const perPool = async (count: number): Promise<{ perSec: number; bytesPerCiphertext: number }> => {
      const pool = unwrap(await HeEncryptPool.create(ctx, publicKey, { workers: count }));
      let bytesPerCiphertext = 0;
      try {
        const perSec = await rate(values.length, async () => {
          const out = unwrap(await pool.encryptReal(values));
          bytesPerCiphertext = out.ciphertexts[0]?.byteLength ?? 0;
        });
        return { perSec, bytesPerCiphertext };
      } finally {
        await pool.close();
      }
    };
    const one = await perPool(1);
    console.log(`CKKS encode+encrypt+serialize, 1 worker: ${fmt(one.perSec)} values/s`);
    const all = await perPool(workers);
    console.log(`CKKS encode+encrypt+serialize, ${workers} workers: ${fmt(all.perSec)} values/s`);
    const vector = unwrap(encryptReal(ctx, keys.publicKey, values.subarray(0, 8 * ctx.slots)));
    let decryptValuesPerSec: number;
    try {
      decryptValuesPerSec = await rate(8 * ctx.slots, () => decryptReal(ctx, keys.secretKey, vector));
    } finally {
      vector.dispose();
    }
    console.log(`CKKS decrypt+decode, calling thread: ${fmt(decryptValuesPerSec)} values/s`);
    const expansion = one.bytesPerCiphertext / (ctx.slots * 8);
    console.log(`CKKS ciphertext: ${fmt(one.bytesPerCiphertext)} bytes (zstd) for ${ctx.slots} float64 = expansion x${expansion.toFixed(2)}`);
    return { ckksValuesPerSec1: one.perSec, ckksValuesPerSecAll: all.perSec, decryptValuesPerSec, expansion, workers, bytesPerCiphertext: one.bytesPerCiphertext };
  } finally {
    keys.dispose();
    ctx.dispose();
  }
}

async function aesGcm(): Promise<number> {
  const key = randomBytes(32);
  const message = randomBytes(1 << 20);
  const bytesPerSec = await rate(message.length, () => {
    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
    cipher.update(message);
    cipher.final();
    cipher.getAuthTag();
  });
  const mbps = bytesPerSec / 1e6;
  console.log(`AES-256-GCM (node:crypto, 1 MiB messages, 1 core): ${fmt(mbps)} MB/s`);
  return mbps;
}

async function ecdhHkdf(): Promise<number> {
  const peer = createECDH('prime256v1');
  peer.generateKeys();
  const peerPublic = peer.getPublicKey();
  const salt = randomBytes(32);
  const perSec = await rate(50, () => {
    for (let i = 0; i < 50; i++) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      hkdfSync('sha256', ecdh.computeSecret(peerPublic), salt, 'datanet/bench', 32);
    }
  });
  console.log(`ECDH P-256 (ephemeral keygen + secret) + HKDF-SHA-256: ${fmt(perSec)}/s`);
  return perSec;
}

async function quoteVerify(): Promise<number> {
  const ca = await createNetworkCa({ networkName: 'datanet-bench', validityDays: 2 });
  const hubKeys = await generateSigningKeyPair();
  const hubCert = await issueHubCertificate({ ca, hubId: 'hub-bench', publicKey: hubKeys.publicKey, validityDays: 2 });
  const hub = { certPem: hubCert.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
  const platformKeys = await generateSigningKeyPair();
  const platformCert = await issueNodeCertificate({ issuer: hub, nodeId: 'lessor-bench', role: 'enclave-platform', usage: 'signing', publicKey: platformKeys.publicKey, validityDays: 1 });
  const enclave = await SimulatedSoftwareEnclave.start({
    platform: { privateKeyPem: await exportPrivateKeyPem(platformKeys.privateKey), certPem: platformCert.certPem, chainPem: [hub.certPem] },
    workloadPath: NUMERIC_ROWS_WORKLOAD_PATH,
  });
  try {
    const nonce = freshNonce();
    const policy: QuotePolicy = {
      trustAnchorPem: ca.certPem,
      allowedTeeTypes: ['simulated-software'],
      allowedMeasurements: [enclave.measurement],
      lessorId: 'lessor-bench',
      leaseId: 'lease-bench',
      instructionDigest: instructionDigestOf('{"op":"sum"}'),
      nonce,
      maxAgeMs: 10 * 60_000,
    };
    const attested = await enclave.attest({ nonce, leaseId: policy.leaseId, instructionDigest: policy.instructionDigest });
    if (!attested.ok) throw new Error(attested.detail);
    const cache = new PlatformChainCache();
    const first = await verifyQuote(attested.quote, policy, cache);
    if (!first.ok) throw new Error(`quote did not verify: ${first.codeName} ${first.detail}`);
    const perSec = await rate(20, async () => {
      for (let i = 0; i < 20; i++) {
        const r = await verifyQuote(attested.quote, policy, cache);
        if (!r.ok) throw new Error(r.detail);
      }
    });
    console.log(`verifyQuote (libs/enclave, platform chain cached): ${fmt(perSec)}/s`);
    return perSec;
  } finally {
    await enclave.close();
  }
}

const started = performance.now();
const he = await ckks();
const aesGcmMBps = await aesGcm();
const ecdhHkdfPerSec = await ecdhHkdf();
const quoteVerifyPerSec = await quoteVerify();
const ckksBytesPerSecAll = he.ckksValuesPerSecAll * 8;
const ratio = ckksBytesPerSecAll / (aesGcmMBps * 1e6);
console.log(`ratio: CKKS (${he.workers} cores) ${fmt(ckksBytesPerSecAll / 1e6)} MB/s of float64 / AES-GCM ${fmt(aesGcmMBps)} MB/s = ${ratio.toPrecision(3)} (AES is ${fmt(1 / ratio)}x faster)`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(
  JSON.stringify({
    bench: 'crypto',
    paramSet: 'ckks-8192',
    workers: he.workers,
    ckksValuesPerSec1: Math.round(he.ckksValuesPerSec1),
    ckksValuesPerSecAll: Math.round(he.ckksValuesPerSecAll),
    decryptValuesPerSec: Math.round(he.decryptValuesPerSec),
    expansion: Number(he.expansion.toFixed(3)),
    aesGcmMBps: Number(aesGcmMBps.toFixed(1)),
    ecdhHkdfPerSec: Math.round(ecdhHkdfPerSec),
    quoteVerifyPerSec: Math.round(quoteVerifyPerSec),
    baseline: 'aes-256-gcm',
    ratio: Number(ratio.toPrecision(4)),
  }),
);
