import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Enrollment tokens: how a hub operator lets one participant in. The operator
 * hands the participant a token bound to its id and an expiry, MACed with the
 * hub's enrollment key; the hub accepts it once (docs/identity.md). A token is a
 * credential with a time limit and a use-count limit of one.
 *
 * Format: v1.<participantId>.<expiresAtMs>.<base64url(HMAC-SHA-256)>
 */
const PREFIX = 'v1';
const MAX_TOKEN_CHARS = 256;

export type TokenCheck = { ok: true; participantId: string; expiresAtMs: number } | { ok: false; code: 'TOKEN_MALFORMED' | 'TOKEN_BAD_MAC' | 'TOKEN_EXPIRED' | 'TOKEN_WRONG_PARTICIPANT'; detail: string };

export function issueEnrollmentToken(enrollmentKeyHex: string, participantId: string, expiresAtMs: number): string {
  assertKey(enrollmentKeyHex);
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(participantId)) throw new Error(`invalid participant id ${participantId}`);
  if (!Number.isSafeInteger(expiresAtMs) || expiresAtMs <= 0) throw new Error('expiresAtMs must be a positive integer');
  const body = `${PREFIX}.${participantId}.${expiresAtMs}`;
  return `${body}.${mac(enrollmentKeyHex, body).toString('base64url')}`;
}

export function checkEnrollmentToken(enrollmentKeyHex: string, token: string, participantId: string, nowMs: number): TokenCheck {
  assertKey(enrollmentKeyHex);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return { ok: false, code: 'TOKEN_MALFORMED', detail: 'token missing or too long' };
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, code: 'TOKEN_MALFORMED', detail: 'expected v1.<id>.<expiry>.<mac>' };
  const [, id, expiry, macText] = parts as [string, string, string, string];
  const expiresAtMs = Number(expiry);
  if (!Number.isSafeInteger(expiresAtMs)) return { ok: false, code: 'TOKEN_MALFORMED', detail: 'expiry is not an integer' };
  const given = Buffer.from(macText, 'base64url');
  const expected = mac(enrollmentKeyHex, `${PREFIX}.${id}.${expiry}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'TOKEN_BAD_MAC', detail: 'token was not issued by this hub' };
  if (id !== participantId) return { ok: false, code: 'TOKEN_WRONG_PARTICIPANT', detail: `token is for ${id}` };
  if (nowMs > expiresAtMs) return { ok: false, code: 'TOKEN_EXPIRED', detail: `token expired at ${new Date(expiresAtMs).toISOString()}` };
  return { ok: true, participantId: id, expiresAtMs };
}

function mac(keyHex: string, body: string): Buffer {
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(body).digest();
}

function assertKey(keyHex: string): void {
  if (!/^[0-9a-f]{64,}$/.test(keyHex)) throw new Error('enrollment key must be at least 32 bytes of lowercase hex');
}
