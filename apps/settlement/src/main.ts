import 'reflect-metadata';
import { BusTransport } from '#libs/bus';
import { installTracing, JsonLogger } from '#libs/observability';
import { bootService, installProcessHandlers } from '#libs/service-kit';
import { loadSettlementConfig } from './config.js';
import { SettlementModule, settlementPattern } from './settlement.module.js';
import { startSettlementRuntime } from './runtime.js';

async function main(): Promise<void> {
  const config = loadSettlementConfig(process.env);
  const log = new JsonLogger({ service: 'settlement', node: config.nodeId }, config.logLevel);
  installProcessHandlers(log);
  installTracing({ serviceName: 'datanet-settlement', nodeId: config.nodeId, otlpEndpoint: config.otlpEndpoint });
  const rt = await startSettlementRuntime(config, log);
  await bootService({
    service: 'settlement',
    description: 'Settlement service of a data exchange: records verified events from the hubs it settles.',
    config,
    log,
    module: SettlementModule.register(rt),
    transports: [...rt.buses].map(
      ([hubId, bus]) => new BusTransport(bus, { groupId: rt.inboxGroup, topics: { [settlementPattern(hubId)]: rt.inboxTopic }, onError: (e) => log.warn('bus consumer error; retrying', { error: e, hub: hubId }) }),
    ),
    onClosed: () => rt.close(),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`settlement failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
