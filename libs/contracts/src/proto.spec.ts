import fc from 'fast-check';
import { pb } from './proto.js';

describe('generated contracts', () => {
  it('round-trips an envelope header with int64 timestamps as numbers', () => {
    const header = pb.EnvelopeHeader.create({
      schemaVersion: 1,
      messageId: 'ab'.repeat(16),
      type: 'demo.ping',
      source: 'a1',
      target: 'b1',
      route: ['hub-a', 'hub-b'],
      sessionId: 's1',
      issuedAtMs: 1_763_700_000_000,
      expiresAtMs: 1_763_700_300_000,
      nonce: new Uint8Array(16).fill(7),
      metadata: { k: 'v' },
    });
    const decoded = pb.EnvelopeHeader.decode(pb.EnvelopeHeader.encode(header).finish());
    expect(decoded.issuedAtMs).toBe(1_763_700_000_000);
    expect(typeof decoded.expiresAtMs).toBe('number');
    expect(decoded.route).toEqual(['hub-a', 'hub-b']);
    expect(decoded.metadata).toEqual({ k: 'v' });
  });

  it('an omitted int64 field reads back as the number 0, never a Long', () => {
    const report = pb.SubTaskReport.decode(pb.SubTaskReport.encode({ reportId: 'r' }).finish());
    expect([report.startedAtMs, report.endedAtMs, report.inputBytes, report.resultBytes]).toEqual([0, 0, 0, 0]);
    const header = pb.EnvelopeHeader.decode(pb.EnvelopeHeader.encode({}).finish());
    expect(typeof header.issuedAtMs).toBe('number');
    expect(header.issuedAtMs).toBe(0);
  });

  it('round-trips arbitrary envelopes byte-exactly (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 64 }), fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 3 }), (header, sig, chain) => {
        const bytes = pb.Envelope.encode({ header, signature: sig, senderChain: chain, payload: header }).finish();
        const back = pb.Envelope.decode(bytes);
        expect(Buffer.from(back.header).equals(Buffer.from(header))).toBe(true);
        expect(back.senderChain.length).toBe(chain.length);
        expect(Buffer.from(pb.Envelope.encode(back).finish()).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects garbage with an exception the relay turns into ENVELOPE_MALFORMED', () => {
    expect(() => pb.Envelope.decode(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow();
  });
});
