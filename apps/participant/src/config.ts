import { z } from 'zod';
import { env, loadEnv, loadNodeConfig, type NodeConfig, type SubnetSpec } from '#libs/config';

const participantEnvSchema = z.object({
  /** Base URL of this participant's hub; default: the hub's URL in the topology. */
  DATANET_HUB_URL: z.url().optional(),
  /** Lifetime given to envelopes this participant sends. */
  DATANET_ENVELOPE_TTL_SECONDS: env.positiveInt(3600).default(120),
  /** Outbox: records published per batch and attempts before a message is marked failed. */
  DATANET_OUTBOX_BATCH: env.positiveInt(1000).default(100),
  DATANET_OUTBOX_MAX_ATTEMPTS: env.positiveInt(1000).default(20),
  /** Maximum body of one message accepted by the API. */
  DATANET_MAX_BODY_BYTES: env.positiveInt(8 * 1024 * 1024).default(256 * 1024),
  /** The only directory a job's dataset.csvPath may point into; unset: csvPath refused. */
  DATANET_DATA_DIR: z.string().min(1).optional(),
  /** Jobs: how long a buy order waits for sell orders, one sub-task attempt's limit, attempts per sub-task, sub-tasks in flight per job. */
  DATANET_JOB_ORDER_WAIT_SECONDS: env.positiveInt(3600).default(10),
  DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS: env.positiveInt(86_400).default(180),
  DATANET_JOB_MAX_ATTEMPTS: env.positiveInt(20).default(3),
  DATANET_JOB_CONCURRENCY: env.positiveInt(64).default(4),
  /**
   * S206 caps: CPU time and ciphertext bytes one job may spend on HE encryption. The
   * ciphertexts also cross the bus (three hops), so the byte cap bounds transfer too
   * (docs/decisions/jobs.md).
   */
  DATANET_JOB_HE_CPU_SECONDS: env.positiveInt(86_400).default(60),
  DATANET_JOB_HE_MEMORY_MIB: env.positiveInt(1_048_576).default(128),
  /** Accept attestation quotes of the SIMULATED software enclave (the only TEE this build ships). */
  DATANET_ALLOW_SIMULATED_ENCLAVE: z.enum(['true', 'false']).default('true'),
  /** FAULT INJECTION for tests: this lessor corrupts the results it sends. Never set in production. */
  DATANET_CHAOS_CORRUPT_RESULTS: z.enum(['true', 'false']).default('false'),
});

export interface ParticipantConfig extends NodeConfig {
  readonly subnet: SubnetSpec;
  readonly hubId: string;
  readonly hubUrl: string;
  readonly envelopeTtlMs: number;
  readonly outboxBatch: number;
  readonly outboxMaxAttempts: number;
  readonly maxBodyBytes: number;
  readonly dataDir: string | undefined;
  readonly jobs: {
    readonly orderWaitMs: number;
    readonly attemptTimeoutMs: number;
    readonly maxAttempts: number;
    readonly concurrency: number;
    readonly cpuTimeCapMs: number;
    readonly memoryCapBytes: number;
    readonly allowSimulatedEnclave: boolean;
    readonly chaosCorruptResults: boolean;
  };
}

export function loadParticipantConfig(source: NodeJS.ProcessEnv): ParticipantConfig {
  const base = loadNodeConfig('participant', source, 'participant');
  const e = loadEnv(participantEnvSchema, source, 'participant');
  const subnet = base.node.subnet;
  if (!subnet) throw new Error('participant without subnet');
  return {
    ...base,
    subnet,
    hubId: subnet.hub.id,
    hubUrl: (e.DATANET_HUB_URL ?? subnet.hub.url).replace(/\/$/, ''),
    envelopeTtlMs: e.DATANET_ENVELOPE_TTL_SECONDS * 1000,
    outboxBatch: e.DATANET_OUTBOX_BATCH,
    outboxMaxAttempts: e.DATANET_OUTBOX_MAX_ATTEMPTS,
    maxBodyBytes: e.DATANET_MAX_BODY_BYTES,
    dataDir: e.DATANET_DATA_DIR,
    jobs: {
      orderWaitMs: e.DATANET_JOB_ORDER_WAIT_SECONDS * 1000,
      attemptTimeoutMs: e.DATANET_JOB_ATTEMPT_TIMEOUT_SECONDS * 1000,
      maxAttempts: e.DATANET_JOB_MAX_ATTEMPTS,
      concurrency: e.DATANET_JOB_CONCURRENCY,
      cpuTimeCapMs: e.DATANET_JOB_HE_CPU_SECONDS * 1000,
      memoryCapBytes: e.DATANET_JOB_HE_MEMORY_MIB * 1024 * 1024,
      allowSimulatedEnclave: e.DATANET_ALLOW_SIMULATED_ENCLAVE === 'true',
      chaosCorruptResults: e.DATANET_CHAOS_CORRUPT_RESULTS === 'true',
    },
  };
}
