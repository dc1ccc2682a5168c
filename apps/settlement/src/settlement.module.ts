import { Controller, Get, Header, Inject, Module, Query, type DynamicModule } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BusContext } from '#libs/bus';
import { ADMIN_TOKEN, AdminGuard, ZodPipe } from '#libs/service-kit';
import { LedgerController, LedgerOperatorController } from './ledger/ledger.controller.js';
import { JobsController } from './reports/jobs.controller.js';
import { SETTLEMENT_RUNTIME, type SettlementRuntime } from './runtime.js';

/** One logical pattern per served hub: the record's bus tells which hub relayed it. */
export const settlementPattern = (hubId: string): string => `settlement.inbox.${hubId}`;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(SETTLEMENT_RUNTIME) private readonly rt: SettlementRuntime) {}

  @Get('health')
  @ApiOperation({ summary: 'Ready: identity verified, database reachable, consuming every served hub\'s bus' })
  async health(): Promise<unknown> {
    await this.rt.ds.query('SELECT 1');
    return { status: 'ok', node: this.rt.config.nodeId, role: 'settlement', hubs: [...this.rt.buses.keys()] };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): string {
    return this.rt.metrics.render();
  }
}

const leaseListQuery = z.strictObject({
  after: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  participant: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a node id').optional(),
});

@ApiTags('leases')
@Controller('v1/leases')
export class LeasesController {
  constructor(@Inject(SETTLEMENT_RUNTIME) private readonly rt: SettlementRuntime) {}

  @Get()
  @ApiOperation({ summary: 'Verified leases of the hubs this exchange settles, once each, oldest first; page with ?after=<next>' })
  @ApiQuery({ name: 'after', required: false, description: 'the previous page\'s next' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
  @ApiQuery({ name: 'participant', required: false, description: 'only leases this participant is the lessee or lessor of' })
  @ApiResponse({ status: 200, description: '{ leases: Lease[], next }' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  async list(@Query(new ZodPipe(leaseListQuery)) q: z.infer<typeof leaseListQuery>): Promise<unknown> {
    const leases = await this.rt.leases.list(q.after, q.limit, q.participant);
    return { leases, next: leases.at(-1)?.seq ?? q.after ?? null };
  }
}

export function inboxConsumerFor(hubIds: readonly string[]): new (rt: SettlementRuntime) => object {
  @Controller()
  class InboxConsumer {
    constructor(@Inject(SETTLEMENT_RUNTIME) readonly rt: SettlementRuntime) {}
  }
  for (const hubId of hubIds) {
    const name = `from_${hubId}`;
    const handler = async function (this: InboxConsumer, ctx: BusContext): Promise<void> {
      await this.rt.handle(hubId, ctx.getRecord());
    };
    Object.defineProperty(InboxConsumer.prototype, name, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(InboxConsumer.prototype, name);
    if (!descriptor) throw new Error('descriptor missing');
    Ctx()(InboxConsumer.prototype, name, 0);
    EventPattern(settlementPattern(hubId))(InboxConsumer.prototype, name, descriptor);
  }
  return InboxConsumer;
}

@Module({})
export class SettlementModule {
  static register(rt: SettlementRuntime): DynamicModule {
    return {
      module: SettlementModule,
      controllers: [HealthController, LeasesController, LedgerController, JobsController, LedgerOperatorController, inboxConsumerFor([...rt.buses.keys()])],
      providers: [{ provide: SETTLEMENT_RUNTIME, useValue: rt }, { provide: ADMIN_TOKEN, useValue: rt.config.adminToken ?? '' }, AdminGuard],
    };
  }
}
