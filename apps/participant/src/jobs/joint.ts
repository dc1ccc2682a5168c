import type { DataSource } from 'typeorm';
import type { JobFrame } from '#libs/contracts';
import { validateProgram } from '#libs/compute';
import type { Counter, JsonLogger } from '#libs/observability';
import {
  decodeJointForwarded,
  decodeJointForwardedRef,
  decodeMessage,
  encodeJointForwarded,
  encodeMessage,
  isRecord,
  jointShardFromForwarded,
  jointShardRef,
  openJointResult,
  outputShape,
  runJointParty,
  type JointForwardedShardRef,
  type JointKeys,
  type JointShard,
  type StrategyOutcome,
  type TeeForwardHook,
} from '#libs/strategy';
import { fromFloat64Bytes, sliceRows, toFloat64Bytes, type Dataset } from './job-spec.js';
import type { ChannelAcceptor, ChannelMeta, ChannelRouter, RelayChannel } from './relay-channel.js';
import { refusalCode } from './scheduling.js';

/** Channel strategy name of a lessee <-> third participant exchange (frame lease_id = the party's dataset id). */
export const JOINT_CHANNEL = 'joint';
/** Channel strategy name of a lessor -> third participant transfer of one forwarded HE result (frame lease_id = the dataset id). */
export const JOINT_FORWARD_CHANNEL = 'joint-forward';

export const JointCode = {
  /** The third participant has no dataset with this id. */
  DatasetUnknown: 'JOINT_DATASET_UNKNOWN',
  /** The dataset's owner did not name this lessee as a partner. */
  NotPartner: 'JOINT_NOT_PARTNER',
  /** The party answered with something other than a result or a failure. */
  ProtocolError: 'JOINT_PROTOCOL_ERROR',
  /** A lessor forwarded a result the party was not told to expect (no open round for it, or not one of the job's lessors). */
  NotExpected: 'JOINT_FORWARD_NOT_EXPECTED',
  /** The lessor's forwarded result did not reach the party in time. */
  ShardMissing: 'JOINT_SHARD_MISSING',
  /** A forward directive the lessor host will not carry out (malformed, or for another job). */
  ForwardRefused: 'JOINT_FORWARD_REFUSED',
  /** Forwarded results held for open rounds would exceed the party's memory bound. */
  InboxFull: 'JOINT_INBOX_FULL',
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
 * Where a lessor forwards one sub-task's HE result (the `forward` directive of
 * tee-symmetric-he-result, chosen by the lessee): the third participant, its dataset, and
 * which shard of which round and attempt it is.
 */
export interface ForwardDirective {
  readonly party: string;
  readonly datasetId: string;
  readonly jobId: string;
  readonly round: number;
  readonly shardId: string;
  readonly attempt: number;
}

const NODE_ID = /^[a-z0-9][a-z0-9_.-]{0,127}$/i;
const SHARD_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function parseDirective(d: unknown): ForwardDirective | string {
  if (!isRecord(d)) return 'directive is not an object';
  const keys = Object.keys(d).sort().join(',');
  if (keys !== 'attempt,datasetId,jobId,party,round,shardId') return `directive fields are ${keys}`;
  const { party, datasetId, jobId, round, shardId, attempt } = d;
  if (typeof party !== 'string' || !NODE_ID.test(party)) return 'party is not a node id';
  if (typeof datasetId !== 'string' || !SHARD_ID.test(datasetId)) return 'datasetId is malformed';
  if (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 128) return 'jobId is malformed';
  if (typeof shardId !== 'string' || !SHARD_ID.test(shardId)) return 'shardId is malformed';
  if (!Number.isSafeInteger(round) || (round as number) < 0 || (round as number) > 1000) return 'round is not an integer in 0..1000';
  if (!Number.isSafeInteger(attempt) || (attempt as number) < 1) return 'attempt is not a positive integer';
  return { party, datasetId, jobId, round: round as number, shardId, attempt: attempt as number };
}

