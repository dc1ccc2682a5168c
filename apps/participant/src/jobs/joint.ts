import type { DataSource } from 'typeorm';
import type { JobFrame } from '#libs/contracts';
import type { JsonLogger } from '#libs/observability';
import {
  createJointKeys,
  decodeMessage,
  encodeJointShard,
  encodeMessage,
  isRecord,
  jointShardFromTeeResult,
  jointShardRef,
  openJointResult,
  runJointParty,
  type JointKeys,
  type JointShard,
  type StrategyOutcome,
} from '#libs/strategy';
import { fromFloat64Bytes, sliceRows, toFloat64Bytes, type Dataset } from './job-spec.js';
import type { ChannelAcceptor, ChannelRouter, RelayChannel } from './relay-channel.js';

/** Channel strategy name of a lessee <-> third participant exchange (frame lease_id = the party's dataset id). */
export const JOINT_CHANNEL = 'joint';

export const JointCode = {
  /** The third participant has no dataset with this id. */
  DatasetUnknown: 'JOINT_DATASET_UNKNOWN',
  /** The dataset's owner did not name this lessee as a partner. */
  NotPartner: 'JOINT_NOT_PARTNER',
  /** The party answered with something other than a result or a failure. */
  ProtocolError: 'JOINT_PROTOCOL_ERROR',
} as const;

export interface JointDatasetView {
  readonly datasetId: string;
  readonly rows: number;
  readonly width: number;
  readonly partners: readonly string[];
  readonly maxOutputWidth: number;
  readonly createdAt: string;
}

/**
 * A participant's datasets offered for joint computation (the "C" of claims 6-7): rows it
 * keeps, the lessees allowed to compute over them, and how wide an output it accepts to
 * return (1 by default, so no program can hand its columns out).
 */
export class JointDatasets {
  constructor(private readonly ds: DataSource) {}

  async put(datasetId: string, data: Dataset, partners: readonly string[], maxOutputWidth: number): Promise<JointDatasetView> {
    await this.ds.query(
      `INSERT INTO joint_datasets (dataset_id, data, row_count, width, partners, max_output_width) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dataset_id) DO UPDATE SET data = EXCLUDED.data, row_count = EXCLUDED.row_count, width = EXCLUDED.width, partners = EXCLUDED.partners,
         max_output_width = EXCLUDED.max_output_width, created_at = now()`,
      [datasetId, toFloat64Bytes(data.values), data.rowCount, data.width, [...partners], maxOutputWidth],
    );
    return (await this.view(datasetId))!;
  }

  async view(datasetId: string): Promise<JointDatasetView | undefined> {
    const rows: { dataset_id: string; row_count: number; width: number; partners: string[]; max_output_width: number; created_at: Date }[] = await this.ds.query(
      `SELECT dataset_id, row_count, width, partners, max_output_width, created_at FROM joint_datasets WHERE dataset_id = $1`,
      [datasetId],
    );
    const r = rows[0];
    return r && { datasetId: r.dataset_id, rows: r.row_count, width: r.width, partners: r.partners, maxOutputWidth: r.max_output_width, createdAt: new Date(r.created_at).toISOString() };
  }

  async list(): Promise<JointDatasetView[]> {
    const rows: { dataset_id: string }[] = await this.ds.query(`SELECT dataset_id FROM joint_datasets ORDER BY joint_datasets.dataset_id`);
    const out: JointDatasetView[] = [];
    for (const r of rows) {
      const v = await this.view(r.dataset_id);
      if (v) out.push(v);
    }
    return out;
  }

  async rows(datasetId: string): Promise<Dataset | undefined> {
    const rows: { data: Buffer; row_count: number; width: number }[] = await this.ds.query(`SELECT data, row_count, width FROM joint_datasets WHERE dataset_id = $1`, [datasetId]);
    const r = rows[0];
    return r && { rowCount: r.row_count, width: r.width, values: fromFloat64Bytes(r.data) };
  }
}

/**
 * The third participant's side: a lessee named as partner opens a joint channel for one
 * of this participant's datasets and sends its HE public material, the party program,
 * the manifest and the lessors' HE result shards; this side encrypts its own rows under
 * that key, evaluates, and answers with a result only the lessee can decrypt.
 */
