import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role, type SessionUser } from '@mashang/shared';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import {
  CreateAgencyDto,
  CreateEnterpriseDto,
  CreateItemDto,
  CreateOfficerDto,
  ListQueryDto,
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
  ) {}

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
  listOfficers(@CurrentUser() user: SessionUser, @Query() query: ScopedListQueryDto) {
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