/** Frame sub_task_id of a forward channel: names round, shard and attempt, so the party can admit or refuse its opening frame. */
function forwardSubTaskId(d: Pick<ForwardDirective, 'round' | 'shardId' | 'attempt'>): string {
  return `r${d.round}/${d.shardId}#${d.attempt}`;
}

function parseForwardSubTaskId(id: string): { round: number; shardId: string; attempt: number } | undefined {
  const m = /^r(\d{1,4})\/([A-Za-z0-9_.:-]{1,128})#(\d{1,9})$/.exec(id);
  return m ? { round: Number(m[1]), shardId: m[2]!, attempt: Number(m[3]) } : undefined;
}

/**
 * Lessor host (B): carries out a lessee's forward directive for one tee-symmetric-he-result
 * sub-task, sending the enclave's public outputs (HE ciphertexts under the lessee's key) to
 * the third participant through the hubs on a channel of their own. Only the lessee's own
 * job can be named (the directive's job must be the channel's). The lessee gets the
 * outputs' digests only (libs/strategy serveTeeLessor), and the party checks the bytes
 * against the digests the enclave sealed, which the lessee hands it.
 */
export function jointForwarder(
  router: ChannelRouter,
  o: { readonly nodeId: string; readonly log: JsonLogger; readonly corrupt?: boolean; readonly forwarded?: Counter },
): (lesseeChannel: ChannelMeta) => TeeForwardHook {
  return (lesseeChannel) => async (raw, outputs) => {
    const d = parseDirective(raw);
    if (typeof d === 'string') return { ok: false, code: JointCode.ForwardRefused, detail: d };
    if (d.jobId !== lesseeChannel.jobId) return { ok: false, code: JointCode.ForwardRefused, detail: `directive names job ${d.jobId}, the channel is job ${lesseeChannel.jobId}` };
    if (d.party === o.nodeId || d.party === lesseeChannel.peer) return { ok: false, code: JointCode.ForwardRefused, detail: `party ${d.party} is this lessor or the lessee` };
    let channel: RelayChannel;
    try {
      channel = router.open({ channelId: `${lesseeChannel.channelId}.fwd`, peer: d.party, leaseId: d.datasetId, jobId: d.jobId, subTaskId: forwardSubTaskId(d), strategy: JOINT_FORWARD_CHANNEL });
    } catch (e) {
      return { ok: false, code: 'JOB_CHANNEL_BUSY', detail: (e as Error).message };
    }
    try {
      // FAULT INJECTION (DATANET_CHAOS_CORRUPT_RESULTS): the party must catch it against the sealed digests.
      const sent = o.corrupt ? outputs.map((c) => Uint8Array.from(c, (b, i) => (i % 97 === 50 ? b ^ 0x5a : b))) : outputs;
      channel.send(encodeJointForwarded({ directive: raw, ciphertexts: sent }));
      await channel.flushed();
      o.forwarded?.inc(d.party);
      o.log.info('joint result forwarded', { jobId: d.jobId, round: d.round, shardId: d.shardId, attempt: d.attempt, party: d.party, ciphertexts: outputs.length });
      return { ok: true };
    } catch (e) {
      return { ok: false, code: JointCode.ForwardRefused, detail: `not sent: ${(e as Error).message}` };
    } finally {
      channel.close('done');
    }
  };
}

/** What the lessee told the party to expect in one round. */
interface RoundExpectation {
  readonly lessee: string;
  readonly datasetId: string;
  readonly lessors: ReadonlySet<string>;
  /** Forwarded ciphertexts by `<shardId>#<attempt>@<lessor>`. */
  readonly received: Map<string, Uint8Array[]>;
  readonly waiters: Map<string, ((c: Uint8Array[] | undefined) => void)[]>;
  bytes: number;
  readonly maxEntries: number;
}

