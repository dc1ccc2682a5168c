import { Controller, Get, Header, Inject, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusContext } from '#libs/bus';
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
    return { module: SettlementModule, controllers: [HealthController, inboxConsumerFor([...rt.buses.keys()])], providers: [{ provide: SETTLEMENT_RUNTIME, useValue: rt }] };
  }
}
