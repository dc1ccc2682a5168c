import { evaluatePlain, SIGMOID3, type Program } from '#libs/compute';
import { createChannelPair, type Direction } from './channel.js';
import { decodeMessage, encodeMessage } from './codec.js';
import { runHeLessee, serveHeLessor } from './he.js';
import type { SubTaskSpec } from './types.js';

/** libs/compute README tolerance (ckks-8192, depth <= 2, data in [-10, 10], constants in [-3, 3]). */
const REL_TOLERANCE = 1e-3;

const rows = Array.from({ length: 40 }, (_, r) => [Math.sin(r) * 9, Math.cos(r * 0.3) * 5, (r % 7) - 3]);
const scoring: SubTaskSpec = {
  subTaskId: 'st-score',
  program: { version: 1, inputWidth: 3, ops: [{ op: 'dot', weights: [0.4, -0.3, 0.2], bias: 0.1 }, { op: 'poly', coefficients: [0.5, 0.197] }] },
  rows,
};
const columnMeans: SubTaskSpec = { subTaskId: 'st-mean', program: { version: 1, inputWidth: 3, ops: [{ op: 'add', operand: [1, 2, 3] }, { op: 'mean', axis: 'rows' }] }, rows };

function expectClose(he: number[][], program: Program, input: SubTaskSpec['rows']): void {
  const plain = evaluatePlain(program, input);
  if (!plain.ok) throw new Error(plain.detail);
  expect(he.length).toBe(plain.value.length);
  he.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - (plain.value[r]?.[c] as number))).toBeLessThanOrEqual(REL_TOLERANCE * Math.max(1, Math.abs(plain.value[r]?.[c] as number)))));
}

