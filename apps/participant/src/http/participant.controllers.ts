import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MessageType, pb } from '#libs/contracts';
import { currentCarrier, SpanKind, withSpan } from '#libs/observability';
import { ApiError, ZodPipe } from '#libs/service-kit';
import { PARTICIPANT_RUNTIME, type ParticipantRuntime } from '../runtime.js';

const nodeId = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a node id');
const sessionId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits and ._:- only, at most 128');
const sendBody = z.strictObject({
  target: nodeId,
  type: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'lowercase message type, e.g. text or demo.note').default(MessageType.Text),
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  contentType: z.string().min(1).max(128).default('text/plain; charset=utf-8'),
  sessionId: sessionId.optional(),
});
const pingBody = z.strictObject({ target: nodeId, text: z.string().max(1024).default('ping'), sessionId: sessionId.optional() });
const listQuery = z.strictObject({
  after: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().max(64).optional(),
});
const messageIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-hex message id');

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Get('health')
  @ApiOperation({ summary: 'Ready: admitted, database reachable, inbox consuming' })
  async health(): Promise<unknown> {
    await this.rt.ds.query('SELECT 1');
    return { status: 'ok', node: this.rt.config.nodeId, role: 'participant', hub: this.rt.config.hubId, admitted: true };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): string {
    return this.rt.metrics.render();
  }

  @Get('v1/identity')
  @ApiOperation({ summary: 'This participant\'s node id, hub and certificate fingerprint' })
  identity(): unknown {
    const leaf = this.rt.identity.sender.chainDer[0] ?? new Uint8Array();
    return { nodeId: this.rt.config.nodeId, hubId: this.rt.config.hubId, subnet: this.rt.config.subnet.id, signingCertSha256: createHash('sha256').update(leaf).digest('hex') };
  }
}

@ApiTags('messages')
@Controller('v1')
export class MessagesController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Post('messages')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a message to another participant through the hubs (signed, end-to-end encrypted)' })
  @ApiBody({ schema: { type: 'object', required: ['target', 'body'], properties: { target: { type: 'string' }, type: { type: 'string' }, body: { type: 'string' }, bodyEncoding: { enum: ['utf8', 'base64'] }, contentType: { type: 'string' }, sessionId: { type: 'string' } } } })
  @ApiResponse({ status: 202, description: '{ messageId, sessionId }: queued in the outbox, sent asynchronously' })
  @ApiResponse({ status: 404, description: 'NODE_UNKNOWN: the target is not an admitted participant' })
  @ApiResponse({ status: 413, description: 'BODY_TOO_LARGE' })
  async send(@Body(new ZodPipe(sendBody)) b: z.infer<typeof sendBody>): Promise<unknown> {
    const body = b.bodyEncoding === 'base64' ? Buffer.from(b.body, 'base64') : Buffer.from(b.body, 'utf8');
    return this.enqueue(b.target, b.type, b.contentType, body, b.sessionId);
  }

  @Post('ping')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a demo.ping; the target answers with a demo.pong through the hubs' })
  async ping(@Body(new ZodPipe(pingBody)) b: z.infer<typeof pingBody>): Promise<unknown> {
    const body = pb.Ping.encode({ text: b.text, sentAtMs: Date.now() }).finish();
    return this.enqueue(b.target, MessageType.DemoPing, 'application/x-protobuf; messageType=datanet.v1.Ping', Buffer.from(body), b.sessionId);
  }

  @Get('messages')
  @ApiOperation({ summary: 'Messages received, oldest first; page with ?after=<next>' })
  async list(@Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>): Promise<unknown> {
    const messages = await this.rt.inbox.list(q.after, q.limit, q.type);
    return { messages, next: messages.at(-1)?.seq ?? q.after ?? null };
  }

  @Get('outbox/:messageId')
  @ApiOperation({ summary: 'Delivery state of a message this participant sent (pending, sent, failed)' })
  async outboxStatus(@Param('messageId', new ZodPipe(messageIdParam)) id: string): Promise<unknown> {
    const s = await this.rt.outbox.status(id);
    if (!s) throw new ApiError(HttpStatus.NOT_FOUND, 'MESSAGE_UNKNOWN', `no outgoing message ${id}`);
    return { messageId: id, ...s };
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Inbox records this participant rejected, with reason codes' })
  async deadLetters(@Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>): Promise<unknown> {
    const rows = await this.rt.deadLetters.list({ afterId: q.after, limit: q.limit, reasonCode: q.type });
    return { deadLetters: rows, next: rows.at(-1)?.id ?? q.after ?? null };
  }

  private async enqueue(target: string, type: string, contentType: string, body: Buffer, session?: string): Promise<unknown> {
    if (body.byteLength > this.rt.config.maxBodyBytes) throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'BODY_TOO_LARGE', `body of ${body.byteLength} bytes exceeds ${this.rt.config.maxBodyBytes}`);
    if (target === this.rt.config.nodeId) throw new ApiError(HttpStatus.BAD_REQUEST, 'TARGET_IS_SELF', 'a participant does not message itself through the hubs');
    const resolved = await this.rt.directory.resolve(target);
    if (!resolved.ok) {
      if (resolved.code === 'NODE_UNKNOWN') throw new ApiError(HttpStatus.NOT_FOUND, 'NODE_UNKNOWN', resolved.detail);
      throw new ApiError(HttpStatus.BAD_GATEWAY, resolved.code, resolved.detail);
    }
    const sessionId = session ?? randomUUID();
    // The trace of a message starts here and follows it through both hubs to the target.
    return withSpan('participant.api.send', { kind: SpanKind.SERVER, attributes: { 'datanet.target': target, 'datanet.type': type } }, async () => {
      const traceparent = currentCarrier().traceparent;
      const messageId = await this.rt.ds.transaction((m) => this.rt.outbox.add(m, { target, type, sessionId, contentType, body, traceparent }));
      this.rt.outbox.kick();
      return { messageId, sessionId, traceId: traceparent?.split('-')[1] ?? null };
    });
  }
}
