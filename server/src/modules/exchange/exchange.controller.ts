import { Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { DomainError } from '../../infra/errors/domain-error.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { EXCHANGE_KINDS, type ExchangeKind } from './records/index.js';
import { ExchangeService } from './exchange.service.js';
import { NDJSON } from './raw-upload.js';

/** The exchange format over HTTP, for supervisors (the city's data administrators). */
@ApiTags('exchange')
@ApiBearerAuth()
@Roles(Role.Supervisor)
@Controller('exchange')
export class ExchangeController {
  constructor(@Inject(ExchangeService) private readonly exchange: ExchangeService) {}

  @Post('imports')
  createImport() {
    return this.exchange.createImport();
  }

  @ApiConsumes(NDJSON)
  @Put('imports/:id/files/:kind')
  upload(@Param('id') id: string, @Param('kind') kind: string, @Req() request: FastifyRequest) {
    return this.exchange.uploadFile(id, kind, request.body as Readable);
  }

  @Post('imports/:id/run')
  @HttpCode(202)
  run(@Param('id') id: string, @CurrentUser() user: SessionUser) {
    return this.exchange.runImport(id, user);
  }

  @Get('imports/:id')
  status(@Param('id') id: string) {
    return this.exchange.status(id);
  }

  /** Streams one file of the export (`agencies`, `inspections`, …) as JSON Lines. */
  @Get('export/:kind')
  export(@Param('kind') kind: string, @Res() reply: FastifyReply): void {
    if (!EXCHANGE_KINDS.includes(kind as ExchangeKind)) {
      throw new DomainError(ErrorCode.NotFound, `未知的文件：${kind}`, [{ field: 'kind', reason: `must be one of ${EXCHANGE_KINDS.join(', ')}` }]);
    }
    const body = new PassThrough();
    void reply.header('content-type', `${NDJSON}; charset=utf-8`).header('content-disposition', `attachment; filename="${kind}.jsonl"`).send(body);
    this.exchange
      .exporter()
      .writeKind(kind as ExchangeKind, body)
      .then(() => body.end(), (error) => body.destroy(error));
  }
}