export interface JointInboxLimits {
  /** Rounds open at once on this party. */
  readonly maxRounds: number;
  /** Bytes of forwarded results held at once, over all rounds. */
  readonly maxBytes: number;
}

/**
 * The third participant's (C's) holding area for lessor-forwarded results: a round is
 * opened by the lessee (who names the lessors that may forward), forwarded results are
 * admitted only for an open round and from those lessors, held in memory (bounded) until
 * the lessee says which attempt's result to take and with which digests, and dropped when
 * the round ends.
 */
export class JointInbox {
  private readonly rounds = new Map<string, RoundExpectation>();
  private bytes = 0;

  constructor(
    private readonly o: {
      readonly nodeId: string;
      readonly log: JsonLogger;
      readonly limits: JointInboxLimits;
      readonly receiveTimeoutMs: number;
      /** Forwarded results admitted, by lessor. */
      readonly received?: Counter;
    },
  ) {}

  private static key(jobId: string, round: number): string {
    return `${jobId}/${round}`;
  }

  open(jobId: string, round: number, e: { lessee: string; datasetId: string; lessors: readonly string[]; shards: number }): { ok: true } | { ok: false; code: string; detail: string } {
    const key = JointInbox.key(jobId, round);
    if (this.rounds.has(key)) return { ok: false, code: JointCode.ProtocolError, detail: `round ${round} of job ${jobId} is already open` };
    if (this.rounds.size >= this.o.limits.maxRounds) return { ok: false, code: JointCode.InboxFull, detail: `${this.rounds.size} rounds open` };
    this.rounds.set(key, { lessee: e.lessee, datasetId: e.datasetId, lessors: new Set(e.lessors), received: new Map(), waiters: new Map(), bytes: 0, maxEntries: e.shards * 8 + 16 });
    return { ok: true };
  }

  close(jobId: string, round: number): void {
    const key = JointInbox.key(jobId, round);
    const r = this.rounds.get(key);
    if (!r) return;
    this.rounds.delete(key);
    this.bytes -= r.bytes;
    for (const list of r.waiters.values()) for (const w of list) w(undefined);
  }

  get heldBytes(): number {
    return this.bytes;
  }

  /** Waits (bounded) for the result `lessor` forwarded for `shardId`'s `attempt`, and hands it over once. */
  take(jobId: string, round: number, shardId: string, attempt: number, lessor: string, timeoutMs: number): Promise<Uint8Array[] | undefined> {
    const r = this.rounds.get(JointInbox.key(jobId, round));
    if (!r) return Promise.resolve(undefined);
    const entry = `${shardId}#${attempt}@${lessor}`;
    const have = r.received.get(entry);
    if (have) return Promise.resolve(this.drop(r, entry, have));
    return new Promise((resolve) => {
      const list = r.waiters.get(entry) ?? [];
      const w = (c: Uint8Array[] | undefined): void => {
        clearTimeout(timer);
        resolve(c === undefined ? undefined : this.drop(r, entry, c));
      };
      const timer = setTimeout(() => {
        const l = r.waiters.get(entry) ?? [];
        const i = l.indexOf(w);
        if (i >= 0) l.splice(i, 1);
        resolve(undefined);
      }, timeoutMs);
      list.push(w);
      r.waiters.set(entry, list);
    });
  }

  private drop(r: RoundExpectation, entry: string, c: Uint8Array[]): Uint8Array[] {
    if (r.received.delete(entry)) {
      const n = c.reduce((t, x) => t + x.byteLength, 0);
      r.bytes -= n;
      this.bytes -= n;
    }
    return c;
  }

  /** Admits the opening frame of a forward channel (lessor -> this party), or refuses it with a code. */
  readonly acceptor: ChannelAcceptor = async (source: string, frame: JobFrame) => {
    const at = parseForwardSubTaskId(frame.subTaskId);
    const r = at && this.rounds.get(JointInbox.key(frame.jobId, at.round));
    if (!at || !r) return { ok: false, code: JointCode.NotExpected, detail: `no open round for ${frame.jobId} ${frame.subTaskId}` };
    if (!r.lessors.has(source) || r.datasetId !== frame.leaseId) return { ok: false, code: JointCode.NotExpected, detail: `${source} is not a lessor the lessee named for dataset ${frame.leaseId}` };
    return { ok: true, serve: (channel: RelayChannel) => this.serveForward(channel, source, at) };
  };

