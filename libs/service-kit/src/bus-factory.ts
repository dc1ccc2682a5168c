import { createBus, type MessageBus } from '#libs/bus';
import type { BusSettings } from '#libs/config';

/**
 * Opens the bus of one subnet for this node's principal. With the postgres
 * adapter a subnet's bus is the schema `bus_<subnet>`; with kafka it is the
 * subnet's cluster (one cluster may serve several subnets).
 */
export function openSubnetBus(settings: BusSettings, subnetId: string, clientId: string, overrides: { postgresUrl?: string; kafkaBrokers?: readonly string[] } = {}): MessageBus {
  const postgresUrl = overrides.postgresUrl ?? settings.postgresUrl;
  const brokers = overrides.kafkaBrokers ?? settings.kafkaBrokers;
  return createBus({
    adapter: settings.adapter,
    principal: settings.principal,
    maxMessageBytes: settings.maxMessageBytes,
    postgres: settings.adapter === 'postgres' && postgresUrl ? { url: postgresUrl, schema: `bus_${subnetId}` } : undefined,
    kafka: settings.adapter === 'kafka' && brokers ? { brokers: [...brokers], clientId } : undefined,
  });
}
