import { X509Certificate as NodeX509Certificate, webcrypto } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CryptoInputError } from './errors.js';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  exportPublicKeySpki,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  importPublicKeySpki,
  issueHubCertificate,
  issueNodeCertificate,
  loadPem,
  parseNodeIdentity,
  saveKeyFile,
  verifyChain,
  verifyHubCertificate,
  type CryptoKey,
  type IssuerCredentials,
  type KeyUsageKind,
  type NetworkCa,
  type NodeRole,
  type VerifyChainResult,
  type VerifyHubCertificateResult,
} from './pki.js';
import { SigningKey, VerifyingKey } from './signature.js';
import { x509 } from './x509-support.js';

const DAY_MS = 86_400_000;
const NETWORK = 'datanet-test';

interface Fixture {
  ca: NetworkCa;
  hub: IssuerCredentials;
  participantSigningKeys: webcrypto.CryptoKeyPair;
  participantSigningPem: string;
  participantAgreementPem: string;
  settlementPem: string;
}

let fx: Fixture;

beforeAll(async () => {
  const ca = await createNetworkCa({ networkName: NETWORK, validityDays: 365 });
  const hubKeys = await generateSigningKeyPair();
  const hubCert = await issueHubCertificate({ ca, hubId: 'hub-1', publicKey: hubKeys.publicKey, validityDays: 180 });
  const hub = { certPem: hubCert.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
  const participantSigningKeys = await generateSigningKeyPair();
  const participantAgreementKeys = await generateKeyAgreementKeyPair();
  const common = { issuer: hub, nodeId: 'acme-1', role: 'participant' as const, validityDays: 30 };
  const signing = await issueNodeCertificate({ ...common, usage: 'signing', publicKey: participantSigningKeys.publicKey });
  const agreement = await issueNodeCertificate({ ...common, usage: 'key-agreement', publicKey: participantAgreementKeys.publicKey });
  const settlementKeys = await generateSigningKeyPair();
  const settlement = await issueNodeCertificate({
    issuer: ca,
    nodeId: 'settle-1',
    role: 'settlement',
    usage: 'signing',
    publicKey: await exportPublicKeyPem(settlementKeys.publicKey),
    validityDays: 30,
  });
  fx = {
    ca,
    hub,
    participantSigningKeys,
    participantSigningPem: signing.certPem,
    participantAgreementPem: agreement.certPem,
    settlementPem: settlement.certPem,
  };
});

function check(
  leafPem: string,
  expectedUsage: KeyUsageKind,
  options: { intermediates?: string[]; at?: Date; expectedRole?: NodeRole; anchor?: string } = {},
): Promise<VerifyChainResult> {
  return verifyChain({
    leafPem,
    intermediatesPem: options.intermediates ?? [fx.hub.certPem],
    trustAnchorPem: options.anchor ?? fx.ca.certPem,
    at: options.at ?? new Date(),
    expectedUsage,
    ...(options.expectedRole === undefined ? {} : { expectedRole: options.expectedRole }),
  });
}

/** Builds certificates the API refuses to build, to prove verifyChain rejects them. */
async function forge(options: {
  subject: x509.JsonName;
  issuerName: string | x509.Name;
  signingKey: CryptoKey;
  publicKey: CryptoKey;
  basicConstraints: { ca: boolean; pathLength?: number } | null;
  keyUsage: number;
}): Promise<string> {
  const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(options.keyUsage, true)];
  if (options.basicConstraints !== null) {
    extensions.push(new x509.BasicConstraintsExtension(options.basicConstraints.ca, options.basicConstraints.pathLength, true));
  }
  const cert = await x509.X509CertificateGenerator.create({
    subject: options.subject,
    issuer: options.issuerName,
    publicKey: options.publicKey,
    signingKey: options.signingKey,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + DAY_MS),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions,
  });
  return cert.toString('pem');
}

const subjectOf = (pem: string): x509.Name => new x509.X509Certificate(pem).subjectName;
const leafSubject = (id: string, role = 'participant'): x509.JsonName => [{ O: [NETWORK] }, { OU: [role] }, { CN: [id] }];
const { KeyUsageFlags } = x509;

