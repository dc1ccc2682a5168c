import { availableParallelism, freemem, loadavg } from 'node:os';
import { heCalibration } from './calibration.js';
import { selectStrategy, type ResourceBudget, type Selection, type SelectionPolicy, type Workload } from './selector.js';

/** What the lessee's operator allows one job to spend on encryption (configured, not measured). */
export interface JobCaps {
  readonly cpuTimeCapMs: number;
  readonly memoryCapBytes: number;
  /** Wall time left until the job's deadline. */
  readonly deadlineMs: number;
}

/** Where the machine's readings come from; a port so tests can pin them. */
export interface MachineProbe {
  cores(): number;
  loadAvg1(): number;
  freeMemoryBytes(): number;
}

export const osProbe: MachineProbe = {
  cores: () => availableParallelism(),
  loadAvg1: () => loadavg()[0] ?? 0,
  freeMemoryBytes: () => freemem(),
};

/** The lessee's local resources right now (S206: "evaluate its local compute resources"). */
export function probeBudget(caps: JobCaps, probe: MachineProbe = osProbe): ResourceBudget {
  for (const [k, v] of Object.entries(caps)) if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${k} must be a positive number`);
  return { freeCores: probe.cores(), loadAvg1: probe.loadAvg1(), freeMemoryBytes: probe.freeMemoryBytes(), ...caps };
}

/**
 * S206 as one call: this machine's HE calibration (measured once, cached), its
 * resources now, the job's caps and the operator's policy -> a strategy with
 * its reasons and numbers.
 */
export async function chooseStrategy(workload: Workload, caps: JobCaps, policy: SelectionPolicy = {}, paramSet = 'ckks-8192', probe: MachineProbe = osProbe): Promise<Selection & { budget: ResourceBudget }> {
  const calibration = await heCalibration(paramSet);
  const budget = probeBudget(caps, probe);
  return { ...selectStrategy(workload, calibration, budget, policy), budget };
}
