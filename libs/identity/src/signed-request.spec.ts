import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { checkSignedRequest, signRequest } from './signed-request.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signer = { nodeId: 'a1', sign: (d: Uint8Array) => nodeSign('sha256', d, { key: privateKey, dsaEncoding: 'ieee-p1363' }) };
const verifyWith = (key = publicKey) => (node: string, data: Uint8Array, sig: Uint8Array) => node === 'a1' && nodeVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
const NOW = 1_800_000_000_000;
const body = JSON.stringify({ side: 'buy', cores: 4 });

describe('signed requests', () => {
  const headers = signRequest(signer, 'POST', '/v1/market/orders', body, NOW);

  it('verifies an untouched request', () => {
    expect(checkSignedRequest(headers, 'POST', '/v1/market/orders', body, NOW + 1000, verifyWith())).toMatchObject({ ok: true, nodeId: 'a1' });
  });
  it.each([
    ['a changed body', 'POST', '/v1/market/orders', body.replace('4', '40'), NOW, verifyWith(), 'REQUEST_SIGNATURE_INVALID'],
    ['another path', 'POST', '/v1/market/orders?x=1', body, NOW, verifyWith(), 'REQUEST_SIGNATURE_INVALID'],
    ['another method', 'DELETE', '/v1/market/orders', body, NOW, verifyWith(), 'REQUEST_SIGNATURE_INVALID'],
    ['another key', 'POST', '/v1/market/orders', body, NOW, verifyWith(other.publicKey), 'REQUEST_SIGNATURE_INVALID'],
    ['a stale time', 'POST', '/v1/market/orders', body, NOW + 120_000, verifyWith(), 'REQUEST_STALE'],
  ])('rejects %s', (_n, method, path, b, now, verify, code) => {
    expect(checkSignedRequest(headers, method, path, b, now, verify)).toMatchObject({ ok: false, code });
  });
  it('rejects an unsigned request', () => {
    expect(checkSignedRequest({}, 'POST', '/', '', NOW, verifyWith())).toMatchObject({ ok: false, code: 'REQUEST_UNSIGNED' });
  });
});
