import { Controller, Inject, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { BusContext } from '#libs/bus';
import { LeasesController, OrdersController } from './http/market.controllers.js';
import { HealthController, MessagesController } from './http/participant.controllers.js';
import { JobsController, JointDatasetsController } from './http/jobs.controller.js';
import { PARTICIPANT_RUNTIME, type ParticipantRuntime } from './runtime.js';

export const ParticipantPatterns = { Inbox: 'participant.inbox' } as const;

@Controller()
export class InboxConsumer {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @EventPattern(ParticipantPatterns.Inbox)
  async inbox(@Ctx() ctx: BusContext): Promise<void> {
    await this.rt.inbox.handle(ctx.getRecord());
  }
}

@Module({})
export class ParticipantModule {
  static register(rt: ParticipantRuntime): DynamicModule {
    return { module: ParticipantModule, controllers: [HealthController, MessagesController, OrdersController, LeasesController, JobsController, JointDatasetsController, InboxConsumer], providers: [{ provide: PARTICIPANT_RUNTIME, useValue: rt }] };
  }
}
