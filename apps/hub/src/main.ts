import 'reflect-metadata';
import { BusTransport } from '#libs/bus';
import { installTracing, JsonLogger } from '#libs/observability';
import { bootService, installProcessHandlers } from '#libs/service-kit';
import { loadHubConfig } from './config.js';
import { HubModule, HubPatterns } from './hub.module.js';
import { startHubRuntime } from './runtime.js';

async function main(): Promise<void> {
  const config = loadHubConfig(process.env);
  const log = new JsonLogger({ service: 'hub', node: config.nodeId }, config.logLevel);
  installProcessHandlers(log);
  installTracing({ serviceName: 'datanet-hub', nodeId: config.nodeId, otlpEndpoint: config.otlpEndpoint });
  const rt = await startHubRuntime(config, log);
  await bootService({
    service: 'hub',
    description: 'Hub node: admission, addressing, verified relay of signed end-to-end-encrypted envelopes between participants and peer hubs.',
    config,
    log,
    module: HubModule.register(rt),
    transports: [
      new BusTransport(rt.ownBus, {
        groupId: rt.relayGroup,
        topics: { [HubPatterns.Ingress]: rt.relayTopics.ingress, [HubPatterns.Peer]: rt.relayTopics.peer },
        onError: (e) => log.warn('bus consumer error; retrying', { error: e }),
      }),
    ],
    onClosed: () => rt.close(),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`hub failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
