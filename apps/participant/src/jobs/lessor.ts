import { readFileSync } from 'node:fs';
import type { JobFrame } from '#libs/contracts';
import { SimulatedSoftwareEnclave } from '#libs/enclave';
import type { JsonLogger, Counter } from '#libs/observability';
import { COMPUTE_PLAIN_WORKLOAD_PATH, decodeMessage, isRecord, serveHeLessor, serveTeeLessor, teeHeResultEnclaveBundle, type ByteChannel, type TeeForwardHook } from '#libs/strategy';
import type { LeaseStore } from '../market/leases.js';
import type { ChannelAcceptor, ChannelMeta, RelayChannel } from './relay-channel.js';
import { JOB_STRATEGIES, type JobStrategy } from './job-spec.js';

export const LessorCode = {
  /** No lease with this id, or this node is not its lessor. */
  LeaseUnknown: 'JOB_LEASE_UNKNOWN',
  /** The channel's opener is not the lease's lessee. */
  NotLessee: 'JOB_NOT_LESSEE',
  /** The lease ended (or has not started). */
  LeaseNotActive: 'JOB_LEASE_NOT_ACTIVE',
  /** The strategy needs a capability the lease does not include (tee for the enclave strategies, he for HE). */
  StrategyNotLeased: 'JOB_STRATEGY_NOT_LEASED',
  /** More concurrent sub-tasks on one lease than it has cores. */
  LeaseBusy: 'JOB_LEASE_BUSY',
} as const;

export interface LessorOptions {
  readonly nodeId: string;
  readonly leases: LeaseStore;
  readonly platform: { readonly keyFile: string; readonly certFile: string };
  readonly log: JsonLogger;
  readonly nowMs: () => number;
  readonly receiveTimeoutMs: number;
  /** Enclave request timeout (execution of one sub-task). */
  readonly enclaveRequestTimeoutMs: number;
  readonly served: Counter;
  /**
   * FAULT INJECTION for tests (DATANET_CHAOS_CORRUPT_RESULTS): flips bytes in the
   * results this lessor sends, so lessees' rejection and retry can be shown on real processes.
   */
  readonly corruptResults?: boolean;
  /**
   * Carries out a lessee's `forward` directive of a tee-symmetric-he-result sub-task (joint
   * computation: the enclave's HE result goes to the third participant, not back to the lessee).
   */
  readonly forward?: (lesseeChannel: ChannelMeta) => TeeForwardHook;
}

/**
 * The lessor's side of S208: executes the sub-tasks of leases it holds, only for a
 * channel opened by the lease's lessee while the lease is active, in its (simulated)
 * enclave for the TEE strategies or on HE ciphertext. The host code here sees only
 * ciphertext, quotes and public keys.
 */
export class LessorExecutor {
  private readonly enclaves = new Map<string, Promise<SimulatedSoftwareEnclave>>();
  private readonly active = new Map<string, number>();

  constructor(private readonly o: LessorOptions) {}

  readonly accept: ChannelAcceptor = async (source: string, frame: JobFrame) => {
    const strategy = frame.strategy as JobStrategy;
    if (!JOB_STRATEGIES.includes(strategy)) return { ok: false, code: 'STRATEGY_PROTOCOL_ERROR', detail: `unknown strategy ${frame.strategy}` };
    const lease = await this.o.leases.get(frame.leaseId);
    if (!lease || lease.role !== 'lessor' || lease.lessor !== this.o.nodeId) return { ok: false, code: LessorCode.LeaseUnknown, detail: `no lease ${frame.leaseId} with ${this.o.nodeId} as lessor` };
    if (lease.lessee !== source) return { ok: false, code: LessorCode.NotLessee, detail: `lease ${frame.leaseId} belongs to ${lease.lessee}, channel opened by ${source}` };
    const now = this.o.nowMs();
    if (now < Number(lease.startMs) || now >= Number(lease.endMs)) return { ok: false, code: LessorCode.LeaseNotActive, detail: `lease ${frame.leaseId} runs ${lease.startMs}..${lease.endMs}` };
    const needs = strategy === 'he' ? 'he' : 'tee';
    if (!lease.capabilities.includes(needs)) return { ok: false, code: LessorCode.StrategyNotLeased, detail: `${strategy} needs capability ${needs}; lease has ${lease.capabilities.join(',') || 'none'}` };
    const running = this.active.get(frame.leaseId) ?? 0;
    if (running >= lease.cores) return { ok: false, code: LessorCode.LeaseBusy, detail: `${running} sub-tasks running on ${lease.cores} cores` };
    return { ok: true, serve: (channel: RelayChannel) => this.serve(channel, strategy) };
  };

