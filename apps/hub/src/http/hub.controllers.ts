import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, UseGuards, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminGuard, ApiError, ZodPipe } from '#libs/service-kit';
import { auditRecordJson, verificationJson } from '../persistence/audit.js';
import { HUB_RUNTIME, type HubRuntime } from '../runtime.js';

const b64 = z.base64().transform((s) => new Uint8Array(Buffer.from(s, 'base64')));
const admissionBody = z.strictObject({
  participantId: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  enrollmentToken: z.string().min(1).max(256),
  signingPublicKey: b64,
  keyAgreementPublicKey: b64,
  requestedAtMs: z.number().int().positive(),
  proof: b64,
});
const nodeIdParam = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a node id');
const deadLetterQuery = z.strictObject({
  reason: z.string().regex(/^[A-Z_]{1,64}$/).optional(),
  after: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const auditQuery = z.strictObject({
  after: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const auditVerifyQuery = z.strictObject({ fromSeq: z.string().regex(/^[1-9]\d{0,17}$/).optional() });

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness and readiness: database reachable, relay consuming' })
  async health(): Promise<{ status: string; node: string; role: string; relay: string }> {
    await this.rt.ds.query('SELECT 1');
    return { status: 'ok', node: this.rt.config.nodeId, role: 'hub', relay: this.rt.relayState() };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus counters: relayed envelopes by action, rejections by reason code' })
  metrics(): string {
    return this.rt.metrics.render();
  }
}

@ApiTags('admission')
@Controller('v1')
export class AdmissionController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Post('admission')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Admit a participant of this subnet: enrollment token + proof of key possession -> hub-issued certificates' })
  @ApiBody({ schema: { type: 'object', required: ['participantId', 'enrollmentToken', 'signingPublicKey', 'keyAgreementPublicKey', 'requestedAtMs', 'proof'], properties: { participantId: { type: 'string' }, enrollmentToken: { type: 'string' }, signingPublicKey: { type: 'string', format: 'byte', description: 'SPKI DER, base64' }, keyAgreementPublicKey: { type: 'string', format: 'byte' }, requestedAtMs: { type: 'integer' }, proof: { type: 'string', format: 'byte', description: 'ECDSA P-256 (P1363) signature over the admission proof input' } } } })
  @ApiResponse({ status: 200, description: 'certificates (PEM)' })
  @ApiResponse({ status: 401, description: 'TOKEN_MALFORMED | TOKEN_BAD_MAC | TOKEN_EXPIRED | TOKEN_WRONG_PARTICIPANT' })
  @ApiResponse({ status: 409, description: 'TOKEN_ALREADY_USED' })
  async admit(@Body(new ZodPipe(admissionBody)) body: z.infer<typeof admissionBody>): Promise<unknown> {
    const r = await this.rt.admission.admit(body);
    if (!r.ok) throw new ApiError(r.status, r.code, r.message);
    return { ...r.identity, reissued: r.reissued };
  }

  @Get('directory/:nodeId')
  @ApiOperation({ summary: "A participant's public certificates (from this hub or its owning peer hub), or the key-agreement certificate of a settlement service this hub serves (role 'settlement', CA-issued)" })
  @ApiQuery({ name: 'local', required: false, description: '1: answer only for this hub\'s own participants and the settlement services it serves (hub-to-hub lookups)' })
  @ApiResponse({ status: 404, description: 'NODE_UNKNOWN' })
  async directory(@Param('nodeId', new ZodPipe(nodeIdParam)) nodeId: string, @Query('local') local?: string): Promise<unknown> {
    const entry = await this.rt.directory.lookup(nodeId, local === '1');
    if (!entry) throw new ApiError(HttpStatus.NOT_FOUND, 'NODE_UNKNOWN', `${nodeId} is neither an admitted participant reachable from ${this.rt.config.nodeId} nor a settlement service it serves`);
    return entry;
  }
}

@ApiTags('operator')
@ApiBearerAuth()
@Controller('v1/operator')
@UseGuards(AdminGuard)
export class OperatorController {
  constructor(@Inject(HUB_RUNTIME) private readonly rt: HubRuntime) {}

  @Get('participants')
  @ApiOperation({ summary: 'Admitted and revoked participants of this subnet' })
  participants(): unknown {
    return { participants: this.rt.admission.list() };
  }

  @Post('participants/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke a participant: it can no longer send or receive; its bus access is withdrawn' })
  async revoke(@Param('id', new ZodPipe(nodeIdParam)) id: string): Promise<unknown> {
    const done = await this.rt.admission.revoke(id);
    if (!done) throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_ADMITTED', `${id} is not an active participant`);
    return { participantId: id, status: 'revoked' };
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Rejected envelopes with their reason codes (relay) and bus-level denials' })
  async deadLetters(@Query(new ZodPipe(deadLetterQuery)) q: z.infer<typeof deadLetterQuery>): Promise<unknown> {
    const rows = await this.rt.deadLetters.list({ reasonCode: q.reason, afterId: q.after, limit: q.limit });
    return { deadLetters: rows, counts: await this.rt.deadLetters.countsByReason(), next: rows.at(-1)?.id ?? q.after ?? null };
  }

  @Get('audit/verify')
  @ApiOperation({ summary: 'Recompute the audit hash chain: ok with count and head (seq, hash), or the first broken link (brokenAt, reason, detail)' })
  @ApiQuery({ name: 'fromSeq', required: false, description: 'verify from this seq, trusting the stored hash of fromSeq - 1 (compare it with a published anchor first)' })
  async auditVerify(@Query(new ZodPipe(auditVerifyQuery)) q: z.infer<typeof auditVerifyQuery>): Promise<unknown> {
    return verificationJson(await this.rt.audit.verify(q.fromSeq === undefined ? undefined : BigInt(q.fromSeq)));
  }

  @Get('audit')
  @ApiOperation({ summary: 'Audit records in seq order after `after`: what (action, subject), who (actor), when (atMs), from where (origin), with their hashes' })
  async audit(@Query(new ZodPipe(auditQuery)) q: z.infer<typeof auditQuery>): Promise<unknown> {
    const records = await this.rt.audit.list(BigInt(q.after ?? '0'), q.limit);
    return { records: records.map(auditRecordJson), next: records.at(-1)?.seq.toString() ?? q.after ?? null };
  }
}
