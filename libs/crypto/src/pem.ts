// PEM armour (RFC 7468) for DER blobs: certificates, SPKI and PKCS#8 keys.
import { CryptoInputError } from './errors.js';
import { assertString, assertUint8Array } from './validate.js';

/** Labels are upper-case words ("CERTIFICATE", "PUBLIC KEY"); anything else is a caller bug. */
const LABEL_PATTERN = /^[A-Z0-9]+(?: [A-Z0-9]+)*$/;
const BASE64_LINE_CHARS = 64;

function assertLabel(label: unknown): asserts label is string {
  assertString(label, 'label');
  if (!LABEL_PATTERN.test(label)) {
    throw new CryptoInputError(`label must be upper-case words like "CERTIFICATE" (got ${JSON.stringify(label)})`);
  }
}

/** PEM with 64-column base64 lines (RFC 7468 strict form) and a trailing newline. */
export function derToPem(der: Uint8Array, label: string): string {
  assertUint8Array(der, 'der');
  assertLabel(label);
  if (der.length === 0) throw new CryptoInputError('der must not be empty');
  const base64 = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let offset = 0; offset < base64.length; offset += BASE64_LINE_CHARS) {
    lines.push(base64.slice(offset, offset + BASE64_LINE_CHARS));
  }
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * DER body of the first PEM block labelled `label`, or null when there is none or its
 * base64 is malformed. Returns null rather than throwing because PEM text often comes
 * from peers or files, where "not a certificate" is an expected answer.
 */
export function pemToDer(pem: string, label: string): Uint8Array | null {
  assertString(pem, 'pem');
  assertLabel(label);
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*)-----END ${label}-----`).exec(pem);
  if (match === null || match[1] === undefined) return null;
  const body = match[1].replace(/\s+/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(body) || body.length === 0) return null;
  return Uint8Array.from(Buffer.from(body, 'base64'));
}
