import { Body, Controller, Delete, Get, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiError, ZodPipe } from '#libs/service-kit';
import type { HubAnswer } from '../market/hub-market.client.js';
import { CAPABILITIES, ORDER_LIMITS, validateOrder } from '../market/order-validation.js';
import { PARTICIPANT_RUNTIME, type ParticipantRuntime } from '../runtime.js';

/** The part of the HTTP response a relayed answer needs (the status the hub chose). */
interface StatusSettable {
  status(code: number): unknown;
}

/** Exported for reuse; also keeps eslint's no-useless-assignment from misreading parameter decorators. */
export const orderIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be an order id');
const leaseIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-hex lease id');
const leaseListQuery = z.strictObject({
  after: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  role: z.enum(['lessee', 'lessor']).optional(),
});

const orderBodySchema = {
  type: 'object',
  required: ['side', 'cores', 'memoryMiB', 'durationS', 'priceMinorPerCoreSecond', 'securityLevel'],
  description: 'Exactly one of expiresAtMs (epoch ms, in the future) and expiresInS (seconds from when this participant first receives the order).',
  properties: {
    clientOrderId: { type: 'string', description: 'Idempotency key (1..128 printable ASCII): the same request again answers 200 with the same order; generated when absent' },
    side: { enum: ['buy', 'sell'] },
    cores: { type: 'integer', minimum: 1, maximum: ORDER_LIMITS.cores },
    memoryMiB: { type: 'integer', minimum: 1, maximum: ORDER_LIMITS.memoryMiB },
    durationS: { type: 'integer', minimum: 1, maximum: ORDER_LIMITS.durationS },
    priceMinorPerCoreSecond: { type: 'integer', minimum: 1, maximum: ORDER_LIMITS.priceMinorPerCoreSecond, description: 'buy: the most it pays; sell: its ask (minor units per core-second)' },
    capabilities: { type: 'array', items: { enum: [...CAPABILITIES] }, description: 'sell: offered; buy: required' },
    securityLevel: { type: 'integer', minimum: 1, maximum: 3, description: 'sell: offered; buy: minimum required' },
    expiresAtMs: { type: 'integer' },
    expiresInS: { type: 'integer', minimum: 1, maximum: ORDER_LIMITS.expiresInS },
    allOrNone: { type: 'boolean', description: 'buy orders only' },
  },
};

/** A hub error keeps its status and code; a success keeps the hub's status (201 new, 200 idempotent repeat). */
function relay(answer: HubAnswer, res: StatusSettable): unknown {
  if (!answer.ok) throw new ApiError(answer.status, answer.code, answer.message, answer.issues);
  res.status(answer.status);
  return answer.body;
}

@ApiTags('market')
@Controller('v1/leases')
export class LeasesController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Get()
  @ApiOperation({ summary: 'Verified leases this participant is the lessee or lessor of, oldest first; page with ?after=<next>' })
  @ApiQuery({ name: 'after', required: false, description: 'the previous page\'s next' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
  @ApiQuery({ name: 'role', required: false, enum: ['lessee', 'lessor'] })
  @ApiResponse({ status: 200, description: '{ leases: Lease[], next }' })
  async list(@Query(new ZodPipe(leaseListQuery)) q: z.infer<typeof leaseListQuery>): Promise<unknown> {
    const leases = await this.rt.leases.list(q.after, q.limit, q.role);
    return { leases, next: leases.at(-1)?.seq ?? q.after ?? null };
  }

  @Get(':leaseId')
  @ApiOperation({ summary: 'One lease, with its contract as the hubs signed it (base64 LeaseContract)' })
  @ApiResponse({ status: 404, description: 'LEASE_UNKNOWN' })
  async get(@Param('leaseId', new ZodPipe(leaseIdParam)) leaseId: string): Promise<unknown> {
    const lease = await this.rt.leases.get(leaseId);
    if (!lease) throw new ApiError(HttpStatus.NOT_FOUND, 'LEASE_UNKNOWN', `no lease ${leaseId}`);
    return lease;
  }
}

@ApiTags('market')
@Controller('v1/orders')
export class OrdersController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Post()
  @ApiOperation({ summary: 'Post a buy or sell order for compute; validated here, then forwarded to the hub as a signed request (S202)' })
  @ApiBody({ schema: orderBodySchema })
  @ApiResponse({ status: 201, description: 'The hub\'s answer: { orderId, clientOrderId, side, status: filled | partially-filled | resting | cancelled, fills[], restingCores }' })
  @ApiResponse({ status: 200, description: 'The same clientOrderId with the same content again: the first answer (idempotent)' })
  @ApiResponse({
    status: 400,
    description:
      'ORDER_VALUE_NEGATIVE | ORDER_VALUE_ZERO | ORDER_VALUE_TOO_LARGE | ORDER_CAPABILITY_UNKNOWN | ORDER_EXPIRED | ORDER_SECURITY_LEVEL_INVALID | ORDER_SIDE_INVALID | VALIDATION_FAILED (the first problem\'s code; issues lists all), or the hub\'s MARKET_* code',
  })
  @ApiResponse({ status: 401, description: 'REQUEST_*: the hub did not accept this participant\'s signature' })
  @ApiResponse({ status: 409, description: 'ORDER_DUPLICATE_CLIENT_ID: the clientOrderId was used for another order' })
  @ApiResponse({ status: 502, description: 'HUB_UNREACHABLE | HUB_BAD_RESPONSE' })
  async place(@Body() body: unknown, @Res({ passthrough: true }) res: StatusSettable): Promise<unknown> {
    const checked = validateOrder(body, this.rt.clock.nowMs());
    if (!checked.ok) throw new ApiError(HttpStatus.BAD_REQUEST, checked.code, checked.message, checked.issues.map((i) => ({ path: i.path, message: `${i.code}: ${i.message}` })));
    return relay(await this.rt.orders.place(checked.order), res);
  }

  @Get()
  @ApiOperation({ summary: 'This participant\'s open orders, as its hub\'s book holds them' })
  @ApiResponse({ status: 200, description: '{ orders: OrderView[] }' })
  @ApiResponse({ status: 502, description: 'HUB_UNREACHABLE | HUB_BAD_RESPONSE' })
  async open(@Res({ passthrough: true }) res: StatusSettable): Promise<unknown> {
    return relay(await this.rt.market.openOrders(this.rt.config.nodeId), res);
  }

  @Delete(':orderId')
  @ApiOperation({ summary: 'Cancel what is left of an open order' })
  @ApiParam({ name: 'orderId', description: 'The hub\'s order id' })
  @ApiResponse({ status: 200, description: '{ orderId, cancelledCores }' })
  @ApiResponse({ status: 404, description: 'MARKET_ORDER_UNKNOWN' })
  @ApiResponse({ status: 403, description: 'MARKET_NOT_OWNER' })
  @ApiResponse({ status: 502, description: 'HUB_UNREACHABLE | HUB_BAD_RESPONSE' })
  async cancel(@Param('orderId', new ZodPipe(orderIdParam)) orderId: string, @Res({ passthrough: true }) res: StatusSettable): Promise<unknown> {
    return relay(await this.rt.market.cancelOrder(orderId), res);
  }
}
