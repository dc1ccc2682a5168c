import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { MessageType, pb, SUBTASK_REPORT_CONTENT_TYPE } from '#libs/contracts';
import { evaluatePlain, heFeasibility, type Program } from '#libs/compute';
import { KeyRing, measureSimulatedEnclaveBundle, PlatformChainCache, TEE_SIMULATED_SOFTWARE } from '#libs/enclave';
import type { Counter, JsonLogger } from '#libs/observability';
import {
  chooseStrategy,
  COMPUTE_PLAIN_WORKLOAD_PATH,
  measureTeeHeResultEnclave,
  outputShape,
  runHeLessee,
  runTeeHeResultLessee,
  runTeeSymmetricLessee,
  createJointKeys,
  jointForwardedRef,
  runTeeHeResultForwarded,
  type StrategyOutcome,
  type SubTaskSpec,
  type TeeLesseeOptions,
} from '#libs/strategy';
import type { HubMarketClient } from '../market/hub-market.client.js';
import type { LeaseStore, LeaseView } from '../market/leases.js';
import type { OrderDesk } from '../market/orders.js';
import type { Outbox } from '../messaging/outbox.js';
import { fromFloat64Bytes, JOB_LIMITS, sliceRows, toFloat64Bytes, type Dataset, type JobSpec, type JobStrategy } from './job-spec.js';
import type { ChannelRouter, RelayChannel } from './relay-channel.js';
import { JointRoundSession } from './joint.js';
import { interleaveByLease, LeaseSlots, MAX_TRANSIENT_RETRIES, refusalCode, TRANSIENT_REFUSALS, transientRetryDelayMs } from './scheduling.js';

export type JobStatus = 'created' | 'ordering' | 'leased' | 'dispatched' | 'running' | 'completed' | 'failed' | 'cancelled';
export const TERMINAL: ReadonlySet<JobStatus> = new Set<JobStatus>(['completed', 'failed', 'cancelled']);

/** Why a job or an attempt failed: stable codes (docs/reason-codes.md). */
export const JobFailure = {
  /** The selector allowed no strategy (policy, resources). */
  NoStrategy: 'JOB_NO_STRATEGY',
  /** The hub refused the buy order. */
  OrderRejected: 'JOB_ORDER_REJECTED',
  /** No sell order matched before the ordering wait ended. */
  NoLease: 'JOB_NO_LEASE',
  /** The deadline passed before the job completed. */
  DeadlineExceeded: 'JOB_DEADLINE_EXCEEDED',
  /** A sub-task failed on every lease it was tried on, or ran out of attempts. */
  SubTaskFailed: 'JOB_SUBTASK_FAILED',
  /** Stopped by the participant. */
  Stopped: 'JOB_STOPPED',
  /** An attempt got no answer in time. */
  AttemptTimeout: 'JOB_ATTEMPT_TIMEOUT',
  /** The lessor closed the channel (refused, failed, restarted). */
  ChannelClosed: 'JOB_CHANNEL_CLOSED',
  /** The lessee restarted while an attempt was in flight. */
  Interrupted: 'JOB_ATTEMPT_INTERRUPTED',
  /** Unexpected error in the runner (see the log). */
  Internal: 'JOB_INTERNAL_ERROR',
} as const;

export interface JobRunnerOptions {
  /** How long a buy order may wait for sell orders before the job proceeds with what it leased. */
  readonly orderWaitMs: number;
  /** One attempt of one sub-task, end to end. */
  readonly attemptTimeoutMs: number;
  /** Attempts per sub-task (over all leases). */
  readonly maxAttempts: number;
  /** Sub-tasks in flight per job. */
  readonly concurrency: number;
  /** Encryption budget the selector may plan with (S206 caps). */
  readonly cpuTimeCapMs: number;
  readonly memoryCapBytes: number;
  /** Accept quotes of the SIMULATED software enclave (the only TEE this build has). */
  readonly allowSimulatedEnclave: boolean;
  readonly pollMs: number;
}

export interface JobRunnerDeps {
  readonly ds: DataSource;
  readonly outbox: Outbox;
  readonly router: ChannelRouter;
  readonly orders: OrderDesk;
  readonly market: HubMarketClient;
  readonly leases: LeaseStore;
  readonly self: { readonly nodeId: string; readonly hubId: string };
  /** Settlement services that serve this participant's hub: they receive the sub-task reports. */
  readonly settlementIds: readonly string[];
  readonly caCertPem: string;
  readonly log: JsonLogger;
  readonly nowMs: () => number;
  readonly counters: { readonly jobs: Counter; readonly attempts: Counter };
  readonly options: JobRunnerOptions;
}

