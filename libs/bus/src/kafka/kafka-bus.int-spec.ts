/**
 * The contract against a real Kafka broker (2.1 to 3.x). Runs only when
 * KAFKA_BROKERS (comma-separated host:port) is set. ACL cases additionally need
 * SASL users for the three principals, given as KAFKA_SASL_USERS (JSON
 * {"producer": {"username", "password"}, "consumer": {...}, "outsider": {...}}) with
 * KAFKA_SASL_MECHANISM (plain | scram-sha-256 | scram-sha-512) and broker ACLs that
 * let producer read/write `ct.*` and consumer read `ct.*` (plus READ on groups prefixed with their name and a dot).
 */
import { randomBytes } from 'node:crypto';
import type { SASLOptions } from 'kafkajs';
import { runBusContract } from '../../test/bus-contract.js';
import type { MessageBus } from '../port.js';
import { KafkaBus } from './kafka-bus.js';

const brokers = (process.env.KAFKA_BROKERS ?? '')
  .split(',')
  .map((b) => b.trim())
  .filter((b) => b.length > 0);

interface SaslUser {
  readonly username: string;
  readonly password: string;
}

function saslUsers(): Record<'producer' | 'consumer' | 'outsider', SaslUser> | undefined {
  const raw = process.env.KAFKA_SASL_USERS;
  return raw ? (JSON.parse(raw) as Record<'producer' | 'consumer' | 'outsider', SaslUser>) : undefined;
}

function saslFor(user: SaslUser | undefined): SASLOptions | undefined {
  if (!user) return undefined;
  const mechanism = process.env.KAFKA_SASL_MECHANISM ?? 'plain';
  switch (mechanism) {
    case 'plain':
      return { mechanism: 'plain', username: user.username, password: user.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: user.username, password: user.password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: user.username, password: user.password };
    default:
      throw new Error(`unsupported KAFKA_SASL_MECHANISM ${mechanism}`);
  }
}

const MAX_MESSAGE_BYTES = 4_096;

if (brokers.length === 0) {
  describe.skip('MessageBus contract: kafka (skipped: set KAFKA_BROKERS to run against a broker)', () => {
    it('runs the shared contract against a broker', () => undefined);
  });
} else {
  const users = saslUsers();
  const principals = users
    ? { producer: users.producer.username, consumer: users.consumer.username, outsider: users.outsider.username }
    : { producer: 'producer', consumer: 'consumer', outsider: 'outsider' };
  const userOf = (principal: string): SaslUser | undefined => (users ? Object.values(users).find((u) => u.username === principal) : undefined);

  runBusContract('kafka', {
    principals,
    topicPrefix: `ct.${randomBytes(3).toString('hex')}.`,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    rebalanceSettleMs: 8_000,
    testTimeoutMs: 60_000,
    enforcesAcl: users !== undefined,
    setup: async () => undefined,
    teardown: async () => undefined,
    createBus: async (principal) =>
      new KafkaBus({
        brokers,
        clientId: `bus-contract-${principal}`,
        principal,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        sasl: saslFor(userOf(principal)),
        // The broker's group.min.session.timeout.ms is 6 s by default.
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 1_000,
        redeliveryInitialBackoffMs: 20,
        redeliveryMaxBackoffMs: 200,
      }),
    crash: async (bus: MessageBus) => (bus as KafkaBus).abort(),
  });
}