  private async serveForward(channel: RelayChannel, lessor: string, at: { round: number; shardId: string; attempt: number }): Promise<void> {
    const key = JointInbox.key(channel.meta.jobId, at.round);
    const refuse = (code: string, detail: string): void => {
      this.o.log.warn('forwarded joint result refused', { jobId: channel.meta.jobId, round: at.round, shardId: at.shardId, attempt: at.attempt, lessor, code, detail });
      channel.close(`${code}: ${detail}`);
    };
    const bytes = await channel.receive(this.o.receiveTimeoutMs);
    const r = this.rounds.get(key);
    if (!r) return refuse(JointCode.NotExpected, 'the round ended');
    if (this.bytes + bytes.byteLength > this.o.limits.maxBytes) return refuse(JointCode.InboxFull, `${this.bytes} bytes held, limit ${this.o.limits.maxBytes}`);
    if (r.received.size >= r.maxEntries) return refuse(JointCode.InboxFull, `${r.received.size} forwarded results held for this round`);
    const decoded = decodeJointForwarded(bytes, this.o.limits.maxBytes);
    if (!decoded.ok) return refuse(decoded.code, decoded.detail);
    const d = parseDirective(decoded.value.directive);
    if (typeof d === 'string' || d.party !== this.o.nodeId || d.jobId !== channel.meta.jobId || d.datasetId !== r.datasetId || forwardSubTaskId(d) !== channel.meta.subTaskId) {
      return refuse(JointCode.NotExpected, `directive does not match the channel: ${typeof d === 'string' ? d : JSON.stringify(d)}`);
    }
    const entry = `${at.shardId}#${at.attempt}@${lessor}`;
    this.o.received?.inc(lessor);
    const size = decoded.value.ciphertexts.reduce((t, x) => t + x.byteLength, 0);
    const waiter = r.waiters.get(entry)?.shift();
    if (waiter) return waiter(decoded.value.ciphertexts);
    if (r.received.has(entry)) return; // a redelivered transfer
    r.received.set(entry, decoded.value.ciphertexts);
    r.bytes += size;
    this.bytes += size;
  }
}

/**
 * The third participant's side of one round: a lessee named as partner opens a joint
 * channel for one of this participant's datasets and says which lessors will forward
 * which shards; for each shard it then names the attempt to take and the digests the
 * enclave sealed, and the party confirms or refuses that shard; finally the party
 * encrypts its own rows under the lessee's key, evaluates its program over the shards and
 * its rows, and answers with a result only the lessee can decrypt.
 */
export function jointPartyAcceptor(datasets: JointDatasets, inbox: JointInbox, log: JsonLogger): ChannelAcceptor {
  return async (source: string, frame: JobFrame) => {
    const view = await datasets.view(frame.leaseId);
    if (!view) return { ok: false, code: JointCode.DatasetUnknown, detail: `no dataset ${frame.leaseId}` };
    if (!view.partners.includes(source)) return { ok: false, code: JointCode.NotPartner, detail: `${source} is not a partner of dataset ${frame.leaseId}` };
    return {
      ok: true,
      serve: async (channel: RelayChannel) => {
        const started = Date.now();
        const answer = await serveJointRound(channel, source, datasets, inbox, view);
        channel.send(encodeMessage(answer));
        await channel.flushed();
        log.info('joint round served', { jobId: channel.meta.jobId, round: channel.meta.subTaskId, dataset: view.datasetId, lessee: source, outcome: answer.type === 'joint-answer' ? 'ok' : answer.code, ms: Date.now() - started });
      },
    };
  };
}

