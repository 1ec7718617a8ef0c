import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser, type SyncResponse } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CheckInDto, DocumentMetaDto, FindingDto, FinishDto, SyncDto } from './dto/onsite.dto.js';
import { OnsiteService } from './onsite.service.js';
import { TrailAccessService } from './trail-access.service.js';

/** On site: scan in, findings, documents, scan out; and the offline queue's replay. */
@ApiTags('on site')
@ApiBearerAuth()
@Controller('onsite')
export class OnsiteController {
  constructor(@Inject(OnsiteService) private readonly onsite: OnsiteService) {}

  @Roles(Role.Officer)
  @Get('today')
  today(@CurrentUser() user: SessionUser) {
    return this.onsite.today(user);
  }

  @Roles(Role.Officer)
  @Post('check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() user: SessionUser, @Body() body: CheckInDto) {
    return this.onsite.checkIn(user, body);
  }

  @Get('inspections/:id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.onsite.get(user, id);
  }

  @Roles(Role.Officer)
  @Post('inspections/:id/findings')
  @HttpCode(200)
  finding(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: FindingDto) {
    return this.onsite.recordFinding(user, id, body);
  }

  /** multipart/form-data with one `file`; what the file is goes in the query, so it is known before the bytes arrive. */
  @Roles(Role.Officer)
  @ApiConsumes('multipart/form-data')
  @Post('inspections/:id/documents')
  @HttpCode(200)
  async document(@CurrentUser() user: SessionUser, @Param('id') id: string, @Query() meta: DocumentMetaDto, @Req() request: FastifyRequest) {
    const part = request.isMultipart() ? await request.file() : undefined;
    return this.onsite.uploadDocument(user, id, meta, part ? { stream: part.file, fileName: part.filename } : undefined);
  }

  @Get('documents/:id')
  async download(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const file = await this.onsite.readDocument(user, id);
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
    return this.onsite.finish(user, id, body);
  }

  /** The phone's offline queue, replayed in order: each action is applied, reported duplicate, or refused. */
  @Roles(Role.Officer)
  @Post('sync')
  @HttpCode(200)
  async sync(@CurrentUser() user: SessionUser, @Body() body: SyncDto): Promise<SyncResponse> {
    return { results: await this.onsite.sync(user, body.actions) };
  }
}

/** 全过程留痕: an inspection's trail and its verification. */
@ApiTags('trail')
@Controller()
export class TrailController {
  constructor(@Inject(TrailAccessService) private readonly trails: TrailAccessService) {}

  @ApiBearerAuth()
  @Get('inspections/:id/trail')
  trail(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.trails.trail(user, id);
  }

  @ApiBearerAuth()
  @Get('inspections/:id/trail/verify')
  verify(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.trails.verify(user, id);
  }

  /** The enterprise's own view, by the inspection code it was shown. */
  @Public()
  @Get('codes/:token/trail')
  byCode(@Param('token') token: string) {
    return this.trails.trailsByCode(token);
  }
}