export interface JobRow {
  job_id: string;
  client_job_id: string | null;
  status: JobStatus;
  spec: JobSpec;
  row_count: number;
  width: number;
  strategy: JobStrategy | null;
  selection: unknown;
  order_id: string | null;
  ordered_at_ms: string | null;
  local_rows: number;
  deadline_ms: string;
  failure_code: string | null;
  failure_detail: string | null;
  result_rows: number | null;
  result_width: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface SubTaskRow {
  sub_task_id: string;
  row_start: number;
  row_count: number;
  lease_id: string | null;
  lessor: string | null;
  status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
  attempts: number;
  last_error: string | null;
}

export interface JobView {
  readonly jobId: string;
  readonly clientJobId: string | null;
  readonly status: JobStatus;
  readonly strategy: JobStrategy | null;
  readonly selection: unknown;
  readonly orderId: string | null;
  readonly rows: number;
  readonly width: number;
  readonly subTasks: { readonly total: number; readonly done: number; readonly running: number; readonly failed: number; readonly local: number };
  readonly attempts: readonly { subTaskId: string; attempt: number; leaseId: string; lessor: string; status: string; failureCode: string | null; ms: number | null; startedAt: string; endedAt: string | null }[];
  readonly failure: { readonly code: string; readonly detail: string } | null;
  readonly result: { readonly rows: number; readonly width: number } | null;
  readonly deadlineAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const JOB_COLUMNS = `job_id, client_job_id, status, spec, row_count, width, strategy, selection, order_id, ordered_at_ms::text, local_rows, deadline_ms::text,
  failure_code, failure_detail, result_rows, result_width, created_at, updated_at`;

/**
 * How one attempt ended. `transient`: the lessor refused to start it for now (scheduling.ts
 * TRANSIENT_REFUSALS); the same lease is tried again after a pause, outside the attempt budget.
 */
export type AttemptOutcome = ({ ok: true; rows: number[][]; digest: Buffer } | { ok: false; code: string; detail: string; lessorFault: boolean; transient?: boolean }) & { sent?: number; received?: number };

/** A failed attempt's outcome, read from the channel first: a peer's refusal names its own code. */
function failedOutcome(channel: RelayChannel, code: string, detail: string, lessorFault: boolean): Extract<AttemptOutcome, { ok: false }> {
  const refused = refusalCode(channel.peerCloseReason);
  if (refused !== undefined && TRANSIENT_REFUSALS.has(refused)) return { ok: false, code: refused, detail: channel.peerCloseReason ?? detail, lessorFault: false, transient: true };
  return { ok: false, code: refused ?? code, detail: refused === undefined ? detail : (channel.peerCloseReason ?? detail), lessorFault };
}

/**
 * The lessee's job engine (S202-S210) as a persisted state machine:
 * created -> ordering -> leased -> dispatched -> running -> completed | failed | cancelled.
 * Every state is in the participant's database, so a restarted participant resumes
 * each open job where it was; every wait has a timeout and a next state.
 */
export class JobRunner {
  private readonly driving = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly keyRing = new KeyRing();
  private readonly chainCache = new PlatformChainCache();
  /** At most `cores` attempts at once per lease, across this process. */
  private readonly slots = new LeaseSlots();
  private measurements: Promise<{ plain: string; heResult: string }> | undefined;
  private closed = false;

  constructor(private readonly d: JobRunnerDeps) {}

  /** Resumes every job that is not finished (after a restart). */
  async resume(): Promise<number> {
    const rows: { job_id: string }[] = await this.d.ds.query(`SELECT job_id FROM jobs WHERE status NOT IN ('completed', 'failed', 'cancelled') ORDER BY jobs.created_at`);
    for (const r of rows) this.spawn(r.job_id);
    if (rows.length > 0) this.d.log.info('jobs resumed', { count: rows.length });
    return rows.length;
  }

  /** Stores a validated job and starts it; the same clientJobId returns the existing job. */
  async submit(spec: JobSpec, data: Dataset): Promise<{ job: JobView; created: boolean }> {
    const jobId = randomUUID();
    const rows: { job_id: string }[] = await this.d.ds.query(
      `INSERT INTO jobs (job_id, client_job_id, status, spec, data, row_count, width, deadline_ms) VALUES ($1, $2, 'created', $3, $4, $5, $6, $7)
       ON CONFLICT (client_job_id) DO NOTHING RETURNING job_id`,
      [jobId, spec.clientJobId ?? null, JSON.stringify(spec), toFloat64Bytes(data.values), data.rowCount, data.width, spec.deadlineAtMs],
    );
    if (rows.length === 0) {
      const existing: { job_id: string }[] = await this.d.ds.query(`SELECT job_id FROM jobs WHERE client_job_id = $1`, [spec.clientJobId]);
      return { job: (await this.view(existing[0]?.job_id ?? ''))!, created: false };
    }
    this.d.counters.jobs.inc('created');
    this.d.log.info('job created', { jobId, rows: data.rowCount, width: data.width });
    this.spawn(jobId);
    return { job: (await this.view(jobId))!, created: true };
  }

  /** Stops a job: its lessors are told to stop (channels closed), its open order cancelled. */
  async stop(jobId: string): Promise<JobView | undefined> {
    const job = await this.load(jobId);
    if (!job) return undefined;
    if (!TERMINAL.has(job.status)) {
      await this.finish(jobId, 'cancelled', JobFailure.Stopped, 'stopped by the participant');
      this.driving.get(jobId)?.abort.abort();
      this.d.router.closeJob(jobId, 'job stopped by the lessee');
      if (job.order_id) await this.cancelOrder(job.order_id);
    }
    return this.view(jobId);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.driving.values()) j.abort.abort();
    await Promise.all([...this.driving.values()].map((j) => j.done));
  }

  private spawn(jobId: string): void {
    if (this.driving.has(jobId) || this.closed) return;
    const abort = new AbortController();
    const done = this.drive(jobId, abort.signal).finally(() => this.driving.delete(jobId));
    this.driving.set(jobId, { abort, done });
  }

