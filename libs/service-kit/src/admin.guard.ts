import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import { ApiError } from './http-errors.js';

/** Provide the operator token under this key ('' when operator endpoints are open: embedded trials). */
export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

/**
 * Operator endpoints (dead letters, revocation, participant lists) need the
 * operator's bearer token when one is configured. Compared in constant time.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;
  constructor(@Inject(ADMIN_TOKEN) token: string) {
    this.expected = token ? createHash('sha256').update(token).digest() : undefined;
  }
  canActivate(ctx: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization ?? '';
    const given = createHash('sha256').update(header.replace(/^Bearer /i, '')).digest();
    if (!timingSafeEqual(given, this.expected)) throw new ApiError(HttpStatus.UNAUTHORIZED, 'ADMIN_TOKEN_REQUIRED', 'operator endpoints need Authorization: Bearer <DATANET_ADMIN_TOKEN>');
    return true;
  }
}
