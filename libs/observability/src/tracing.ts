import { context, propagation, trace, type Context, type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  readonly serviceName: string;
  readonly nodeId: string;
  /** OTLP/HTTP base endpoint (e.g. http://otel-collector:4318); spans are kept in-process only when absent. */
  readonly otlpEndpoint?: string;
  /** Test hook: collect finished spans in memory. */
  readonly memoryExporter?: InMemorySpanExporter;
}

export interface TracingHandle {
  readonly tracer: Tracer;
  shutdown(): Promise<void>;
}

let installed: TracingHandle | undefined;

/**
 * Installs the OpenTelemetry tracer for this process (once). Context propagation
 * is W3C trace context; bus adapters and the envelope carry `traceparent`, so a
 * trace crosses process boundaries (docs/observability.md).
 */
export function installTracing(options: TracingOptions): TracingHandle {
  if (installed) return installed;
  const spanProcessors: SpanProcessor[] = [];
  if (options.otlpEndpoint)
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }), { maxQueueSize: 2048 }));
  if (options.memoryExporter) spanProcessors.push(new SimpleSpanProcessor(options.memoryExporter));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.instance.id': options.nodeId, 'datanet.node_id': options.nodeId }),
    spanProcessors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  installed = { tracer: trace.getTracer('datanet'), shutdown: () => provider.shutdown() };
  return installed;
}

export function tracer(): Tracer {
  return trace.getTracer('datanet');
}

/** Extracts a parent context from a `traceparent`/`tracestate` carrier (bus headers or the signed header). */
export function contextFromCarrier(carrier: Readonly<Record<string, string | undefined>>): Context {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(carrier)) if (v) clean[k] = v;
  return propagation.extract(context.active(), clean);
}

/** The active context as a W3C carrier. */
export function currentCarrier(ctx: Context = context.active()): { traceparent?: string; tracestate?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return { traceparent: carrier.traceparent, tracestate: carrier.tracestate };
}

/**
 * Runs `fn` in a new span (child of `parent` or of the active context), records
 * exceptions and ends the span whatever happens.
 */
export async function withSpan<T>(name: string, options: { parent?: Context; kind?: SpanKind; attributes?: Record<string, string | number | boolean> }, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
    throw e;
  } finally {
    span.end();
  }
}

export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const sc = trace.getActiveSpan()?.spanContext();
  return sc ? { traceId: sc.traceId, spanId: sc.spanId } : {};
}

export { SpanKind, InMemorySpanExporter };
