import { parseCsv, validateJobSpec } from './job-spec.js';

const NOW = 1_800_000_000_000;
const program = { version: 1, inputWidth: 2, ops: [{ op: 'dot', weights: [1, 2] }] };
const base = { dataset: { rows: [[1, 2], [3, 4]] }, program, resources: { cores: 2, memoryMiB: 1024, durationS: 60 }, maxPriceMinorPerCoreSecond: 5, deadlineInS: 60 };
const code = (body: unknown, dataDir?: string): string => {
  const r = validateJobSpec(body, NOW, dataDir);
  return r.ok ? 'ok' : r.code;
};

describe('job spec validation', () => {
  it('accepts a minimal job and resolves the deadline', () => {
    const r = validateJobSpec(base, NOW, undefined);
    expect(r.ok && { rows: r.dataset.rowCount, width: r.dataset.width, deadline: r.spec.deadlineAtMs, policy: r.spec.policy }).toEqual({ rows: 2, width: 2, deadline: NOW + 60_000, policy: {} });
  });

  it.each([
    ['unknown field', { ...base, extra: 1 }, 'VALIDATION_FAILED'],
    ['ragged rows', { ...base, dataset: { rows: [[1, 2], [3]] } }, 'JOB_DATASET_INVALID'],
    ['non-finite value', { ...base, dataset: { rows: [[1, 2], [3, 'x']] } }, 'JOB_DATASET_INVALID'],
    ['two dataset sources', { ...base, dataset: { rows: [[1, 2]], csv: '1,2' } }, 'JOB_DATASET_INVALID'],
    ['csvPath without a data dir', { ...base, dataset: { csvPath: 'x.csv' } }, 'JOB_DATASET_PATH_NOT_ALLOWED'],
    ['invalid program', { ...base, program: { version: 1, inputWidth: 2, ops: [{ op: 'nope' }] } }, 'JOB_PROGRAM_INVALID'],
    ['width mismatch', { ...base, program: { ...program, inputWidth: 3, ops: [{ op: 'dot', weights: [1, 2, 3] }] } }, 'JOB_PROGRAM_WIDTH_MISMATCH'],
    ['row reduction not last', { ...base, program: { version: 1, inputWidth: 2, ops: [{ op: 'sum', axis: 'rows' }, { op: 'mul', operand: 2 }] } }, 'JOB_PROGRAM_NOT_SPLITTABLE'],
    ['zero cores', { ...base, resources: { cores: 0, memoryMiB: 1024, durationS: 60 } }, 'JOB_RESOURCES_INVALID'],
    ['fractional price', { ...base, maxPriceMinorPerCoreSecond: 1.5 }, 'JOB_PRICE_INVALID'],
    ['deadline over a day', { ...base, deadlineInS: 86_401 }, 'JOB_DEADLINE_INVALID'],
    ['unknown strategy', { ...base, strategy: { force: 'rot13' } }, 'JOB_STRATEGY_POLICY_INVALID'],
    ['joint with a local share', { ...base, localShare: 0.5, joint: { party: 'c1', datasetId: 'd', partyProgram: { version: 1, inputWidth: 2, ops: [] } } }, 'JOB_JOINT_INVALID'],
    ['joint with another strategy', { ...base, strategy: { force: 'he' }, joint: { party: 'c1', datasetId: 'd', partyProgram: { version: 1, inputWidth: 2, ops: [] } } }, 'JOB_JOINT_INVALID'],
    ['joint party not a node id', { ...base, joint: { party: 'C 1', datasetId: 'd', partyProgram: { version: 1, inputWidth: 2, ops: [] } } }, 'JOB_JOINT_INVALID'],
  ])('refuses %s', (_name, body, expected) => {
    expect(code(body)).toBe(expected);
  });

  it('forces tee-symmetric-he-result for a joint job', () => {
    const r = validateJobSpec({ ...base, joint: { party: 'c1', datasetId: 'bureau', partyProgram: { version: 1, inputWidth: 2, ops: [{ op: 'sum', axis: 'columns' }] } } }, NOW, undefined);
    expect(r.ok && r.spec.policy).toEqual({ force: 'tee-symmetric-he-result' });
  });

  it('parses CSV with a header and refuses a non-number', () => {
    const r = parseCsv('a,b\n1,2\n3.5,-4\n');
    expect(r.ok && Array.from(r.value.values)).toEqual([1, 2, 3.5, -4]);
    expect(parseCsv('1,2\n3,x\n')).toMatchObject({ ok: false, code: 'JOB_DATASET_INVALID' });
    expect(parseCsv('1,2\n3\n')).toMatchObject({ ok: false, code: 'JOB_DATASET_INVALID' });
  });
});
