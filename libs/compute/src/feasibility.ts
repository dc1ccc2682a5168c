import { HE_PARAM_SETS, isHeParamSetName, type HeParamSet } from '#libs/he';
import { fail, type ComputeFailure } from './codes.js';
import { validateProgram, type Op } from './program.js';

export interface HeFeasible {
  readonly ok: true;
  /** Multiplicative depth (number of rescales) the program consumes. */
  readonly depth: number;
  /** The only rotation keys the lessee must generate for this program and row count. */
  readonly galoisSteps: readonly number[];
}

export interface HeFeasibilityOptions {
  /** Rows in the shard; fewer rows need fewer rotation keys. Defaults to a full ciphertext. */
  readonly rowCount?: number;
}

/** Depth each op consumes under the layout of he-evaluate.ts (every constant multiply costs one rescale). */
export function opDepth(op: Op): number | undefined {
  switch (op.op) {
    case 'add':
    case 'sum':
      return 0;
    case 'mul':
    case 'dot':
    case 'matvec':
    case 'mean':
      return 1;
    case 'poly': {
      const degree = op.coefficients.length - 1;
      // x^2 and c3*x run in parallel at depth 1; (c3 x) * x^2 and c2 * x^2 land at depth 2.
      return degree === 0 ? 0 : degree === 1 ? 1 : 2;
    }
    case 'compare':
    case 'divide':
      return undefined;
  }
}

/** Rotate-and-add over a ciphertext holding `rows` rows: steps 1, 2, 4, ... below the next power of two. */
export function rowSumSteps(rows: number): number[] {
  const steps: number[] = [];
  for (let step = 1; step < rows; step *= 2) steps.push(step);
  return steps;
}

/**
 * Decides up front whether a program can run on CKKS ciphertexts with a given
 * parameter set (claim 8): lessees learn *why* before generating keys, and the
 * Galois steps returned are exactly the rotation keys to generate (the full
 * set would be ~63 MB at N=8192).
 */
export function heFeasibility(programInput: unknown, paramSet: string | HeParamSet, options: HeFeasibilityOptions = {}): HeFeasible | ComputeFailure {
  const params = typeof paramSet === 'string' ? (isHeParamSetName(paramSet) ? HE_PARAM_SETS[paramSet] : undefined) : paramSet;
  if (!params) return fail('HE_OP_UNSUPPORTED', `unknown parameter set ${typeof paramSet === 'string' ? paramSet : paramSet.name}`);
  if (params.scheme !== 'ckks') return fail('HE_OP_UNSUPPORTED', `${params.name} is ${params.scheme}; programs over reals need CKKS`);
  const validated = validateProgram(programInput);
  if (!validated.ok) return validated;
  const { program } = validated.value;
  let depth = 0;
  let rows = Math.min(options.rowCount ?? params.slots, params.slots);
  let galoisSteps: number[] = [];
  for (let i = 0; i < program.ops.length; i++) {
    const op = program.ops[i] as Op;
    const cost = opDepth(op);
    if (cost === undefined) {
      const why = op.op === 'compare' ? 'comparison is not a polynomial' : 'division by encrypted data is not a polynomial';
      return fail('HE_OP_UNSUPPORTED', `ops[${i}] (${op.op}): ${why}; run it in an enclave instead`);
    }
    depth += cost;
    if (depth > params.maxDepth) {
      return fail('HE_DEPTH_EXCEEDED', `ops[${i}] (${op.op}) reaches depth ${depth} > ${params.maxDepth} of ${params.name}`);
    }
    if ((op.op === 'sum' || op.op === 'mean') && op.axis === 'rows') {
      if (galoisSteps.length === 0) galoisSteps = rowSumSteps(rows);
      rows = 1;
    }
  }
  return { ok: true, depth, galoisSteps };
}
