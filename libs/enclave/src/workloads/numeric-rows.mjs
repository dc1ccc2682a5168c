// Workload "numeric-rows/v1": a small, real plaintext workload for the simulated enclave
// until libs/compute's evaluatePlain is bundled in (README "Workloads"). Self-contained
// ESM with no imports, because the enclave loads it from its measured bytes via a data: URL.
//
// program: { op: 'sum' | 'mean' | 'count' | 'scale', column?: int, factor?: finite number }
// input:   { rows: number[][] } (finite numbers, rectangular)
// output:  sum/mean -> number per column (or one number when `column` is given),
//          count -> number of rows, scale -> rows multiplied by `factor`.
export const workloadName = 'numeric-rows/v1';

const MAX_ROWS = 1_000_000;
const MAX_COLUMNS = 256;
const OPS = new Set(['sum', 'mean', 'count', 'scale']);

class WorkloadError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

function checkProgram(program) {
  if (typeof program !== 'object' || program === null || !OPS.has(program.op)) throw new WorkloadError('BAD_OP');
  if (program.column !== undefined && (!Number.isSafeInteger(program.column) || program.column < 0)) throw new WorkloadError('BAD_COLUMN');
  if (program.op === 'scale' && !Number.isFinite(program.factor)) throw new WorkloadError('BAD_FACTOR');
}

function checkRows(input) {
  const rows = input?.rows;
  if (!Array.isArray(rows) || rows.length > MAX_ROWS) throw new WorkloadError('BAD_ROWS');
  const width = rows.length === 0 ? 0 : rows[0]?.length;
  if (!Number.isSafeInteger(width) || width > MAX_COLUMNS) throw new WorkloadError('BAD_ROWS');
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== width || !row.every(Number.isFinite)) throw new WorkloadError('BAD_ROWS');
  }
  return { rows, width };
}

function columnSums(rows, width) {
  const sums = new Array(width).fill(0);
  for (const row of rows) for (let c = 0; c < width; c++) sums[c] += row[c];
  return sums;
}

export function run(program, input) {
  checkProgram(program);
  const { rows, width } = checkRows(input);
  if (program.column !== undefined && program.column >= width) throw new WorkloadError('BAD_COLUMN');
  switch (program.op) {
    case 'count':
      return rows.length;
    case 'scale':
      return rows.map((row) => row.map((value) => value * program.factor));
    case 'sum':
    case 'mean': {
      const divisor = program.op === 'mean' ? Math.max(rows.length, 1) : 1;
      const values = columnSums(rows, width).map((sum) => sum / divisor);
      return program.column === undefined ? values : values[program.column];
    }
    default:
      throw new WorkloadError('BAD_OP');
  }
}
