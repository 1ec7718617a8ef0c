import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';
import { CurrentUser, Roles } from '../../auth/index.js';
import { NDJSON, uploadedText } from './benchmark-upload.js';
import { DiscretionBenchmarks } from './discretion-benchmarks.service.js';

export class BenchmarkListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'a clause code or a part of the name', example: 'FSL' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

const integer = (example: number) => ({ type: 'integer', example });
const RANGE = { type: 'object', required: ['min', 'max'], properties: { min: integer(250_000), max: integer(1_250_000) } };

/** The body of PUT, as shared/spec/discretion-benchmark.md describes a record (the clause comes from the path). */
const BENCHMARK_BODY = {
  type: 'object',
  required: ['name', 'legalBasis', 'factors', 'bands', 'ranges'],
  properties: {
    name: { type: 'string', maxLength: 200, example: '未按规定建立并遵守进货查验记录制度' },
    legalBasis: { type: 'string', maxLength: 500, example: '《中华人民共和国食品安全法》第一百二十六条' },
    factors: {
      type: 'array',
      items: { type: 'object', required: ['id', 'label', 'points'], properties: { id: { type: 'string', example: 'first-offence' }, label: { type: 'string', example: '初次违法' }, points: integer(-2) } },
      example: [{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }],
    },
    bands: {
      type: 'array',
      items: { type: 'object', required: ['level', 'minPoints'], properties: { level: { type: 'string', enum: ['light', 'general', 'severe'] }, minPoints: integer(0) } },
      example: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
    },
    ranges: {
      type: 'object',
      description: 'fines in fen',
      properties: { light: RANGE, general: RANGE, severe: RANGE },
      example: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
    },
  },
};

/**
 * 裁量基准 per violation clause: kept by supervisors; read by agency admins, officers and discipline
 * inspectors. Import and export in JSON Lines (shared/spec/discretion-benchmark.md).
 */
@ApiTags('discretion benchmarks')
@ApiBearerAuth()
@Controller('discretion-benchmarks')
export class DiscretionBenchmarksController {
  constructor(@Inject(DiscretionBenchmarks) private readonly benchmarks: DiscretionBenchmarks) {}

  @Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin, Role.Officer)
  @Get()
  list(@Query() query: BenchmarkListQueryDto) {
    return this.benchmarks.list(query.q, query.page, query.pageSize);
  }

  /** Every benchmark as JSON Lines, streamed in clause order; importing it changes nothing. */
  @Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
  @Get('export')
  export(@Res() reply: FastifyReply): void {
    const body = new PassThrough();
    void reply.header('content-type', `${NDJSON}; charset=utf-8`).header('content-disposition', 'attachment; filename="discretion-benchmarks.jsonl"').send(body);
    this.benchmarks.export(body).then(() => body.end(), (error) => body.destroy(error));
  }

  /** A .jsonl body or upload: all or nothing; problems come back as 400 with `fields` of `line: field`. */
  @Roles(Role.Supervisor)
  @ApiConsumes(NDJSON, 'multipart/form-data', 'text/plain')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @Post('import')
  @HttpCode(200)
  async import(@CurrentUser() user: SessionUser, @Req() request: FastifyRequest) {
    return this.benchmarks.importOrRefuse(user, await uploadedText(request));
  }

  @Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin, Role.Officer)
  @Get(':clause')
  get(@Param('clause') clause: string) {
    return this.benchmarks.get(clause);
  }

  /** Creates or replaces the clause's benchmark; checked against every rule, nothing written when one fails. */
  @Roles(Role.Supervisor)
  @ApiBody({ schema: BENCHMARK_BODY })
  @Put(':clause')
  put(@CurrentUser() user: SessionUser, @Param('clause') clause: string, @Body() body: unknown) {
    return this.benchmarks.put(user, clause, body);
  }

  @Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
  @Get(':clause/history')
  history(@Param('clause') clause: string) {
    return this.benchmarks.history(clause);
  }
}
