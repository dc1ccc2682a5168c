import { makeEncryptedVector, Scope, type CipherText, type Encryptor, type HeContext, type PublicMaterial } from '#libs/he';
import { fail, ok, type ComputeResult } from './codes.js';
import { heFeasibility } from './feasibility.js';
import type { Op, Operand, Program } from './program.js';
import { makeTable, type EncryptedTable } from './table.js';

/**
 * Constants smaller than this encode to an all-zero plaintext at scale 2^40 (SEAL
 * then refuses the transparent product), so they are treated as exactly 0; the
 * difference (< 1e-9 * |x|) is far below the documented tolerance.
 */
export const NEGLIGIBLE_CONSTANT = 1e-9;

function isZero(c: number): boolean {
  return Math.abs(c) < NEGLIGIBLE_CONSTANT;
}

/** Column-major working state: columns[j][k] is chunk k of column j. */
interface State {
  readonly rowCount: number;
  readonly columns: CipherText[][];
}

/**
 * CKKS evaluator for one program run. Invariant between ops: every ciphertext
 * sits at the same level with scale exactly 2^40 (after each rescale the scale
 * is reset from Delta^2/q to Delta; the relative error, |q/Delta - 1| < 2^-20
 * for the primes SEAL picks, is far inside the documented tolerance).
 * Slots past a chunk's row count hold (near) zero: every constant that is
 * added is masked to the chunk's rows, so row reductions can rotate safely.
 */
class CkksRunner {
  private readonly dataPrimes: number;
  private readonly scale: number;

  constructor(
    private readonly ctx: HeContext,
    private readonly material: PublicMaterial,
    private readonly encryptor: Encryptor,
    private readonly scope: Scope,
  ) {
    this.dataPrimes = ctx.params.coeffModulusBits.length - 1;
    this.scale = ctx.params.scale;
  }

  level(ct: CipherText): number {
    return this.dataPrimes - ct.coeffModulusSize;
  }

  private track(ct: CipherText | void): CipherText {
    if (!ct) throw new Error('SEAL returned no ciphertext');
    return this.scope.track(ct);
  }

  private rowsInChunk(rowCount: number, chunk: number): number {
    return Math.min(this.ctx.slots, rowCount - chunk * this.ctx.slots);
  }

  /** Constant `c` in the first `rows` slots, encoded at scale 2^40 and matched to `like`'s level. */
  private plain(c: number, rows: number, like: CipherText) {
    const values = new Float64Array(rows).fill(c);
    const plain = this.ctx.ckks.encode(values, this.scale);
    if (!plain) throw new Error('SEAL returned no plaintext');
    const tracked = this.scope.track(plain);
    this.ctx.evaluator.plainModSwitchTo(tracked, like.parmsId, tracked);
    return tracked;
  }

  modSwitchTo(ct: CipherText, level: number): CipherText {
    let current = ct;
    while (this.level(current) < level) current = this.track(this.ctx.evaluator.cipherModSwitchToNext(current));
    return current;
  }

  /** A fresh encryption of zero: products by 0 would be transparent ciphertexts, which the throwing SEAL build refuses. */
  zeroAt(level: number): CipherText {
    const zero = this.track(this.encryptor.encryptZero());
    zero.setScale(this.scale);
    return this.modSwitchTo(zero, level);
  }

  private rescale(ct: CipherText): CipherText {
    const out = this.track(this.ctx.evaluator.rescaleToNext(ct));
    out.setScale(this.scale);
    return out;
  }

  mulConst(ct: CipherText, c: number, rows: number): CipherText {
    if (isZero(c)) return this.zeroAt(this.level(ct) + 1);
    return this.rescale(this.track(this.ctx.evaluator.multiplyPlain(ct, this.plain(c, rows, ct))));
  }

  addConst(ct: CipherText, c: number, rows: number): CipherText {
    if (isZero(c)) return ct;
    return this.track(this.ctx.evaluator.addPlain(ct, this.plain(c, rows, ct)));
  }

  add(a: CipherText, b: CipherText): CipherText {
    return this.track(this.ctx.evaluator.add(a, b));
  }

  mul(a: CipherText, b: CipherText): CipherText {
    const level = Math.max(this.level(a), this.level(b));
    const product = this.track(this.ctx.evaluator.multiply(this.modSwitchTo(a, level), this.modSwitchTo(b, level)));
    return this.rescale(this.track(this.ctx.evaluator.relinearize(product, this.material.relinKeys)));
  }

