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
import { RegistryService } from './registry.service.js';

const EDITORS = [Role.AgencyAdmin, Role.Supervisor];
const HISTORY_READERS = [Role.AgencyAdmin, Role.Supervisor, Role.Discipline];

/** 清单化管理: agencies, officers, inspection items and enterprises, with their edit history. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(@Inject(RegistryService) private readonly registry: RegistryService) {}

  @Get('agencies')
  listAgencies(@CurrentUser() user: SessionUser, @Query() query: ListQueryDto) {
    return this.registry.listAgencies(user, query);
  }

  @Get('agencies/:id')
  getAgency(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.getAgency(user, id);
  }

  @Roles(Role.Supervisor)
  @Post('agencies')
  createAgency(@CurrentUser() user: SessionUser, @Body() body: CreateAgencyDto) {
    return this.registry.createAgency(user, body);
  }

  @Roles(Role.Supervisor)
  @Patch('agencies/:id')
  updateAgency(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateAgencyDto) {
    return this.registry.updateAgency(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('agencies/:id/history')
  agencyHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.history(user, 'agency', id);
  }

  @Get('officers')
  listOfficers(@CurrentUser() user: SessionUser, @Query() query: ScopedListQueryDto) {
    return this.registry.listOfficers(user, query);
  }

  @Get('officers/:id')
  getOfficer(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.getOfficer(user, id);
  }

  @Roles(...EDITORS)
  @Post('officers')
  createOfficer(@CurrentUser() user: SessionUser, @Body() body: CreateOfficerDto) {
    return this.registry.createOfficer(user, body);
  }

  @Roles(...EDITORS)
  @Patch('officers/:id')
  updateOfficer(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateOfficerDto) {
    return this.registry.updateOfficer(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('officers/:id/history')
  officerHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.history(user, 'officer', id);
  }

  @Get('items')
  listItems(@CurrentUser() user: SessionUser, @Query() query: ScopedListQueryDto) {
    return this.registry.listItems(user, query);
  }

  @Get('items/:id')
  getItem(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.getItem(user, id);
  }

  @Roles(...EDITORS)
  @Post('items')
  createItem(@CurrentUser() user: SessionUser, @Body() body: CreateItemDto) {
    return this.registry.createItem(user, body);
  }

  @Roles(...EDITORS)
  @Patch('items/:id')
  updateItem(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: UpdateItemDto) {
    return this.registry.updateItem(user, id, body);
  }

  @Roles(...HISTORY_READERS)
  @Get('items/:id/history')
  itemHistory(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.registry.history(user, 'item', id);
  }

  /** The enterprise register is the city's: every role reads it, supervisors keep it. */
  @Get('enterprises')
  listEnterprises(@Query() query: ListQueryDto) {
    return this.registry.listEnterprises(query);
  }

  @Get('enterprises/:creditCode')
  getEnterprise(@Param('creditCode') creditCode: string) {
    return this.registry.getEnterprise(normaliseCreditCode(creditCode));
  }

  @Roles(Role.Supervisor)
  @Post('enterprises')
  createEnterprise(@CurrentUser() user: SessionUser, @Body() body: CreateEnterpriseDto) {
    return this.registry.createEnterprise(user, body);
  }

  @Roles(Role.Supervisor)
  @Patch('enterprises/:creditCode')
  updateEnterprise(@CurrentUser() user: SessionUser, @Param('creditCode') creditCode: string, @Body() body: UpdateEnterpriseDto) {
    return this.registry.updateEnterprise(user, normaliseCreditCode(creditCode), body);
  }

  @Roles(...HISTORY_READERS)
  @Get('enterprises/:creditCode/history')
  enterpriseHistory(@CurrentUser() user: SessionUser, @Param('creditCode') creditCode: string) {
    return this.registry.history(user, 'enterprise', normaliseCreditCode(creditCode));
  }
}
