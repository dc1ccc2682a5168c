// Network PKI: network CA -> hub (intermediate CA, pathLen 0) -> participant/settlement leaves.
// ECDSA P-256 / SHA-256 throughout.
import { KeyObject, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { CryptoInputError, type CertVerificationCode } from './errors.js';
import {
  KEY_USAGE_KINDS,
  generateSigningKeyPair,
  exportPrivateKeyPem,
  importPrivateKeyPem,
  importPublicKeySpki,
  type CryptoKey,
  type KeyUsageKind,
} from './keys.js';
import { pemToDer } from './pem.js';
import {
  assertIntegerInRange,
  assertNetworkName,
  assertNodeId,
  assertObject,
  assertOneOf,
  assertP256CryptoKey,
  assertString,
  assertValidDate,
  isNodeCryptoKey,
  isValidNodeId,
} from './validate.js';
import {
  fingerprintSha256Hex,
  isP256EcPublicKey,
  keyUsageFlags,
  parseCertificateOrThrow,
  singleIssuerField,
  singleSubjectField,
  tryParseCertificate,
  x509,
} from './x509-support.js';

export * from './keys.js';

export type NodeRole = 'participant' | 'settlement';
/**
 * The platform key of a lessor's enclave (libs/enclave): it signs attestation quotes and
 * nothing else. Deliberately NOT a NodeRole: verifyChain accepts such a leaf only when the
 * caller asks for it by name (`expectedRole: 'enclave-platform'`), so a quote-signing key
 * can never pass as a participant or settlement identity.
 */
export type EnclavePlatformRole = 'enclave-platform';
export const ENCLAVE_PLATFORM_ROLE: EnclavePlatformRole = 'enclave-platform';
/** Every end-entity role a certificate can carry. */
export type LeafRole = NodeRole | EnclavePlatformRole;
/** Role as written in the subject OU: the leaf roles plus the two CA levels. */
export type CertRole = LeafRole | 'hub' | 'ca';

export const NODE_ROLES: readonly NodeRole[] = ['participant', 'settlement'];
export const LEAF_ROLES: readonly LeafRole[] = [...NODE_ROLES, ENCLAVE_PLATFORM_ROLE];
const CERT_ROLES: readonly CertRole[] = ['participant', 'settlement', ENCLAVE_PLATFORM_ROLE, 'hub', 'ca'];
const CA_ROLE = 'ca';
const HUB_ROLE = 'hub';

export const NODE_URN_PREFIX = 'urn:datanet:node:';
export const MAX_VALIDITY_DAYS = 7300;
const MS_PER_DAY = 86_400_000;
/**
 * notBefore is back-dated by this much so a certificate issued by a hub whose clock runs a
 * little ahead is not "not yet valid" on the participant that receives it.
 */
const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60 * 1000;
/** Leaf + at most this many intermediates; the CA's pathLen 1 allows only one anyway. */
const MAX_INTERMEDIATES = 4;
const SERIAL_NUMBER_BYTES = 16;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' };

const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KEY_USAGE = '2.5.29.15';
/** Extensions we understand; any other *critical* extension makes a certificate unusable (RFC 5280 4.2). */
const UNDERSTOOD_EXTENSIONS = new Set([OID_BASIC_CONSTRAINTS, OID_KEY_USAGE, '2.5.29.17', '2.5.29.14', '2.5.29.35']);

const { KeyUsageFlags } = x509;
const LEAF_KEY_USAGE: Record<KeyUsageKind, number> = {
  signing: KeyUsageFlags.digitalSignature,
  'key-agreement': KeyUsageFlags.keyAgreement,
};
const CA_KEY_USAGE = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign;
/**
 * Hubs also sign relay hop stamps with their hub key, hence digitalSignature. Same
 * algorithm (ECDSA P-256/SHA-256) for both jobs, so the only cross-use risk is a stamp
 * being mistaken for a certificate; stamp inputs start with an ASCII domain label
 * ("datanet/hop/v1"), never with the DER SEQUENCE tag a TBSCertificate starts with.
 */
const HUB_KEY_USAGE = CA_KEY_USAGE | KeyUsageFlags.digitalSignature;

// ---------------------------------------------------------------------------------------
// Public types

/** A certificate with its PKCS#8 private key, as needed to issue certificates. */
export interface CertificateAndKeyPem {
  certPem: string;
  privateKeyPem: string;
}
export type NetworkCa = CertificateAndKeyPem;
export type IssuerCredentials = CertificateAndKeyPem;

export interface IssuedCertificate {
  certPem: string;
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

/** A public key to certify: a WebCrypto P-256 key, or an SPKI PEM ("BEGIN PUBLIC KEY"). */
export type CertifiablePublicKey = CryptoKey | string;

export interface CreateNetworkCaParams {
  networkName: string;
  validityDays: number;
}

export interface IssueHubCertificateParams {
  ca: IssuerCredentials;
  hubId: string;
  /** The hub's ECDSA P-256 public key (it signs participant certificates). */
  publicKey: CertifiablePublicKey;
  validityDays: number;
}

export interface IssueNodeCertificateParams {
  /** A hub's (or the network CA's) certificate and private key. */
  issuer: IssuerCredentials;
  nodeId: string;
  /** `enclave-platform` certificates must have usage `signing` (they sign quotes). */
  role: LeafRole;
  usage: KeyUsageKind;
  /** ECDSA key for `signing`, ECDH key for `key-agreement` (when given as CryptoKey). */
  publicKey: CertifiablePublicKey;
  /** Upper bound on the lifetime; also the lifetime when `notAfter` is absent. */
  validityDays: number;
  /** Exact expiry (e.g. a lease end); must lie within (now, now + validityDays]. */
  notAfter?: Date;
}

export interface VerifyChainParams {
  leafPem: string;
  /** Certificates between leaf and anchor (normally the issuing hub's), in any order. */
  intermediatesPem: string[];
  trustAnchorPem: string;
  at: Date;
  expectedUsage: KeyUsageKind;
  expectedRole?: NodeRole;
}

export interface VerifyChainSuccess {
  ok: true;
  nodeId: string;
  role: NodeRole;
  /** CN of the certificate that issued the leaf (a hub id, or the network name). */
  issuerId: string;
  /** ECDSA verify key for `signing`, ECDH public key for `key-agreement`. */
  publicKey: CryptoKey;
  fingerprintSha256: string;
  notAfter: Date;
}

export interface VerifyChainFailure {
  ok: false;
  code: CertVerificationCode;
  detail: string;
}

export type VerifyChainResult = VerifyChainSuccess | VerifyChainFailure;

export interface VerifyHubCertificateParams {
  certPem: string;
  trustAnchorPem: string;
  at: Date;
}

export interface VerifyHubCertificateSuccess {
  ok: true;
  hubId: string;
  /** ECDSA verify key of the hub (hop stamps, participant certificates). */
  publicKey: CryptoKey;
  fingerprintSha256: string;
  notAfter: Date;
}

export type VerifyHubCertificateResult = VerifyHubCertificateSuccess | VerifyChainFailure;

export interface NodeIdentity {
  nodeId: string;
  role: CertRole;
  issuerCn: string;
  notBefore: Date;
  notAfter: Date;
  /** Lower-case hex SHA-256 of the certificate DER. */
  fingerprintSha256: string;
}

// ---------------------------------------------------------------------------------------
// Issuance

/** Self-signed network root: CA with pathLen 1 (CA -> hub -> leaf), keyCertSign|cRLSign. */
export async function createNetworkCa(params: CreateNetworkCaParams): Promise<NetworkCa> {
  assertObject(params, 'params');
  assertNetworkName(params.networkName, 'networkName');
  assertIntegerInRange(params.validityDays, 'validityDays', 1, MAX_VALIDITY_DAYS);
  const keys = await generateSigningKeyPair();
  const { notBefore, notAfter } = validityWindow(new Date(), params.validityDays, undefined, undefined);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: subjectName(params.networkName, CA_ROLE, params.networkName),
    keys,
    notBefore,
    notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(CA_KEY_USAGE, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), privateKeyPem: await exportPrivateKeyPem(keys.privateKey) };
}

/**
 * Hub certificate: intermediate CA with pathLen 0, so a hub can issue leaves but not
 * sub-CAs; keyUsage keyCertSign|cRLSign|digitalSignature (see HUB_KEY_USAGE).
 */
export async function issueHubCertificate(params: IssueHubCertificateParams): Promise<IssuedCertificate> {
  assertObject(params, 'params');
  assertNodeId(params.hubId, 'hubId');
  assertIntegerInRange(params.validityDays, 'validityDays', 1, MAX_VALIDITY_DAYS);
  const now = new Date();
  const issuer = await loadIssuer(params.ca, 'ca', now);
  if (issuer.role !== CA_ROLE) {
    throw new CryptoInputError(`ca must be the network CA (OU=ca), got OU=${issuer.role}`);
  }
  if (issuer.pathLength !== undefined && issuer.pathLength < 1) {
    throw new CryptoInputError('ca has pathLen 0 and cannot issue hub (intermediate CA) certificates');
  }
  const publicKeyDer = certifiablePublicKeyDer(params.publicKey, 'publicKey', 'ECDSA');
  const window = validityWindow(now, params.validityDays, undefined, issuer.cert.notAfter);
  return signCertificate(issuer, {
    subject: subjectName(issuer.networkName, HUB_ROLE, params.hubId),
    publicKeyDer,
    window,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(HUB_KEY_USAGE, true),
      nodeUrnExtension(params.hubId),
    ],
  });
}

