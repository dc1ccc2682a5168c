import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminGuard, ApiError, ZodPipe } from '#libs/service-kit';
import { availableAccount, escrowAccount, hubFeesAccount } from '#libs/ledger';
import { SETTLEMENT_RUNTIME, type SettlementRuntime } from '../runtime.js';

const depositBody = z.strictObject({
  participantId: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  amountMinor: z.string().regex(/^[1-9][0-9]{0,18}$/, 'a positive integer in minor units, as a decimal string'),
  reference: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'the payment reference: a repeated reference is the same deposit'),
});
const auditQuery = z.strictObject({ after: z.string().regex(/^\d{1,19}$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) });
const hubParam = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/);
const leaseIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'must be a lease id');
const participantParam = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/);
const statementQuery = z.strictObject({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), format: z.enum(['json', 'csv']).default('json') });

/** Evidence rows shown with a lease's cost (the job endpoints page through all of a job's). */
const LEASE_EVIDENCE_MAX = 1000;

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)));

@ApiTags('ledger')
@Controller('v1')
export class LedgerController {
  constructor(@Inject(SETTLEMENT_RUNTIME) private readonly rt: SettlementRuntime) {}

  @Get('balances')
  @ApiOperation({ summary: 'Every account balance in minor units (strings); the sum of all balances is zero' })
  balances(): unknown {
    const balances = this.rt.ledger.balances();
    return { balances: json(balances), invariantsBroken: this.rt.ledger.checkInvariants() };
  }

  @Get('leases/:leaseId/cost')
  @ApiOperation({ summary: 'A lease\'s cost breakdown: usage, each hub\'s fee, escrow held, released and remaining, and the sub-task evidence it was metered from (first 1000 reports)' })
  async cost(@Param('leaseId', new ZodPipe(leaseIdParam)) leaseId: string): Promise<unknown> {
    const c = this.rt.ledger.leaseCost(leaseId);
    if (!c) throw new ApiError(HttpStatus.NOT_FOUND, 'LEASE_NOT_BOOKED', `lease ${leaseId} is not in the ledger`);
    return { ...(json(c) as object), evidence: await this.rt.reports.evidenceOfLease(leaseId, LEASE_EVIDENCE_MAX) };
  }

  @Get('statements/hubs/:hubId')
  @ApiOperation({ summary: 'A hub\'s fee entries over a period, JSON or CSV' })
  async hubStatement(@Param('hubId', new ZodPipe(hubParam)) hubId: string, @Query(new ZodPipe(statementQuery)) q: z.infer<typeof statementQuery>): Promise<unknown> {
    return this.statementOf([hubFeesAccount(hubId)], { hubId }, q);
  }

  @Get('statements/:participantId')
  @ApiOperation({ summary: 'A participant\'s ledger entries (available and escrow accounts) over a period, JSON or CSV' })
  async statement(@Param('participantId', new ZodPipe(participantParam)) participantId: string, @Query(new ZodPipe(statementQuery)) q: z.infer<typeof statementQuery>): Promise<unknown> {
    return this.statementOf([availableAccount(participantId), escrowAccount(participantId)], { participantId }, q);
  }

  private async statementOf(accounts: string[], who: Record<string, string>, q: z.infer<typeof statementQuery>): Promise<unknown> {
    const rows: Record<string, unknown>[] = await this.rt.ds.query(
      `SELECT at, event_id, kind, lease_id, account, side, amount_minor::text AS amount_minor FROM ledger_entries
        WHERE account = ANY($1::text[]) AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3) ORDER BY ledger_entries.id LIMIT 10000`,
      [accounts, q.from ?? null, q.to ?? null],
    );
    if (q.format === 'json') return { ...who, from: q.from ?? null, to: q.to ?? null, entries: rows };
    const header = 'at,event_id,kind,lease_id,account,side,amount_minor';
    const line = (r: Record<string, unknown>): string => [new Date(r.at as string).toISOString(), r.event_id, r.kind, r.lease_id ?? '', r.account, r.side, r.amount_minor].map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',');
    return [header, ...rows.map(line)].join('\n') + '\n';
  }
}

@ApiTags('ledger (operator)')
@ApiBearerAuth()
@Controller('v1/operator')
@UseGuards(AdminGuard)
export class LedgerOperatorController {
  constructor(@Inject(SETTLEMENT_RUNTIME) private readonly rt: SettlementRuntime) {}

  @Post('deposits')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Record a participant\'s deposit (funds escrow holds); the reference makes it idempotent' })
  async deposit(@Body(new ZodPipe(depositBody)) b: z.infer<typeof depositBody>): Promise<unknown> {
    const r = await this.rt.ledger.apply({ type: 'Deposit', eventId: `deposit:${b.reference}`, participantId: b.participantId, amountMinor: BigInt(b.amountMinor) }, { actor: 'operator', origin: 'http:operator' });
    if (r.status === 'rejected' || r.status === 'exists_with_different_content') throw new ApiError(HttpStatus.CONFLICT, r.code ?? 'LEDGER_REJECTED', `deposit ${b.reference}: ${r.status}`);
    return { reference: b.reference, status: r.status };
  }

  @Get('audit/verify')
  @ApiOperation({ summary: 'Recompute the audit trail\'s hash chain; reports the first broken link' })
  async verifyAudit(): Promise<unknown> {
    return json(await this.rt.audit.verify({ batch: 1000 }));
  }

  @Get('audit')
  @ApiOperation({ summary: 'Audit records (who, what, when, from where), oldest first' })
  async listAudit(@Query(new ZodPipe(auditQuery)) q: z.infer<typeof auditQuery>): Promise<unknown> {
    const records = await this.rt.audit.list(BigInt(q.after ?? '0'), q.limit);
    return { records: json(records), next: records.at(-1)?.seq.toString() ?? q.after ?? null };
  }
}
