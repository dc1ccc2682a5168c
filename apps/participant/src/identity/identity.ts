import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import {
  exportPrivateKeyPem,
  exportPublicKeySpki,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPublicKeySpki,
  pemToDer,
  saveKeyFile,
  SigningKey,
  verifyChain,
  type CryptoKey,
} from '#libs/crypto';
import { admissionProofInput, pkiPaths, type PkiPaths } from '#libs/identity';
import type { JsonLogger } from '#libs/observability';
import type { SenderIdentity } from '#libs/relay';

export interface ParticipantIdentity {
  readonly sender: SenderIdentity;
  readonly keyAgreementPrivateKey: KeyObject;
  readonly caCertPem: string;
}

export interface AdmissionTarget {
  readonly nodeId: string;
  readonly hubId: string;
  readonly hubUrl: string;
  readonly pkiDir: string;
}

const ADMISSION_ATTEMPTS_MAX = 60;
const ADMISSION_RETRY_MS = 1_000;
const HTTP_TIMEOUT_MS = 5_000;

/**
 * Loads this participant's identity, or obtains one from its hub. Keys are
 * generated and written to disk before the request, so a crash after the hub
 * admitted us retries with the same keys and gets the same certificates back.
 * The certificates the hub returns are checked against the network CA.
 */
export async function ensureIdentity(t: AdmissionTarget, log: JsonLogger): Promise<ParticipantIdentity> {
  const p = pkiPaths(t.pkiDir);
  if (!existsSync(p.signingCert) || !existsSync(p.kexCert) || !existsSync(p.issuerCert)) await admit(t, p, log);
  return loadIdentity(t, p);
}

async function admit(t: AdmissionTarget, p: PkiPaths, log: JsonLogger): Promise<void> {
  if (!existsSync(p.enrollmentToken)) throw new Error(`${t.nodeId} is not admitted and has no enrollment token at ${p.enrollmentToken}`);
  const token = (await readFile(p.enrollmentToken, 'utf8')).trim();
  const { signing, kex } = await ensureKeys(p);
  const signingSpki = await exportPublicKeySpki(signing.publicKey);
  const kexSpki = await exportPublicKeySpki(kex.publicKey);
  for (let attempt = 1; ; attempt++) {
    const requestedAtMs = Date.now();
    const proof = SigningKey.fromCryptoKey(signing.privateKey).sign(admissionProofInput(t.nodeId, signingSpki, kexSpki, requestedAtMs));
    const body = { participantId: t.nodeId, enrollmentToken: token, signingPublicKey: b64(signingSpki), keyAgreementPublicKey: b64(kexSpki), requestedAtMs, proof: b64(proof) };
    let res: Response;
    try {
      res = await fetch(`${t.hubUrl}/v1/admission`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    } catch (e) {
      if (attempt >= ADMISSION_ATTEMPTS_MAX) throw new Error(`hub ${t.hubUrl} unreachable for admission: ${(e as Error).message}`, { cause: e });
      await sleep(ADMISSION_RETRY_MS);
      continue;
    }
    const json = (await res.json()) as { signingCertPem?: string; keyAgreementCertPem?: string; hubCertPem?: string; caCertPem?: string; error?: { code: string; message: string } };
    if (!res.ok) throw new Error(`admission refused by ${t.hubId}: ${json.error?.code ?? res.status} ${json.error?.message ?? ''}`);
    await writeFile(p.signingCert, String(json.signingCertPem));
    await writeFile(p.kexCert, String(json.keyAgreementCertPem));
    await writeFile(p.issuerCert, String(json.hubCertPem));
    log.info('admitted by hub', { hub: t.hubId });
    return;
  }
}

async function ensureKeys(p: PkiPaths): Promise<{ signing: { privateKey: CryptoKey; publicKey: CryptoKey }; kex: { privateKey: CryptoKey; publicKey: CryptoKey } }> {
  if (!existsSync(p.signingKey) || !existsSync(p.kexKey)) {
    const signing = await generateSigningKeyPair();
    const kex = await generateKeyAgreementKeyPair();
    await saveKeyFile(p.signingKey, await exportPrivateKeyPem(signing.privateKey));
    await saveKeyFile(p.kexKey, await exportPrivateKeyPem(kex.privateKey));
  }
  return { signing: await keyPair(p.signingKey, 'signing'), kex: await keyPair(p.kexKey, 'key-agreement') };
}

async function keyPair(path: string, usage: 'signing' | 'key-agreement'): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const pem = await readFile(path, 'utf8');
  const spki = createPublicKey(createPrivateKey(pem)).export({ format: 'der', type: 'spki' });
  return { privateKey: await importPrivateKeyPem(pem, usage), publicKey: await importPublicKeySpki(new Uint8Array(spki), usage) };
}

async function loadIdentity(t: AdmissionTarget, p: PkiPaths): Promise<ParticipantIdentity> {
  const read = (f: string): Promise<string> => readFile(f, 'utf8');
  const [caCertPem, signingCertPem, kexCertPem, hubCertPem, signingKeyPem, kexKeyPem] = [
    await read(p.caCert), await read(p.signingCert), await read(p.kexCert), await read(p.issuerCert), await read(p.signingKey), await read(p.kexKey),
  ];
  for (const [leafPem, usage] of [[signingCertPem, 'signing'], [kexCertPem, 'key-agreement']] as const) {
    const r = await verifyChain({ leafPem, intermediatesPem: [hubCertPem], trustAnchorPem: caCertPem, at: new Date(), expectedUsage: usage, expectedRole: 'participant' });
    if (!r.ok) throw new Error(`own ${usage} certificate does not verify: ${r.code} ${r.detail}`);
    if (r.nodeId !== t.nodeId || r.issuerId !== t.hubId) throw new Error(`own ${usage} certificate is for ${r.nodeId} issued by ${r.issuerId}`);
  }
  return {
    sender: { nodeId: t.nodeId, hubId: t.hubId, signingKey: SigningKey.fromPkcs8Pem(signingKeyPem), chainDer: [der(signingCertPem), der(hubCertPem)] },
    keyAgreementPrivateKey: createPrivateKey(kexKeyPem),
    caCertPem,
  };
}

function der(pem: string): Uint8Array {
  const d = pemToDer(pem, 'CERTIFICATE');
  if (!d) throw new Error('not a PEM certificate');
  return d;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
