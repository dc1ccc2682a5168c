import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { groups, topics } from '#libs/contracts';
import { verifyChain } from '#libs/crypto';
import type { DeliveredRecord, MessageBus } from '#libs/bus';
import { pkiPaths } from '#libs/identity';
import { MetricsRegistry, type JsonLogger } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { CaTrust, receiveEnvelope, systemClock } from '#libs/relay';
import { openSubnetBus } from '#libs/service-kit';
import type { SettlementConfig } from './config.js';
import { settlementMigrations } from './migrations.js';

export const SETTLEMENT_RUNTIME = Symbol('SETTLEMENT_RUNTIME');

export interface SettlementRuntime {
  readonly config: SettlementConfig;
  readonly ds: DataSource;
  readonly buses: ReadonlyMap<string, MessageBus>;
  readonly metrics: MetricsRegistry;
  readonly inboxGroup: string;
  readonly inboxTopic: string;
  handle(viaHub: string, record: DeliveredRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * The data exchange's settlement service. Its identity is certified by the
 * network CA (it is not admitted by one hub); it reads its inbox on the bus of
 * every hub it settles and records each verified event once.
 */
export async function startSettlementRuntime(config: SettlementConfig, log: JsonLogger): Promise<SettlementRuntime> {
  const p = pkiPaths(config.pkiDir);
  const caCertPem = await readFile(p.caCert, 'utf8');
  for (const [cert, usage] of [[p.signingCert, 'signing'], [p.kexCert, 'key-agreement']] as const) {
    const r = await verifyChain({ leafPem: await readFile(cert, 'utf8'), intermediatesPem: [], trustAnchorPem: caCertPem, at: new Date(), expectedUsage: usage, expectedRole: 'settlement' });
    if (!r.ok || r.nodeId !== config.nodeId) throw new Error(`settlement ${usage} certificate invalid: ${r.ok ? r.nodeId : `${r.code} ${r.detail}`}`);
  }
  const kexKey = createPrivateKey(await readFile(p.kexKey, 'utf8'));
  const ds = await openServiceDataSource({ url: config.databaseUrl, schema: config.dbSchema, entities: [], migrations: settlementMigrations, applicationName: config.nodeId });
  const buses = new Map(config.served.map((s) => [s.hubId, openSubnetBus(config.bus, s.subnetId, config.nodeId)] as const));
  const trust = new CaTrust(caCertPem);
  const deadLetters = new DeadLetterRepository(ds);
  const metrics = new MetricsRegistry();
  const received = metrics.counter('datanet_settlement_received_total', 'Verified events recorded, by hub', 'hub');
  const rejected = metrics.counter('datanet_settlement_rejected_total', 'Events dead-lettered, by reason code', 'reason');
  const time = { maxTtlMs: config.topology.envelope.maxTtlSeconds * 1000, clockSkewMs: config.topology.envelope.clockSkewSeconds * 1000 };

  return {
    config,
    ds,
    buses,
    metrics,
    inboxGroup: groups.inbox(config.nodeId),
    inboxTopic: topics.inbox(config.nodeId),
    async handle(viaHub, record) {
      const r = await receiveEnvelope(record.value, { nodeId: config.nodeId, hubId: viaHub, keyAgreementPrivateKey: kexKey }, trust, systemClock, time);
      if (!r.ok) {
        if (await deadLetters.record({ reasonCode: r.code, detail: r.detail, messageId: r.header?.messageId, source: r.header?.source, topic: record.topic, partition: record.partition, offset: record.offset, raw: record.value })) rejected.inc(r.code);
        log.warn('event rejected', { reasonCode: r.code, detail: r.detail });
        return;
      }
      const rows: unknown[] = await ds.query(
        `INSERT INTO received_events (message_id, source, type, session_id, via_hub, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [r.header.messageId, r.header.source, r.header.type, r.header.sessionId, viaHub, Buffer.from(r.body)],
      );
      if (rows.length) received.inc(viaHub);
    },
    close: async () => {
      for (const b of buses.values()) await b.close();
      await ds.destroy();
    },
  };
}
