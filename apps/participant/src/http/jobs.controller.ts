import { Body, Controller, Get, Header, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiError, ZodPipe } from '#libs/service-kit';
import { DATASET_ID, JOB_LIMITS, JOB_STRATEGIES, readDataset, validateJobSpec } from '../jobs/job-spec.js';
import { PARTICIPANT_RUNTIME, type ParticipantRuntime } from '../runtime.js';

export const jobIdParam = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a job id (uuid)');
const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const resultQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

interface StatusSettable {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

const programSchema = { type: 'object', description: 'libs/compute program: { version: 1, inputWidth, ops: [...] } (libs/compute/README.md)' };

const jobBodySchema = {
  type: 'object',
  required: ['dataset', 'program', 'resources', 'maxPriceMinorPerCoreSecond', 'deadlineInS'],
  properties: {
    clientJobId: { type: 'string', description: 'Idempotency key: the same id again returns the existing job (200)' },
    dataset: {
      type: 'object',
      description: `Exactly one of: rows (array of equal-length number arrays), csv (text), csvPath (a file inside this participant's DATANET_DATA_DIR). At most ${JOB_LIMITS.rows} rows and ${JOB_LIMITS.values} values.`,
      properties: { rows: { type: 'array', items: { type: 'array', items: { type: 'number' } } }, csv: { type: 'string' }, csvPath: { type: 'string' } },
    },
    program: programSchema,
    postProgram: { ...programSchema, description: 'Optional local step the lessee runs in plaintext on the aggregated result (S210)' },
    resources: { type: 'object', required: ['cores', 'memoryMiB', 'durationS'], properties: { cores: { type: 'integer' }, memoryMiB: { type: 'integer' }, durationS: { type: 'integer' } } },
    capabilities: { type: 'array', items: { enum: ['tee', 'he'] }, description: 'Required of lessors besides what the chosen strategy needs' },
    securityLevel: { type: 'integer', minimum: 1, maximum: 3 },
    maxPriceMinorPerCoreSecond: { type: 'integer', minimum: 1 },
    deadlineInS: { type: 'integer', minimum: 1, maximum: JOB_LIMITS.deadlineS },
    strategy: { type: 'object', properties: { force: { enum: [...JOB_STRATEGIES] }, forbid: { type: 'array', items: { enum: [...JOB_STRATEGIES] } }, minimum: { enum: [...JOB_STRATEGIES] } } },
    localShare: { type: 'number', minimum: 0, maximum: 0.99, description: 'Share of rows the lessee computes itself, in [0, 1)' },
  },
};

@ApiTags('jobs')
@Controller('v1/jobs')
export class JobsController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Post()
  @ApiOperation({ summary: 'Submit a job (S202-S210): it orders compute, splits, picks a strategy, dispatches encrypted sub-tasks through the hubs and collects the result' })
  @ApiBody({ schema: jobBodySchema })
  @ApiResponse({ status: 201, description: 'the job (status created); watch it at GET /v1/jobs/{jobId}' })
  @ApiResponse({ status: 200, description: 'same clientJobId: the existing job' })
  @ApiResponse({ status: 400, description: 'JOB_* or VALIDATION_FAILED code naming the problem' })
  async submit(@Body() body: unknown, @Res({ passthrough: true }) res: StatusSettable): Promise<unknown> {
    const checked = validateJobSpec(body, this.rt.clock.nowMs(), this.rt.config.dataDir);
    if (!checked.ok) throw new ApiError(HttpStatus.BAD_REQUEST, checked.code, checked.message);
    const r = await this.rt.jobs.submit(checked.spec, checked.dataset);
    res.status(r.created ? HttpStatus.CREATED : HttpStatus.OK);
    return r.job;
  }

