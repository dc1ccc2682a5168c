import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NodeConfig } from '#libs/config';
import { installTracing, JsonLogger } from '#libs/observability';
import { bootService, installProcessHandlers } from './bootstrap.js';

export interface ServiceSpec<C extends NodeConfig, R extends { close(): Promise<void> }> {
  readonly service: 'hub' | 'participant' | 'settlement';
  readonly description: string;
  readonly loadConfig: (env: NodeJS.ProcessEnv) => C;
  /** The composition root: opens databases and buses, wires ports and adapters. */
  readonly start: (config: C, log: JsonLogger) => Promise<R>;
  readonly module: (runtime: R) => DynamicModule;
  readonly transports: (runtime: R, log: JsonLogger) => CustomTransportStrategy[];
}

/**
 * A service's whole `main`: validated config (a bad variable stops the process
 * with its name), logging, tracing, the composition root, then HTTP and bus.
 */
export function runService<C extends NodeConfig, R extends { close(): Promise<void> }>(spec: ServiceSpec<C, R>): void {
  const main = async (): Promise<void> => {
    const config = spec.loadConfig(process.env);
    const log = new JsonLogger({ service: spec.service, node: config.nodeId }, config.logLevel);
    installProcessHandlers(log);
    installTracing({ serviceName: `datanet-${spec.service}`, nodeId: config.nodeId, otlpEndpoint: config.otlpEndpoint });
    const runtime = await spec.start(config, log);
    await bootService({ service: spec.service, description: spec.description, config, log, module: spec.module(runtime), transports: spec.transports(runtime, log), onClosed: () => runtime.close() });
  };
  main().catch((e: unknown) => {
    process.stderr.write(`${spec.service} failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
