import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '#libs/relay';
import type { HubAnswer, HubMarketClient } from './hub-market.client.js';
import { toHubOrder, type ValidOrder } from './order-validation.js';

/**
 * Places validated orders at the hub. With a client order id, the body sent to
 * the hub is remembered per (client order id, request): a retried request is
 * forwarded byte for byte as the first time, even with a relative expiry, so the
 * hub answers it idempotently (200, same order) instead of as a different order
 * under the same id (409 ORDER_DUPLICATE_CLIENT_ID). The hub alone decides
 * conflicts. Without a client order id, one is generated (no idempotent retry).
 */
export class OrderDesk {
  constructor(
    private readonly ds: DataSource,
    private readonly hub: HubMarketClient,
    private readonly clock: Clock,
  ) {}

  async place(order: ValidOrder): Promise<HubAnswer> {
    const nowMs = this.clock.nowMs();
    if (order.clientOrderId === undefined) return this.hub.placeOrder(toHubOrder(order, randomUUID(), nowMs));
    const requestSha256 = createHash('sha256').update(JSON.stringify(order)).digest();
    const fresh = JSON.stringify(toHubOrder(order, order.clientOrderId, nowMs));
    const rows: { hub_body: string }[] = await this.ds.query(
      `INSERT INTO order_requests (client_order_id, request_sha256, hub_body) VALUES ($1, $2, $3)
       ON CONFLICT (client_order_id, request_sha256) DO UPDATE SET client_order_id = EXCLUDED.client_order_id RETURNING hub_body`,
      [order.clientOrderId, requestSha256, fresh],
    );
    return this.hub.placeOrderBody(rows[0]?.hub_body ?? fresh);
  }
}
