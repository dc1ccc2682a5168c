// Internal input guards shared by the public functions. Not exported from index.ts.
import type { webcrypto } from 'node:crypto';
import { CryptoInputError } from './errors.js';

/**
 * Node and hub ids end up in certificate subjects, SAN URNs, HKDF info, file names and
 * log lines. A small ASCII alphabet keeps them unambiguous in all of those places (no DN
 * escaping, no Unicode look-alikes, no path separators).
 */
const NODE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Printable ASCII, no leading/trailing blank; used for the free-text network name. */
const NETWORK_NAME_PATTERN = /^[\x21-\x7E](?:[\x20-\x7E]{0,62}[\x21-\x7E])?$/;

export function assertUint8Array(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new CryptoInputError(`${name} must be a Uint8Array`);
  }
}

export function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new CryptoInputError(`${name} must be a string`);
  }
}

export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  assertString(value, name);
  if (value.length === 0) {
    throw new CryptoInputError(`${name} must not be empty`);
  }
}

export function assertObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CryptoInputError(`${name} must be an object`);
  }
}

export function assertNodeId(value: unknown, name: string): asserts value is string {
  assertString(value, name);
  if (!NODE_ID_PATTERN.test(value)) {
    throw new CryptoInputError(`${name} must match ${NODE_ID_PATTERN.source} (got ${JSON.stringify(value.slice(0, 140))})`);
  }
}

export function isValidNodeId(value: string): boolean {
  return NODE_ID_PATTERN.test(value);
}

export function assertNetworkName(value: unknown, name: string): asserts value is string {
  assertString(value, name);
  if (!NETWORK_NAME_PATTERN.test(value)) {
    throw new CryptoInputError(`${name} must be 1-64 printable ASCII characters without leading/trailing blanks`);
  }
}

export function assertIntegerInRange(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CryptoInputError(`${name} must be an integer in [${min}, ${max}] (got ${String(value)})`);
  }
}

export function assertValidDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new CryptoInputError(`${name} must be a valid Date`);
  }
}

export function assertOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new CryptoInputError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${String(value)})`);
  }
}

type CryptoKeyConstructor = abstract new (...args: never[]) => webcrypto.CryptoKey;

/**
 * Node exposes the CryptoKey class only as a global (not on `crypto.webcrypto` in Node 20),
 * and @types/node does not declare that global, hence the lookup.
 */
export function isNodeCryptoKey(value: unknown): value is webcrypto.CryptoKey {
  const ctor = (globalThis as unknown as { CryptoKey?: CryptoKeyConstructor }).CryptoKey;
  return ctor !== undefined && value instanceof ctor;
}

export type EcAlgorithmName = 'ECDSA' | 'ECDH';

/**
 * Checks a WebCrypto key is a P-256 key of the wanted kind. Checking the algorithm name
 * enforces key separation: an ECDH key cannot be passed where a signing key is expected
 * and vice versa.
 */
export function assertP256CryptoKey(
  value: unknown,
  name: string,
  expected: { type: 'public' | 'private'; algorithm: EcAlgorithmName },
): asserts value is webcrypto.CryptoKey {
  if (!isNodeCryptoKey(value)) {
    throw new CryptoInputError(`${name} must be a WebCrypto CryptoKey from node:crypto`);
  }
  const algorithm = value.algorithm as webcrypto.EcKeyAlgorithm;
  if (value.type !== expected.type) {
    throw new CryptoInputError(`${name} must be a ${expected.type} key (got ${value.type})`);
  }
  if (algorithm.name !== expected.algorithm || algorithm.namedCurve !== 'P-256') {
    throw new CryptoInputError(
      `${name} must be an ${expected.algorithm} P-256 key (got ${algorithm.name} ${algorithm.namedCurve ?? ''})`.trim(),
    );
  }
}