  private async serve(channel: RelayChannel, strategy: JobStrategy): Promise<void> {
    const leaseId = channel.meta.leaseId;
    this.active.set(leaseId, (this.active.get(leaseId) ?? 0) + 1);
    const started = Date.now();
    const wire: ByteChannel = this.o.corruptResults ? corrupting(channel, strategy) : channel;
    try {
      if (strategy === 'he') {
        const r = await serveHeLessor(wire, { receiveTimeoutMs: this.o.receiveTimeoutMs });
        this.o.log.info('he sub-task served', { channelId: channel.meta.channelId, leaseId, outcome: r.ok ? 'ok' : r.code, ms: Date.now() - started });
      } else {
        const enclave = await this.enclave(strategy === 'tee-symmetric' ? 'plain' : 'he-result');
        const forward = strategy === 'tee-symmetric-he-result' ? this.o.forward?.(channel.meta) : undefined;
        const n = await serveTeeLessor(wire, enclave, { receiveTimeoutMs: this.o.receiveTimeoutMs, ...(forward ? { forward } : {}) });
        this.o.log.info('enclave sub-task served', { channelId: channel.meta.channelId, leaseId, requests: n, ms: Date.now() - started });
      }
      this.o.served.inc(strategy);
      await channel.flushed();
    } finally {
      const left = (this.active.get(leaseId) ?? 1) - 1;
      if (left <= 0) this.active.delete(leaseId);
      else this.active.set(leaseId, left);
    }
  }

  /** One simulated enclave per bundle, started on first use and shared by the sessions of every lease. */
  private enclave(kind: 'plain' | 'he-result'): Promise<SimulatedSoftwareEnclave> {
    let e = this.enclaves.get(kind);
    if (!e) {
      const platform = { privateKeyPem: readFileSync(this.o.platform.keyFile, 'utf8'), certPem: readFileSync(this.o.platform.certFile, 'utf8'), chainPem: [] };
      const bundle = kind === 'plain' ? { workloadPath: COMPUTE_PLAIN_WORKLOAD_PATH } : teeHeResultEnclaveBundle();
      e = SimulatedSoftwareEnclave.start({
        platform,
        ...bundle,
        requestTimeoutMs: this.o.enclaveRequestTimeoutMs,
        startTimeoutMs: 30_000,
        maxSubTaskBytes: 96 * 1024 * 1024,
        maxResultChars: 96 * 1024 * 1024,
        maxPublicBytes: 256 * 1024 * 1024,
        maxHeapMb: 2048,
      });
      e.catch(() => this.enclaves.delete(kind));
      this.enclaves.set(kind, e);
    }
    return e;
  }

  async close(): Promise<void> {
    for (const e of this.enclaves.values()) await e.then((x) => x.close()).catch(() => undefined);
    this.enclaves.clear();
  }
}

/**
 * Chaos wrapper: corrupts the result-carrying messages (HE: every reply; enclave strategies: after
 * attest + negotiate). A forwarded result's reply carries only digests and passes unchanged: the
 * forward hook corrupts the ciphertexts it sends to the third participant instead.
 */
function corrupting(channel: ByteChannel, strategy: JobStrategy): ByteChannel {
  let sent = 0;
  return {
    send: (message) => {
      const n = sent++;
      if (strategy === 'he' || (n >= 2 && !isForwardedReply(message))) {
        const bad = Uint8Array.from(message);
        for (let i = Math.floor(bad.length / 2); i < bad.length; i += 97) bad[i] = (bad[i] ?? 0) ^ 0x5a;
        channel.send(bad);
      } else channel.send(message);
    },
    receive: (t) => channel.receive(t),
    close: () => channel.close(),
  };
}

function isForwardedReply(message: Uint8Array): boolean {
  try {
    const m = decodeMessage(message);
    return isRecord(m) && m.type === 'execute' && m.forwarded !== undefined;
  } catch {
    return false;
  }
}