  @Get()
  @ApiOperation({ summary: 'This participant\'s jobs, newest first' })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>): Promise<unknown> {
    return { jobs: await this.rt.jobs.list(q.limit) };
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'Progress: status, sub-tasks done/total, strategy chosen and why, attempts, failure' })
  @ApiParam({ name: 'jobId' })
  @ApiResponse({ status: 404, description: 'JOB_UNKNOWN' })
  async get(@Param('jobId', new ZodPipe(jobIdParam)) jobId: string): Promise<unknown> {
    const v = await this.rt.jobs.view(jobId);
    if (!v) throw new ApiError(HttpStatus.NOT_FOUND, 'JOB_UNKNOWN', `no job ${jobId}`);
    return v;
  }

  @Get(':jobId/result')
  @ApiOperation({ summary: 'The result of a completed job: { rows } as JSON, or CSV with ?format=csv' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiResponse({ status: 404, description: 'JOB_UNKNOWN' })
  @ApiResponse({ status: 409, description: 'JOB_NOT_COMPLETED (the job\'s status is in the message)' })
  @Header('cache-control', 'no-store')
  async result(@Param('jobId', new ZodPipe(jobIdParam)) jobId: string, @Query(new ZodPipe(resultQuery)) q: z.infer<typeof resultQuery>, @Res({ passthrough: true }) res: StatusSettable): Promise<unknown> {
    const r = await this.rt.jobs.result(jobId);
    if (!r) throw new ApiError(HttpStatus.NOT_FOUND, 'JOB_UNKNOWN', `no job ${jobId}`);
    if (!r.rows) throw new ApiError(HttpStatus.CONFLICT, 'JOB_NOT_COMPLETED', `job ${jobId} is ${r.status}`);
    if (q.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      return r.rows.map((row) => row.join(',')).join('\n') + '\n';
    }
    return { jobId, rows: r.rows };
  }

  @Post(':jobId/stop')
  @ApiOperation({ summary: 'Stop a job: its lessors are told to stop, its open buy order is cancelled; in-flight attempts are billed as cancelled by the lessee' })
  @ApiResponse({ status: 404, description: 'JOB_UNKNOWN' })
  async stop(@Param('jobId', new ZodPipe(jobIdParam)) jobId: string): Promise<unknown> {
    const v = await this.rt.jobs.stop(jobId);
    if (!v) throw new ApiError(HttpStatus.NOT_FOUND, 'JOB_UNKNOWN', `no job ${jobId}`);
    return v;
  }
}

const datasetIdParam = z.string().regex(DATASET_ID, 'must be a dataset id: 1-64 of [A-Za-z0-9._-]');

@ApiTags('joint computation')
@Controller('v1/joint/datasets')
export class JointDatasetsController {
  constructor(@Inject(PARTICIPANT_RUNTIME) private readonly rt: ParticipantRuntime) {}

  @Post(':datasetId')
  @ApiOperation({ summary: 'Offer (or replace) a dataset for joint computation as the third participant (claims 6-7): named partners may compute over it under their HE key; its rows never leave this participant in clear' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['dataset', 'partners'],
      properties: {
        dataset: { type: 'object', description: 'Exactly one of rows, csv, csvPath (inside DATANET_DATA_DIR); row i must be the same entity as the partner\'s row i' },
        partners: { type: 'array', items: { type: 'string' }, description: 'Participant ids allowed to run joint jobs over it' },
        maxOutputWidth: { type: 'integer', minimum: 1, maximum: 256, description: 'Widest output a partner\'s program may produce (default 1: no program can hand the columns out)' },
      },
    },
  })
  @ApiResponse({ status: 201, description: 'the dataset (id, rows, width, partners) without its rows' })
  async put(@Param('datasetId', new ZodPipe(datasetIdParam)) datasetId: string, @Body() body: unknown): Promise<unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'body must be a JSON object');
    const b = body as Record<string, unknown>;
    if (Object.keys(b).some((k) => !['dataset', 'partners', 'maxOutputWidth'].includes(k))) throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'only dataset, partners, maxOutputWidth');
    const partners = b.partners;
    if (!Array.isArray(partners) || partners.length === 0 || partners.length > 1000 || !partners.every((p) => typeof p === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(p))) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'partners: 1-1000 participant ids');
    }
    const maxOutputWidth = b.maxOutputWidth ?? 1;
    if (typeof maxOutputWidth !== 'number' || !Number.isInteger(maxOutputWidth) || maxOutputWidth < 1 || maxOutputWidth > 256) throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'maxOutputWidth: an integer 1..256');
    const data = readDataset(b.dataset, this.rt.config.dataDir);
    if (!data.ok) throw new ApiError(HttpStatus.BAD_REQUEST, data.code, data.message);
    if (data.value.rowCount > JOB_LIMITS.rowsPerSubTask) throw new ApiError(HttpStatus.BAD_REQUEST, 'JOB_DATASET_TOO_LARGE', `a joint dataset has at most ${JOB_LIMITS.rowsPerSubTask} rows`);
    return this.rt.jointDatasets.put(datasetId, data.value, partners as string[], maxOutputWidth);
  }

  @Get()
  @ApiOperation({ summary: 'Datasets offered for joint computation (without their rows)' })
  async list(): Promise<unknown> {
    return { datasets: await this.rt.jointDatasets.list() };
  }
}
