import { checkEnrollmentToken, issueEnrollmentToken } from './enrollment-token.js';

const key = 'ab'.repeat(32);
const other = 'cd'.repeat(32);

describe('enrollment tokens', () => {
  const now = 1_800_000_000_000;
  const token = issueEnrollmentToken(key, 'a1', now + 60_000);

  it('accepts a token for its participant before expiry', () => {
    expect(checkEnrollmentToken(key, token, 'a1', now)).toEqual({ ok: true, participantId: 'a1', expiresAtMs: now + 60_000 });
  });
  it.each([
    ['another hub key', other, token, 'a1', now, 'TOKEN_BAD_MAC'],
    ['another participant', key, token, 'a2', now, 'TOKEN_WRONG_PARTICIPANT'],
    ['after expiry', key, token, 'a1', now + 60_001, 'TOKEN_EXPIRED'],
    ['garbage', key, 'nope', 'a1', now, 'TOKEN_MALFORMED'],
    ['a forged expiry', key, token.replace(String(now + 60_000), String(now + 9e9)), 'a1', now, 'TOKEN_BAD_MAC'],
  ])('rejects %s', (_name, k, t, id, at, code) => {
    const r = checkEnrollmentToken(k, t, id, at);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
  });
});
