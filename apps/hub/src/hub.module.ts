import { Controller, Inject, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ADMIN_TOKEN, AdminGuard } from '#libs/service-kit';
import { BusContext } from '#libs/bus';
import { AdmissionController, HealthController, OperatorController } from './http/hub.controllers.js';
import { MarketController, MarketOperatorController, MarketPeerController } from './http/market.controllers.js';
import { HUB_RUNTIME, type HubRuntime } from './runtime.js';

/** Logical patterns; the transport maps them to this hub's topics (topic names carry the hub id). */
export const HubPatterns = { Ingress: 'hub.ingress', Peer: 'hub.peer' } as const;

/** Bus consumers: the same relay behind both topics, told where the record came from. */
@Controller()
export class RelayConsumer {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @EventPattern(HubPatterns.Ingress)
  async ingress(@Ctx() ctx: BusContext): Promise<void> {
    await this.rt.relay.handle(ctx.getRecord(), 'ingress');
  }

  @EventPattern(HubPatterns.Peer)
  async peer(@Ctx() ctx: BusContext): Promise<void> {
    await this.rt.relay.handle(ctx.getRecord(), 'peer');
  }
}

@Module({})
export class HubModule {
  static register(rt: HubRuntime): DynamicModule {
    return {
      module: HubModule,
      controllers: [HealthController, AdmissionController, OperatorController, MarketController, MarketPeerController, MarketOperatorController, RelayConsumer],
      providers: [
        { provide: HUB_RUNTIME, useValue: rt },
        { provide: ADMIN_TOKEN, useValue: rt.config.adminToken ?? '' },
        AdminGuard,
      ],
    };
  }
}
