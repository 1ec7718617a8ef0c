import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { Roles } from '../../auth/roles.decorator.js';
import { ColourList } from './colour-list.js';
import { ColourAgencyQueryDto, ColourListChangeDto } from './colour-list.dto.js';

/** 三色清单: which colour a violation of each of an agency's items is classed with. */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/violation-colours')
export class ColourListController {
  constructor(@Inject(ColourList) private readonly list: ColourList) {}

  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get()
  view(@CurrentUser() user: SessionUser, @Query() query: ColourAgencyQueryDto) {
    return this.list.view(user, query.agencyId);
  }

  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Put()
  change(@CurrentUser() user: SessionUser, @Body() body: ColourListChangeDto) {
    return this.list.change(user, body.agencyId, body.changes);
  }

  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('history')
  history(@CurrentUser() user: SessionUser, @Query() query: ColourAgencyQueryDto) {
    return this.list.history(user, query.agencyId);
  }
}