export function jointPartyAcceptor(datasets: JointDatasets, log: JsonLogger): ChannelAcceptor {
  return async (source: string, frame: JobFrame) => {
    const view = await datasets.view(frame.leaseId);
    if (!view) return { ok: false, code: JointCode.DatasetUnknown, detail: `no dataset ${frame.leaseId}` };
    if (!view.partners.includes(source)) return { ok: false, code: JointCode.NotPartner, detail: `${source} is not a partner of dataset ${frame.leaseId}` };
    return {
      ok: true,
      serve: async (channel: RelayChannel) => {
        const started = Date.now();
        const answer = await serveJointRound(channel, datasets, view);
        channel.send(encodeMessage(answer));
        await channel.flushed();
        log.info('joint round served', { jobId: channel.meta.jobId, round: channel.meta.subTaskId, dataset: view.datasetId, lessee: source, outcome: answer.type === 'joint-answer' ? 'ok' : answer.code, ms: Date.now() - started });
      },
    };
  };
}

type PartyAnswer = { type: 'joint-answer'; result: Uint8Array } | { type: 'failure'; code: string; detail: string };

async function serveJointRound(channel: RelayChannel, datasets: JointDatasets, view: JointDatasetView): Promise<PartyAnswer> {
  let request: unknown;
  try {
    request = decodeMessage(await channel.receive());
  } catch (e) {
    return { type: 'failure', code: JointCode.ProtocolError, detail: (e as Error).message };
  }
  if (!isRecord(request) || request.type !== 'joint-request' || !Array.isArray(request.shards) || !Array.isArray(request.manifest)) {
    return { type: 'failure', code: JointCode.ProtocolError, detail: 'expected joint-request { material, program, manifest, shards }' };
  }
  const data = await datasets.rows(view.datasetId);
  if (!data) return { type: 'failure', code: JointCode.DatasetUnknown, detail: view.datasetId };
  const r = await runJointParty({
    publicMaterial: request.material,
    program: request.program,
    shards: request.shards as unknown[],
    expected: request.manifest as never,
    localRows: sliceRows(data, 0, data.rowCount),
    policy: { maxOutputWidth: view.maxOutputWidth },
  });
  return r.ok ? { type: 'joint-answer', result: r.value.result } : { type: 'failure', code: r.code, detail: r.detail };
}

/** Lessee side of one round with the party: send keys, program and shards; open the answer. */
export async function jointRoundWithParty(
  router: ChannelRouter,
  o: { jobId: string; round: number; party: string; datasetId: string; keys: JointKeys; partyProgram: unknown; shards: readonly JointShard[]; timeoutMs: number },
): Promise<StrategyOutcome<number[][]>> {
  const channel = router.open({ channelId: `${o.jobId}.joint.${o.round}.${Date.now().toString(36)}`, peer: o.party, leaseId: o.datasetId, jobId: o.jobId, subTaskId: `round${o.round}`, strategy: JOINT_CHANNEL });
  try {
    const manifest = o.shards.map(jointShardRef);
    channel.send(encodeMessage({ type: 'joint-request', material: o.keys.publicMaterial, program: o.partyProgram, manifest, shards: o.shards.map(encodeJointShard) }));
    let answer: unknown;
    try {
      answer = decodeMessage(await channel.receive(o.timeoutMs));
    } catch (e) {
      return { ok: false, code: (e as Error).name === 'ChannelTimeoutError' ? 'JOB_ATTEMPT_TIMEOUT' : JointCode.ProtocolError, detail: (e as Error).message };
    }
    if (isRecord(answer) && answer.type === 'failure') return { ok: false, code: String(answer.code), detail: String(answer.detail) };
    if (!isRecord(answer) || answer.type !== 'joint-answer') return { ok: false, code: JointCode.ProtocolError, detail: 'expected joint-answer' };
    return openJointResult(o.keys, answer.result, { program: o.partyProgram, shards: manifest.map((m) => ({ shardId: m.shardId, rowStart: m.rowStart, rowCount: m.rowCount })) });
  } finally {
    channel.close('done');
  }
}

export { createJointKeys, jointShardFromTeeResult };
