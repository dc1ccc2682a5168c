import { CryptoInputError } from './errors.js';
import { derToPem, pemToDer } from './pem.js';

describe('PEM armour', () => {
  const der = Uint8Array.from({ length: 100 }, (_, i) => i);

  it('round-trips DER with 64-column lines', () => {
    const pem = derToPem(der, 'PUBLIC KEY');
    expect(pem.split('\n')[1]).toHaveLength(64);
    expect(pemToDer(pem, 'PUBLIC KEY')).toEqual(der);
    expect(pemToDer(`junk before\n${pem}junk after`, 'PUBLIC KEY')).toEqual(der);
  });

  it('returns null for another label, no block or malformed base64', () => {
    const pem = derToPem(der, 'PUBLIC KEY');
    expect(pemToDer(pem, 'PRIVATE KEY')).toBeNull();
    expect(pemToDer('hello', 'CERTIFICATE')).toBeNull();
    expect(pemToDer('-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----', 'CERTIFICATE')).toBeNull();
    expect(pemToDer('-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----', 'CERTIFICATE')).toBeNull();
  });

  it('throws CryptoInputError on bad arguments', () => {
    expect(() => derToPem(new Uint8Array(0), 'CERTIFICATE')).toThrow(CryptoInputError);
    expect(() => derToPem(der, 'certificate')).toThrow(/label/);
    expect(() => derToPem('abc' as unknown as Uint8Array, 'CERTIFICATE')).toThrow(/der/);
    expect(() => pemToDer(42 as unknown as string, 'CERTIFICATE')).toThrow(/pem/);
    expect(() => pemToDer('x', 'A-----B')).toThrow(/label/);
  });
});
