/**
 * Strategy selection (patent S206): can the lessee afford to homomorphically
 * encrypt the target data (everything its sub-tasks send out) with its own local
 * resources? Yes -> HE; no -> symmetric keys negotiated with attested enclaves.
 * The answer carries its reasons and numbers, so a user can see why.
 */

export type Strategy = 'he' | 'tee-symmetric-he-result' | 'tee-symmetric';

/** Strongest first: HE never shows plaintext outside the lessee; TEE shows it inside enclaves only. */
export const STRATEGIES_BY_SECURITY: readonly Strategy[] = ['he', 'tee-symmetric-he-result', 'tee-symmetric'];

/** Calibration of HE encryption on this machine, from a start-up micro-benchmark (cached). */
export interface HeCalibration {
  readonly paramSet: string;
  /** Values one ciphertext holds (CKKS: N/2 slots). */
  readonly slotsPerCiphertext: number;
  /** Measured encode+encrypt time of one ciphertext on one core. */
  readonly encryptMsPerCiphertext: number;
  /** Serialized size of one fresh ciphertext. */
  readonly bytesPerCiphertext: number;
  /** Measured decrypt+decode time of one ciphertext on one core. */
  readonly decryptMsPerCiphertext: number;
}

/** The lessee's local resources right now, and the caps its operator configured. */
export interface ResourceBudget {
  readonly freeCores: number;
  /** 1-minute load average (runnable threads). */
  readonly loadAvg1: number;
  readonly freeMemoryBytes: number;
  /** Most CPU time the job may spend on encryption. */
  readonly cpuTimeCapMs: number;
  /** Most memory the job's ciphertexts may take. */
  readonly memoryCapBytes: number;
  /** Wall time left until the job's deadline. */
  readonly deadlineMs: number;
}

export interface SelectionPolicy {
  /** Always this strategy (still refused when it is forbidden or below the minimum). */
  readonly force?: Strategy;
  readonly forbid?: readonly Strategy[];
  /** The weakest strategy acceptable. Default: tee-symmetric. */
  readonly minimum?: Strategy;
  /** Share of the deadline that encryption may use (the rest is transfer, compute, results). Default 0.5. */
  readonly deadlineShare?: number;
  /** Share of free memory ciphertexts may use. Default 0.5. */
  readonly memoryShare?: number;
}

export interface Workload {
  /** Values the lessee would HE-encrypt: all inputs of the sub-tasks it sends out. */
  readonly targetValues: number;
  /** Values the lessors return (for the HE-protected-results variant). */
  readonly resultValues: number;
}

export interface Estimate {
  readonly ciphertexts: number;
  readonly cpuMs: number;
  readonly usableCores: number;
  readonly wallMs: number;
  readonly memoryBytes: number;
}

export type Selection =
  | { ok: true; strategy: Strategy; reasons: string[]; target: Estimate; results: Estimate; limits: { cpuMs: number; wallMs: number; memoryBytes: number } }
  | { ok: false; code: 'STRATEGY_NONE_ALLOWED' | 'STRATEGY_BELOW_MINIMUM'; reasons: string[] };

/** What HE-encrypting `values` costs with this calibration and these cores. */
export function estimateHe(values: number, c: HeCalibration, usableCores: number): Estimate {
  if (!Number.isSafeInteger(values) || values < 0) throw new RangeError('values must be a non-negative integer');
  if (!(c.slotsPerCiphertext > 0) || !(c.encryptMsPerCiphertext > 0) || !(c.bytesPerCiphertext > 0)) throw new RangeError('calibration must be positive');
  const ciphertexts = Math.ceil(values / c.slotsPerCiphertext);
  const cpuMs = ciphertexts * c.encryptMsPerCiphertext;
  // Work splits by whole ciphertexts: no more parallelism than ciphertexts.
  const cores = Math.max(1, Math.min(usableCores, ciphertexts));
  return { ciphertexts, cpuMs, usableCores: cores, wallMs: Math.ceil(ciphertexts / cores) * c.encryptMsPerCiphertext, memoryBytes: ciphertexts * c.bytesPerCiphertext };
}