  sumAt(terms: CipherText[], level: number): CipherText {
    const aligned = terms.map((t) => this.modSwitchTo(t, level));
    const [first, ...rest] = aligned;
    return rest.reduce((acc, t) => this.add(acc, t), first ?? this.zeroAt(level));
  }

  /** Linear combination sum_j w_j x_j + bias over one chunk; output one level below the inputs. */
  linear(inputs: CipherText[], weights: readonly number[], bias: number, rows: number): CipherText {
    const first = inputs[0] as CipherText;
    const terms = inputs.flatMap((x, j) => (isZero(weights[j] as number) ? [] : [this.mulConst(x, weights[j] as number, rows)]));
    return this.addConst(this.sumAt(terms, this.level(first) + 1), bias, rows);
  }

  /** c0 + c1 x + c2 x^2 + c3 x^3 at depth <= 2 (see opDepth). */
  poly(x: CipherText, coefficients: readonly number[], rows: number): CipherText {
    const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = coefficients;
    const degree = coefficients.length - 1;
    const base = this.level(x);
    if (degree === 0) return this.addConst(this.zeroAt(base), c0, rows);
    if (degree === 1) return this.addConst(this.mulConst(x, c1, rows), c0, rows);
    const x2 = this.mul(x, x);
    const terms: CipherText[] = [];
    if (!isZero(c3)) terms.push(this.mul(this.mulConst(x, c3, rows), x2));
    if (!isZero(c2)) terms.push(this.mulConst(x2, c2, rows));
    if (!isZero(c1)) terms.push(this.mulConst(x, c1, rows));
    return this.addConst(this.sumAt(terms, base + 2), c0, rows);
  }

  /** Rotate-and-add: slot 0 of the result holds the sum of slots [0, 2^k). */
  rowSum(chunks: CipherText[], rowCount: number): CipherText {
    let acc = this.sumAt(chunks, this.level(chunks[0] as CipherText));
    const rows = Math.min(rowCount, this.ctx.slots);
    for (let step = 1; step < rows; step *= 2) {
      const keys = this.material.galoisKeys;
      if (!keys) throw new Error('missing Galois keys (checked before evaluation)');
      acc = this.add(acc, this.track(this.ctx.evaluator.rotateVector(acc, step, keys)));
    }
    return acc;
  }

  applyOp(op: Op, state: State): State {
    const { rowCount, columns } = state;
    const chunkCount = columns[0]?.length ?? 0;
    const perChunk = (f: (k: number, rows: number) => CipherText) =>
      Array.from({ length: chunkCount }, (_, k) => f(k, this.rowsInChunk(rowCount, k)));
    const chunkInputs = (k: number) => columns.map((column) => column[k] as CipherText);
    const operandAt = (operand: Operand, j: number) => (typeof operand === 'number' ? operand : (operand[j] as number));
    switch (op.op) {
      case 'add':
        return { rowCount, columns: columns.map((column, j) => column.map((ct, k) => this.addConst(ct, operandAt(op.operand, j), this.rowsInChunk(rowCount, k)))) };
      case 'mul':
        return { rowCount, columns: columns.map((column, j) => column.map((ct, k) => this.mulConst(ct, operandAt(op.operand, j), this.rowsInChunk(rowCount, k)))) };
      case 'dot':
        return { rowCount, columns: [perChunk((k, rows) => this.linear(chunkInputs(k), op.weights, op.bias ?? 0, rows))] };
      case 'matvec':
        return {
          rowCount,
          columns: op.matrix.map((weights, i) => perChunk((k, rows) => this.linear(chunkInputs(k), weights, op.bias?.[i] ?? 0, rows))),
        };
      case 'sum':
      case 'mean': {
        if (op.axis === 'columns') {
          const width = columns.length;
          const total = (k: number, rows: number) => {
            const inputs = chunkInputs(k);
            const summed = this.sumAt(inputs, this.level(inputs[0] as CipherText));
            return op.op === 'mean' ? this.mulConst(summed, 1 / width, rows) : summed;
          };
          return { rowCount, columns: [perChunk(total)] };
        }
        const summed = columns.map((column) => this.rowSum(column, rowCount));
        return { rowCount: 1, columns: summed.map((ct) => [op.op === 'mean' ? this.mulConst(ct, 1 / rowCount, 1) : ct]) };
      }
      case 'poly':
        return { rowCount, columns: columns.map((column) => column.map((ct, k) => this.poly(ct, op.coefficients, this.rowsInChunk(rowCount, k)))) };
      case 'compare':
      case 'divide':
        throw new Error(`op ${op.op} is not HE-evaluable (rejected by heFeasibility)`);
    }
  }
}

