import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser, type SyncResponse } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/index.js';
import { CheckIn } from './check-in/check-in.js';
import { multipartFile } from './documents/multipart-file.js';
import { ReadDocument } from './documents/read-document.js';
import { UploadDocument } from './documents/upload-document.js';
import { CheckInDto, DocumentMetaDto, FindingDto, FinishDto, SyncDto } from './dto/onsite.dto.js';
import { RecordFinding } from './findings/record-finding.js';
import { FinishInspection } from './finish/finish-inspection.js';
import { OfflineSync } from './offline-sync/offline-sync.js';
import { OnsiteView } from './view/onsite-view.js';

/** On site: scan in, findings, documents, scan out; and the offline queue's replay. */
@ApiTags('on site')
@ApiBearerAuth()
@Controller('onsite')
export class OnsiteController {
  constructor(
    @Inject(OnsiteView) private readonly views: OnsiteView,
    @Inject(CheckIn) private readonly checkIns: CheckIn,
    @Inject(RecordFinding) private readonly findings: RecordFinding,
    @Inject(UploadDocument) private readonly uploads: UploadDocument,
    @Inject(ReadDocument) private readonly downloads: ReadDocument,
    @Inject(FinishInspection) private readonly finishes: FinishInspection,
    @Inject(OfflineSync) private readonly offline: OfflineSync,
  ) {}

  @Roles(Role.Officer)
  @Get('today')
  today(@CurrentUser() user: SessionUser) {
    return this.views.today(user);
  }

  @Roles(Role.Officer)
  @Post('check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() user: SessionUser, @Body() body: CheckInDto) {
    return this.checkIns.checkIn(user, body);
  }

  @Get('inspections/:id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.get(user, id);
  }

  @Roles(Role.Officer)
  @Post('inspections/:id/findings')
  @HttpCode(200)
  finding(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: FindingDto) {
    return this.findings.record(user, id, body);
  }

  /** multipart/form-data with one `file`; what the file is goes in the query, so it is known before the bytes arrive. */
  @Roles(Role.Officer)
  @ApiConsumes('multipart/form-data')
  @Post('inspections/:id/documents')
  @HttpCode(200)
  async document(@CurrentUser() user: SessionUser, @Param('id') id: string, @Query() meta: DocumentMetaDto, @Req() request: FastifyRequest) {
    return this.uploads.upload(user, id, meta, await multipartFile(request));
  }

  @Get('documents/:id')
  async download(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const file = await this.downloads.read(user, id);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', file.sizeBytes)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.stream);
  }

  @Roles(Role.Officer)
  @Post('inspections/:id/finish')
  @HttpCode(200)
  finish(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: FinishDto) {
    return this.finishes.finish(user, id, body);
  }

  /** The phone's offline queue, replayed in order: each action is applied, reported duplicate, or refused. */
  @Roles(Role.Officer)
  @Post('sync')
  @HttpCode(200)
  async sync(@CurrentUser() user: SessionUser, @Body() body: SyncDto): Promise<SyncResponse> {
    return { results: await this.offline.sync(user, body.actions) };
  }
}
