import { Controller, Get, HttpCode, Inject, Ip, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ExchangeExportQueryDto } from './dto/export-query.dto.js';
import { ExchangeFileExport } from './file-export.js';
import { ExchangeService } from './exchange.service.js';
import { NDJSON } from './raw-upload.js';

/** The exchange format over HTTP, for supervisors (the city's data administrators). */
@ApiTags('exchange')
@ApiBearerAuth()
@Roles(Role.Supervisor)
@Controller('exchange')
export class ExchangeController {
  constructor(
    @Inject(ExchangeService) private readonly exchange: ExchangeService,
    @Inject(ExchangeFileExport) private readonly files: ExchangeFileExport,
  ) {}

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

  /**
   * Streams one file of the export (`agencies`, `inspections`, …) as JSON Lines, phones masked unless
   * `unmasked=true` with a `purpose`; recorded in the audit log once written.
   */
  @Get('export/:kind')
  export(
    @Param('kind') kind: string, @Query() query: ExchangeExportQueryDto, @CurrentUser() user: SessionUser, @Ip() address: string, @Res() reply: FastifyReply,
  ): void {
    const write = this.files.open(user, kind, query, address || null);
    const body = new PassThrough();
    void reply.header('content-type', `${NDJSON}; charset=utf-8`).header('content-disposition', `attachment; filename="${kind}.jsonl"`).send(body);
    write(body).then(() => body.end(), (error) => body.destroy(error));
  }
}
