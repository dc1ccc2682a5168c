import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { BusHeader, topics, MessageType } from '#libs/contracts';
import type { MessageBus } from '#libs/bus';
import { verifyChain } from '#libs/crypto';
import { LEASE_CONTENT_TYPE } from '#libs/lease';
import type { JsonLogger } from '#libs/observability';
import { buildEnvelope, stampEnvelope, decodeEnvelope, type HubStamper, type SenderIdentity } from '#libs/relay';

export const LEASE_MESSAGE_TYPE = MessageType.MarketLease;

export interface LeaseDeliveryDeps {
  readonly ds: DataSource;
  readonly bus: MessageBus;
  readonly hub: HubStamper;
  readonly caCertPem: string;
  readonly pkiDir: string;
  /** Key-agreement certificate PEM of an admitted participant of this hub. */
  participantKexCert(participantId: string): Promise<string | undefined>;
  readonly log: JsonLogger;
  readonly ttlMs: number;
}

const BATCH = 100;
const MAX_ATTEMPTS = 50;
const RETRY_MS = 1_000;

/**
 * Leases leave the hub through a delivery table written in the transaction that
 * created them, so a crash cannot lose one. Each goes to its recipient as an
 * envelope this hub originates: signed with the hub's key, sealed for the
 * recipient (hubs see lease terms anyway: they signed them), stamped, published
 * to the recipient's inbox.
 */
export class LeaseDelivery {
  private readonly settlementKeys = new Map<string, KeyObject>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly d: LeaseDeliveryDeps) {}

  async enqueue(m: EntityManager, leaseId: string, targets: readonly string[]): Promise<void> {
    for (const target of new Set(targets)) await m.query(`INSERT INTO lease_deliveries (lease_id, target) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [leaseId, target]);
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), RETRY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  kick(): void {
    if (this.running) return;
    this.running = this.flush()
      .catch((e: unknown) => this.d.log.warn('lease delivery round failed', { error: e as Error }))
      .finally(() => (this.running = undefined));
  }

  private async flush(): Promise<void> {
    const rows: { lease_id: string; target: string; contract: Buffer; attempts: number }[] = await this.d.ds.query(
      `SELECT d.lease_id, d.target, l.contract, d.attempts FROM lease_deliveries d JOIN leases l USING (lease_id) WHERE d.status = 'pending' ORDER BY l.created_at LIMIT $1`,
      [BATCH],
    );
    for (const r of rows) {
      try {
        await this.deliver(r.target, r.lease_id, r.contract);
        await this.d.ds.query(`UPDATE lease_deliveries SET status = 'sent', attempts = attempts + 1 WHERE lease_id = $1 AND target = $2`, [r.lease_id, r.target]);
      } catch (e) {
        const failed = r.attempts + 1 >= MAX_ATTEMPTS;
        await this.d.ds.query(`UPDATE lease_deliveries SET attempts = attempts + 1, last_error = $3, status = $4 WHERE lease_id = $1 AND target = $2`, [r.lease_id, r.target, (e as Error).message.slice(0, 500), failed ? 'failed' : 'pending']);
        this.d.log.warn('lease not delivered yet', { leaseId: r.lease_id, target: r.target, error: e as Error, failed });
      }
    }
  }

  private async deliver(target: string, leaseId: string, contract: Uint8Array): Promise<void> {
    const key = await this.keyOf(target);
    const sender: SenderIdentity = { nodeId: this.d.hub.hubId, hubId: this.d.hub.hubId, signingKey: this.d.hub.signingKey, chainDer: [this.d.hub.certDer] };
    const now = Date.now();
    const built = buildEnvelope(sender, { nodeId: target, hubId: this.d.hub.hubId, keyAgreementKey: key }, { type: LEASE_MESSAGE_TYPE, sessionId: leaseId, contentType: LEASE_CONTENT_TYPE, body: contract, ttlMs: this.d.ttlMs }, now);
    const decoded = decodeEnvelope(built.bytes);
    if (!decoded.ok) throw new Error(`built an invalid envelope: ${decoded.code}`);
    const value = stampEnvelope(decoded.envelope, this.d.hub, now);
    await this.d.bus.publish(topics.inbox(target), [{ key: leaseId, value, headers: { [BusHeader.MessageId]: built.messageId, [BusHeader.MessageType]: LEASE_MESSAGE_TYPE } }]);
  }

  /** A participant's key from the admission table; a settlement service's from the PKI dir, checked against the CA. */
  private async keyOf(target: string): Promise<KeyObject> {
    const participant = await this.d.participantKexCert(target);
    if (participant) return createPublicKey(participant);
    const cached = this.settlementKeys.get(target);
    if (cached) return cached;
    const pem = await readFile(join(this.d.pkiDir, 'peers', `${target}.kex.crt`), 'utf8');
    const r = await verifyChain({ leafPem: pem, intermediatesPem: [], trustAnchorPem: this.d.caCertPem, at: new Date(), expectedUsage: 'key-agreement', expectedRole: 'settlement' });
    if (!r.ok || r.nodeId !== target) throw new Error(`settlement certificate of ${target} does not verify`);
    const key = createPublicKey(pem);
    this.settlementKeys.set(target, key);
    return key;
  }
}
