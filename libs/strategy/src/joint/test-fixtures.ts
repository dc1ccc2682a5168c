// Shared fixtures of the joint specs (joint.spec.ts, forward.spec.ts): a seeded random source and
// CA-issued enclave-platform credentials for a simulated lessor enclave. Not exported from index.ts.
import { exportPrivateKeyPem, generateSigningKeyPair, issueHubCertificate, issueNodeCertificate, type NetworkCa } from '#libs/crypto';
import type { PlatformCredentials } from '#libs/enclave';

/** A small seeded PRNG (mulberry32): the same data on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Enclave-platform credentials for `lessorId`, issued by a hub certified by `ca` (chain: hub). */
export async function enclavePlatformFor(ca: NetworkCa, lessorId: string): Promise<PlatformCredentials> {
  const hubKeys = await generateSigningKeyPair();
  const hubCert = await issueHubCertificate({ ca, hubId: 'hub-1', publicKey: hubKeys.publicKey, validityDays: 10 });
  const hub = { certPem: hubCert.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
  const nodeKeys = await generateSigningKeyPair();
  const cert = await issueNodeCertificate({ issuer: hub, nodeId: lessorId, role: 'enclave-platform', usage: 'signing', publicKey: nodeKeys.publicKey, validityDays: 5 });
  return { privateKeyPem: await exportPrivateKeyPem(nodeKeys.privateKey), certPem: cert.certPem, chainPem: [hub.certPem] };
}