type PartyAnswer = { type: 'joint-answer'; result: Uint8Array } | { type: 'failure'; code: string; detail: string };
type Layout = { shardId: string; rowStart: number; rowCount: number };

const fail = (code: string, detail: string): PartyAnswer => ({ type: 'failure', code, detail });

/** Checks the lessee's opening message of a round: public material, program (C's policy first), shard layout, lessors, wait. */
function checkOpen(request: unknown, view: JointDatasetView): PartyAnswer | { material: Uint8Array; program: unknown; layout: Layout[]; lessors: string[]; round: number; waitMs: number } {
  if (!isRecord(request) || request.type !== 'joint-open') return fail(JointCode.ProtocolError, 'expected joint-open { round, material, program, layout, lessors, waitMs }');
  const { round, material, program, layout, lessors, waitMs } = request;
  if (!Number.isSafeInteger(round) || (round as number) < 0 || (round as number) > 1000) return fail(JointCode.ProtocolError, 'round is not an integer in 0..1000');
  if (!(material instanceof Uint8Array)) return fail(JointCode.ProtocolError, 'material is not bytes');
  const validated = validateProgram(program);
  if (!validated.ok) return fail(validated.code, validated.detail);
  const width = outputShape(validated.value.program, 1).width;
  if (width > view.maxOutputWidth) return fail('JOINT_PROGRAM_REFUSED', `the program outputs ${width} columns; dataset ${view.datasetId} allows ${view.maxOutputWidth}`);
  if (!Array.isArray(lessors) || lessors.length < 1 || lessors.length > 64 || !lessors.every((l) => typeof l === 'string' && NODE_ID.test(l))) return fail(JointCode.ProtocolError, 'lessors must be 1..64 node ids');
  if (!Array.isArray(layout) || layout.length < 1 || layout.length > 64) return fail(JointCode.ProtocolError, 'layout must list 1..64 shards');
  const shards: Layout[] = [];
  for (const l of layout) {
    if (!isRecord(l) || typeof l.shardId !== 'string' || !SHARD_ID.test(l.shardId) || !Number.isSafeInteger(l.rowStart) || !Number.isSafeInteger(l.rowCount) || (l.rowStart as number) < 0 || (l.rowCount as number) < 1) {
      return fail(JointCode.ProtocolError, 'a layout entry is not { shardId, rowStart, rowCount }');
    }
    if ((l.rowStart as number) + (l.rowCount as number) > view.rows) return fail('JOINT_SHARD_OUT_OF_RANGE', `shard ${l.shardId} runs past row ${view.rows}`);
    shards.push({ shardId: l.shardId, rowStart: l.rowStart as number, rowCount: l.rowCount as number });
  }
  if (new Set(shards.map((x) => x.shardId)).size !== shards.length) return fail(JointCode.ProtocolError, 'shard ids repeat');
  if (!Number.isSafeInteger(waitMs) || (waitMs as number) < 1000 || (waitMs as number) > 600_000) return fail(JointCode.ProtocolError, 'waitMs must be 1000..600000');
  return { material, program, layout: shards, lessors: lessors as string[], round: round as number, waitMs: waitMs as number };
}

