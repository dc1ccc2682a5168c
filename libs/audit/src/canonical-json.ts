/**
 * Canonical JSON for audit details: the exact bytes that are hashed, so another
 * implementation must produce them identically (README, "Canonical encoding").
 *
 * A strict subset of RFC 8785 (JCS) that needs no float formatting:
 * - numbers are safe integers only (|n| <= 2^53 - 1), written in decimal without
 *   exponent or fraction; `-0` is written `0`. Amounts are integer minor units
 *   anyway (STYLE.md); anything else goes in a string.
 * - strings must be well-formed Unicode (no lone surrogates) and are escaped as
 *   JSON.stringify / JCS do: `\"` `\\` `\b` `\f` `\n` `\r` `\t`, other U+0000..U+001F
 *   as `\u00xx` (lowercase hex), everything else literal, UTF-8 encoded.
 * - object keys are sorted by UTF-16 code units (JS default sort, as JCS), no
 *   whitespace anywhere, no `undefined`, no duplicate keys.
 * - nesting is at most JSON_MAX_DEPTH deep.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Bounded so a hostile details object cannot blow the stack of any verifier. */
export const JSON_MAX_DEPTH = 32;

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`canonical JSON: ${detail} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

// In `u` mode a surrogate pair is one code point, so \p{Cs} only matches lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** The canonical text of `value`; throws CanonicalJsonError when it is outside the subset. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}

function write(value: unknown, path: string, depth: number): string {
  if (depth > JSON_MAX_DEPTH) throw new CanonicalJsonError(path, `nesting deeper than ${JSON_MAX_DEPTH}`);
  if (value === null || value === true || value === false) return String(value);
  switch (typeof value) {
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(path, `number ${value} is not a safe integer`);
      return JSON.stringify(value);
    case 'string':
      return writeString(value, path);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path, depth) : writeObject(value, path, depth);
    case 'boolean': // only true/false, handled above
    case 'bigint':
    case 'undefined':
    case 'function':
    case 'symbol':
      throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
  }
  throw new CanonicalJsonError(path, 'unknown value type');
}

function writeString(s: string, path: string): string {
  if (!isWellFormedText(s)) throw new CanonicalJsonError(path, 'string has a lone surrogate');
  return JSON.stringify(s);
}

function writeArray(items: readonly unknown[], path: string, depth: number): string {
  return `[${items.map((item, i) => write(item, `${path}[${i}]`, depth + 1)).join(',')}]`;
}

function writeObject(obj: object, path: string, depth: number): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(path, 'only plain objects are JSON');
  const entries = Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = entries.map(([k, v]) => `${writeString(k, path)}:${write(v, `${path}.${k}`, depth + 1)}`);
  return `{${parts.join(',')}}`;
}