  private async drive(jobId: string, signal: AbortSignal): Promise<void> {
    try {
      for (;;) {
        if (signal.aborted) return;
        const job = await this.load(jobId);
        if (!job || TERMINAL.has(job.status)) return;
        if (this.d.nowMs() > Number(job.deadline_ms)) {
          await this.finish(jobId, 'failed', JobFailure.DeadlineExceeded, `deadline ${new Date(Number(job.deadline_ms)).toISOString()} passed in state ${job.status}`);
          this.d.router.closeJob(jobId, 'job deadline passed');
          if (job.order_id) await this.cancelOrder(job.order_id);
          return;
        }
        switch (job.status) {
          case 'created':
            await this.select(job);
            break;
          case 'ordering':
            await this.order(job, signal);
            break;
          case 'leased':
            await this.split(job);
            break;
          case 'dispatched':
          case 'running':
            await this.execute(job, signal);
            break;
          case 'completed':
          case 'failed':
          case 'cancelled':
            return;
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      this.d.log.error('job runner failed', { jobId, error: e as Error });
      await this.finish(jobId, 'failed', JobFailure.Internal, (e as Error).message).catch(() => undefined);
    }
  }

  // --- S206: strategy, once per job -------------------------------------------------

  private async select(job: JobRow): Promise<void> {
    const spec = job.spec;
    const outShape = outputShape(spec.program, job.row_count);
    const remoteRows = job.row_count - Math.floor(job.row_count * spec.localShare);
    const reasons: string[] = [];
    let policy = spec.policy;
    const feasible = heFeasibility(spec.program, heParamSetFor(spec.program));
    if (!feasible.ok && !policy.force) {
      policy = { ...policy, forbid: [...new Set([...(policy.forbid ?? []), 'he' as const])] };
      reasons.push(`he excluded: the program cannot run on CKKS ciphertext (${feasible.code})`);
    }
    const selection = await chooseStrategy(
      { targetValues: remoteRows * job.width, resultValues: outShape.rows * outShape.width },
      { cpuTimeCapMs: this.d.options.cpuTimeCapMs, memoryCapBytes: this.d.options.memoryCapBytes, deadlineMs: Math.max(1, Number(job.deadline_ms) - this.d.nowMs()) },
      policy,
      heParamSetFor(spec.program),
    );
    const record = { ...selection, reasons: [...reasons, ...selection.reasons] };
    if (!selection.ok) {
      await this.d.ds.query(`UPDATE jobs SET selection = $2, updated_at = now() WHERE job_id = $1`, [job.job_id, JSON.stringify(record)]);
      await this.finish(job.job_id, 'failed', JobFailure.NoStrategy, `${selection.code}: ${record.reasons.join('; ')}`);
      return;
    }
    await this.d.ds.query(`UPDATE jobs SET status = 'ordering', strategy = $2, selection = $3, updated_at = now() WHERE job_id = $1 AND status = 'created'`, [job.job_id, selection.strategy, JSON.stringify(record)]);
    this.d.log.info('job strategy chosen', { jobId: job.job_id, strategy: selection.strategy, reasons: record.reasons });
  }

  // --- S202: lease compute ----------------------------------------------------------

  private async order(job: JobRow, signal: AbortSignal): Promise<void> {
    const spec = job.spec;
    let orderId = job.order_id;
    let orderedAt = job.ordered_at_ms === null ? undefined : Number(job.ordered_at_ms);
    if (!orderId) {
      const needs = job.strategy === 'he' ? 'he' : 'tee';
      const answer = await this.d.orders.place({
        clientOrderId: `job:${job.job_id}`,
        side: 'buy',
        cores: spec.resources.cores,
        memoryMiB: spec.resources.memoryMiB,
        durationS: spec.resources.durationS,
        priceMinorPerCoreSecond: spec.maxPriceMinorPerCoreSecond,
        capabilities: [...new Set([...spec.capabilities, needs])].sort() as ('tee' | 'he')[],
        securityLevel: spec.securityLevel,
        expiry: { inS: Math.ceil(this.d.options.orderWaitMs / 1000) + 5 },
      });
      if (!answer.ok) {
        await this.finish(job.job_id, 'failed', JobFailure.OrderRejected, `${answer.code}: ${answer.message}`);
        return;
      }
      const placed = (answer.body as { orderId?: unknown }).orderId;
      orderId = typeof placed === 'string' ? placed : '';
      orderedAt = this.d.nowMs();
      await this.d.ds.query(`UPDATE jobs SET order_id = $2, ordered_at_ms = $3, updated_at = now() WHERE job_id = $1`, [job.job_id, orderId, orderedAt]);
      this.d.log.info('job buy order placed', { jobId: job.job_id, orderId, status: (answer.body as { status?: unknown }).status });
    }
    const waitUntil = (orderedAt ?? this.d.nowMs()) + this.d.options.orderWaitMs;
    for (;;) {
      if (signal.aborted) return;
      const leased = await this.leasesOf(orderId);
      const cores = leased.reduce((n, l) => n + l.cores, 0);
      if (cores >= spec.resources.cores || this.d.nowMs() >= waitUntil || this.d.nowMs() > Number(job.deadline_ms)) {
        if (cores < spec.resources.cores) await this.cancelOrder(orderId);
        if (leased.length === 0) {
          if (this.d.nowMs() > Number(job.deadline_ms)) return; // the drive loop fails it on the deadline
          await this.finish(job.job_id, 'failed', JobFailure.NoLease, `no sell order matched ${spec.resources.cores} cores at <= ${spec.maxPriceMinorPerCoreSecond} within ${this.d.options.orderWaitMs} ms`);
          return;
        }
        await this.d.ds.query(`UPDATE jobs SET status = 'leased', updated_at = now() WHERE job_id = $1 AND status = 'ordering'`, [job.job_id]);
        this.d.log.info('job leased', { jobId: job.job_id, leases: leased.length, cores });
        return;
      }
      await sleep(this.d.options.pollMs, signal);
    }
  }

  private async leasesOf(orderId: string): Promise<LeaseView[]> {
    const rows: { lease_id: string }[] = await this.d.ds.query(`SELECT lease_id FROM leases WHERE buy_order_id = $1 AND role = 'lessee' ORDER BY leases.lease_id`, [orderId]);
    const out: LeaseView[] = [];
    for (const r of rows) {
      const l = await this.d.leases.get(r.lease_id);
      if (l) out.push(l);
    }
    return out;
  }

  private async cancelOrder(orderId: string): Promise<void> {
    const r = await this.d.market.cancelOrder(orderId);
    if (!r.ok && r.code !== 'MARKET_ORDER_UNKNOWN') this.d.log.warn('buy order not cancelled', { orderId, code: r.code });
  }

  // --- S204: split ------------------------------------------------------------------

  private async split(job: JobRow): Promise<void> {
    const leases = await this.leasesOf(job.order_id ?? '');
    const localRows = Math.floor(job.row_count * job.spec.localShare);
    const remote = job.row_count - localRows;
    const totalCores = leases.reduce((n, l) => n + l.cores, 0);
    const parts: { rowStart: number; rowCount: number; lease: LeaseView | undefined }[] = [];
    let at = 0;
    leases.forEach((lease, i) => {
      const share = i === leases.length - 1 ? remote - at : Math.floor((remote * lease.cores) / totalCores);
      // One sub-task per lease (S204), cut further only when a share exceeds what one evaluation may take.
      for (let done = 0; done < share; done += JOB_LIMITS.rowsPerSubTask) parts.push({ rowStart: at + done, rowCount: Math.min(JOB_LIMITS.rowsPerSubTask, share - done), lease });
      at += share;
    });
    for (let done = 0; done < localRows; done += JOB_LIMITS.rowsPerSubTask) parts.push({ rowStart: remote + done, rowCount: Math.min(JOB_LIMITS.rowsPerSubTask, localRows - done), lease: undefined });
    await this.d.ds.transaction(async (m) => {
      const [, changed] = await m.query<[unknown, number]>(`UPDATE jobs SET status = 'dispatched', local_rows = $2, updated_at = now() WHERE job_id = $1 AND status = 'leased'`, [job.job_id, localRows]);
      if (changed !== 1) return;
      let n = 0;
      for (const p of parts) {
        await m.query(`INSERT INTO job_subtasks (job_id, sub_task_id, row_start, row_count, lease_id, lessor, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')`, [
          job.job_id,
          p.lease ? `s${n++}` : `local${p.rowStart}`,
          p.rowStart,
          p.rowCount,
          p.lease?.leaseId ?? null,
          p.lease?.lessor ?? null,
        ]);
      }
    });
    this.d.log.info('job split', { jobId: job.job_id, subTasks: parts.length, localRows });
  }

  // --- S208-S210: dispatch, execute, collect -----------------------------------------

  private async execute(job: JobRow, signal: AbortSignal): Promise<void> {
    await this.d.ds.query(`UPDATE jobs SET status = 'running', updated_at = now() WHERE job_id = $1 AND status = 'dispatched'`, [job.job_id]);
    await this.closeInterruptedAttempts(job);
    if (job.spec.joint) {
      await this.executeJoint(job, job.spec.joint, signal);
      return;
    }
    const data = await this.dataset(job.job_id);
    const subTasks: SubTaskRow[] = await this.d.ds.query(
      `SELECT sub_task_id, row_start, row_count, lease_id, lessor, status, attempts, last_error FROM job_subtasks WHERE job_id = $1 ORDER BY job_subtasks.row_start`,
      [job.job_id],
    );
    // Round-robin over leases: with `concurrency` workers every lease gets work at once, and each attempt waits for a slot of its lease.
    const open = interleaveByLease(subTasks.filter((s) => s.status === 'pending' || s.status === 'running'));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < open.length && !signal.aborted) {
        const s = open[next++]!;
        await this.runSubTask(job, data, s, signal);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.d.options.concurrency, open.length)) }, worker));
    if (signal.aborted) return;
    const after: { status: string; sub_task_id: string; last_error: string | null }[] = await this.d.ds.query(`SELECT sub_task_id, status, last_error FROM job_subtasks WHERE job_id = $1`, [job.job_id]);
    const failed = after.filter((s) => s.status !== 'completed');
    if (failed.length > 0) {
      await this.finish(job.job_id, 'failed', JobFailure.SubTaskFailed, failed.map((s) => `${s.sub_task_id}: ${s.last_error ?? s.status}`).join('; ').slice(0, 2000));
      return;
    }
    await this.aggregate(job);
  }

  /**
   * Claims 6-7: each round, the lessee opens the round with the third participant (its HE
   * public material, the party's program, the shard layout, the lessors that will forward);
   * each lessor's enclave computes on the lessee's rows and its host forwards the result,
   * HE-encrypted under the lessee's joint key, straight to the party through the hubs; the
   * lessee gets only the digests the enclave sealed and hands them to the party, which
   * confirms each shard (a tampered or missing forward fails that attempt, and the sub-task is
   * retried on another lease). The party then combines the shards with its own rows under
   * that key; the lessee decrypts. The next round's lessor input is this round's output, sent
   * to the enclaves under fresh symmetric keys. The joint key pair lives in memory: a lessee
   * restart re-runs the job's rounds from the first with new keys (attempts already billed
   * stay billed once).
   */
  private async executeJoint(job: JobRow, joint: NonNullable<JobSpec['joint']>, signal: AbortSignal): Promise<void> {
    const subTasks: SubTaskRow[] = await this.d.ds.query(
      `SELECT sub_task_id, row_start, row_count, lease_id, lessor, status, attempts, last_error FROM job_subtasks WHERE job_id = $1 ORDER BY job_subtasks.row_start`,
      [job.job_id],
    );
    const partyPrograms = [joint.partyProgram, ...joint.rounds.map((r) => r.partyProgram)];
    const keys = await createJointKeys(partyPrograms, { maxShardRows: Math.max(...subTasks.map((s) => s.row_count)) });
    if (!keys.ok) {
      await this.finish(job.job_id, 'failed', keys.code, keys.detail);
      return;
    }
    try {
      const data = await this.dataset(job.job_id);
      const lessors = [...new Set((await this.leasesOf(job.order_id ?? '')).map((l) => l.lessor))];
      const layout = subTasks.map((s) => ({ shardId: s.sub_task_id, rowStart: s.row_start, rowCount: s.row_count }));
      let input: Dataset = data;
      for (let round = 0; round < partyPrograms.length; round++) {
        if (signal.aborted) return;
        const program = round === 0 ? job.spec.program : joint.rounds[round - 1]!.lessorProgram;
        const opened = await JointRoundSession.open(this.d.router, {
          jobId: job.job_id,
          round,
          party: joint.party,
          datasetId: joint.datasetId,
          keys: keys.value,
          partyProgram: partyPrograms[round],
          layout,
          lessors,
          shardWaitMs: Math.min(60_000, this.d.options.attemptTimeoutMs),
          timeoutMs: this.d.options.attemptTimeoutMs,
        });
        if (!opened.ok) {
          await this.finish(job.job_id, 'failed', opened.code, `round ${round + 1} with ${joint.party}: ${opened.detail}`);
          return;
        }
        const party = opened.value;
        let combined: StrategyOutcome<number[][]>;
        try {
          for (const s of subTasks) {
            if (signal.aborted) return;
            const rows = sliceRows(input, s.row_start, s.row_count);
            const done = await this.withAttempts(job, s, signal, false, async (lease, attempt, channelId) => {
              const channel = this.d.router.open({ channelId, peer: lease.lessor, leaseId: lease.leaseId, jobId: job.job_id, subTaskId: s.sub_task_id, strategy: 'tee-symmetric-he-result' });
              try {
                const forward = { party: joint.party, datasetId: joint.datasetId, jobId: job.job_id, round, shardId: s.sub_task_id, attempt };
                const raw = await runTeeHeResultForwarded(channel, { subTaskId: channelId, program, rows }, keys.value, await this.teeOptions(job, lease, `${s.sub_task_id}.${attempt}`), forward);
                const sizes = { sent: channel.bytesSent, received: channel.bytesReceived };
                if (!raw.ok) return { ...failedOutcome(channel, raw.code, raw.detail, true), ...sizes };
                const digest = createHash('sha256').update(channel.lastReceived ?? new Uint8Array(0)).digest();
                // The attempt counts only once the party holds bytes matching the digests the enclave sealed.
                const confirmed = await party.confirm(lease.lessor, attempt, jointForwardedRef(raw.value, { shardId: s.sub_task_id, rowStart: s.row_start }));
                if (!confirmed.ok) return { ok: false as const, code: confirmed.code, detail: `${joint.party}: ${confirmed.detail}`, lessorFault: true, ...sizes };
                return { ok: true as const, rows: [], digest, ...sizes };
              } catch (e) {
                return failedOutcome(channel, (e as Error).name === 'ChannelTimeoutError' ? JobFailure.AttemptTimeout : JobFailure.ChannelClosed, (e as Error).message, true);
              } finally {
                channel.close('done');
              }
            });
            if (!done) {
              if (!signal.aborted) await this.finish(job.job_id, 'failed', JobFailure.SubTaskFailed, `round ${round + 1}: sub-task ${s.sub_task_id} failed on every lease`);
              return;
            }
          }
          combined = await party.evaluate();
        } finally {
          party.close();
        }
        if (!combined.ok) {
          await this.finish(job.job_id, 'failed', combined.code, `round ${round + 1} with ${joint.party}: ${combined.detail}`);
          return;
        }
        this.d.log.info('joint round completed', { jobId: job.job_id, round: round + 1, party: joint.party, rows: combined.value.length });
        const width = combined.value[0]?.length ?? 0;
        const values = new Float64Array(combined.value.length * width);
        combined.value.forEach((r, i) => values.set(r, i * width));
        input = { rowCount: combined.value.length, width, values };
      }
      await this.complete(job, sliceRows(input, 0, input.rowCount));
    } finally {
      keys.value.dispose();
    }
  }

  /** An attempt still 'running' after a restart died with the previous process: close it and bill nothing twice. */
  private async closeInterruptedAttempts(job: JobRow): Promise<void> {
    const stale: { sub_task_id: string; attempt: number; lease_id: string; lessor: string; started_at_ms: string; channel_id: string }[] = await this.d.ds.query(
      `SELECT sub_task_id, attempt, lease_id, lessor, started_at_ms::text, channel_id FROM job_attempts WHERE job_id = $1 AND status = 'running'`,
      [job.job_id],
    );
    for (const a of stale) {
      if (this.d.router.has(a.channel_id)) continue; // still in flight in this process
      const started = Number(a.started_at_ms);
      const ended = Math.min(this.d.nowMs(), started + this.d.options.attemptTimeoutMs);
      await this.d.ds.transaction(async (m) => {
        await m.query(`UPDATE job_attempts SET status = 'cancelled-lessee', ended_at_ms = $4, failure_code = $5 WHERE job_id = $1 AND sub_task_id = $2 AND attempt = $3 AND status = 'running'`, [
          job.job_id,
          a.sub_task_id,
          a.attempt,
          ended,
          JobFailure.Interrupted,
        ]);
        await this.report(m, job, a.sub_task_id, a.attempt, a.lease_id, a.lessor, 'cancelled-lessee', started, ended, undefined, 0, 0, 0, JobFailure.Interrupted);
      });
    }
  }

  private async runSubTask(job: JobRow, data: Dataset, s: SubTaskRow, signal: AbortSignal): Promise<void> {
    const rows = sliceRows(data, s.row_start, s.row_count);
    if (s.lease_id === null) {
      const r = evaluatePlain(job.spec.program, rows);
      if (!r.ok) await this.d.ds.query(`UPDATE job_subtasks SET status = 'failed', last_error = $3 WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id, `${r.code}: ${r.detail}`]);
      else await this.storeResult(this.d.ds.manager, job.job_id, s.sub_task_id, r.value);
      return;
    }
    await this.withAttempts(job, s, signal, true, (lease, attempt, channelId) => this.attempt(job, s, rows, lease, attempt, channelId));
  }

  /**
   * The attempt loop of one leased sub-task: record the attempt, run it, record its
   * outcome and the evidence report in one transaction, move to another lease on a
   * lessor failure, until it succeeds or runs out of attempts / leases. Returns the
   * successful outcome (its rows are stored as the sub-task's result when `store`).
   */
  async withAttempts<T extends AttemptOutcome>(
    job: JobRow,
    s: SubTaskRow,
    signal: AbortSignal,
    store: boolean,
    run: (lease: LeaseView, attempt: number, channelId: string) => Promise<T>,
  ): Promise<Extract<T, { ok: true }> | undefined> {
    let leaseId: string = s.lease_id ?? '';
    let lessor: string = s.lessor ?? '';
    const current: { n: number }[] = await this.d.ds.query(`SELECT attempts AS n FROM job_subtasks WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id]);
    let attempts = current[0]?.n ?? s.attempts;
    let budget = this.d.options.maxAttempts;
    let pauses = 0;
    while (!signal.aborted) {
      if (budget <= 0) {
        await this.d.ds.query(`UPDATE job_subtasks SET status = 'failed' WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id]);
        return undefined;
      }
      const lease = await this.d.leases.get(leaseId);
      // A lease admits `cores` sub-tasks at once: wait for a slot before the attempt starts (and its time counts).
      const release = lease ? await this.slots.acquire(leaseId, lease.cores, signal) : () => undefined;
      if (!release) return undefined;
      let outcome: AttemptOutcome;
      let attempt: number;
      let startedAt: number;
      try {
        ({ attempt, startedAt, outcome } = await this.oneAttempt(job, s, ++attempts, leaseId, lessor, lease, run));
      } finally {
        release();
      }
      const endedAt = this.d.nowMs();
      const stopped = signal.aborted;
      // A transient refusal (the lessor did no work) is billed as nothing: reported as failed-lessor with its code.
      const status = outcome.ok ? 'completed' : stopped ? 'cancelled-lessee' : outcome.transient || outcome.lessorFault ? 'failed-lessor' : 'cancelled-lessee';
      this.d.counters.attempts.inc(status);
      const sizes = { sent: outcome.sent ?? 0, received: outcome.received ?? 0 };
      await this.d.ds.transaction(async (m) => {
        await m.query(
          `UPDATE job_attempts SET status = $4, ended_at_ms = $5, failure_code = $6, result_digest = $7, bytes_sent = $8, bytes_received = $9 WHERE job_id = $1 AND sub_task_id = $2 AND attempt = $3`,
          [job.job_id, s.sub_task_id, attempt, status, endedAt, outcome.ok ? null : outcome.code, outcome.ok ? outcome.digest : null, sizes.sent, sizes.received],
        );
        await this.report(m, job, s.sub_task_id, attempt, leaseId, lessor, status, startedAt, endedAt, outcome.ok ? outcome.digest : undefined, sizes.sent, sizes.received, s.row_count, outcome.ok ? '' : outcome.code);
        if (outcome.ok && store) await this.storeResult(m, job.job_id, s.sub_task_id, outcome.rows);
        else if (outcome.ok) await m.query(`UPDATE job_subtasks SET status = 'completed', last_error = NULL WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id]);
        else await m.query(`UPDATE job_subtasks SET last_error = $3 WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id, `${outcome.code}: ${outcome.detail}`.slice(0, 1000)]);
      });
      if (outcome.ok) {
        this.d.log.info('sub-task completed', { jobId: job.job_id, subTaskId: s.sub_task_id, attempt, lessor, ms: endedAt - startedAt });
        return outcome as Extract<T, { ok: true }>;
      }
      if (stopped) return undefined;
      if (outcome.transient && pauses < MAX_TRANSIENT_RETRIES) {
        const pause = transientRetryDelayMs(pauses++);
        this.d.log.info('lessor not ready for the sub-task; same lease again after a pause', { jobId: job.job_id, subTaskId: s.sub_task_id, attempt, lessor, code: outcome.code, pauseMs: pause });
        await sleep(pause, signal);
        continue;
      }
      budget--;
      this.d.log.warn('sub-task attempt failed', { jobId: job.job_id, subTaskId: s.sub_task_id, attempt, lessor, code: outcome.code, detail: outcome.detail });
      const other = await this.nextLease(job, leaseId);
      if (!other) {
        await this.d.ds.query(`UPDATE job_subtasks SET status = 'failed' WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id]);
        return undefined;
      }
      leaseId = other.leaseId;
      lessor = other.lessor;
    }
    return undefined;
  }

  /** Records one attempt as running and runs it. */
  private async oneAttempt<T extends AttemptOutcome>(
    job: JobRow,
    s: SubTaskRow,
    attempt: number,
    leaseId: string,
    lessor: string,
    lease: LeaseView | undefined,
    run: (lease: LeaseView, attempt: number, channelId: string) => Promise<T>,
  ): Promise<{ attempt: number; startedAt: number; outcome: AttemptOutcome }> {
    const channelId = `${job.job_id}.${s.sub_task_id}.${attempt}`;
    const startedAt = this.d.nowMs();
    await this.d.ds.transaction(async (m) => {
      await m.query(`UPDATE job_subtasks SET status = 'running', attempts = $3, lease_id = $4, lessor = $5 WHERE job_id = $1 AND sub_task_id = $2`, [job.job_id, s.sub_task_id, attempt, leaseId, lessor]);
      await m.query(`INSERT INTO job_attempts (job_id, sub_task_id, attempt, lease_id, lessor, channel_id, status, started_at_ms) VALUES ($1, $2, $3, $4, $5, $6, 'running', $7)`, [
        job.job_id,
        s.sub_task_id,
        attempt,
        leaseId,
        lessor,
        channelId,
        startedAt,
      ]);
    });
    const outcome: AttemptOutcome = lease ? await run(lease, attempt, channelId) : { ok: false as const, code: 'JOB_LEASE_UNKNOWN', detail: `lease ${leaseId} not stored`, lessorFault: false };
    return { attempt, startedAt, outcome };
  }

  /**
   * Where a failed sub-task goes next: another active lease of this job whose lessor has
   * not failed in this job, else the same lease again (a restarted lessor may answer), while
   * it is active. Attempts are bounded by maxAttempts.
   */
  private async nextLease(job: JobRow, failedLeaseId: string): Promise<LeaseView | undefined> {
    const failedLessors = new Set(
      (
        await this.d.ds.query<{ lessor: string }[]>(`SELECT DISTINCT lessor FROM job_attempts WHERE job_id = $1 AND status = 'failed-lessor' AND failure_code <> ALL($2::text[])`, [
          job.job_id,
          [...TRANSIENT_REFUSALS],
        ])
      ).map((r) => r.lessor),
    );
    const now = this.d.nowMs();
    const active = (await this.leasesOf(job.order_id ?? '')).filter((l) => now < l.endMs - 1000);
    return active.find((l) => !failedLessors.has(l.lessor)) ?? active.find((l) => l.leaseId === failedLeaseId);
  }

  private async attempt(job: JobRow, s: SubTaskRow, rows: number[][], lease: LeaseView, attempt: number, channelId: string): Promise<AttemptOutcome> {
    const channel = this.d.router.open({ channelId, peer: lease.lessor, leaseId: lease.leaseId, jobId: job.job_id, subTaskId: s.sub_task_id, strategy: job.strategy as JobStrategy });
    const outcome = await this.attemptOn(channel, job, rows, lease, attempt, s);
    return { ...outcome, sent: channel.bytesSent, received: channel.bytesReceived };
  }

  private async attemptOn(channel: RelayChannel, job: JobRow, rows: number[][], lease: LeaseView, attempt: number, s: SubTaskRow): Promise<AttemptOutcome> {
    const strategy = job.strategy as JobStrategy;
    const spec: SubTaskSpec = { subTaskId: `${job.job_id}.${s.sub_task_id}.${attempt}`, program: job.spec.program, rows };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      channel.close(`${JobFailure.AttemptTimeout}: no result within ${this.d.options.attemptTimeoutMs} ms`);
    }, this.d.options.attemptTimeoutMs);
    try {
      const receiveTimeoutMs = this.d.options.attemptTimeoutMs;
      let r: StrategyOutcome<{ rows: number[][] }>;
      if (strategy === 'he') r = await runHeLessee(channel, spec, { receiveTimeoutMs, paramSet: heParamSetFor(job.spec.program) });
      else {
        const tee = await this.teeOptions(job, lease, `${s.sub_task_id}.${attempt}`);
        r = strategy === 'tee-symmetric' ? await runTeeSymmetricLessee(channel, spec, tee) : await runTeeHeResultLessee(channel, spec, tee);
      }
      if (!r.ok) return timedOut ? { ok: false, code: JobFailure.AttemptTimeout, detail: r.detail, lessorFault: true } : failedOutcome(channel, r.code, r.detail, true);
      const digest = createHash('sha256').update(channel.lastReceived ?? new Uint8Array(0)).digest();
      return { ok: true, rows: r.value.rows, digest };
    } catch (e) {
      const name = (e as Error).name;
      const code = timedOut ? JobFailure.AttemptTimeout : name === 'ChannelTimeoutError' ? JobFailure.AttemptTimeout : name === 'ChannelClosedError' ? JobFailure.ChannelClosed : JobFailure.Internal;
      return timedOut || code === JobFailure.Internal ? { ok: false, code, detail: (e as Error).message, lessorFault: code !== JobFailure.Internal } : failedOutcome(channel, code, (e as Error).message, true);
    } finally {
      clearTimeout(timer);
      channel.close('done');
    }
  }

  /** Quote policy and key ring for one attempt; the enclave session (and key) is per attempt within the lease, so a retry never reuses a key. */
  private async teeOptions(job: JobRow, lease: LeaseView, attemptTag: string): Promise<TeeLesseeOptions> {
    const m = await this.measurementsOnce();
    return {
      leaseId: `${lease.leaseId}:${attemptTag}`,
      lessorId: lease.lessor,
      lesseeId: this.d.self.nodeId,
      trustAnchorPem: this.d.caCertPem,
      allowedMeasurements: [job.strategy === 'tee-symmetric' ? m.plain : m.heResult],
      allowedTeeTypes: this.d.options.allowSimulatedEnclave ? [TEE_SIMULATED_SOFTWARE] : [],
      keyRing: this.keyRing,
      chainCache: this.chainCache,
      receiveTimeoutMs: this.d.options.attemptTimeoutMs,
    };
  }

  private measurementsOnce(): Promise<{ plain: string; heResult: string }> {
    this.measurements ??= Promise.all([measureSimulatedEnclaveBundle(COMPUTE_PLAIN_WORKLOAD_PATH), measureTeeHeResultEnclave()]).then(([plain, heResult]) => ({ plain, heResult }));
    return this.measurements;
  }

  /** Evidence of one attempt to each settlement service serving this hub (idempotent per attempt). */
  private async report(
    m: EntityManager,
    job: JobRow,
    subTaskId: string,
    attempt: number,
    leaseId: string,
    lessor: string,
    outcome: string,
    startedAtMs: number,
    endedAtMs: number,
    digest: Buffer | undefined,
    inputBytes: number,
    resultBytes: number,
    rows: number,
    failureCode: string,
  ): Promise<void> {
    const reportId = `${job.job_id}/${subTaskId}#${attempt}`;
    const body = pb.SubTaskReport.encode({
      reportId,
      jobId: job.job_id,
      subTaskId,
      attempt,
      leaseId,
      lessee: this.d.self.nodeId,
      lessor,
      strategy: job.strategy ?? '',
      outcome,
      startedAtMs,
      endedAtMs,
      resultDigest: digest ?? new Uint8Array(0),
      inputBytes,
      resultBytes,
      rows,
      failureCode,
    }).finish();
    for (const target of this.d.settlementIds) {
      await this.d.outbox.add(m, { target, type: MessageType.SubTaskReport, sessionId: job.job_id, contentType: SUBTASK_REPORT_CONTENT_TYPE, body, causedBy: `report:${target}:${reportId}` });
    }
  }

  private async storeResult(m: EntityManager, jobId: string, subTaskId: string, rows: number[][]): Promise<void> {
    const width = rows[0]?.length ?? 0;
    const values = new Float64Array(rows.length * width);
    rows.forEach((r, i) => values.set(r, i * width));
    await m.query(`UPDATE job_subtasks SET status = 'completed', result = $3, result_rows = $4, result_width = $5, last_error = NULL WHERE job_id = $1 AND sub_task_id = $2`, [
      jobId,
      subTaskId,
      toFloat64Bytes(values),
      rows.length,
      width,
    ]);
  }

  /** S210: per-row outputs concatenated in row order; a final reduction over rows combined; then the local post-program. */
  private async aggregate(job: JobRow): Promise<void> {
    const parts: { row_count: number; result: Buffer; result_rows: number; result_width: number }[] = await this.d.ds.query(
      `SELECT row_count, result, result_rows, result_width FROM job_subtasks WHERE job_id = $1 ORDER BY job_subtasks.row_start`,
      [job.job_id],
    );
    const program = job.spec.program;
    const last = program.ops[program.ops.length - 1];
    const reduction = last && (last.op === 'sum' || last.op === 'mean') && last.axis === 'rows' ? last.op : undefined;
    const width = parts[0]?.result_width ?? 0;
    let rows: number[][];
    if (reduction) {
      const acc = new Array<number>(width).fill(0);
      for (const p of parts) {
        const v = fromFloat64Bytes(p.result);
        for (let j = 0; j < width; j++) acc[j]! += reduction === 'sum' ? v[j]! : v[j]! * p.row_count;
      }
      rows = [reduction === 'sum' ? acc : acc.map((x) => x / job.row_count)];
    } else {
      rows = [];
      for (const p of parts) {
        const v = fromFloat64Bytes(p.result);
        for (let i = 0; i < p.result_rows; i++) rows.push(Array.from(v.subarray(i * width, (i + 1) * width)));
      }
    }
    await this.complete(job, rows);
  }

  /** S210's last step: the optional local post-program, then the final result stored for the lessee. */
  private async complete(job: JobRow, input: number[][]): Promise<void> {
    let rows = input;
    if (job.spec.postProgram) {
      const post = evaluatePlain(job.spec.postProgram, rows);
      if (!post.ok) {
        await this.finish(job.job_id, 'failed', 'JOB_POST_PROGRAM_FAILED', `${post.code}: ${post.detail}`);
        return;
      }
      rows = post.value;
    }
    const outWidth = rows[0]?.length ?? 0;
    const values = new Float64Array(rows.length * outWidth);
    rows.forEach((r, i) => values.set(r, i * outWidth));
    await this.d.ds.query(
      `UPDATE jobs SET status = 'completed', result = $2, result_rows = $3, result_width = $4, updated_at = now() WHERE job_id = $1 AND status NOT IN ('completed', 'failed', 'cancelled')`,
      [job.job_id, toFloat64Bytes(values), rows.length, outWidth],
    );
    this.d.counters.jobs.inc('completed');
    this.d.log.info('job completed', { jobId: job.job_id, rows: rows.length, width: outWidth });
  }

  private async finish(jobId: string, status: 'failed' | 'cancelled', code: string, detail: string): Promise<void> {
    const [, changed] = await this.d.ds.query<[unknown, number]>(
      `UPDATE jobs SET status = $2, failure_code = $3, failure_detail = $4, updated_at = now() WHERE job_id = $1 AND status NOT IN ('completed', 'failed', 'cancelled')`,
      [jobId, status, code, detail.slice(0, 2000)],
    );
    if (changed === 1) {
      this.d.counters.jobs.inc(status);
      this.d.log.warn(`job ${status}`, { jobId, code, detail });
    }
  }

  private async load(jobId: string): Promise<JobRow | undefined> {
    const rows: JobRow[] = await this.d.ds.query(`SELECT ${JOB_COLUMNS} FROM jobs WHERE job_id = $1`, [jobId]);
    return rows[0];
  }

  private async dataset(jobId: string): Promise<Dataset> {
    const rows: { data: Buffer; row_count: number; width: number }[] = await this.d.ds.query(`SELECT data, row_count, width FROM jobs WHERE job_id = $1`, [jobId]);
    const r = rows[0]!;
    return { rowCount: r.row_count, width: r.width, values: fromFloat64Bytes(r.data) };
  }

  async view(jobId: string): Promise<JobView | undefined> {
    const job = await this.load(jobId);
    if (!job) return undefined;
    const subs: { status: string; lease_id: string | null }[] = await this.d.ds.query(`SELECT status, lease_id FROM job_subtasks WHERE job_id = $1`, [jobId]);
    const attempts: { sub_task_id: string; attempt: number; lease_id: string; lessor: string; status: string; failure_code: string | null; started_at_ms: string; ended_at_ms: string | null }[] = await this.d.ds.query(
      `SELECT sub_task_id, attempt, lease_id, lessor, status, failure_code, started_at_ms::text, ended_at_ms::text FROM job_attempts WHERE job_id = $1 ORDER BY job_attempts.started_at_ms LIMIT 200`,
      [jobId],
    );
    return {
      jobId,
      clientJobId: job.client_job_id,
      status: job.status,
      strategy: job.strategy,
      selection: job.selection,
      orderId: job.order_id,
      rows: job.row_count,
      width: job.width,
      subTasks: {
        total: subs.length,
        done: subs.filter((s) => s.status === 'completed').length,
        running: subs.filter((s) => s.status === 'running').length,
        failed: subs.filter((s) => s.status === 'failed').length,
        local: subs.filter((s) => s.lease_id === null).length,
      },
      attempts: attempts.map((a) => ({
        subTaskId: a.sub_task_id,
        attempt: a.attempt,
        leaseId: a.lease_id,
        lessor: a.lessor,
        status: a.status,
        failureCode: a.failure_code,
        ms: a.ended_at_ms === null ? null : Number(a.ended_at_ms) - Number(a.started_at_ms),
        startedAt: new Date(Number(a.started_at_ms)).toISOString(),
        endedAt: a.ended_at_ms === null ? null : new Date(Number(a.ended_at_ms)).toISOString(),
      })),
      failure: job.failure_code ? { code: job.failure_code, detail: job.failure_detail ?? '' } : null,
      result: job.result_rows === null ? null : { rows: job.result_rows, width: job.result_width ?? 0 },
      deadlineAt: new Date(Number(job.deadline_ms)).toISOString(),
      createdAt: new Date(job.created_at).toISOString(),
      updatedAt: new Date(job.updated_at).toISOString(),
    };
  }

  async list(limit: number): Promise<{ jobId: string; clientJobId: string | null; status: string; strategy: string | null; createdAt: string }[]> {
    const rows: { job_id: string; client_job_id: string | null; status: string; strategy: string | null; created_at: Date }[] = await this.d.ds.query(
      `SELECT job_id, client_job_id, status, strategy, created_at FROM jobs ORDER BY jobs.created_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ jobId: r.job_id, clientJobId: r.client_job_id, status: r.status, strategy: r.strategy, createdAt: new Date(r.created_at).toISOString() }));
  }

  /** The final result (rows of numbers) of a completed job. */
  async result(jobId: string): Promise<{ status: JobStatus; rows?: number[][] } | undefined> {
    const r: { status: JobStatus; result: Buffer | null; result_rows: number | null; result_width: number | null }[] = await this.d.ds.query(
      `SELECT status, result, result_rows, result_width FROM jobs WHERE job_id = $1`,
      [jobId],
    );
    const row = r[0];
    if (!row) return undefined;
    if (row.status !== 'completed' || !row.result) return { status: row.status };
    const v = fromFloat64Bytes(row.result);
    const w = row.result_width ?? 0;
    const rows: number[][] = [];
    for (let i = 0; i < (row.result_rows ?? 0); i++) rows.push(Array.from(v.subarray(i * w, (i + 1) * w)));
    return { status: row.status, rows };
  }
}

/** The smallest CKKS parameter set deep enough for the program (HE strategy). */
export const HE_PARAM_SETS = ['ckks-8192', 'ckks-16384'] as const;
export function heParamSetFor(program: Program): string {
  return HE_PARAM_SETS.find((p) => heFeasibility(program, p).ok) ?? HE_PARAM_SETS[HE_PARAM_SETS.length - 1]!;
}

/** Waits `ms`, or less if `signal` aborts; leaves no listener behind on the (long-lived) job signal. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export type { Program };
