import {
  decryptReal,
  encryptReal,
  loadVector,
  serializeVector,
  type EncryptedVector,
  type HeCompression,
  type HeContext,
  type PublicKey,
  type SecretKey,
  type SerializedVector,
} from '#libs/he';
import { fail, ok, type ComputeResult } from './codes.js';
import { PROGRAM_LIMITS, validateRows } from './program.js';

/**
 * Data layout for HE evaluation: column-major, one encrypted vector per
 * column, rows packed along CKKS slots (row r of column j sits in slot
 * r % slots of ciphertext floor(r / slots) of column j).
 *
 * Why: per-row linear algebra (dot, matvec, row sums) becomes plaintext-scalar
 * multiplications and additions of whole column ciphertexts, with no rotations
 * and no per-row key material; only reductions over rows need rotations, and
 * then only log2(rows) of them.
 */
export interface EncryptedTable {
  readonly paramSet: string;
  readonly rowCount: number;
  readonly width: number;
  readonly columns: readonly EncryptedVector[];
  dispose(): void;
}

export interface SerializedTable {
  readonly paramSet: string;
  readonly rowCount: number;
  readonly width: number;
  readonly columns: readonly SerializedVector[];
}

export function makeTable(paramSet: string, rowCount: number, columns: readonly EncryptedVector[]): EncryptedTable {
  return {
    paramSet,
    rowCount,
    width: columns.length,
    columns,
    dispose: () => columns.forEach((c) => c.dispose()),
  };
}

export function encryptTable(ctx: HeContext, publicKey: PublicKey, rowsInput: unknown, width: number): ComputeResult<EncryptedTable> {
  const rows = validateRows(rowsInput, width);
  if (!rows.ok) return rows;
  const columns: EncryptedVector[] = [];
  for (let c = 0; c < width; c++) {
    const encrypted = encryptReal(ctx, publicKey, rows.value.map((row) => row[c] as number));
    if (!encrypted.ok) {
      columns.forEach((done) => done.dispose());
      return fail('COMPUTE_INVALID_INPUT', `column ${c}: ${encrypted.code} ${encrypted.detail}`);
    }
    columns.push(encrypted.value);
  }
  return ok(makeTable(ctx.params.name, rows.value.length, columns));
}

/** Decrypts to rows (the lessee side). */
export function decryptTable(ctx: HeContext, secretKey: SecretKey, table: EncryptedTable): number[][] {
  const columns = table.columns.map((column) => decryptReal(ctx, secretKey, column));
  return Array.from({ length: table.rowCount }, (_, r) => columns.map((column) => column[r] as number));
}

export function serializeTable(ctx: HeContext, table: EncryptedTable, compression: HeCompression = 'zstd'): SerializedTable {
  return {
    paramSet: table.paramSet,
    rowCount: table.rowCount,
    width: table.width,
    columns: table.columns.map((column) => serializeVector(ctx, column, compression)),
  };
}

/** Loads an untrusted table; shape limits first, then per-ciphertext byte limits in `loadVector`. */
export function loadTable(ctx: HeContext, input: SerializedTable): ComputeResult<EncryptedTable> {
  const { rowCount, width, columns } = input;
  if (!Number.isInteger(rowCount) || rowCount < 1 || rowCount > PROGRAM_LIMITS.rowsMax) {
    return fail('COMPUTE_TOO_MANY_ROWS', `rowCount ${rowCount} outside [1, ${PROGRAM_LIMITS.rowsMax}]`);
  }
  if (!Number.isInteger(width) || width < 1 || width > PROGRAM_LIMITS.columnsMax) {
    return fail('COMPUTE_TOO_MANY_COLUMNS', `width ${width} outside [1, ${PROGRAM_LIMITS.columnsMax}]`);
  }
  if (!Array.isArray(columns) || columns.length !== width) return fail('COMPUTE_WIDTH_MISMATCH', `expected ${width} columns`);
  const loaded: EncryptedVector[] = [];
  for (let c = 0; c < width; c++) {
    const column = columns[c] as SerializedVector;
    const vector = column.length === rowCount ? loadVector(ctx, column) : undefined;
    if (!vector?.ok) {
      loaded.forEach((done) => done.dispose());
      return fail('HE_INPUT_MISMATCH', `column ${c}: ${vector ? `${vector.code} ${vector.detail}` : `length must be ${rowCount}`}`);
    }
    loaded.push(vector.value);
  }
  return ok(makeTable(input.paramSet, rowCount, loaded));
}

