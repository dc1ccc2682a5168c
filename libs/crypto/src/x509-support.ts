// Internal: loads @peculiar/x509 with Node's WebCrypto and holds small certificate helpers
// shared by pki.ts and signature.ts. Not exported from index.ts.

// @peculiar/x509 pulls in tsyringe, which refuses to load without the Reflect metadata
// polyfill; importing it here (first) makes this module self-contained.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';
import { CryptoInputError } from './errors.js';
import { pemToDer } from './pem.js';
import { assertString } from './validate.js';

// Node's own WebCrypto is used everywhere so CryptoKeys interoperate with node:crypto
// (KeyObject.from) and we do not carry a second, slower implementation.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export { x509 };

/** Certificates are small; a cap stops hostile input from costing unbounded parse time. */
const MAX_CERT_PEM_CHARS = 16 * 1024;

/**
 * Parsing with @peculiar/x509 costs ~1.5 ms per certificate, and the same CA and hub
 * certificates are presented over and over, so successful parses are memoised by PEM
 * text (bounded, FIFO eviction). Parsed certificates are treated as immutable here.
 */
const PARSED_CACHE_ENTRIES = 1024;
const parsedByPem = new Map<string, x509.X509Certificate>();

/** Parses exactly one PEM certificate; null if the text is not one. */
export function tryParseCertificate(pem: string): x509.X509Certificate | null {
  const cached = parsedByPem.get(pem);
  if (cached !== undefined) return cached;
  const cert = parseUncached(pem);
  if (cert !== null) remember(pem, cert);
  return cert;
}

function parseUncached(pem: string): x509.X509Certificate | null {
  if (pem.length > MAX_CERT_PEM_CHARS) return null;
  const der = pemToDer(pem, 'CERTIFICATE');
  if (der === null) return null;
  try {
    return new x509.X509Certificate(der);
  } catch {
    return null;
  }
}

function remember(pem: string, cert: x509.X509Certificate): void {
  if (parsedByPem.size >= PARSED_CACHE_ENTRIES) {
    const oldest = parsedByPem.keys().next();
    if (oldest.done !== true) parsedByPem.delete(oldest.value);
  }
  parsedByPem.set(pem, cert);
}

/** Like {@link tryParseCertificate} but for trusted, locally supplied input: throws. */
export function parseCertificateOrThrow(pem: unknown, name: string): x509.X509Certificate {
  assertString(pem, name);
  const cert = tryParseCertificate(pem);
  if (cert === null) {
    throw new CryptoInputError(`${name} is not a PEM X.509 certificate`);
  }
  return cert;
}

/**
 * Returns the single value of a subject attribute, or null when it is absent or repeated.
 * Repeated CN/OU values are treated as malformed so that no two readers can disagree on
 * which one is the identity.
 */
export function singleSubjectField(cert: x509.X509Certificate, field: 'CN' | 'OU' | 'O'): string | null {
  const values = cert.subjectName.getField(field);
  return values.length === 1 && values[0] !== undefined ? values[0] : null;
}

export function singleIssuerField(cert: x509.X509Certificate, field: 'CN'): string | null {
  const values = cert.issuerName.getField(field);
  return values.length === 1 && values[0] !== undefined ? values[0] : null;
}

export function fingerprintSha256Hex(cert: x509.X509Certificate): string {
  return createHash('sha256').update(new Uint8Array(cert.rawData)).digest('hex');
}

export function keyUsageFlags(cert: x509.X509Certificate): number | null {
  const ext = cert.getExtension(x509.KeyUsagesExtension);
  return ext === null ? null : ext.usages;
}

export function isP256EcPublicKey(cert: x509.X509Certificate): boolean {
  const algorithm = cert.publicKey.algorithm as { name?: unknown; namedCurve?: unknown };
  return algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256';
}
