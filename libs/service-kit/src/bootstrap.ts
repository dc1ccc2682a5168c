import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NodeConfig } from '#libs/config';
import { NestJsonLogger, type JsonLogger } from '#libs/observability';

export interface ServiceBootOptions {
  readonly service: 'hub' | 'participant' | 'settlement';
  readonly description: string;
  readonly config: NodeConfig;
  readonly log: JsonLogger;
  readonly module: DynamicModule;
  /** Bus consumers: a NestJS custom transport over the messaging port, feeding @EventPattern handlers. */
  readonly transports: readonly CustomTransportStrategy[];
  /** Releases what the composition root opened (bus, database), after Nest closed. */
  readonly onClosed: () => Promise<void>;
}

/**
 * Largest JSON body any API accepts; endpoints validate their own, smaller limits.
 * Raw bodies are kept (`rawBody`) because signed requests are verified over the exact bytes.
 */
const MAX_JSON_BODY = '12mb';

/**
 * One boot sequence for every service: HTTP API with OpenAPI at /docs, bus
 * consumers through the custom transport, JSON logs, graceful shutdown on
 * SIGTERM/SIGINT (stop consuming, finish in-flight work, close connections).
 */
export async function bootService(o: ServiceBootOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(o.module, { logger: new NestJsonLogger(o.log), bodyParser: false, rawBody: true });
  app.useBodyParser('json', { limit: MAX_JSON_BODY });
  const doc = new DocumentBuilder().setTitle(`datanet ${o.service} ${o.config.nodeId}`).setDescription(o.description).setVersion('1').addBearerAuth().build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
  for (const strategy of o.transports) app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(o.config.http.port, o.config.http.host);
  o.log.info('service started', { url: `http://${o.config.http.host}:${o.config.http.port}`, docs: '/docs', bus: o.config.bus.adapter });

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    o.log.info('shutting down', { signal });
    void app
      .close()
      .then(() => o.onClosed())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          o.log.error('shutdown failed', { error: e as Error });
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
}

/**
 * Last-resort handlers. A consumer never throws for bad input (it dead-letters);
 * anything that escapes is a bug or broken infrastructure, so the process exits
 * and its supervisor restarts it from committed state.
 */
export function installProcessHandlers(log: JsonLogger): void {
  process.on('uncaughtException', (e) => {
    log.error('uncaught exception; exiting', { error: e });
    process.exit(70);
  });
  process.on('unhandledRejection', (e) => {
    log.error('unhandled rejection; exiting', { error: e as Error });
    process.exit(70);
  });
}
