import { BusTransport } from '#libs/bus';
import { runService } from '#libs/service-kit';
import { loadHubConfig } from './config.js';
import { HubModule, HubPatterns } from './hub.module.js';
import { startHubRuntime } from './runtime.js';

runService({
  service: 'hub',
  description: 'Hub node: admission, addressing, verified relay of signed end-to-end-encrypted envelopes between participants and peer hubs.',
  loadConfig: loadHubConfig,
  start: startHubRuntime,
  module: (rt) => HubModule.register(rt),
  transports: (rt, log) => [
    new BusTransport(rt.ownBus, {
      groupId: rt.relayGroup,
      topics: { [HubPatterns.Ingress]: rt.relayTopics.ingress, [HubPatterns.Peer]: rt.relayTopics.peer },
      onError: (e) => log.warn('bus consumer error; retrying', { error: e }),
    }),
  ],
});