function checkInput(ctx: HeContext, program: Program, input: EncryptedTable): ComputeResult<void> {
  if (input.paramSet !== ctx.params.name) return fail('HE_INPUT_MISMATCH', `input is ${input.paramSet}, keys are ${ctx.params.name}`);
  if (input.width !== program.inputWidth || input.columns.length !== input.width) {
    return fail('COMPUTE_WIDTH_MISMATCH', `input width ${input.width}, program expects ${program.inputWidth}`);
  }
  const chunks = Math.ceil(input.rowCount / ctx.slots);
  const dataPrimes = ctx.params.coeffModulusBits.length - 1;
  for (const column of input.columns) {
    if (column.length !== input.rowCount || column.ciphertexts.length !== chunks) {
      return fail('HE_INPUT_MISMATCH', `every column must hold ${input.rowCount} rows in ${chunks} ciphertexts`);
    }
    for (const ct of column.ciphertexts) {
      if (ct.coeffModulusSize !== dataPrimes || ct.size !== 2 || Math.abs(ct.scale / ctx.params.scale - 1) > 1e-6) {
        return fail('HE_INPUT_MISMATCH', 'input ciphertexts must be fresh (top level, size 2, scale 2^40)');
      }
    }
  }
  return ok(undefined);
}

/**
 * Evaluates a program on CKKS ciphertexts (claim 9). Runs on the lessor with the
 * lessee's public material only; the result is an encrypted table the lessee
 * decrypts. The caller keeps ownership of `input` and must dispose the result.
 */
export function evaluateHe(program: Program, input: EncryptedTable, material: PublicMaterial): ComputeResult<EncryptedTable> {
  const ctx = material.context;
  const feasible = heFeasibility(program, ctx.params, { rowCount: input.rowCount });
  if (!feasible.ok) return feasible;
  const missing = feasible.galoisSteps.filter((step) => !material.galoisSteps.includes(step));
  if (missing.length > 0 || (feasible.galoisSteps.length > 0 && !material.galoisKeys)) {
    return fail('HE_MISSING_KEYS', `Galois keys for steps [${missing.join(', ')}] are required`);
  }
  const checked = checkInput(ctx, program, input);
  if (!checked.ok) return checked;

  const runScope = new Scope();
  const encryptor = runScope.track(ctx.seal.Encryptor(ctx.context, material.publicKey));
  let state: State = { rowCount: input.rowCount, columns: input.columns.map((c) => [...c.ciphertexts]) };
  const inputs = new Set(input.columns.flatMap((c) => c.ciphertexts));
  // Intermediates owned by this run; an op's output may alias its input (e.g. `add 0`), so
  // the previous op's ciphertexts are freed only when the next state no longer holds them.
  let owned = new Set<CipherText>();
  try {
    for (const op of program.ops) {
      const opScope = new Scope();
      try {
        const next = new CkksRunner(ctx, material, encryptor, opScope).applyOp(op, state);
        const kept = new Set(next.columns.flat());
        kept.forEach((ct) => opScope.release(ct));
        owned.forEach((ct) => (kept.has(ct) ? undefined : ct.delete()));
        owned = new Set([...kept].filter((ct) => !inputs.has(ct)));
        state = next;
      } finally {
        opScope.dispose();
      }
    }
    // The result must own its ciphertexts: clone anything still aliasing the caller's input,
    // and duplicates within the result.
    const handedOut = new Set<CipherText>();
    const columns = state.columns.map((chunks) =>
      makeEncryptedVector(
        ctx,
        state.rowCount,
        chunks.map((ct) => {
          const own = inputs.has(ct) || handedOut.has(ct) ? ct.clone() : ct;
          handedOut.add(own);
          return own;
        }),
      ),
    );
    owned = new Set();
    return ok(makeTable(ctx.params.name, state.rowCount, columns));
  } catch (error) {
    owned.forEach((ct) => ct.delete());
    throw error;
  } finally {
    runScope.dispose();
  }
}
