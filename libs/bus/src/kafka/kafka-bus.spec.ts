import { createRequire } from 'node:module';
import fc from 'fast-check';
import kafkajs from 'kafkajs';
import { MessageTooLargeError } from '../port.js';
import { busPartitioner, isAuthorizationFailure, KafkaBus } from './kafka-bus.js';

const require = createRequire(import.meta.url);
const { createErrorFromCode } = require('kafkajs/src/protocol/error.js') as { createErrorFromCode(code: number): Error };
const { KafkaJSProtocolError, KafkaJSNumberOfRetriesExceeded } = require('kafkajs/src/errors.js') as {
  KafkaJSProtocolError: new (e: Error) => Error;
  KafkaJSNumberOfRetriesExceeded: new (e: Error, meta: { retryCount: number; retryTime: number }) => Error;
};

const metadata = (n: number) => Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));

describe('kafka adapter without a broker', () => {
  it('partitions keyed records exactly like the kafkajs (Java-compatible) default partitioner', () => {
    const ours = busPartitioner()();
    const theirs = kafkajs.Partitioners.DefaultPartitioner();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (key, n) => {
        const args = { topic: 't', partitionMetadata: metadata(n), message: { key, value: null } };
        expect(ours(args)).toBe(theirs(args));
      }),
      { numRuns: 300 },
    );
  });

  it('recognises topic and group authorization failures, also wrapped by retries', () => {
    const topicDenied = new KafkaJSProtocolError(createErrorFromCode(29));
    const groupDenied = new KafkaJSProtocolError(createErrorFromCode(30));
    expect(isAuthorizationFailure(topicDenied)).toBe(true);
    expect(isAuthorizationFailure(groupDenied)).toBe(true);
    expect(isAuthorizationFailure(new KafkaJSNumberOfRetriesExceeded(topicDenied, { retryCount: 5, retryTime: 100 }))).toBe(true);
    expect(isAuthorizationFailure(new KafkaJSProtocolError(createErrorFromCode(10)))).toBe(false);
    expect(isAuthorizationFailure(new Error('boom'))).toBe(false);
  });

  it('refuses an oversized record before talking to any broker', async () => {
    const bus = new KafkaBus({ brokers: ['127.0.0.1:1'], clientId: 'test', principal: 'p', maxMessageBytes: 10 });
    await expect(bus.publish('t', [{ key: 'k', value: new Uint8Array(10) }])).rejects.toBeInstanceOf(MessageTooLargeError);
    await bus.close();
  });
});
