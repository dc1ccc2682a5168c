import { HttpException, HttpStatus, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Every API error has one shape: { error: { code, message, issues? } } with a
 * stable code a client can switch on (docs/api-errors.md).
 */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, issues?: { path: string; message: string }[]) {
    super({ error: { code, message, ...(issues ? { issues } : {}) } }, status);
  }
}

/** Validates a body, query or param object with a zod schema; 400 VALIDATION_FAILED names each bad field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.infer<S> {
    const r = this.schema.safeParse(value);
    if (r.success) return r.data;
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
}
