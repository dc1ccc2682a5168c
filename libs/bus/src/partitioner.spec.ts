import { createRequire } from 'node:module';
import fc from 'fast-check';
import { murmur2, partitionForKey } from './partitioner.js';

// kafkajs's own murmur2 (Java-compatible DefaultPartitioner): the reference we must agree with.
const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer | string) => number;

describe('partitioner', () => {
  it('matches the Kafka Java client test vectors', () => {
    // From Kafka's UtilsTest#testMurmur2.
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [input, expected] of vectors) expect(murmur2(Buffer.from(input))).toBe(expected);
  });

  it('agrees with kafkajs murmur2 for any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (key) => {
        expect(murmur2(Buffer.from(key, 'utf8'))).toBe(kafkajsMurmur2(Buffer.from(key, 'utf8')));
      }),
      { numRuns: 500 },
    );
  });

  it('is stable and in range for any key and partition count', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 256 }), (key, partitions) => {
        const p = partitionForKey(key, partitions);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(partitions);
        expect(partitionForKey(key, partitions)).toBe(p);
        expect(partitionForKey(key.normalize('NFC'), partitions)).toBe(partitionForKey(key.normalize('NFC'), partitions));
      }),
      { numRuns: 1_000 },
    );
  });

  it('spreads keys over all partitions', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8_000; i++) counts[partitionForKey(`session-${i}`, 8)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 1.5)).toThrow(RangeError);
  });
});
