import { chooseStrategy, probeBudget, type MachineProbe } from './resources.js';

const idle: MachineProbe = { cores: () => 8, loadAvg1: () => 0.2, freeMemoryBytes: () => 16 * 2 ** 30 };
const busy: MachineProbe = { cores: () => 2, loadAvg1: () => 6, freeMemoryBytes: () => 256 * 2 ** 20 };
const job = { targetValues: 4096 * 40, resultValues: 4096 };

describe('S206 on this machine\'s calibration', () => {
  it('probes cores, load and free memory, and keeps the job caps', () => {
    expect(probeBudget({ cpuTimeCapMs: 1000, memoryCapBytes: 1 << 20, deadlineMs: 5000 }, idle)).toEqual({ freeCores: 8, loadAvg1: 0.2, freeMemoryBytes: 16 * 2 ** 30, cpuTimeCapMs: 1000, memoryCapBytes: 1 << 20, deadlineMs: 5000 });
    expect(() => probeBudget({ cpuTimeCapMs: 0, memoryCapBytes: 1, deadlineMs: 1 }, idle)).toThrow(/cpuTimeCapMs/);
  });

  it('chooses HE on an idle machine with room, and a TEE strategy on a busy one with tight caps', async () => {
    const roomy = await chooseStrategy(job, { cpuTimeCapMs: 600_000, memoryCapBytes: 4 * 2 ** 30, deadlineMs: 3_600_000 }, {}, 'ckks-8192', idle);
    expect(roomy.ok && roomy.strategy).toBe('he');
    const tight = await chooseStrategy(job, { cpuTimeCapMs: 50, memoryCapBytes: 8 * 2 ** 20, deadlineMs: 1_000 }, {}, 'ckks-8192', busy);
    expect(tight.ok && tight.strategy).toMatch(/^tee-/);
    expect(tight.reasons.join('\n')).toMatch(/insufficient for HE/);
  }, 60_000);
});
