import { Body, Controller, Get, Inject, Ip, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role, type RegisterKind, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import {
  CreateAgencyDto,
  CreateEnterpriseDto,
  CreateItemDto,
  CreateOfficerDto,
  ListQueryDto,
  OfficerListQueryDto,
  RegisterParamDto,
  ScopedListQueryDto,
  UpdateAgencyDto,
  UpdateEnterpriseDto,
  UpdateItemDto,
  UpdateOfficerDto,
} from './dto/registry.dto.js';
import { AgenciesService } from './agencies.service.js';
import { EnterprisesService } from './enterprises.service.js';
import { ItemsService } from './items.service.js';
import { OfficersService } from './officers.service.js';
import { RegisterExport } from './export/register-export.js';

const EDITORS = [Role.AgencyAdmin, Role.Supervisor];
const HISTORY_READERS = [Role.AgencyAdmin, Role.Supervisor, Role.Discipline];

/** 清单化管理: agencies, officers, inspection items and enterprises, with their edit history. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(OfficersService) private readonly officers: OfficersService,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(EnterprisesService) private readonly enterprises: EnterprisesService,
    @Inject(RegisterExport) private readonly exports: RegisterExport,
  ) {}

  /**
   * One register (`agencies`, `officers`, `items`, `enterprises`) as Excel, with the list's search and
   * scope (an agency admin's own agency), phones masked; recorded in the audit log.
   */
  @Roles(...HISTORY_READERS)
  @Get('exports/:register')
  async export(
    @CurrentUser() user: SessionUser, @Param() params: RegisterParamDto, @Query() query: OfficerListQueryDto, @Ip() address: string, @Res() reply: FastifyReply,
  ): Promise<void> {
    const { title, file } = await this.exports.workbook(user, params.register, exportFilter(params.register, query), address || null);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`)
      .send(file);
  }

  @Get('agencies')
  listAgencies(@CurrentUser() user: SessionUser, @Query() query: ListQueryDto) {
    return this.agencies.list(user, query);
  }


  @Get('agencies/:id')
  getAgency(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.agencies.get(user, id);
  }

  @Roles(Role.Supervisor)
  @Post('agencies')
  createAgency(@CurrentUser() user: SessionUser, @Body() body: CreateAgencyDto) {
    return this.agencies.create(user, body);
  }

  @Roles(Role.Supervisor)
  @Patch('agencies/:id')
  updateAgency(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateAgencyDto) {
    return this.agencies.update(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('agencies/:id/history')
  agencyHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.agencies.history(user, id);
  }

  @Get('officers')
  listOfficers(@CurrentUser() user: SessionUser, @Query() query: OfficerListQueryDto) {
    return this.officers.list(user, query);
  }


  @Get('officers/:id')
  getOfficer(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.officers.get(user, id);
  }

  @Roles(...EDITORS)
  @Post('officers')
  createOfficer(@CurrentUser() user: SessionUser, @Body() body: CreateOfficerDto) {
    return this.officers.create(user, body);
  }

  @Roles(...EDITORS)
  @Patch('officers/:id')
  updateOfficer(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateOfficerDto) {
    return this.officers.update(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('officers/:id/history')
  officerHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.officers.history(user, id);
  }

  @Get('items')
  listItems(@CurrentUser() user: SessionUser, @Query() query: ScopedListQueryDto) {
    return this.items.list(user, query);
  }


  @Get('items/:id')
  getItem(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.items.get(user, id);
  }

  @Roles(...EDITORS)
  @Post('items')
  createItem(@CurrentUser() user: SessionUser, @Body() body: CreateItemDto) {
    return this.items.create(user, body);
  }

  @Roles(...EDITORS)
  @Patch('items/:id')
  updateItem(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateItemDto) {
    return this.items.update(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('items/:id/history')
  itemHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.items.history(user, id);
  }

  /** The enterprise register is the city's: every role reads it, supervisors keep it. */
  @Get('enterprises')
  listEnterprises(@Query() query: ListQueryDto) {
    return this.enterprises.list(query);
  }


  /** The industries of the register, with how many enterprises each (scenarios name them). */
  @Get('industries')
  industries() {
    return this.enterprises.industries();
  }

  @Get('enterprises/:creditCode')
  getEnterprise(@Param('creditCode') creditCode: string) {
    return this.enterprises.get(normaliseCreditCode(creditCode));
  }

  @Roles(Role.Supervisor)
  @Post('enterprises')
  createEnterprise(@CurrentUser() user: SessionUser, @Body() body: CreateEnterpriseDto) {
    return this.enterprises.create(user, body);
  }

  @Roles(Role.Supervisor)
  @Patch('enterprises/:creditCode')
  updateEnterprise(@CurrentUser() user: SessionUser, @Param('creditCode') creditCode: string, @Body() body: UpdateEnterpriseDto) {
    return this.enterprises.update(user, normaliseCreditCode(creditCode), body);
  }

  @Roles(...HISTORY_READERS)
  @Get('enterprises/:creditCode/history')
  enterpriseHistory(@Param('creditCode') creditCode: string) {
    return this.enterprises.history(normaliseCreditCode(creditCode));
  }
}

/** The filters a register's list takes (agencies and enterprises have no agency, only officers a duty). */
function exportFilter(register: RegisterKind, query: OfficerListQueryDto): { q?: string; agencyId?: string; active?: boolean } {
  if (register === 'agencies' || register === 'enterprises') return { q: query.q };
  return register === 'officers' ? { q: query.q, agencyId: query.agencyId, active: query.active } : { q: query.q, agencyId: query.agencyId };
}
