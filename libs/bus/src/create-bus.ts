/** One place that turns configuration into a MessageBus, so services never name an adapter class. */
import { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.js';
import { MemoryBroker, MemoryBus } from './memory/memory-bus.js';
import type { MessageBus } from './port.js';
import { PostgresBus, type PostgresBusOptions } from './postgres/postgres-bus.js';

type Tuning<T> = Partial<Omit<T, 'principal' | 'maxMessageBytes'>>;

export interface CreateBusConfig {
  readonly adapter: 'memory' | 'postgres' | 'kafka';
  readonly principal: string;
  readonly maxMessageBytes: number;
  /** The principal's connection string and the bus schema (e.g. `bus_a`), plus optional tuning. */
  readonly postgres?: { readonly url: string; readonly schema: string } & Tuning<PostgresBusOptions>;
  readonly kafka?: { readonly brokers: readonly string[]; readonly clientId: string } & Tuning<KafkaBusOptions>;
  /** The shared in-process broker; a fresh private one when absent. */
  readonly memory?: { readonly broker: MemoryBroker };
}

export function createBus(config: CreateBusConfig): MessageBus {
  const { principal, maxMessageBytes } = config;
  switch (config.adapter) {
    case 'memory':
      return new MemoryBus({ broker: config.memory?.broker ?? new MemoryBroker(), principal, maxMessageBytes });
    case 'postgres':
      if (!config.postgres) throw new Error('createBus: adapter postgres needs config.postgres { url, schema }');
      return new PostgresBus({ ...config.postgres, principal, maxMessageBytes });
    case 'kafka':
      if (!config.kafka) throw new Error('createBus: adapter kafka needs config.kafka { brokers, clientId }');
      return new KafkaBus({ ...config.kafka, principal, maxMessageBytes });
  }
}