/** Leaf certificate for a participant or settlement node: CA:false, one key usage only. */
export async function issueNodeCertificate(params: IssueNodeCertificateParams): Promise<IssuedCertificate> {
  assertObject(params, 'params');
  assertNodeId(params.nodeId, 'nodeId');
  assertOneOf(params.role, LEAF_ROLES, 'role');
  assertOneOf(params.usage, KEY_USAGE_KINDS, 'usage');
  if (params.role === ENCLAVE_PLATFORM_ROLE && params.usage !== 'signing') {
    throw new CryptoInputError('enclave-platform certificates certify a quote-signing key (usage must be signing)');
  }
  assertIntegerInRange(params.validityDays, 'validityDays', 1, MAX_VALIDITY_DAYS);
  if (params.notAfter !== undefined) assertValidDate(params.notAfter, 'notAfter');
  const now = new Date();
  const issuer = await loadIssuer(params.issuer, 'issuer', now);
  const keyAlgorithm = params.usage === 'signing' ? 'ECDSA' : 'ECDH';
  const publicKeyDer = certifiablePublicKeyDer(params.publicKey, 'publicKey', keyAlgorithm);
  const window = validityWindow(now, params.validityDays, params.notAfter, issuer.cert.notAfter);
  return signCertificate(issuer, {
    subject: subjectName(issuer.networkName, params.role, params.nodeId),
    publicKeyDer,
    window,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(LEAF_KEY_USAGE[params.usage], true),
      nodeUrnExtension(params.nodeId),
    ],
  });
}

