import { evaluatePlain, evalPoly, heFeasibility, SIGMOID3, validateProgram, type Program } from './index.js';

const rows = [
  [1, 2, 3],
  [4, 5, 6],
];

describe('evaluatePlain', () => {
  it.each<[string, Program['ops'], number[][]]>([
    ['add constant', [{ op: 'add', operand: 1 }], [[2, 3, 4], [5, 6, 7]]],
    ['mul per column', [{ op: 'mul', operand: [1, 0, -1] }], [[1, 0, -3], [4, 0, -6]]],
    ['dot with bias', [{ op: 'dot', weights: [1, 1, 1], bias: 1 }], [[7], [16]]],
    ['matvec', [{ op: 'matvec', matrix: [[1, 0, 0], [0, 0, 2]], bias: [0, 1] }], [[1, 7], [4, 13]]],
    ['sum rows', [{ op: 'sum', axis: 'rows' }], [[5, 7, 9]]],
    ['mean rows', [{ op: 'mean', axis: 'rows' }], [[2.5, 3.5, 4.5]]],
    ['sum columns', [{ op: 'sum', axis: 'columns' }], [[6], [15]]],
    ['mean columns', [{ op: 'mean', axis: 'columns' }], [[2], [5]]],
    ['poly', [{ op: 'poly', coefficients: [1, 0, 1] }], [[2, 5, 10], [17, 26, 37]]],
    ['compare', [{ op: 'compare', threshold: 3 }], [[0, 0, 0], [1, 1, 1]]],
    ['divide by column', [{ op: 'divide', column: 0 }], [[1, 2, 3], [1, 1.25, 1.5]]],
  ])('%s', (_name, ops, expected) => {
    expect(evaluatePlain({ version: 1, inputWidth: 3, ops }, rows)).toEqual({ ok: true, value: expected });
  });

  it('computes the degree-3 sigmoid approximation for logistic scoring', () => {
    const result = evaluatePlain({ version: 1, inputWidth: 2, ops: [{ op: 'dot', weights: [0.5, -0.25] }, { op: 'poly', coefficients: SIGMOID3 }] }, [[2, 4]]);
    expect(result).toEqual({ ok: true, value: [[0.5]] });
    expect(evalPoly(SIGMOID3, 2)).toBeCloseTo(0.5 + 0.394 - 0.032, 12);
  });

  it('reports division by zero in the data', () => {
    expect(evaluatePlain({ version: 1, inputWidth: 1, ops: [{ op: 'divide', column: 0 }] }, [[0]])).toMatchObject({ ok: false, code: 'COMPUTE_DIVISION_BY_ZERO', numericCode: 3012 });
  });
});

describe('validation codes', () => {
  const base = { version: 1, inputWidth: 2 };
  it.each<[string, unknown, string, number]>([
    ['not an object', 42, 'COMPUTE_INVALID_PROGRAM', 3000],
    ['version', { ...base, version: 2, ops: [] }, 'COMPUTE_UNSUPPORTED_VERSION', 3001],
    ['unknown op', { ...base, ops: [{ op: 'sqrt' }] }, 'COMPUTE_UNKNOWN_OP', 3002],
    ['width mismatch', { ...base, ops: [{ op: 'dot', weights: [1, 2, 3] }] }, 'COMPUTE_WIDTH_MISMATCH', 3003],
    ['width after op', { ...base, ops: [{ op: 'dot', weights: [1, 2] }, { op: 'mul', operand: [1, 2] }] }, 'COMPUTE_WIDTH_MISMATCH', 3003],
    ['too many ops', { ...base, ops: Array.from({ length: 33 }, () => ({ op: 'add', operand: 1 })) }, 'COMPUTE_TOO_MANY_OPS', 3004],
    ['too many columns', { ...base, inputWidth: 257, ops: [] }, 'COMPUTE_TOO_MANY_COLUMNS', 3006],
    ['non-finite', { ...base, ops: [{ op: 'add', operand: Number.POSITIVE_INFINITY }] }, 'COMPUTE_NON_FINITE_CONSTANT', 3007],
    ['NaN in vector', { ...base, ops: [{ op: 'mul', operand: [1, Number.NaN] }] }, 'COMPUTE_NON_FINITE_CONSTANT', 3007],
    ['constant range', { ...base, ops: [{ op: 'mul', operand: 1e9 }] }, 'COMPUTE_CONSTANT_OUT_OF_RANGE', 3008],
    ['degree', { ...base, ops: [{ op: 'poly', coefficients: [1, 2, 3, 4, 5] }] }, 'COMPUTE_DEGREE_TOO_HIGH', 3009],
    ['bad axis', { ...base, ops: [{ op: 'sum', axis: 'diagonal' }] }, 'COMPUTE_INVALID_PROGRAM', 3000],
  ])('%s', (_name, program, code, numericCode) => {
    expect(validateProgram(program)).toMatchObject({ ok: false, code, numericCode });
  });

  it('checks rows', () => {
    const program = { ...base, ops: [] };
    expect(evaluatePlain(program, [])).toMatchObject({ code: 'COMPUTE_EMPTY_INPUT' });
    expect(evaluatePlain(program, [[1]])).toMatchObject({ code: 'COMPUTE_WIDTH_MISMATCH' });
    expect(evaluatePlain(program, [[1, Number.NaN]])).toMatchObject({ code: 'COMPUTE_INVALID_INPUT' });
    expect(evaluatePlain(program, Array.from({ length: 65_537 }, () => [1, 2]))).toMatchObject({ code: 'COMPUTE_TOO_MANY_ROWS', numericCode: 3005 });
  });
});

describe('heFeasibility', () => {
  it('reports depth and exactly the rotation steps a row reduction needs', () => {
    const program: Program = { version: 1, inputWidth: 2, ops: [{ op: 'dot', weights: [1, 2] }, { op: 'mean', axis: 'rows' }] };
    expect(heFeasibility(program, 'ckks-8192', { rowCount: 5 })).toEqual({ ok: true, depth: 2, galoisSteps: [1, 2, 4] });
    expect(heFeasibility(program, 'ckks-8192')).toMatchObject({ ok: true, galoisSteps: Array.from({ length: 12 }, (_, i) => 2 ** i) });
  });

  it('rejects programs deeper than the parameter set, but a deeper set accepts them', () => {
    const program: Program = { version: 1, inputWidth: 1, ops: [{ op: 'mul', operand: 2 }, { op: 'poly', coefficients: SIGMOID3 }] };
    expect(heFeasibility(program, 'ckks-8192')).toMatchObject({ ok: false, code: 'HE_DEPTH_EXCEEDED', numericCode: 3050 });
    expect(heFeasibility(program, 'ckks-16384')).toMatchObject({ ok: true, depth: 3 });
  });

  it.each<[string, Program['ops']]>([
    ['compare', [{ op: 'compare', threshold: 0 }]],
    ['divide', [{ op: 'divide', column: 0 }]],
  ])('rejects %s as unsupported', (_name, ops) => {
    expect(heFeasibility({ version: 1, inputWidth: 1, ops }, 'ckks-8192')).toMatchObject({ ok: false, code: 'HE_OP_UNSUPPORTED', numericCode: 3051 });
  });

  it('rejects BFV for real-valued programs', () => {
    expect(heFeasibility({ version: 1, inputWidth: 1, ops: [] }, 'bfv-8192')).toMatchObject({ ok: false, code: 'HE_OP_UNSUPPORTED' });
  });
});
