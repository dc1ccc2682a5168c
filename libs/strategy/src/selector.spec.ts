import { estimateHe, selectStrategy, type HeCalibration, type ResourceBudget } from './selector.js';

const cal: HeCalibration = { paramSet: 'ckks-8192', slotsPerCiphertext: 4096, encryptMsPerCiphertext: 10, bytesPerCiphertext: 400_000, decryptMsPerCiphertext: 3 };
const generous: ResourceBudget = { freeCores: 8, loadAvg1: 0, freeMemoryBytes: 16 * 2 ** 30, cpuTimeCapMs: 600_000, memoryCapBytes: 8 * 2 ** 30, deadlineMs: 3_600_000 };
const tight: ResourceBudget = { freeCores: 1, loadAvg1: 2, freeMemoryBytes: 512 * 2 ** 20, cpuTimeCapMs: 2_000, memoryCapBytes: 64 * 2 ** 20, deadlineMs: 6_000 };
const job = { targetValues: 100_000 * 16, resultValues: 100_000 };

describe('strategy selection (S206)', () => {
  it('estimates ciphertexts, CPU, wall time on the usable cores, and memory', () => {
    const e = estimateHe(10_000, cal, 2);
    expect(e).toEqual({ ciphertexts: 3, cpuMs: 30, usableCores: 2, wallMs: 20, memoryBytes: 1_200_000 });
  });

  it('picks HE with a generous budget, and says why with numbers', () => {
    const s = selectStrategy(job, cal, generous);
    expect(s.ok && s.strategy).toBe('he');
    expect(s.ok && s.target.ciphertexts).toBe(391);
    expect(s.reasons.join('\n')).toMatch(/391 ciphertexts .*local resources sufficient/s);
  });

  it('picks a TEE strategy with a tight budget, naming what does not fit', () => {
    const s = selectStrategy(job, cal, tight);
    expect(s.ok && s.strategy).toMatch(/^tee-/);
    expect(s.reasons.join('\n')).toMatch(/insufficient for HE: CPU .* > cap/);
  });

  it('protects results with HE when only the results are affordable (claims 4-5)', () => {
    const s = selectStrategy({ targetValues: 4096 * 600, resultValues: 4096 }, cal, { ...tight, cpuTimeCapMs: 1_000, deadlineMs: 60_000, memoryCapBytes: 8 * 2 ** 20 });
    expect(s.ok && s.strategy).toBe('tee-symmetric-he-result');
  });

  it('honours force, forbid and a minimum', () => {
    expect(selectStrategy(job, cal, generous, { force: 'tee-symmetric' })).toMatchObject({ ok: true, strategy: 'tee-symmetric' });
    expect(selectStrategy(job, cal, generous, { forbid: ['he'] })).toMatchObject({ ok: true, strategy: 'tee-symmetric-he-result' });
    expect(selectStrategy(job, cal, tight, { minimum: 'he' })).toMatchObject({ ok: false, code: 'STRATEGY_BELOW_MINIMUM' });
    expect(selectStrategy(job, cal, generous, { force: 'he', forbid: ['he'] })).toMatchObject({ ok: false, code: 'STRATEGY_NONE_ALLOWED' });
  });

  it('counts the load average against the free cores', () => {
    const busy = selectStrategy(job, cal, { ...generous, freeCores: 2, loadAvg1: 5 });
    expect(busy.ok && busy.target.usableCores).toBe(1);
  });
});
