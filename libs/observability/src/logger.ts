import type { LoggerService } from '@nestjs/common';
import { activeTraceIds } from './tracing.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

/**
 * Structured JSON logs, one object per line, carrying the active trace and span
 * ids so a log line can be found from a trace and the other way round.
 */
export class JsonLogger {
  constructor(
    private readonly base: Readonly<Record<string, string>>,
    private readonly level: LogLevel = 'info',
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
  ) {}

  child(fields: Record<string, string>): JsonLogger {
    return new JsonLogger({ ...this.base, ...fields }, this.level, this.sink);
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.write('error', msg, fields);
  }

  private write(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (RANK[level] < RANK[this.level]) return;
    const entry = { ts: new Date().toISOString(), level, msg, ...this.base, ...activeTraceIds(), ...fields };
    this.sink(JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Error ? { name: v.name, message: v.message } : v)));
  }
}

/** Adapts JsonLogger to Nest's LoggerService so framework logs share the format. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: JsonLogger) {}
  log(message: unknown, context?: string): void {
    this.logger.info(String(message), context ? { context } : undefined);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(String(message), { trace, context });
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn(String(message), context ? { context } : undefined);
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
  verbose(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
}