function expectFailure(result: VerifyChainResult | VerifyHubCertificateResult, code: string, detail?: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  if (detail !== undefined) expect(result.detail).toMatch(detail);
}

describe('PKI happy path: CA -> hub -> participant', () => {
  it('creates a self-signed CA with pathLen 1 and keyCertSign|cRLSign', () => {
    const cert = new x509.X509Certificate(fx.ca.certPem);
    const constraints = cert.getExtension(x509.BasicConstraintsExtension)!;
    expect(constraints.ca).toBe(true);
    expect(constraints.pathLength).toBe(1);
    expect(cert.getExtension(x509.KeyUsagesExtension)!.usages).toBe(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign);
    expect(cert.subject).toBe(cert.issuer);
    expect(fx.ca.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('issues a hub certificate: CA pathLen 0, CN=hubId, OU=hub, SAN URN', () => {
    const cert = new x509.X509Certificate(fx.hub.certPem);
    const constraints = cert.getExtension(x509.BasicConstraintsExtension)!;
    expect([constraints.ca, constraints.pathLength]).toEqual([true, 0]);
    expect(cert.getExtension(x509.KeyUsagesExtension)!.usages).toBe(
      KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature,
    );
    expect(cert.subjectName.getField('CN')).toEqual(['hub-1']);
    expect(cert.subjectName.getField('OU')).toEqual(['hub']);
    expect(cert.getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON()).toEqual([
      { type: 'url', value: 'urn:datanet:node:hub-1' },
    ]);
  });

  it('verifies the participant signing certificate', async () => {
    const result = await check(fx.participantSigningPem, 'signing', { expectedRole: 'participant' });
    expect(result).toMatchObject({ ok: true, nodeId: 'acme-1', role: 'participant', issuerId: 'hub-1' });
    if (!result.ok) return;
    expect(result.publicKey.algorithm.name).toBe('ECDSA');
    const data = new Uint8Array([1, 2, 3]);
    const signature = await webcrypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      fx.participantSigningKeys.privateKey,
      data,
    );
    await expect(webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, result.publicKey, signature, data)).resolves.toBe(true);
  });

  it('verifies the participant key-agreement certificate and returns an ECDH key', async () => {
    const result = await check(fx.participantAgreementPem, 'key-agreement');
    expect(result).toMatchObject({ ok: true, nodeId: 'acme-1', role: 'participant' });
    if (result.ok) expect(result.publicKey.algorithm.name).toBe('ECDH');
  });

  it('gives the two participant certificates exactly one key usage each', () => {
    const usage = (pem: string): number => new x509.X509Certificate(pem).getExtension(x509.KeyUsagesExtension)!.usages;
    expect(usage(fx.participantSigningPem)).toBe(KeyUsageFlags.digitalSignature);
    expect(usage(fx.participantAgreementPem)).toBe(KeyUsageFlags.keyAgreement);
    expect(new x509.X509Certificate(fx.participantSigningPem).getExtension(x509.BasicConstraintsExtension)!.ca).toBe(false);
  });

  it('verifies a settlement certificate issued directly by the CA', async () => {
    const result = await check(fx.settlementPem, 'signing', { intermediates: [], expectedRole: 'settlement' });
    expect(result).toMatchObject({ ok: true, nodeId: 'settle-1', role: 'settlement', issuerId: NETWORK });
  });

  it('ignores unrelated and reordered intermediates', async () => {
    const other = await createNetworkCa({ networkName: 'other-net', validityDays: 10 });
    const result = await check(fx.participantSigningPem, 'signing', { intermediates: [other.certPem, fx.hub.certPem] });
    expect(result.ok).toBe(true);
  });
});

describe('verifyChain rejections', () => {
  it('rejects a leaf signed by an unknown key (issuer name spoofed)', async () => {
    const rogue = await generateSigningKeyPair();
    const leaf = await forge({
      subject: leafSubject('mallory'),
      issuerName: subjectOf(fx.hub.certPem),
      signingKey: rogue.privateKey,
      publicKey: rogue.publicKey,
      basicConstraints: { ca: false },
      keyUsage: KeyUsageFlags.digitalSignature,
    });
    expectFailure(await check(leaf, 'signing'), 'CERT_CHAIN_INVALID', /no valid issuer signature/);
  });

  it('rejects a complete chain rooted in a different CA with the same name', async () => {
    const rogueCa = await createNetworkCa({ networkName: NETWORK, validityDays: 10 });
    const rogueHubKeys = await generateSigningKeyPair();
    const rogueHub = await issueHubCertificate({ ca: rogueCa, hubId: 'hub-1', publicKey: rogueHubKeys.publicKey, validityDays: 5 });
    const leafKeys = await generateSigningKeyPair();
    const leaf = await issueNodeCertificate({
      issuer: { certPem: rogueHub.certPem, privateKeyPem: await exportPrivateKeyPem(rogueHubKeys.privateKey) },
      nodeId: 'acme-1',
      role: 'participant',
      usage: 'signing',
      publicKey: leafKeys.publicKey,
      validityDays: 1,
    });
    expectFailure(await check(leaf.certPem, 'signing', { intermediates: [rogueHub.certPem] }), 'CERT_CHAIN_INVALID');
  });

  it('rejects a leaf whose issuer is not a CA', async () => {
    const caKey = await importPrivateKeyPem(fx.ca.privateKeyPem, 'signing');
    const fakeHubKeys = await generateSigningKeyPair();
    const fakeHub = await forge({
      subject: leafSubject('hub-x', 'hub'),
      issuerName: subjectOf(fx.ca.certPem),
      signingKey: caKey,
      publicKey: fakeHubKeys.publicKey,
      basicConstraints: { ca: false },
      keyUsage: KeyUsageFlags.keyCertSign | KeyUsageFlags.digitalSignature,
    });
    const leafKeys = await generateSigningKeyPair();
    const leaf = await forge({
      subject: leafSubject('victim'),
      issuerName: subjectOf(fakeHub),
      signingKey: fakeHubKeys.privateKey,
      publicKey: leafKeys.publicKey,
      basicConstraints: { ca: false },
      keyUsage: KeyUsageFlags.digitalSignature,
    });
    expectFailure(await check(leaf, 'signing', { intermediates: [fakeHub] }), 'CERT_CHAIN_INVALID', /is not a CA/);
  });

  it('rejects a leaf issued by a participant', async () => {
    const leafKeys = await generateSigningKeyPair();
    const leaf = await forge({
      subject: leafSubject('sock-puppet'),
      issuerName: subjectOf(fx.participantSigningPem),
      signingKey: fx.participantSigningKeys.privateKey,
      publicKey: leafKeys.publicKey,
      basicConstraints: { ca: false },
      keyUsage: KeyUsageFlags.digitalSignature,
    });
    const result = await check(leaf, 'signing', { intermediates: [fx.participantSigningPem, fx.hub.certPem] });
    expectFailure(result, 'CERT_CHAIN_INVALID', /is not a CA/);
  });

  it('refuses to issue with participant credentials in the first place', async () => {
    const participant = {
      certPem: fx.participantSigningPem,
      privateKeyPem: await exportPrivateKeyPem(fx.participantSigningKeys.privateKey),
    };
    const keys = await generateSigningKeyPair();
    await expect(
      issueNodeCertificate({ issuer: participant, nodeId: 'x', role: 'participant', usage: 'signing', publicKey: keys.publicKey, validityDays: 1 }),
    ).rejects.toThrow(CryptoInputError);
  });

  it('rejects a chain that exceeds the hub pathLen 0 (sub-hub)', async () => {
    const hubKey = await importPrivateKeyPem(fx.hub.privateKeyPem, 'signing');
    const subHubKeys = await generateSigningKeyPair();
    const subHub = await forge({
      subject: leafSubject('sub-hub', 'hub'),
      issuerName: subjectOf(fx.hub.certPem),
      signingKey: hubKey,
      publicKey: subHubKeys.publicKey,
      basicConstraints: { ca: true, pathLength: 0 },
      keyUsage: KeyUsageFlags.keyCertSign,
    });
    const leafKeys = await generateSigningKeyPair();
    const leaf = await forge({
      subject: leafSubject('deep'),
      issuerName: subjectOf(subHub),
      signingKey: subHubKeys.privateKey,
      publicKey: leafKeys.publicKey,
      basicConstraints: { ca: false },
      keyUsage: KeyUsageFlags.digitalSignature,
    });
    expectFailure(await check(leaf, 'signing', { intermediates: [subHub, fx.hub.certPem] }), 'CERT_CHAIN_INVALID', /pathLen/);
  });

  it('rejects when the issuing hub certificate is missing', async () => {
    expectFailure(await check(fx.participantSigningPem, 'signing', { intermediates: [] }), 'CERT_CHAIN_INVALID');
  });

  it('rejects garbage leaf and intermediate PEMs as CERT_CHAIN_INVALID', async () => {
    expectFailure(await check('not a cert', 'signing'), 'CERT_CHAIN_INVALID');
    expectFailure(await check(fx.participantSigningPem, 'signing', { intermediates: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'] }), 'CERT_CHAIN_INVALID');
  });

  it('rejects expired certificates (leaf, and the whole chain after the CA expires)', async () => {
    const keys = await generateSigningKeyPair();
    const shortLived = await issueNodeCertificate({
      issuer: fx.hub,
      nodeId: 'brief',
      role: 'participant',
      usage: 'signing',
      publicKey: keys.publicKey,
      validityDays: 1,
      notAfter: new Date(Date.now() + 3_600_000),
    });
    expect(await check(shortLived.certPem, 'signing', { at: new Date(Date.now() + 60_000) })).toMatchObject({ ok: true });
    expectFailure(await check(shortLived.certPem, 'signing', { at: new Date(Date.now() + 2 * 3_600_000) }), 'CERT_EXPIRED', /expired/);
    expectFailure(await check(fx.participantSigningPem, 'signing', { at: new Date(Date.now() + 400 * DAY_MS) }), 'CERT_EXPIRED');
  });

  it('rejects certificates that are not yet valid', async () => {
    expectFailure(await check(fx.participantSigningPem, 'signing', { at: new Date(Date.now() - DAY_MS) }), 'CERT_EXPIRED', /not valid before/);
  });

  it('rejects a signing certificate used for key agreement, and vice versa', async () => {
    expectFailure(await check(fx.participantSigningPem, 'key-agreement'), 'CERT_USAGE_INVALID', /is signing, expected key-agreement/);
    expectFailure(await check(fx.participantAgreementPem, 'signing'), 'CERT_USAGE_INVALID');
  });

  it('rejects a hub (CA) certificate presented as a leaf', async () => {
    expectFailure(await check(fx.hub.certPem, 'signing', { intermediates: [] }), 'CERT_USAGE_INVALID', /CA certificate/);
  });

  it('rejects a role mismatch', async () => {
    expectFailure(await check(fx.participantSigningPem, 'signing', { expectedRole: 'settlement' }), 'CERT_ROLE_INVALID');
    expectFailure(await check(fx.settlementPem, 'signing', { intermediates: [], expectedRole: 'participant' }), 'CERT_ROLE_INVALID');
  });
});

describe('verifyHubCertificate', () => {
  const checkHub = (certPem: string, at = new Date()) => verifyHubCertificate({ certPem, trustAnchorPem: fx.ca.certPem, at });

  async function caSigned(role: string, keyUsage: number): Promise<string> {
    const keys = await generateSigningKeyPair();
    return forge({
      subject: leafSubject('odd-hub', role),
      issuerName: subjectOf(fx.ca.certPem),
      signingKey: await importPrivateKeyPem(fx.ca.privateKeyPem, 'signing'),
      publicKey: keys.publicKey,
      basicConstraints: { ca: true, pathLength: 0 },
      keyUsage,
    });
  }

  it('accepts a hub certificate and returns a key that verifies the hub signatures', async () => {
    const result = await checkHub(fx.hub.certPem);
    expect(result).toMatchObject({ ok: true, hubId: 'hub-1' });
    if (!result.ok) return;
    const stamp = new TextEncoder().encode('datanet/hop/v1 test');
    const signature = SigningKey.fromPkcs8Pem(fx.hub.privateKeyPem).sign(stamp);
    expect(VerifyingKey.fromCryptoKey(result.publicKey).verify(stamp, signature)).toBe(true);
  });

  it('rejects participant, settlement and foreign hub certificates', async () => {
    expectFailure(await checkHub(fx.participantSigningPem), 'CERT_CHAIN_INVALID', /not signed by the trust anchor/);
    expectFailure(await checkHub(fx.settlementPem), 'CERT_CHAIN_INVALID', /not a hub certificate/);
    const rogueCa = await createNetworkCa({ networkName: NETWORK, validityDays: 2 });
    const keys = await generateSigningKeyPair();
    const rogueHub = await issueHubCertificate({ ca: rogueCa, hubId: 'hub-1', publicKey: keys.publicKey, validityDays: 1 });
    expectFailure(await checkHub(rogueHub.certPem), 'CERT_CHAIN_INVALID');
    expectFailure(await checkHub('garbage'), 'CERT_CHAIN_INVALID');
  });

  it('rejects an expired hub certificate, a wrong role and a missing digitalSignature', async () => {
    expectFailure(await checkHub(fx.hub.certPem, new Date(Date.now() + 200 * DAY_MS)), 'CERT_EXPIRED');
    const signAndCertify = KeyUsageFlags.keyCertSign | KeyUsageFlags.digitalSignature;
    expectFailure(await checkHub(await caSigned('participant', signAndCertify)), 'CERT_ROLE_INVALID');
    expectFailure(await checkHub(await caSigned('hub', KeyUsageFlags.keyCertSign)), 'CERT_USAGE_INVALID');
  });
});

describe('input validation', () => {
  it('rejects bad CA parameters', async () => {
    await expect(createNetworkCa({ networkName: NETWORK, validityDays: 0 })).rejects.toThrow(CryptoInputError);
    await expect(createNetworkCa({ networkName: NETWORK, validityDays: 1.5 })).rejects.toThrow(/validityDays/);
    await expect(createNetworkCa({ networkName: ' padded', validityDays: 1 })).rejects.toThrow(/networkName/);
  });

  it('rejects bad hub parameters', async () => {
    const keys = await generateSigningKeyPair();
    const agreement = await generateKeyAgreementKeyPair();
    await expect(issueHubCertificate({ ca: fx.ca, hubId: 'hub,OU=ca', publicKey: keys.publicKey, validityDays: 1 })).rejects.toThrow(/hubId/);
    await expect(issueHubCertificate({ ca: fx.ca, hubId: 'h', publicKey: agreement.publicKey, validityDays: 1 })).rejects.toThrow(/ECDSA/);
    await expect(issueHubCertificate({ ca: fx.hub, hubId: 'h', publicKey: keys.publicKey, validityDays: 1 })).rejects.toThrow(/network CA/);
    const wrongKey = { certPem: fx.ca.certPem, privateKeyPem: fx.hub.privateKeyPem };
    await expect(issueHubCertificate({ ca: wrongKey, hubId: 'h', publicKey: keys.publicKey, validityDays: 1 })).rejects.toThrow(/does not belong/);
  });

  it('enforces key separation and validity bounds on node certificates', async () => {
    const signing = await generateSigningKeyPair();
    const base = { issuer: fx.hub, nodeId: 'n-1', role: 'participant' as const, validityDays: 2 };
    await expect(issueNodeCertificate({ ...base, usage: 'key-agreement', publicKey: signing.publicKey })).rejects.toThrow(/ECDH/);
    await expect(issueNodeCertificate({ ...base, usage: 'signing', publicKey: signing.privateKey })).rejects.toThrow(/public/);
    await expect(
      issueNodeCertificate({ ...base, usage: 'signing', publicKey: signing.publicKey, notAfter: new Date(Date.now() + 3 * DAY_MS) }),
    ).rejects.toThrow(/notAfter/);
    await expect(
      issueNodeCertificate({ ...base, role: 'hub' as NodeRole, usage: 'signing', publicKey: signing.publicKey }),
    ).rejects.toThrow(/role/);
  });

  it('clamps a leaf to its issuer lifetime', async () => {
    const keys = await generateSigningKeyPair();
    const leaf = await issueNodeCertificate({ issuer: fx.hub, nodeId: 'long', role: 'participant', usage: 'signing', publicKey: keys.publicKey, validityDays: 3000 });
    expect(leaf.notAfter.getTime()).toBeLessThanOrEqual(new x509.X509Certificate(fx.hub.certPem).notAfter.getTime());
  });

  it('throws on bad verifyChain arguments and a non-CA trust anchor', async () => {
    await expect(check(fx.participantSigningPem, 'signing', { at: new Date('nope') })).rejects.toThrow(/at must be/);
    await expect(check(fx.participantSigningPem, 'encryption' as KeyUsageKind)).rejects.toThrow(/expectedUsage/);
    await expect(check(fx.participantSigningPem, 'signing', { anchor: 'garbage' })).rejects.toThrow(CryptoInputError);
    await expect(check(fx.participantSigningPem, 'signing', { anchor: fx.participantSigningPem })).rejects.toThrow(/not a CA/);
  });
});

describe('parseNodeIdentity', () => {
  it('reads identity fields and the SHA-256 fingerprint', () => {
    const identity = parseNodeIdentity(fx.participantAgreementPem);
    const nodeFingerprint = new NodeX509Certificate(fx.participantAgreementPem).fingerprint256.replace(/:/g, '').toLowerCase();
    expect(identity).toMatchObject({ nodeId: 'acme-1', role: 'participant', issuerCn: 'hub-1', fingerprintSha256: nodeFingerprint });
    expect(identity.notAfter.getTime()).toBeGreaterThan(identity.notBefore.getTime());
    expect(parseNodeIdentity(fx.hub.certPem)).toMatchObject({ nodeId: 'hub-1', role: 'hub', issuerCn: NETWORK });
  });

  it('throws CryptoInputError for non-certificates', () => {
    expect(() => parseNodeIdentity('nope')).toThrow(CryptoInputError);
  });
});

describe('key helpers', () => {
  it('round-trips PKCS#8 and SPKI PEM for both key kinds', async () => {
    const signing = await generateSigningKeyPair();
    const signingPrivate = await importPrivateKeyPem(await exportPrivateKeyPem(signing.privateKey), 'signing');
    expect(signingPrivate.extractable).toBe(false);
    const signingPublic = await importPublicKeyPem(await exportPublicKeyPem(signing.publicKey), 'signing');
    const data = new Uint8Array([9, 9, 9]);
    const alg = { name: 'ECDSA', hash: 'SHA-256' };
    const signature = await webcrypto.subtle.sign(alg, signingPrivate, data);
    await expect(webcrypto.subtle.verify(alg, signingPublic, signature, data)).resolves.toBe(true);

    const agreement = await generateKeyAgreementKeyPair();
    const agreementPrivate = await importPrivateKeyPem(await exportPrivateKeyPem(agreement.privateKey), 'key-agreement');
    expect(agreementPrivate.algorithm.name).toBe('ECDH');
    const spki = await exportPublicKeySpki(agreement.publicKey);
    expect((await importPublicKeySpki(spki, 'key-agreement')).algorithm.name).toBe('ECDH');
  });

  it('rejects malformed key material', async () => {
    await expect(importPrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----', 'signing')).rejects.toThrow(/PKCS#8/);
    await expect(importPublicKeySpki(new Uint8Array(10), 'signing')).rejects.toThrow(CryptoInputError);
    await expect(importPublicKeyPem('x', 'signing')).rejects.toThrow(CryptoInputError);
    const nonExtractable = await importPrivateKeyPem(fx.hub.privateKeyPem, 'signing');
    await expect(exportPrivateKeyPem(nonExtractable)).rejects.toThrow(/extractable/);
  });

  describe('key files', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'datanet-crypto-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes 0600 files in a 0700 directory and reads them back', async () => {
      const path = join(dir, 'nested', 'keys', 'hub.key.pem');
      await saveKeyFile(path, fx.hub.privateKeyPem);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'nested', 'keys'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
      await expect(loadPem(path)).resolves.toBe(fx.hub.privateKeyPem);
      await saveKeyFile(path, fx.ca.privateKeyPem);
      expect(await readFile(path, 'utf8')).toBe(fx.ca.privateKeyPem);
    });

    it('refuses non-PEM content', async () => {
      await expect(saveKeyFile(join(dir, 'k.pem'), 'hello')).rejects.toThrow(CryptoInputError);
      const path = join(dir, 'plain.txt');
      await writeFile(path, 'no pem here');
      await expect(loadPem(path)).rejects.toThrow(CryptoInputError);
    });
  });
});
