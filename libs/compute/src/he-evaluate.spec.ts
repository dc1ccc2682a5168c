import fc from 'fast-check';
import { exportPublicMaterial, generateKeys, HeContext, loadPublicMaterial, type HeKeys, type HeResult, type PublicMaterial } from '#libs/he';
import {
  decryptTable,
  encryptTable,
  evaluateHe,
  evaluatePlain,
  heFeasibility,
  loadTable,
  serializeTable,
  SIGMOID3,
  type ComputeResult,
  type Op,
  type Program,
} from './index.js';

/**
 * Documented tolerance for ckks-8192 (scale 2^40, depth <= 2) with data in
 * [-10, 10] and constants in [-3, 3]: |he - plain| <= 1e-3 * max(1, |plain|).
 * Observed errors are ~1e-6 absolute.
 */
const REL_TOLERANCE = 1e-3;

function unwrap<T>(result: HeResult<T> | ComputeResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.value;
}

const ROW_SUM_STEPS = [1, 2, 4, 8, 16];

describe('evaluateHe (ckks-8192)', () => {
  let ctx: HeContext;
  let keys: HeKeys;
  let material: PublicMaterial;

  beforeAll(async () => {
    ctx = await HeContext.of('ckks-8192');
    const started = Date.now();
    keys = unwrap(generateKeys(ctx, { galoisSteps: ROW_SUM_STEPS }));
    console.info(`keygen (pk, relin, ${ROW_SUM_STEPS.length} Galois keys): ${Date.now() - started} ms`);
    // The lessor only ever sees the exported public material.
    material = unwrap(loadPublicMaterial(ctx, exportPublicMaterial(keys)));
  });

  afterAll(() => {
    material.dispose();
    keys.dispose();
    ctx.dispose();
  });

  function runBoth(program: Program, rows: number[][]): { he: number[][]; plain: number[][] } {
    const input = unwrap(encryptTable(ctx, keys.publicKey, rows, program.inputWidth));
    try {
      const output = unwrap(evaluateHe(program, input, material));
      try {
        return { he: decryptTable(ctx, keys.secretKey, output), plain: unwrap(evaluatePlain(program, rows)) };
      } finally {
        output.dispose();
      }
    } finally {
      input.dispose();
    }
  }

  function expectClose(he: number[][], plain: number[][]): void {
    expect(he.length).toBe(plain.length);
    he.forEach((row, r) =>
      row.forEach((v, c) => {
        const want = plain[r]?.[c] as number;
        expect(Math.abs(v - want)).toBeLessThanOrEqual(REL_TOLERANCE * Math.max(1, Math.abs(want)));
      }),
    );
  }

  it('scores rows with logistic regression (dot + degree-3 sigmoid = depth 3) on ckks-16384, and times it', async () => {
    const program: Program = { version: 1, inputWidth: 3, ops: [{ op: 'dot', weights: [0.8, -0.5, 0.3], bias: 0.1 }, { op: 'poly', coefficients: SIGMOID3 }] };
    expect(heFeasibility(program, 'ckks-8192')).toMatchObject({ ok: false, code: 'HE_DEPTH_EXCEEDED' });
    const deep = await HeContext.of('ckks-16384');
    let t = Date.now();
    const deepKeys = unwrap(generateKeys(deep));
    const keygenMs = Date.now() - t;
    try {
      const rows = Array.from({ length: 100 }, (_, i) => [Math.sin(i) * 3, Math.cos(i) * 3, (i % 7) - 3]);
      t = Date.now();
      const input = unwrap(encryptTable(deep, deepKeys.publicKey, rows, 3));
      const encryptMs = Date.now() - t;
      t = Date.now();
      const output = unwrap(evaluateHe(program, input, deepKeys));
      const evaluateMs = Date.now() - t;
      expectClose(decryptTable(deep, deepKeys.secretKey, output), unwrap(evaluatePlain(program, rows)));
      console.info(`ckks-16384: keygen ${keygenMs} ms, encrypt 3 ciphertexts ${encryptMs} ms, evaluate dot+sigmoid ${evaluateMs} ms`);
      output.dispose();
      input.dispose();
    } finally {
      deepKeys.dispose();
      deep.dispose();
    }
  });

  it('handles shards spanning several ciphertexts per column (sum and mean over rows)', () => {
    const rowCount = ctx.slots + 10;
    const rows = Array.from({ length: rowCount }, (_, i) => [(i % 13) / 13, 1]);
    const material16: PublicMaterial = material;
    const program: Program = { version: 1, inputWidth: 2, ops: [{ op: 'mean', axis: 'rows' }] };
    const needed = heFeasibility(program, 'ckks-8192', { rowCount });
    expect(needed).toMatchObject({ ok: true, depth: 1 });
    // Needs 12 rotation keys; this material has 5, so evaluation is refused with a typed code.
    const input = unwrap(encryptTable(ctx, keys.publicKey, rows, 2));
    expect(evaluateHe(program, input, material16)).toMatchObject({ ok: false, code: 'HE_MISSING_KEYS' });
    // Column totals of the two chunks (no rotations needed for width reductions).
    const byColumns = unwrap(evaluateHe({ version: 1, inputWidth: 2, ops: [{ op: 'sum', axis: 'columns' }] }, input, material));
    const decrypted = decryptTable(ctx, keys.secretKey, byColumns);
    expect(decrypted).toHaveLength(rowCount);
    expectClose(decrypted, unwrap(evaluatePlain({ version: 1, inputWidth: 2, ops: [{ op: 'sum', axis: 'columns' }] }, rows)));
    byColumns.dispose();
    input.dispose();
  });

  it('rejects infeasible programs with the right code before touching ciphertexts', () => {
    const input = unwrap(encryptTable(ctx, keys.publicKey, [[1]], 1));
    try {
      expect(evaluateHe({ version: 1, inputWidth: 1, ops: [{ op: 'compare', threshold: 0 }] }, input, material)).toMatchObject({ ok: false, code: 'HE_OP_UNSUPPORTED' });
      const deep: Program = { version: 1, inputWidth: 1, ops: [{ op: 'mul', operand: 2 }, { op: 'mul', operand: 2 }, { op: 'mul', operand: 2 }] };
      expect(evaluateHe(deep, input, material)).toMatchObject({ ok: false, code: 'HE_DEPTH_EXCEEDED' });
      expect(evaluateHe({ version: 1, inputWidth: 2, ops: [] }, input, material)).toMatchObject({ ok: false, code: 'COMPUTE_WIDTH_MISMATCH' });
    } finally {
      input.dispose();
    }
  });

  it('round-trips encrypted tables through bytes and rejects oversize ciphertexts', () => {
    const rows = [[1.25, -2], [3, 4.5]];
    const input = unwrap(encryptTable(ctx, keys.publicKey, rows, 2));
    const wire = serializeTable(ctx, input);
    input.dispose();
    const loaded = unwrap(loadTable(ctx, wire));
    expectClose(decryptTable(ctx, keys.secretKey, loaded), rows);
    loaded.dispose();
    const huge = new Uint8Array(ctx.params.limits.ciphertextBytesMax + 1);
    const tampered = { ...wire, columns: [{ ...wire.columns[0]!, ciphertexts: [huge] }, wire.columns[1]!] };
    expect(loadTable(ctx, tampered)).toMatchObject({ ok: false, code: 'HE_INPUT_MISMATCH' });
  });

  // Random valid programs within depth 2 and random data: HE result decrypts to the plain result.
  const constant = fc.double({ min: -3, max: 3, noNaN: true }).map((x) => Math.round(x * 1000) / 1000);
  type Step = { op: Op; width: number; depth: number };
  const step = (op: Op, width: number, depth: number): Step => ({ op, width, depth });
  const vector = (width: number) => fc.array(constant, { minLength: width, maxLength: width });
  const axisArb = fc.constantFrom<'rows' | 'columns'>('rows', 'columns');
  const opFor = (width: number): fc.Arbitrary<Step> =>
    fc.oneof(
      fc.oneof(constant, vector(width)).map((operand) => step({ op: 'add', operand }, width, 0)),
      fc.oneof(constant, vector(width)).map((operand) => step({ op: 'mul', operand }, width, 1)),
      fc.tuple(vector(width), constant).map(([weights, bias]) => step({ op: 'dot', weights, bias }, 1, 1)),
      fc.array(vector(width), { minLength: 1, maxLength: 3 }).map((matrix) => step({ op: 'matvec', matrix }, matrix.length, 1)),
      axisArb.map((axis) => step({ op: 'sum', axis }, axis === 'columns' ? 1 : width, 0)),
      axisArb.map((axis) => step({ op: 'mean', axis }, axis === 'columns' ? 1 : width, 1)),
      fc
        .array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 4 })
        .map((coefficients) => step({ op: 'poly', coefficients }, width, Math.min(2, coefficients.length - 1))),
    );
  const programArb: fc.Arbitrary<Program> = fc.integer({ min: 1, max: 3 }).chain((inputWidth) =>
    opFor(inputWidth).chain((first) =>
      fc.option(opFor(first.width), { nil: undefined }).map((second): Program => {
        const ops = second && first.depth + second.depth <= 2 ? [first.op, second.op] : [first.op];
        return { version: 1, inputWidth, ops };
      }),
    ),
  );
  const dataArb = (width: number) =>
    fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 });

  it('property: evaluateHe decrypts to evaluatePlain within tolerance', () => {
    fc.assert(
      fc.property(programArb.chain((program) => dataArb(program.inputWidth).map((rows) => ({ program, rows }))), ({ program, rows }) => {
        const { he, plain } = runBoth(program, rows);
        expectClose(he, plain);
      }),
      { numRuns: 15 },
    );
  });

  it('property: programs over the depth budget or with non-polynomial ops are rejected up front', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.boolean(), (muls, withCompare) => {
        const ops = Array.from({ length: muls }, (): Op => ({ op: 'mul', operand: 1.5 }));
        if (withCompare) ops.unshift({ op: 'compare', threshold: 0 });
        const result = heFeasibility({ version: 1, inputWidth: 1, ops }, 'ckks-8192');
        expect(result).toMatchObject({ ok: false, code: withCompare ? 'HE_OP_UNSUPPORTED' : 'HE_DEPTH_EXCEEDED' });
      }),
      { numRuns: 15 },
    );
  });
});
