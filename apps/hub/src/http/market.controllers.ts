import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminGuard, ApiError, ZodPipe } from '#libs/service-kit';
import type { MarketResult } from '../market/market.service.js';
import type { SignedHttpRequest } from '../market/request-auth.js';
import { HUB_RUNTIME, type HubRuntime } from '../runtime.js';

// Shape only: ranges are the book's to judge, with its stable MARKET_* codes.
const int = z.number().int();
const orderBody = z.strictObject({
  clientOrderId: z.string().max(128),
  side: z.string(),
  cores: int,
  memoryMiB: int,
  durationS: int,
  priceMinorPerCoreSecond: int,
  capabilities: z.array(z.string()).max(8),
  securityLevel: int,
  expiresAtMs: int,
  allOrNone: z.boolean().optional(),
});
const capability = z.enum(['tee', 'he']);
const buySpec = z.strictObject({ participantId: z.string().max(64), cores: int, memoryMiB: int, durationS: int, priceMinorPerCoreSecond: int, capabilities: z.array(capability).max(2), securityLevel: int });
const reserveBody = z.strictObject({ reservationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/), buyOrderId: z.string().max(128), buy: buySpec, maxCores: int.min(1).max(4096), ttlMs: int.min(1).max(60_000) });
const confirmBody = z.strictObject({ leaseTerms: z.array(z.base64().max(4096)).max(1000) });
const leaseBody = z.strictObject({ contract: z.base64().max(16_384) });
const idParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be an order or reservation id');
const participantQuery = z.strictObject({ participant: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/) });

/** The part of the HTTP response a handler sets (Express underneath). */
interface Response {
  status(code: number): unknown;
}

function unwrap<T>(r: MarketResult<T>, res: Response, created = false): T {
  if (!r.ok) throw new ApiError(r.status, r.code, r.message);
  res.status(r.replayed ? HttpStatus.OK : created ? HttpStatus.CREATED : HttpStatus.OK);
  return r.value;
}

@ApiTags('market (participants)')
@Controller('v1/market')
export class MarketController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Post('orders')
  @ApiOperation({ summary: 'Place a buy or sell order (request signed by an admitted participant of this hub). Buys are matched across subnets; fills become leases signed by both hubs.' })
  @ApiResponse({ status: 201, description: 'order accepted: status, fills (one lease each), resting cores' })
  @ApiResponse({ status: 200, description: 'same clientOrderId with identical content: the original answer' })
  @ApiResponse({ status: 400, description: 'MARKET_* code naming the bad field' })
  @ApiResponse({ status: 409, description: 'ORDER_DUPLICATE_CLIENT_ID: same clientOrderId, different content' })
  async place(@Req() req: SignedHttpRequest, @Body(new ZodPipe(orderBody)) body: z.infer<typeof orderBody>, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const participantId = await this.rt.requestAuth.participant(req);
    const r = await this.rt.market.placeOrder(participantId, { ...body, side: body.side as 'buy' | 'sell', capabilities: body.capabilities as ('tee' | 'he')[] });
    return unwrap(r, res, true);
  }

  @Delete('orders/:orderId')
  @ApiOperation({ summary: 'Cancel an open order of the signing participant' })
  async cancel(@Req() req: SignedHttpRequest, @Param('orderId', new ZodPipe(idParam)) orderId: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const participantId = await this.rt.requestAuth.participant(req);
    return unwrap(await this.rt.market.cancelOrder(participantId, orderId), res);
  }

  @Get('orders')
  @ApiOperation({ summary: 'Open orders of the signing participant' })
  async mine(@Req() req: SignedHttpRequest, @Query(new ZodPipe(participantQuery)) q: z.infer<typeof participantQuery>): Promise<unknown> {
    const participantId = await this.rt.requestAuth.participant(req);
    if (participantId !== q.participant) throw new ApiError(HttpStatus.FORBIDDEN, 'NOT_YOUR_ORDERS', 'a participant sees its own orders only');
    return { orders: this.rt.market.openOrdersOf(participantId) };
  }
}