describe('strategy he (claims 8-9), two parties over a byte channel', () => {
  it.each([
    ['linear score + degree-1 poly (depth 2)', scoring],
    ['add + mean over rows (rotations: only the needed Galois keys travel)', columnMeans],
  ])('round trip: %s equals evaluatePlain within tolerance', async (_name, subTask) => {
    const sent: Uint8Array[] = [];
    const [lessee, lessor] = createChannelPair({ tap: (d, m) => (d === 'a->b' && sent.push(m), m) });
    const [outcome, served] = await Promise.all([runHeLessee(lessee, subTask), serveHeLessor(lessor)]);
    expect(served).toEqual({ ok: true });
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
    expectClose(outcome.value.rows, subTask.program, subTask.rows);
    console.log(`he ${subTask.subTaskId}: ${JSON.stringify(outcome.value.stats, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
    // The lessee sent exactly one message: program, public material, ciphertexts; no plaintext rows.
    expect(sent).toHaveLength(1);
    const request = decodeMessage(sent[0] as Uint8Array) as Record<string, unknown>;
    expect(Object.keys(request).sort()).toEqual(['material', 'program', 'subTaskId', 'table', 'type']);
    // Public material only: public key, relinearization keys, the program's Galois keys; no secret key field exists.
    expect(Object.keys(request.material as object).filter((k) => k !== 'galoisKeys').sort()).toEqual(['galoisSteps', 'paramSet', 'publicKey', 'relinKeys']);
    expect(JSON.stringify(request.table)).not.toContain(String(rows[1]?.[0]));
  });

  it('refuses before any key is generated when the program cannot run under HE', async () => {
    const [lessee] = createChannelPair();
    const compare: SubTaskSpec = { subTaskId: 'st-cmp', program: { version: 1, inputWidth: 1, ops: [{ op: 'compare', threshold: 0 }] }, rows: [[1]] };
    expect(await runHeLessee(lessee, compare)).toMatchObject({ ok: false, code: 'HE_OP_UNSUPPORTED' });
    const deep: SubTaskSpec = { subTaskId: 'st-deep', program: { version: 1, inputWidth: 1, ops: [{ op: 'poly', coefficients: SIGMOID3 }, { op: 'mul', operand: 2 }] }, rows: [[1]] };
    expect(await runHeLessee(lessee, deep)).toMatchObject({ ok: false, code: 'HE_DEPTH_EXCEEDED' });
  });

  const tamperReply = (mutate: (reply: Record<string, unknown>) => void) => (d: Direction, m: Uint8Array) => {
    if (d !== 'b->a') return m;
    const reply = decodeMessage(m) as Record<string, unknown>;
    mutate(reply);
    return encodeMessage(reply);
  };

  it('rejects a lessor answering with corrupted ciphertext bytes', async () => {
    const tap = tamperReply((reply) => {
      const table = reply.table as { columns: { ciphertexts: Uint8Array[] }[] };
      const ct = table.columns[0]?.ciphertexts[0] as Uint8Array;
      for (let i = 64; i < ct.length; i += 997) ct[i] = (ct[i] as number) ^ 0xff;
    });
    const [lessee, lessor] = createChannelPair({ tap });
    const [outcome] = await Promise.all([runHeLessee(lessee, scoring), serveHeLessor(lessor)]);
    expect(outcome).toMatchObject({ ok: false, code: 'HE_INPUT_MISMATCH' });
    expect(!outcome.ok && outcome.detail).toMatch(/HE_INPUT_MALFORMED/);
  });

  it('rejects a result of the wrong shape or for another sub-task', async () => {
    const wrongShape = createChannelPair({ tap: tamperReply((reply) => Object.assign(reply.table as object, { rowCount: 1 })) });
    const [shape] = await Promise.all([runHeLessee(wrongShape[0], scoring), serveHeLessor(wrongShape[1])]);
    expect(shape).toMatchObject({ ok: false, code: 'STRATEGY_RESULT_SHAPE_MISMATCH' });
    const other = createChannelPair({ tap: tamperReply((reply) => Object.assign(reply, { subTaskId: 'st-other' })) });
    const [mismatch] = await Promise.all([runHeLessee(other[0], scoring), serveHeLessor(other[1])]);
    expect(mismatch).toMatchObject({ ok: false, code: 'STRATEGY_SUBTASK_MISMATCH' });
  });

  it('the lessor refuses garbage and reports a code to the lessee', async () => {
    const [lessee, lessor] = createChannelPair();
    lessee.send(new Uint8Array([1, 2, 3]));
    expect(await serveHeLessor(lessor)).toEqual({ ok: false, code: 'STRATEGY_PROTOCOL_ERROR' });
    expect(decodeMessage(await lessee.receive(1_000))).toMatchObject({ type: 'failure', code: 'STRATEGY_PROTOCOL_ERROR' });
  });

  describe('shard encryption through HeEncryptPool', () => {
    async function roundTrip(subTask: SubTaskSpec, options: Parameters<typeof runHeLessee>[2] = {}) {
      const [lessee, lessor] = createChannelPair();
      const [outcome, served] = await Promise.all([runHeLessee(lessee, subTask, options), serveHeLessor(lessor)]);
      if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail} (lessor ${JSON.stringify(served)})`);
      return outcome.value;
    }

    it('{ workers } forces the pool; the result equals the inline path (same layout, CKKS noise only)', async () => {
      const [inline, pooled] = await Promise.all([roundTrip(scoring), roundTrip(scoring, { workers: 2 })]);
      expect(inline.stats.encryptWorkers).toBe(0);
      expect(pooled.stats.encryptWorkers).toBe(2);
      expectClose(pooled.rows, scoring.program, scoring.rows);
      pooled.rows.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - (inline.rows[r]?.[c] as number))).toBeLessThan(1e-4)));
    });

    it('a shard with more than one ciphertext per column uses the pool (all cores) by default', async () => {
      const tall: SubTaskSpec = {
        subTaskId: 'st-tall',
        program: { version: 1, inputWidth: 2, ops: [{ op: 'dot', weights: [0.5, -1.5], bias: 0.25 }] },
        rows: Array.from({ length: 4096 + 17 }, (_, r) => [Math.sin(r) * 8, ((r * 7) % 13) - 6]),
      };
      const result = await roundTrip(tall);
      expect(result.stats.encryptWorkers).toBeGreaterThanOrEqual(1);
      expectClose(result.rows, tall.program, tall.rows);
    });

    it('rejects bad rows with the same codes as the inline path', async () => {
      const [lessee] = createChannelPair();
      for (const bad of [[[1, 2]], [[1, 2, 1e7]]]) {
        const subTask: SubTaskSpec = { ...scoring, rows: bad };
        const inline = await runHeLessee(lessee, subTask);
        const pooled = await runHeLessee(lessee, subTask, { workers: 1 });
        expect(inline.ok).toBe(false);
        expect(pooled).toMatchObject({ ok: false, code: !inline.ok ? inline.code : '' });
      }
      lessee.close();
    });
  });
});