async function serveJointRound(channel: RelayChannel, lessee: string, datasets: JointDatasets, inbox: JointInbox, view: JointDatasetView): Promise<PartyAnswer> {
  let open: ReturnType<typeof checkOpen>;
  try {
    open = checkOpen(decodeMessage(await channel.receive()), view);
  } catch (e) {
    return fail(JointCode.ProtocolError, (e as Error).message);
  }
  if ('type' in open) return open;
  const { round, layout, waitMs } = open;
  const jobId = channel.meta.jobId;
  const opened = inbox.open(jobId, round, { lessee, datasetId: view.datasetId, lessors: open.lessors, shards: layout.length });
  if (!opened.ok) return fail(opened.code, opened.detail);
  try {
    channel.send(encodeMessage({ type: 'joint-ready' }));
    const accepted = new Map<string, JointShard>();
    for (;;) {
      let message: unknown;
      try {
        message = decodeMessage(await channel.receive(waitMs * 2));
      } catch (e) {
        return fail(JointCode.ProtocolError, (e as Error).message);
      }
      if (isRecord(message) && message.type === 'joint-evaluate') break;
      if (!isRecord(message) || message.type !== 'joint-expect') return fail(JointCode.ProtocolError, 'expected joint-expect or joint-evaluate');
      const verdict = await expectShard(message, layout, open.lessors, (shardId, attempt, lessor) => inbox.take(jobId, round, shardId, attempt, lessor, waitMs));
      if (verdict.ok) accepted.set(verdict.shard.shardId, verdict.shard);
      channel.send(encodeMessage(verdict.ok ? { type: 'joint-shard', shardId: verdict.shard.shardId, ok: true } : { type: 'joint-shard', shardId: String(message.shardId), ok: false, code: verdict.code, detail: verdict.detail }));
    }
    const missing = layout.filter((l) => !accepted.has(l.shardId)).map((l) => l.shardId);
    if (missing.length > 0) return fail(JointCode.ShardMissing, `no accepted result for shard(s) ${missing.join(', ')}`);
    const data = await datasets.rows(view.datasetId);
    if (!data) return fail(JointCode.DatasetUnknown, view.datasetId);
    const shards = layout.map((l) => accepted.get(l.shardId)!);
    const r = await runJointParty({
      publicMaterial: open.material,
      program: open.program,
      shards,
      expected: shards.map(jointShardRef),
      localRows: sliceRows(data, 0, data.rowCount),
      policy: { maxOutputWidth: view.maxOutputWidth },
    });
    return r.ok ? { type: 'joint-answer', result: r.value.result } : fail(r.code, r.detail);
  } finally {
    inbox.close(jobId, round);
  }
}

/** One `joint-expect`: the shard's placement must be the announced one; the forwarded bytes must match the sealed digests. */
async function expectShard(
  m: Record<string, unknown>,
  layout: readonly Layout[],
  lessors: readonly string[],
  take: (shardId: string, attempt: number, lessor: string) => Promise<Uint8Array[] | undefined>,
): Promise<{ ok: true; shard: JointShard } | { ok: false; code: string; detail: string }> {
  const ref = decodeJointForwardedRef(m.ref);
  if (!ref.ok) return ref;
  const place = layout.find((l) => l.shardId === ref.value.shardId);
  if (!place || place.rowStart !== ref.value.rowStart || place.rowCount !== ref.value.rowCount || m.shardId !== place.shardId) {
    return { ok: false, code: 'JOINT_SHARD_UNEXPECTED', detail: `shard ${String(m.shardId)} is not in the announced layout` };
  }
  if (typeof m.lessor !== 'string' || !lessors.includes(m.lessor) || !Number.isSafeInteger(m.attempt) || (m.attempt as number) < 1) {
    return { ok: false, code: JointCode.ProtocolError, detail: 'joint-expect needs one of the announced lessors and an attempt' };
  }
  const ciphertexts = await take(place.shardId, m.attempt as number, m.lessor);
  if (!ciphertexts) return { ok: false, code: JointCode.ShardMissing, detail: `${m.lessor} forwarded nothing for shard ${place.shardId} attempt ${String(m.attempt)} in time` };
  const shard = jointShardFromForwarded(ref.value, ciphertexts);
  return shard.ok ? { ok: true, shard: shard.value } : shard;
}

/**
 * Lessee side of one joint round: opens the round with the party (public material, the
 * party's program, which shards and which lessors), has each shard confirmed as the
 * lessors' forwarded results arrive there, then asks for the evaluation and opens it.
 */
export class JointRoundSession {
  private constructor(
    private readonly channel: RelayChannel,
    private readonly o: JointRoundOptions,
  ) {}