interface LoadedIssuer {
  cert: x509.X509Certificate;
  signingKey: CryptoKey;
  role: string;
  networkName: string;
  pathLength: number | undefined;
}

interface CertificateTemplate {
  subject: x509.JsonName;
  publicKeyDer: Uint8Array;
  window: { notBefore: Date; notAfter: Date };
  extensions: x509.Extension[];
}

async function signCertificate(issuer: LoadedIssuer, template: CertificateTemplate): Promise<IssuedCertificate> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: template.subject,
    issuer: issuer.cert.subjectName,
    publicKey: template.publicKeyDer,
    signingKey: issuer.signingKey,
    notBefore: template.window.notBefore,
    notAfter: template.window.notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      ...template.extensions,
      await x509.SubjectKeyIdentifierExtension.create(template.publicKeyDer),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
    ],
  });
  return { certPem: cert.toString('pem'), fingerprintSha256: fingerprintSha256Hex(cert), notBefore: cert.notBefore, notAfter: cert.notAfter };
}

/**
 * Parses and sanity-checks issuer credentials. Refusing here (rather than producing a
 * certificate verifyChain would reject later) catches misconfiguration at admission time:
 * a participant key can never be used to issue, and the key must match the certificate.
 */
async function loadIssuer(value: unknown, name: string, now: Date): Promise<LoadedIssuer> {
  assertObject(value, name);
  const cert = parseCertificateOrThrow(value.certPem, `${name}.certPem`);
  assertString(value.privateKeyPem, `${name}.privateKeyPem`);
  const constraints = cert.getExtension(x509.BasicConstraintsExtension);
  const role = singleSubjectField(cert, 'OU');
  if (constraints === null || !constraints.ca || ((keyUsageFlags(cert) ?? 0) & KeyUsageFlags.keyCertSign) === 0) {
    throw new CryptoInputError(`${name} certificate is not a CA certificate (basicConstraints CA + keyCertSign required)`);
  }
  if (role !== CA_ROLE && role !== HUB_ROLE) {
    throw new CryptoInputError(`${name} certificate has role ${String(role)}; only the network CA and hubs issue certificates`);
  }
  if (now.getTime() < cert.notBefore.getTime() || now.getTime() > cert.notAfter.getTime()) {
    throw new CryptoInputError(`${name} certificate is not valid now (${cert.notBefore.toISOString()} .. ${cert.notAfter.toISOString()})`);
  }
  assertKeyMatchesCertificate(value.privateKeyPem, cert, name);
  return {
    cert,
    signingKey: await importPrivateKeyPem(value.privateKeyPem, 'signing'),
    role,
    networkName: singleSubjectField(cert, 'O') ?? '',
    pathLength: constraints.pathLength,
  };
}

