import { BusTransport } from '#libs/bus';
import { runService } from '#libs/service-kit';
import { loadParticipantConfig } from './config.js';
import { ParticipantModule, ParticipantPatterns } from './participant.module.js';
import { startParticipantRuntime } from './runtime.js';

runService({
  service: 'participant',
  description: 'Participant node: sends and receives signed, end-to-end-encrypted messages through its hub.',
  loadConfig: loadParticipantConfig,
  start: startParticipantRuntime,
  module: (rt) => ParticipantModule.register(rt),
  transports: (rt, log) => [new BusTransport(rt.bus, { groupId: rt.inboxGroup, topics: { [ParticipantPatterns.Inbox]: rt.inboxTopic }, onError: (e) => log.warn('bus consumer error; retrying', { error: e }) })],
});
