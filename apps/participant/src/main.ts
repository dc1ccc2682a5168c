import 'reflect-metadata';
import { BusTransport } from '#libs/bus';
import { installTracing, JsonLogger } from '#libs/observability';
import { bootService, installProcessHandlers } from '#libs/service-kit';
import { loadParticipantConfig } from './config.js';
import { ParticipantModule, ParticipantPatterns } from './participant.module.js';
import { startParticipantRuntime } from './runtime.js';

async function main(): Promise<void> {
  const config = loadParticipantConfig(process.env);
  const log = new JsonLogger({ service: 'participant', node: config.nodeId }, config.logLevel);
  installProcessHandlers(log);
  installTracing({ serviceName: 'datanet-participant', nodeId: config.nodeId, otlpEndpoint: config.otlpEndpoint });
  const rt = await startParticipantRuntime(config, log);
  await bootService({
    service: 'participant',
    description: 'Participant node: sends and receives signed, end-to-end-encrypted messages through its hub.',
    config,
    log,
    module: ParticipantModule.register(rt),
    transports: [new BusTransport(rt.bus, { groupId: rt.inboxGroup, topics: { [ParticipantPatterns.Inbox]: rt.inboxTopic }, onError: (e) => log.warn('bus consumer error; retrying', { error: e }) })],
    onClosed: () => rt.close(),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`participant failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