@ApiTags('market (peer hubs)')
@Controller('v1/market')
export class MarketPeerController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Post('reservations')
  @ApiOperation({ summary: 'Peer hub: reserve cores of this book\'s sells for a remote buy (held until confirm, release or TTL)' })
  async reserve(@Req() req: SignedHttpRequest, @Body(new ZodPipe(reserveBody)) body: z.infer<typeof reserveBody>, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const hub = await this.rt.requestAuth.hub(req);
    return unwrap(await this.rt.market.reserveForPeer(hub, { ...body, buy: { ...body.buy } }), res, true);
  }

  @Post('reservations/:id/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Peer hub: confirm a reservation with the lease terms it signed; answers this hub\'s countersignatures' })
  async confirm(@Req() req: SignedHttpRequest, @Param('id', new ZodPipe(idParam)) id: string, @Body(new ZodPipe(confirmBody)) body: z.infer<typeof confirmBody>, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const hub = await this.rt.requestAuth.hub(req);
    return unwrap(await this.rt.market.confirmForPeer(hub, id, body.leaseTerms), res);
  }

  @Post('reservations/:id/release')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Peer hub: give reserved cores back to their sell orders (time priority kept)' })
  async release(@Req() req: SignedHttpRequest, @Param('id', new ZodPipe(idParam)) id: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const hub = await this.rt.requestAuth.hub(req);
    return unwrap(await this.rt.market.releaseForPeer(hub, id), res);
  }

  @Post('leases')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Peer hub: the lease contract with both hubs\' signatures, for this hub\'s lessor and settlement' })
  async lease(@Req() req: SignedHttpRequest, @Body(new ZodPipe(leaseBody)) body: z.infer<typeof leaseBody>, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const hub = await this.rt.requestAuth.hub(req);
    return unwrap(await this.rt.market.completeLeaseFromPeer(hub, body.contract), res);
  }
}

const depthQuery = z.strictObject({ class: z.string().regex(/^[a-z+-]{1,10}\/L[123]$/).optional() });
const pageQuery = z.strictObject({ after: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) });

@ApiTags('market (operator)')
@ApiBearerAuth()
@Controller('v1/operator/market')
@UseGuards(AdminGuard)
export class MarketOperatorController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Get('book')
  @ApiOperation({ summary: 'Book depth per resource class (capabilities x security level) and price level, and the book\'s state hash' })
  book(@Query(new ZodPipe(depthQuery)) q: z.infer<typeof depthQuery>): unknown {
    return { depth: this.rt.market.depth(q.class), stateHash: this.rt.market.stateHash() };
  }

  @Get('fills')
  @ApiOperation({ summary: 'Fills this hub took part in, newest first: buy and sell order, parties, cores, price (one lease each)' })
  async fills(@Query(new ZodPipe(pageQuery)) q: z.infer<typeof pageQuery>): Promise<unknown> {
    const rows: Record<string, unknown>[] = await this.rt.ds.query(
      `SELECT lease_id, buy_order_id, sell_order_id, lessee AS buyer, lessor AS seller, lessee_hub AS buyer_hub, lessor_hub AS seller_hub, cores, price_minor_per_core_second::text AS price, created_at
         FROM leases WHERE ($1::timestamptz IS NULL OR created_at < $1::timestamptz) ORDER BY leases.created_at DESC, leases.lease_id LIMIT $2`,
      [q.after ?? null, q.limit],
    );
    return { fills: rows, next: rows.length ? new Date(rows.at(-1)?.created_at as string).toISOString() : null };
  }

  @Get('leases')
  @ApiOperation({ summary: 'Leases (one per fill) this hub signed, by lease id' })
  async leases(@Query(new ZodPipe(pageQuery)) q: z.infer<typeof pageQuery>): Promise<unknown> {
    const rows: Record<string, unknown>[] = await this.rt.ds.query(
      `SELECT lease_id, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, price_minor_per_core_second::text AS price, created_at FROM leases
        WHERE ($1::text IS NULL OR lease_id > $1) ORDER BY leases.lease_id LIMIT $2`,
      [q.after ?? null, q.limit],
    );
    return { leases: rows, next: rows.at(-1)?.lease_id ?? null };
  }
}
