import { BusTransport } from '#libs/bus';
import { runService } from '#libs/service-kit';
import { loadSettlementConfig } from './config.js';
import { SettlementModule, settlementPattern } from './settlement.module.js';
import { startSettlementRuntime } from './runtime.js';

runService({
  service: 'settlement',
  description: 'Settlement service of a data exchange: records verified events from the hubs it settles.',
  loadConfig: loadSettlementConfig,
  start: startSettlementRuntime,
  module: (rt) => SettlementModule.register(rt),
  // One transport per served hub's bus, each consuming only its own pattern.
  transports: (rt, log) =>
    [...rt.buses].map(([hubId, bus]) => new BusTransport(bus, { groupId: rt.inboxGroup, topics: { [settlementPattern(hubId)]: rt.inboxTopic }, onError: (e) => log.warn('bus consumer error; retrying', { error: e, hub: hubId }) })),
});
