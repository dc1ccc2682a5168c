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
});

export interface ParticipantConfig extends NodeConfig {
  readonly subnet: SubnetSpec;
  readonly hubId: string;
  readonly hubUrl: string;
  readonly envelopeTtlMs: number;
  readonly outboxBatch: number;
  readonly outboxMaxAttempts: number;
  readonly maxBodyBytes: number;
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
  };
}