  static async open(router: ChannelRouter, o: JointRoundOptions): Promise<StrategyOutcome<JointRoundSession>> {
    const channel = router.open({ channelId: `${o.jobId}.joint.${o.round}.${Date.now().toString(36)}`, peer: o.party, leaseId: o.datasetId, jobId: o.jobId, subTaskId: `round${o.round}`, strategy: JOINT_CHANNEL });
    const session = new JointRoundSession(channel, o);
    channel.send(encodeMessage({ type: 'joint-open', round: o.round, material: o.keys.publicMaterial, program: o.partyProgram, layout: o.layout, lessors: o.lessors, waitMs: o.shardWaitMs }));
    const ready = await session.next();
    if (!ready.ok) {
      channel.close('done');
      return ready;
    }
    if (ready.value.type !== 'joint-ready') {
      channel.close('done');
      return { ok: false, code: JointCode.ProtocolError, detail: 'expected joint-ready' };
    }
    return { ok: true, value: session };
  }

  private async next(timeoutMs = this.o.timeoutMs): Promise<StrategyOutcome<Record<string, unknown>>> {
    let m: unknown;
    try {
      m = decodeMessage(await this.channel.receive(timeoutMs));
    } catch (e) {
      // The party refused the round (not a partner, unknown dataset, busy): its close frame names the code.
      const refused = refusalCode(this.channel.peerCloseReason);
      if (refused) return { ok: false, code: refused, detail: this.channel.peerCloseReason ?? '' };
      return { ok: false, code: (e as Error).name === 'ChannelTimeoutError' ? 'JOB_ATTEMPT_TIMEOUT' : JointCode.ProtocolError, detail: (e as Error).message };
    }
    if (isRecord(m) && m.type === 'failure') return { ok: false, code: String(m.code), detail: String(m.detail) };
    return isRecord(m) ? { ok: true, value: m } : { ok: false, code: JointCode.ProtocolError, detail: 'not a message' };
  }

  /** The party's verdict on one shard: the bytes `lessor` forwarded for `attempt` against the digests the enclave sealed. */
  async confirm(lessor: string, attempt: number, ref: JointForwardedShardRef): Promise<StrategyOutcome<void>> {
    this.channel.send(encodeMessage({ type: 'joint-expect', shardId: ref.shardId, lessor, attempt, ref }));
    const r = await this.next(this.o.shardWaitMs + this.o.timeoutMs);
    if (!r.ok) return r;
    if (r.value.type !== 'joint-shard' || r.value.shardId !== ref.shardId) return { ok: false, code: JointCode.ProtocolError, detail: 'expected joint-shard for this shard' };
    return r.value.ok === true ? { ok: true, value: undefined } : { ok: false, code: String(r.value.code), detail: String(r.value.detail) };
  }

  /** Asks the party to evaluate over the confirmed shards and its rows; decrypts its answer (rows in row order). */
  async evaluate(): Promise<StrategyOutcome<number[][]>> {
    this.channel.send(encodeMessage({ type: 'joint-evaluate' }));
    const r = await this.next();
    if (!r.ok) return r;
    if (r.value.type !== 'joint-answer') return { ok: false, code: JointCode.ProtocolError, detail: 'expected joint-answer' };
    return openJointResult(this.o.keys, r.value.result, { program: this.o.partyProgram, shards: this.o.layout });
  }

  close(): void {
    this.channel.close('done');
  }
}

export interface JointRoundOptions {
  readonly jobId: string;
  readonly round: number;
  readonly party: string;
  readonly datasetId: string;
  readonly keys: JointKeys;
  readonly partyProgram: unknown;
  readonly layout: readonly Layout[];
  /** The lessors that may forward results for this round (every lessor of the job's leases). */
  readonly lessors: readonly string[];
  /** How long the party waits for a lessor's forwarded result once told to expect it. */
  readonly shardWaitMs: number;
  readonly timeoutMs: number;
}
