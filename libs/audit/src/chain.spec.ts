import fc from 'fast-check';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { AuditInputError, encodeRecord, GENESIS, GENESIS_HASH, nextRecord, recordHash, verifyChain, type AuditInput, type AuditRecord } from './chain.js';

const T0 = 1_763_700_000_000;
const input = (i: number, over: Partial<AuditInput> = {}): AuditInput => ({
  atMs: T0 + i,
  actor: `node-${i % 3}`,
  action: (['create', 'modify', 'delete'] as const)[i % 3]!,
  subjectType: (['order', 'lease', 'key', 'settlement'] as const)[i % 4]!,
  subjectId: `subject-${i}`,
  origin: `msg-${i}`,
  details: { i, amountMinor: i * 100, tags: ['a', 'b'] },
  ...over,
});

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) out.push(nextRecord(out.at(-1) ?? null, input(i)));
  return out;
}

/** A record changed after the fact, as a tamperer would, bypassing nextRecord. */
const edited = (r: AuditRecord, over: Partial<AuditRecord>): AuditRecord => ({ ...r, ...over });
const rehashed = (r: AuditRecord): AuditRecord => ({ ...r, hash: recordHash(r) });

describe('canonical encoding (published vector, README)', () => {
  const vector: AuditInput = { atMs: 1_763_700_000_000, actor: 'node-a', action: 'create', subjectType: 'lease', subjectId: 'L-1', origin: '10.0.0.7', details: { note: 'é\n', leaseId: 'L-1', amountMinor: 1200 } };
  const bytesHex =
    '00000010646174616e65742e61756469742e763100000000000000010000019aa4b64500000000066e6f64652d6100000006637265617465000000056c65617365000000034c2d310000000831302e302e302e37' +
    '000000327b22616d6f756e744d696e6f72223a313230302c226c656173654964223a224c2d31222c226e6f7465223a22c3a95c6e227d' +
    '0000000000000000000000000000000000000000000000000000000000000000';

  it('encodes record 1 byte for byte as documented and hashes it with SHA-256', () => {
    const r = nextRecord(null, vector);
    expect(r.seq).toBe(1n);
    expect(r.prevHash).toBe(GENESIS_HASH);
    expect(encodeRecord(r).toString('hex')).toBe(bytesHex);
    expect(r.hash).toBe('485673ab2f15d7d16ab95c442729e44234853c831b2c58661be56497e0de7585');
  });
});

