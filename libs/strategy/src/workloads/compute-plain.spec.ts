import fc from 'fast-check';
import { evaluatePlain, SIGMOID3 } from '#libs/compute';
import { run } from './compute-plain.mjs';

/** Runs the enclave workload the way the enclave reports it: value, or the error's code. */
function workload(program: unknown, rows: unknown): { ok: true; value: number[][] } | { ok: false; code: string } {
  try {
    return { ok: true, value: run(program, { rows }) };
  } catch (error) {
    return { ok: false, code: String((error as { code?: unknown }).code) };
  }
}

function reference(program: unknown, rows: unknown): { ok: true; value: number[][] } | { ok: false; code: string } {
  const r = evaluatePlain(program, rows);
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.code };
}

const constant = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(0, 2e6, Number.NaN));
const vector = (n: number) => fc.array(constant, { minLength: n, maxLength: n });
const op = (w: number) =>
  fc.oneof(
    fc.record({ op: fc.constantFrom('add', 'mul'), operand: fc.oneof(constant, vector(w)) }),
    fc.record({ op: fc.constant('dot'), weights: vector(w), bias: constant }),
    fc.record({ op: fc.constant('matvec'), matrix: fc.array(vector(w), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constantFrom('sum', 'mean'), axis: fc.constantFrom('rows', 'columns', 'diagonal') }),
    fc.record({ op: fc.constant('poly'), coefficients: fc.array(constant, { minLength: 1, maxLength: 5 }) }),
    fc.record({ op: fc.constant('compare'), threshold: constant }),
    fc.record({ op: fc.constant('divide'), column: fc.integer({ min: 0, max: w }) }),
    fc.record({ op: fc.constant('sqrt') }),
  );

describe('enclave workload compute/plain/v1 mirrors libs/compute evaluatePlain', () => {
  it('same values and same failure codes on random programs and shards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(op(w), { maxLength: 3 }),
            fc.array(fc.array(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: w, maxLength: w }), { minLength: 0, maxLength: 6 }),
          ),
        ),
        ([w, ops, rows]) => {
          const program = { version: 1, inputWidth: w, ops };
          expect(workload(program, rows)).toEqual(reference(program, rows));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('same on hand-picked edge cases', () => {
    const cases: [unknown, unknown][] = [
      [{ version: 2, inputWidth: 1, ops: [] }, [[1]]],
      [{ version: 1, inputWidth: 1, ops: [{ op: 'poly', coefficients: SIGMOID3 }] }, [[1], [2]]],
      [{ version: 1, inputWidth: 1, ops: [] }, [[1, 2]]],
      [{ version: 1, inputWidth: 300, ops: [] }, [[1]]],
      [{ version: 1, inputWidth: 1, ops: Array.from({ length: 33 }, () => ({ op: 'sum', axis: 'rows' })) }, [[1]]],
      [{ version: 1, inputWidth: 2, ops: [{ op: 'divide', column: 1 }] }, [[1, 0]]],
      [{ version: 1, inputWidth: 1, ops: [] }, 'rows'],
      [null, [[1]]],
    ];
    for (const [program, rows] of cases) expect(workload(program, rows)).toEqual(reference(program, rows));
  });
});