/** Cores a new job can count on: free cores minus what the load average already claims, at least one. */
export function usableCores(b: ResourceBudget): number {
  return Math.max(1, Math.floor(b.freeCores - Math.max(0, b.loadAvg1 - 0.5)));
}

export function selectStrategy(w: Workload, c: HeCalibration, b: ResourceBudget, p: SelectionPolicy = {}): Selection {
  const reasons: string[] = [];
  const cores = usableCores(b);
  const target = estimateHe(w.targetValues, c, cores);
  const results = estimateHe(w.resultValues, c, cores);
  const limits = {
    cpuMs: b.cpuTimeCapMs,
    wallMs: Math.floor(b.deadlineMs * (p.deadlineShare ?? 0.5)),
    memoryBytes: Math.min(b.memoryCapBytes, Math.floor(b.freeMemoryBytes * (p.memoryShare ?? 0.5))),
  };
  const fits = (e: Estimate): string[] => [
    ...(e.cpuMs > limits.cpuMs ? [`CPU ${fmtMs(e.cpuMs)} > cap ${fmtMs(limits.cpuMs)}`] : []),
    ...(e.wallMs > limits.wallMs ? [`wall ${fmtMs(e.wallMs)} on ${e.usableCores} core(s) > ${fmtMs(limits.wallMs)} (share of the deadline)`] : []),
    ...(e.memoryBytes > limits.memoryBytes ? [`memory ${fmtBytes(e.memoryBytes)} > ${fmtBytes(limits.memoryBytes)}`] : []),
  ];
  const targetMisses = fits(target);
  reasons.push(`HE of the target data: ${w.targetValues} values -> ${target.ciphertexts} ciphertexts (${c.paramSet}), ${fmtMs(target.cpuMs)} CPU, ${fmtMs(target.wallMs)} wall on ${target.usableCores} core(s), ${fmtBytes(target.memoryBytes)}`);
  reasons.push(targetMisses.length ? `local resources insufficient for HE: ${targetMisses.join('; ')}` : 'local resources sufficient for HE');
  const resultMisses = fits(results);

  const forbidden = new Set(p.forbid ?? []);
  const minimumRank = STRATEGIES_BY_SECURITY.indexOf(p.minimum ?? 'tee-symmetric');
  const allowed = (s: Strategy): boolean => !forbidden.has(s) && STRATEGIES_BY_SECURITY.indexOf(s) <= minimumRank;
  if (p.force) {
    if (!allowed(p.force)) return { ok: false, code: forbidden.has(p.force) ? 'STRATEGY_NONE_ALLOWED' : 'STRATEGY_BELOW_MINIMUM', reasons: [...reasons, `forced ${p.force} is forbidden or below the minimum`] };
    return { ok: true, strategy: p.force, reasons: [...reasons, `policy forces ${p.force}`], target, results, limits };
  }
  const affordable: Record<Strategy, boolean> = { he: targetMisses.length === 0, 'tee-symmetric-he-result': resultMisses.length === 0, 'tee-symmetric': true };
  for (const s of STRATEGIES_BY_SECURITY) {
    if (!allowed(s)) {
      reasons.push(`${s} not allowed by policy`);
      continue;
    }
    if (!affordable[s]) {
      if (s === 'tee-symmetric-he-result') reasons.push(`HE-protected results unaffordable: ${resultMisses.join('; ')}`);
      continue;
    }
    reasons.push(s === 'he' ? 'choosing he (claims 8-9)' : s === 'tee-symmetric-he-result' ? 'choosing symmetric keys negotiated with attested enclaves, results HE-encrypted in the enclave (claims 4-5)' : 'choosing symmetric keys negotiated with attested enclaves (claims 2-3)');
    return { ok: true, strategy: s, reasons, target, results, limits };
  }
  return { ok: false, code: minimumRank < STRATEGIES_BY_SECURITY.length - 1 ? 'STRATEGY_BELOW_MINIMUM' : 'STRATEGY_NONE_ALLOWED', reasons: [...reasons, 'no allowed strategy fits the budget'] };
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function fmtBytes(b: number): string {
  return b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MiB` : `${Math.round(b / 1024)} KiB`;
}