function assertKeyMatchesCertificate(privateKeyPem: string, cert: x509.X509Certificate, name: string): void {
  let derived: Buffer;
  try {
    derived = createPublicKey(createPrivateKey({ key: privateKeyPem, format: 'pem' })).export({ format: 'der', type: 'spki' });
  } catch (cause) {
    throw new CryptoInputError(`${name}.privateKeyPem is not a readable private key`, { cause });
  }
  if (!derived.equals(Buffer.from(cert.publicKey.rawData))) {
    throw new CryptoInputError(`${name}.privateKeyPem does not belong to ${name}.certPem`);
  }
}

/** SPKI DER of the key to certify, checked to be P-256 and (for CryptoKeys) of the right kind. */
function certifiablePublicKeyDer(value: unknown, name: string, algorithm: 'ECDSA' | 'ECDH'): Uint8Array {
  if (isNodeCryptoKey(value)) {
    assertP256CryptoKey(value, name, { type: 'public', algorithm });
    // KeyObject.from is synchronous, unlike subtle.exportKey; public CryptoKeys always export.
    return Uint8Array.from(KeyObject.from(value).export({ format: 'der', type: 'spki' }));
  }
  if (typeof value === 'string') {
    const der = pemToDer(value, 'PUBLIC KEY');
    if (der === null) throw new CryptoInputError(`${name} must be a CryptoKey or an SPKI "PUBLIC KEY" PEM`);
    let details: { namedCurve?: string } | undefined;
    try {
      details = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }).asymmetricKeyDetails;
    } catch (cause) {
      throw new CryptoInputError(`${name} is not a valid SPKI public key`, { cause });
    }
    if (details?.namedCurve !== 'prime256v1') throw new CryptoInputError(`${name} must be a P-256 EC key`);
    return der;
  }
  throw new CryptoInputError(`${name} must be a CryptoKey or an SPKI "PUBLIC KEY" PEM`);
}


/**
 * Validity window: back-dated by the skew allowance, ending at `notAfter` if given (it must
 * lie within the validityDays bound), and never outliving the issuer — a certificate that
 * outlives its issuer would be rejected by path validation anyway, so clamp instead.
 */
function validityWindow(
  now: Date,
  validityDays: number,
  requestedNotAfter: Date | undefined,
  issuerNotAfter: Date | undefined,
): { notBefore: Date; notAfter: Date } {
  const maxNotAfterMs = now.getTime() + validityDays * MS_PER_DAY;
  let notAfterMs = maxNotAfterMs;
  if (requestedNotAfter !== undefined) {
    if (requestedNotAfter.getTime() <= now.getTime() || requestedNotAfter.getTime() > maxNotAfterMs) {
      throw new CryptoInputError(`notAfter must lie within (now, now + ${validityDays} days]`);
    }
    notAfterMs = requestedNotAfter.getTime();
  }
  if (issuerNotAfter !== undefined) notAfterMs = Math.min(notAfterMs, issuerNotAfter.getTime());
  return { notBefore: new Date(now.getTime() - CLOCK_SKEW_ALLOWANCE_MS), notAfter: new Date(notAfterMs) };
}

