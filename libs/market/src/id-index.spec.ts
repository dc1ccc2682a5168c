import fc from 'fast-check';
import { hashId, IdIndex } from './id-index.js';

describe('IdIndex (order id -> slot)', () => {
  it('agrees with a Map through adds and deletes, across growth and shrinking', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 6000 }), (steps) => {
        const keys: string[] = [];
        const index = new IdIndex((slot) => keys[slot] as string, 10_000);
        const model = new Map<string, number>();
        let nextSlot = 0;
        for (const [add, n] of steps) {
          const id = `o${n}`;
          const present = model.get(id);
          if (add && present === undefined) {
            keys[nextSlot] = id;
            index.add(id, nextSlot);
            model.set(id, nextSlot++);
          } else if (!add && present !== undefined) {
            index.delete(id, present);
            model.delete(id);
          }
          expect(index.get(id)).toBe(model.get(id) ?? -1);
        }
        expect(index.size).toBe(model.size);
        for (const [id, slot] of model) expect(index.get(id)).toBe(slot);
        expect(index.slots().sort((x, y) => x - y)).toEqual([...model.values()].sort((x, y) => x - y));
      }),
      { numRuns: 30 },
    );
  });

  it('tells apart ids whose hashes collide in the low bits', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `k${i}`);
    const index = new IdIndex((slot) => keys[slot] as string, 10_000);
    keys.forEach((k, i) => index.add(k, i));
    keys.forEach((k, i) => expect(index.get(k)).toBe(i));
    expect(index.get('absent')).toBe(-1);
    expect(hashId('k1')).not.toBe(hashId('k2'));
  });

  it('refuses more entries than its limit', () => {
    const keys = ['a', 'b'];
    const index = new IdIndex((slot) => keys[slot] as string, 1);
    index.add('a', 0);
    expect(() => index.add('b', 1)).toThrow(/full/);
  });
});
