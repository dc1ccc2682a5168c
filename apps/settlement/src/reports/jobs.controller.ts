import { Controller, Get, HttpStatus, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isId } from '#libs/ledger';
import { ApiError, ZodPipe } from '#libs/service-kit';
import { SETTLEMENT_RUNTIME, type SettlementRuntime } from '../runtime.js';

const jobIdParam = z.string().refine(isId, 'must be a job id: [A-Za-z0-9][A-Za-z0-9._:-]{0,127}');
const evidenceQuery = z.strictObject({ after: z.string().regex(/^\d{1,19}$/).optional(), limit: z.coerce.number().int().min(1).max(10_000).default(1000) });

@ApiTags('jobs')
@Controller('v1/jobs')
export class JobsController {
  constructor(@Inject(SETTLEMENT_RUNTIME) private readonly rt: SettlementRuntime) {}

  @Get(':jobId/cost')
  @ApiOperation({
    summary: 'A job\'s cost breakdown from its lessee\'s sub-task reports and the ledger',
    description:
      'One entry per reported attempt (lease, lessor, outcome, ledger status, metered and billed core-seconds, usage, each hub\'s fee, total) and the totals; ' +
      'amounts and core-seconds are decimal strings in minor units. Metered = ceil((ended − started) / 1 s) × lease cores; the ledger bills it capped at the lease ' +
      '(nothing for failed-lessor) and floors fees on the lease\'s cumulative usage, so an attempt\'s fee is the difference it made to that floor.',
  })
  @ApiParam({ name: 'jobId', description: 'the job id the lessee reported' })
  @ApiResponse({ status: 200, description: '{ jobId, attempts: AttemptCost[], totals, leases }' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, description: 'JOB_UNKNOWN: no report of this job was received' })
  async cost(@Param('jobId', new ZodPipe(jobIdParam)) jobId: string): Promise<unknown> {
    const c = await this.rt.reports.jobCost(jobId);
    if (!c) throw new ApiError(HttpStatus.NOT_FOUND, 'JOB_UNKNOWN', `no sub-task report of job ${jobId} was received`);
    return c;
  }

  @Get(':jobId/evidence')
  @ApiOperation({
    summary: 'The evidence of a job\'s sub-task attempts, oldest first; page with ?after=<next>',
    description: 'What the lessee reported per attempt: ids, lease, parties, strategy, outcome, times, the encrypted result\'s SHA-256 (hex), sizes, rows, failure code, the hub it came through and its message id. Never payloads or keys.',
  })
  @ApiParam({ name: 'jobId', description: 'the job id the lessee reported' })
  @ApiQuery({ name: 'after', required: false, description: 'the previous page\'s next' })
  @ApiQuery({ name: 'limit', required: false, description: '1..10000, default 1000' })
  @ApiResponse({ status: 200, description: '{ jobId, reports: Evidence[], next }' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, description: 'JOB_UNKNOWN: no report of this job was received' })
  async evidence(@Param('jobId', new ZodPipe(jobIdParam)) jobId: string, @Query(new ZodPipe(evidenceQuery)) q: z.infer<typeof evidenceQuery>): Promise<unknown> {
    const e = await this.rt.reports.evidenceOfJob(jobId, q.after, q.limit);
    if (!e) throw new ApiError(HttpStatus.NOT_FOUND, 'JOB_UNKNOWN', `no sub-task report of job ${jobId} was received`);
    return { jobId, ...e };
  }
}