/**
 * Subject as structured RDNs (never a DN string) so ids cannot inject extra attributes.
 * O carries the network name so certificates of different networks are distinguishable.
 */
function subjectName(networkName: string, role: CertRole, commonName: string): x509.JsonName {
  const rdns: x509.JsonName = [];
  if (networkName.length > 0) rdns.push({ O: [networkName] });
  rdns.push({ OU: [role] }, { CN: [commonName] });
  return rdns;
}

function nodeUrnExtension(id: string): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension([{ type: 'url', value: `${NODE_URN_PREFIX}${id}` }]);
}

/** 128 random bits, top bit cleared so the DER INTEGER is positive (RFC 5280 4.1.2.2). */
function randomSerialNumber(): string {
  const bytes = randomBytes(SERIAL_NUMBER_BYTES);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

// ---------------------------------------------------------------------------------------
// Verification

type Cert = x509.X509Certificate;

function fail(code: CertVerificationCode, detail: string): VerifyChainFailure {
  return { ok: false, code, detail };
}

function describe(cert: Cert): string {
  return `"${cert.subject}"`;
}

/**
 * Validates leaf -> intermediates -> trust anchor at time `at`.
 *
 * Inputs that come from peers (leaf, intermediates) produce a typed failure when
 * malformed; the trust anchor is local configuration, so a bad anchor throws.
 * Checks run in a fixed order so the reported code is stable: path and signatures,
 * CA constraints (CERT_CHAIN_INVALID), validity windows (CERT_EXPIRED), leaf key usage
 * (CERT_USAGE_INVALID), leaf role (CERT_ROLE_INVALID).
 */
export async function verifyChain(params: VerifyChainParams): Promise<VerifyChainResult> {
  assertVerifyChainParams(params);
  return verifyLeafChain(params, params.expectedUsage, params.expectedRole);
}

export interface VerifyEnclavePlatformChainParams {
  leafPem: string;
  intermediatesPem: string[];
  trustAnchorPem: string;
  at: Date;
}

/** Like VerifyChainSuccess, for an `enclave-platform` leaf; `nodeId` is the lessor that runs the enclave. */
export interface VerifyEnclavePlatformChainSuccess extends Omit<VerifyChainSuccess, 'role'> {
  role: EnclavePlatformRole;
}

export type VerifyEnclavePlatformChainResult = VerifyEnclavePlatformChainSuccess | VerifyChainFailure;

/**
 * Validates an `enclave-platform` (quote-signing) certificate chain with the same checks and
 * code order as {@link verifyChain}, requiring OU=enclave-platform and keyUsage
 * digitalSignature. A separate function (rather than a wider `expectedRole`) so that
 * verifyChain's result type and behaviour stay exactly as they were.
 */
export async function verifyEnclavePlatformChain(params: VerifyEnclavePlatformChainParams): Promise<VerifyEnclavePlatformChainResult> {
  assertVerifyChainParams({ ...params, expectedUsage: 'signing' });
  const result = await verifyLeafChain(params, 'signing', ENCLAVE_PLATFORM_ROLE);
  if (!result.ok) return result;
  return { ...result, role: ENCLAVE_PLATFORM_ROLE };
}

async function verifyLeafChain(
  params: Pick<VerifyChainParams, 'leafPem' | 'intermediatesPem' | 'trustAnchorPem' | 'at'>,
  expectedUsage: KeyUsageKind,
  expectedRole: LeafRole | undefined,
): Promise<VerifyChainResult> {
  const anchor = loadTrustAnchor(params.trustAnchorPem);
  const leaf = tryParseCertificate(params.leafPem);
  if (leaf === null) return fail('CERT_CHAIN_INVALID', 'leaf is not a PEM X.509 certificate');
  const intermediates: Cert[] = [];
  for (const [index, pem] of params.intermediatesPem.entries()) {
    const cert = tryParseCertificate(pem);
    if (cert === null) return fail('CERT_CHAIN_INVALID', `intermediate #${index} is not a PEM X.509 certificate`);
    intermediates.push(cert);
  }
  const path = await buildPath(leaf, intermediates, anchor);
  if (path === null) {
    return fail('CERT_CHAIN_INVALID', `no valid issuer signature links ${describe(leaf)} to the trust anchor`);
  }
  const failure =
    checkPathStructure(path) ??
    checkValidity(path, params.at) ??
    checkLeafUsage(leaf, expectedUsage) ??
    checkLeafRole(leaf, expectedRole);
  if (failure !== null) return failure;
  return verifiedIdentity(leaf, path, expectedUsage);
}

function assertVerifyChainParams(params: unknown): asserts params is VerifyChainParams {
  assertObject(params, 'params');
  assertString(params.leafPem, 'leafPem');
  if (!Array.isArray(params.intermediatesPem)) throw new CryptoInputError('intermediatesPem must be an array of strings');
  if (params.intermediatesPem.length > MAX_INTERMEDIATES) {
    throw new CryptoInputError(`intermediatesPem may hold at most ${MAX_INTERMEDIATES} certificates`);
  }
  params.intermediatesPem.forEach((pem, index) => assertString(pem, `intermediatesPem[${index}]`));
  assertString(params.trustAnchorPem, 'trustAnchorPem');
  assertValidDate(params.at, 'at');
  assertOneOf(params.expectedUsage, KEY_USAGE_KINDS, 'expectedUsage');
  if (params.expectedRole !== undefined) assertOneOf(params.expectedRole, NODE_ROLES, 'expectedRole');
}

/**
 * Walks up from the leaf: at each step the issuer is the anchor if the anchor's key
 * verifies the signature, else the one unused intermediate that does. Returns
 * [leaf, ...intermediates, anchor] or null when some link has no valid signer.
 */
async function buildPath(leaf: Cert, intermediates: Cert[], anchor: Cert): Promise<Cert[] | null> {
  const path = [leaf];
  const unused = [...intermediates];
  let current = leaf;
  for (let depth = 0; depth <= MAX_INTERMEDIATES; depth++) {
    if (await isIssuedBy(current, anchor)) return [...path, anchor];
    const next = await findIssuer(current, unused);
    if (next === null) return null;
    unused.splice(unused.indexOf(next), 1);
    path.push(next);
    current = next;
  }
  return null;
}

async function findIssuer(child: Cert, candidates: Cert[]): Promise<Cert | null> {
  for (const candidate of candidates) {
    if (await isIssuedBy(child, candidate)) return candidate;
  }
  return null;
}

/** Issuer name matches and the parent's key verifies an ECDSA/SHA-256 signature. */
async function isIssuedBy(child: Cert, parent: Cert): Promise<boolean> {
  // The library's Algorithm type comes from the DOM lib, which this project does not load.
  const algorithm = child.signatureAlgorithm as unknown as { name?: unknown; hash?: { name?: unknown } };
  if (algorithm.name !== 'ECDSA' || algorithm.hash?.name !== 'SHA-256' || !isP256EcPublicKey(parent)) return false;
  if (!Buffer.from(child.issuerName.toArrayBuffer()).equals(Buffer.from(parent.subjectName.toArrayBuffer()))) return false;
  try {
    return await child.verify({ publicKey: parent.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** CA flags, keyCertSign, pathLen, issuer roles, key algorithms and critical extensions. */
function checkPathStructure(path: Cert[]): VerifyChainFailure | null {
  for (const cert of path) {
    if (!isP256EcPublicKey(cert)) return fail('CERT_CHAIN_INVALID', `${describe(cert)} does not hold a P-256 EC key`);
    const unknownCritical = cert.extensions.find((ext) => ext.critical && !UNDERSTOOD_EXTENSIONS.has(ext.type));
    if (unknownCritical !== undefined) {
      return fail('CERT_CHAIN_INVALID', `${describe(cert)} has unsupported critical extension ${unknownCritical.type}`);
    }
  }
  for (let index = 1; index < path.length; index++) {
    const failure = checkIssuer(path[index] as Cert, index, index === path.length - 1);
    if (failure !== null) return failure;
  }
  return null;
}

/** `index` is the issuer's position in the path; index - 1 intermediates sit below it. */
function checkIssuer(issuer: Cert, index: number, isAnchor: boolean): VerifyChainFailure | null {
  const constraints = issuer.getExtension(x509.BasicConstraintsExtension);
  if (constraints === null || !constraints.ca) {
    return fail('CERT_CHAIN_INVALID', `issuer ${describe(issuer)} is not a CA`);
  }
  if (((keyUsageFlags(issuer) ?? 0) & KeyUsageFlags.keyCertSign) === 0) {
    return fail('CERT_CHAIN_INVALID', `issuer ${describe(issuer)} lacks keyCertSign`);
  }
  const intermediatesBelow = index - 1;
  if (constraints.pathLength !== undefined && intermediatesBelow > constraints.pathLength) {
    return fail('CERT_CHAIN_INVALID', `issuer ${describe(issuer)} pathLen ${constraints.pathLength} exceeded`);
  }
  // Only hubs may sit between the network CA and a leaf; defence in depth on top of pathLen.
  if (!isAnchor && singleSubjectField(issuer, 'OU') !== HUB_ROLE) {
    return fail('CERT_CHAIN_INVALID', `intermediate ${describe(issuer)} is not a hub`);
  }
  return null;
}

function checkValidity(path: Cert[], at: Date): VerifyChainFailure | null {
  const atMs = at.getTime();
  for (const cert of path) {
    if (atMs < cert.notBefore.getTime()) {
      return fail('CERT_EXPIRED', `${describe(cert)} is not valid before ${cert.notBefore.toISOString()}`);
    }
    if (atMs > cert.notAfter.getTime()) {
      return fail('CERT_EXPIRED', `${describe(cert)} expired at ${cert.notAfter.toISOString()}`);
    }
  }
  return null;
}

/**
 * The leaf must be an end entity whose keyUsage is exactly the expected one, so a signing
 * certificate can never be accepted for key agreement (or the other way round).
 */
function checkLeafUsage(leaf: Cert, expectedUsage: KeyUsageKind): VerifyChainFailure | null {
  if (leaf.getExtension(x509.BasicConstraintsExtension)?.ca === true) {
    return fail('CERT_USAGE_INVALID', `${describe(leaf)} is a CA certificate, not an end-entity certificate`);
  }
  const flags = keyUsageFlags(leaf);
  if (flags !== LEAF_KEY_USAGE[expectedUsage]) {
    const actual = KEY_USAGE_KINDS.find((kind) => LEAF_KEY_USAGE[kind] === flags) ?? `flags ${String(flags)}`;
    return fail('CERT_USAGE_INVALID', `${describe(leaf)} key usage is ${actual}, expected ${expectedUsage}`);
  }
  return null;
}

function checkLeafRole(leaf: Cert, expectedRole: LeafRole | undefined): VerifyChainFailure | null {
  const role = singleSubjectField(leaf, 'OU');
  if (expectedRole === ENCLAVE_PLATFORM_ROLE) {
    return role === ENCLAVE_PLATFORM_ROLE
      ? null
      : fail('CERT_ROLE_INVALID', `${describe(leaf)} has role ${String(role)}, expected ${ENCLAVE_PLATFORM_ROLE}`);
  }
  if (role === null || !(NODE_ROLES as readonly string[]).includes(role)) {
    return fail('CERT_ROLE_INVALID', `${describe(leaf)} has no node role (OU participant|settlement)`);
  }
  if (expectedRole !== undefined && role !== expectedRole) {
    return fail('CERT_ROLE_INVALID', `${describe(leaf)} has role ${role}, expected ${expectedRole}`);
  }
  return null;
}

async function verifiedIdentity(leaf: Cert, path: Cert[], usage: KeyUsageKind): Promise<VerifyChainResult> {
  const nodeId = singleSubjectField(leaf, 'CN');
  const issuerId = singleSubjectField(path[1] as Cert, 'CN');
  if (nodeId === null || !isValidNodeId(nodeId) || issuerId === null) {
    return fail('CERT_CHAIN_INVALID', `${describe(leaf)} has a malformed subject or issuer CN`);
  }
  return {
    ok: true,
    nodeId,
    role: singleSubjectField(leaf, 'OU') as NodeRole,
    issuerId,
    publicKey: await importPublicKeySpki(new Uint8Array(leaf.publicKey.rawData), usage),
    fingerprintSha256: fingerprintSha256Hex(leaf),
    notAfter: leaf.notAfter,
  };
}

/**
 * Validates a hub certificate directly under the trust anchor at time `at` (hubs present
 * their certificate when stamping relayed envelopes). Same conventions and code order as
 * {@link verifyChain}: CERT_CHAIN_INVALID (signature, not a pathLen-0 CA), CERT_EXPIRED,
 * CERT_USAGE_INVALID (no digitalSignature), CERT_ROLE_INVALID (OU is not hub).
 * The returned key verifies the hub's signatures.
 */
export async function verifyHubCertificate(params: VerifyHubCertificateParams): Promise<VerifyHubCertificateResult> {
  assertObject(params, 'params');
  assertString(params.certPem, 'certPem');
  assertValidDate(params.at, 'at');
  const anchor = loadTrustAnchor(params.trustAnchorPem);
  const hub = tryParseCertificate(params.certPem);
  if (hub === null) return fail('CERT_CHAIN_INVALID', 'certPem is not a PEM X.509 certificate');
  if (!(await isIssuedBy(hub, anchor))) {
    return fail('CERT_CHAIN_INVALID', `${describe(hub)} is not signed by the trust anchor`);
  }
  const path = [hub, anchor];
  const failure = checkPathStructure(path) ?? checkHubConstraints(hub) ?? checkValidity(path, params.at) ?? checkHubUsageAndRole(hub);
  if (failure !== null) return failure;
  const hubId = singleSubjectField(hub, 'CN');
  if (hubId === null || !isValidNodeId(hubId)) return fail('CERT_CHAIN_INVALID', `${describe(hub)} has a malformed CN`);
  return {
    ok: true,
    hubId,
    publicKey: await importPublicKeySpki(new Uint8Array(hub.publicKey.rawData), 'signing'),
    fingerprintSha256: fingerprintSha256Hex(hub),
    notAfter: hub.notAfter,
  };
}

/** A hub is a CA that cannot create further CAs. */
function checkHubConstraints(hub: Cert): VerifyChainFailure | null {
  const constraints = hub.getExtension(x509.BasicConstraintsExtension);
  if (constraints === null || !constraints.ca || constraints.pathLength !== 0) {
    return fail('CERT_CHAIN_INVALID', `${describe(hub)} is not a hub certificate (CA with pathLen 0)`);
  }
  return null;
}

function checkHubUsageAndRole(hub: Cert): VerifyChainFailure | null {
  if (((keyUsageFlags(hub) ?? 0) & KeyUsageFlags.digitalSignature) === 0) {
    return fail('CERT_USAGE_INVALID', `${describe(hub)} lacks digitalSignature`);
  }
  const role = singleSubjectField(hub, 'OU');
  if (role !== HUB_ROLE) return fail('CERT_ROLE_INVALID', `${describe(hub)} has role ${String(role)}, expected hub`);
  return null;
}

/** The anchor is local configuration, so a bad one is a CryptoInputError, not a result. */
function loadTrustAnchor(pem: unknown): Cert {
  const anchor = parseCertificateOrThrow(pem, 'trustAnchorPem');
  if (anchor.getExtension(x509.BasicConstraintsExtension)?.ca !== true) {
    throw new CryptoInputError('trustAnchorPem is not a CA certificate');
  }
  return anchor;
}

// ---------------------------------------------------------------------------------------
// Inspection

/**
 * Reads identity fields from a certificate WITHOUT validating it; use verifyChain before
 * trusting anything returned here.
 */
export function parseNodeIdentity(certPem: string): NodeIdentity {
  const cert = parseCertificateOrThrow(certPem, 'certPem');
  const nodeId = singleSubjectField(cert, 'CN');
  const role = singleSubjectField(cert, 'OU');
  const issuerCn = singleIssuerField(cert, 'CN');
  if (nodeId === null || issuerCn === null || role === null || !(CERT_ROLES as readonly string[]).includes(role)) {
    throw new CryptoInputError('certPem is not a datanet certificate (needs one CN, one OU role and an issuer CN)');
  }
  return {
    nodeId,
    role: role as CertRole,
    issuerCn,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    fingerprintSha256: fingerprintSha256Hex(cert),
  };
}