describe('nextRecord', () => {
  it('numbers records from 1 without gaps and links each to the previous hash', () => {
    const c = chain(5);
    expect(c.map((r) => r.seq)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(c[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < c.length; i++) expect(c[i]!.prevHash).toBe(c[i - 1]!.hash);
    expect(new Set(c.map((r) => r.hash)).size).toBe(5);
  });

  it('keeps a canonical copy of details: mutating the caller\'s object later changes nothing', () => {
    const details = { b: 1, a: { c: [1, 2] } };
    const r = nextRecord(GENESIS, input(0, { details }));
    details.a.c.push(3);
    expect(verifyChain([r]).ok).toBe(true);
    expect(canonicalJson(r.details)).toBe('{"a":{"c":[1,2]},"b":1}');
  });

  it.each<[string, Partial<AuditInput>, string]>([
    ['negative atMs', { atMs: -1 }, 'AT_MS_INVALID'],
    ['fractional atMs', { atMs: 1.5 }, 'AT_MS_INVALID'],
    ['empty actor', { actor: '' }, 'TEXT_INVALID'],
    ['NUL in subject id', { subjectId: 'a\u0000b' }, 'TEXT_INVALID'],
    ['lone surrogate in origin', { origin: '\ud800' }, 'TEXT_INVALID'],
    ['oversized actor', { actor: 'x'.repeat(257) }, 'TEXT_TOO_LONG'],
    ['action not a token', { action: 'Create Order' }, 'TOKEN_INVALID'],
    ['subject type not a token', { subjectType: 'lease;drop' }, 'TOKEN_INVALID'],
    ['float in details', { details: { price: 0.1 } }, 'DETAILS_INVALID'],
    ['oversized details', { details: { blob: 'x'.repeat(9000) } }, 'DETAILS_TOO_LARGE'],
  ])('refuses %s', (_name, over, code) => {
    expect(() => nextRecord(null, input(0, over))).toThrow(expect.objectContaining({ code }) as AuditInputError);
  });

  it('refuses an invalid head', () => {
    expect(() => nextRecord({ seq: 1n, hash: 'nothex' }, input(0))).toThrow(AuditInputError);
  });
});

describe('verifyChain', () => {
  const c = chain(6);

  it('accepts an intact chain and reports its head', () => {
    expect(verifyChain(c)).toEqual({ ok: true, count: 6, headSeq: 6n, headHash: c[5]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headSeq: 0n, headHash: GENESIS_HASH });
  });

  it('verifies a tail from a trusted anchor', () => {
    expect(verifyChain(c.slice(3), c[2])).toMatchObject({ ok: true, count: 3, headSeq: 6n });
    expect(verifyChain(c.slice(3), c[1])).toMatchObject({ ok: false, brokenAt: 3n, reason: 'SEQ_GAP' });
  });

  it('altered details: HASH_MISMATCH at that record', () => {
    const t = c.map((r) => (r.seq === 3n ? edited(r, { details: { i: 2, amountMinor: 1, tags: ['a', 'b'] } }) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 3n, reason: 'HASH_MISMATCH' });
  });

  it.each(['atMs', 'actor', 'action', 'subjectType', 'subjectId', 'origin'] as const)('altered %s: HASH_MISMATCH', (field) => {
    const value = field === 'atMs' ? T0 + 999 : 'tampered';
    const t = c.map((r) => (r.seq === 4n ? edited(r, { [field]: value }) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 4n, reason: 'HASH_MISMATCH' });
  });

  it('altered stored hash: HASH_MISMATCH at that record', () => {
    const t = c.map((r) => (r.seq === 2n ? edited(r, { hash: 'ab'.repeat(32) }) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 2n, reason: 'HASH_MISMATCH' });
  });

  it('altered details with a recomputed hash: PREV_HASH_MISMATCH at the next record', () => {
    const t = c.map((r) => (r.seq === 3n ? rehashed(edited(r, { details: { forged: true } })) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 4n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('deleted record: SEQ_GAP at the missing seq', () => {
    expect(verifyChain(c.filter((r) => r.seq !== 4n))).toMatchObject({ ok: false, brokenAt: 4n, reason: 'SEQ_GAP' });
  });

  it('deleted record with the rest renumbered and rehashed from there: PREV_HASH_MISMATCH where it was', () => {
    const t = c.filter((r) => r.seq !== 4n).map((r) => (r.seq > 4n ? rehashed(edited(r, { seq: r.seq - 1n })) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 4n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('reordered records: SEQ_GAP at the first out-of-place seq', () => {
    const t = [c[0]!, c[2]!, c[1]!, ...c.slice(3)];
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 2n, reason: 'SEQ_GAP' });
  });

  it('reordered contents keeping the seq numbers: the chain breaks at the first moved record', () => {
    const t = [c[0]!, edited(c[2]!, { seq: 2n }), edited(c[1]!, { seq: 3n }), ...c.slice(3)];
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 2n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('wrong genesis: PREV_HASH_MISMATCH at seq 1', () => {
    const forged = nextRecord({ seq: 0n, hash: '11'.repeat(32) }, input(0));
    expect(verifyChain([forged])).toMatchObject({ ok: false, brokenAt: 1n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('chain not starting at 1: SEQ_GAP at 1', () => {
    expect(verifyChain(c.slice(1))).toMatchObject({ ok: false, brokenAt: 1n, reason: 'SEQ_GAP' });
  });

  it.each<[string, Partial<Record<keyof AuditRecord, unknown>>]>([
    ['uppercase hash', { hash: 'AB'.repeat(32) }],
    ['short prevHash', { prevHash: '00' }],
    ['number seq', { seq: 2 }],
    ['float in details', { details: { x: 0.5 } }],
    ['empty actor', { actor: '' }],
  ])('%s: MALFORMED', (_name, over) => {
    const t = c.map((r) => (r.seq === 2n ? ({ ...r, ...over } as AuditRecord) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 2n, reason: 'MALFORMED' });
  });

  it('reports only the first broken link', () => {
    const t = c.map((r) => (r.seq === 2n || r.seq === 5n ? edited(r, { origin: 'x' }) : r));
    expect(verifyChain(t)).toMatchObject({ ok: false, brokenAt: 2n });
  });

  it('detects any single-field change of any record (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('actor', 'subjectId', 'origin'), fc.string({ minLength: 1, maxLength: 8 }), (index, field, value) => {
        fc.pre(c[index]![field] !== value && !value.includes('\u0000'));
        const t = c.map((r, i) => (i === index ? edited(r, { [field]: value }) : r));
        const v = verifyChain(t);
        return !v.ok && v.brokenAt === BigInt(index + 1);
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: [{ z: 1, a: null }], a: true, B: 'x', é: 0, '\ud83d\ude00': 1, '\ufb01': 2 })).toBe('{"B":"x","a":true,"b":[{"a":null,"z":1}],"é":0,"😀":1,"ﬁ":2}');
  });

  it('escapes like JSON.stringify / RFC 8785', () => {
    expect(canonicalJson('"\\\b\f\n\r\t\u0000\u001f\u007f/é')).toBe('"\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/é"');
    expect(canonicalJson(-0)).toBe('0');
  });

  it.each<[string, unknown]>([
    ['a float', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', NaN],
    ['undefined', { a: undefined }],
    ['a bigint', 1n],
    ['a Date', new Date(0)],
    ['a lone surrogate', '\udc00'],
    ['a lone surrogate key', { '\ud800': 1 }],
    ['deep nesting', JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow();
  });

  const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string({ unit: 'binary' }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('is a fixed point of JSON.parse and independent of key insertion order (property)', () => {
    fc.assert(
      fc.property(json, (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse()) as JsonValue;
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
    );
  });
});
