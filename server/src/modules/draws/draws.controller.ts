import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, userActor, type SessionUser } from '@mashang/shared';
import { forbidden } from '../../infra/errors/domain-error.js';
import { agencyScope, CurrentUser, Public, Roles } from '../auth/index.js';
import { OfficerRepository } from '../registry/index.js';
import { CommitDraw } from './commit-draw.js';
import { DrawViews } from './draw-views.js';
import { CommitDrawDto, DeclareConflictDto, RunDrawDto } from './dto/draw.dto.js';
import { RandomDrawRepository } from './random-draw.repository.js';
import { RunDraw } from './run-draw.js';

/** 双随机一公开: agency admins commit and run draws; anyone reads and verifies them. */
@ApiTags('draws')
@Controller()
export class DrawsController {
  constructor(
    @Inject(CommitDraw) private readonly committing: CommitDraw,
    @Inject(RunDraw) private readonly running: RunDraw,
    @Inject(DrawViews) private readonly views: DrawViews,
    @Inject(RandomDrawRepository) private readonly draws: RandomDrawRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
  ) {}

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Post('draws')
  commit(@CurrentUser() user: SessionUser, @Body() body: CommitDrawDto) {
    return this.committing.commit(user, body);
  }

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Post('draws/:id/draw')
  @HttpCode(200)
  draw(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: RunDrawDto) {
    return this.running.run(user, id, body.publicEntropy?.trim() ?? '');
  }

  /** 回避: an agency's officer declares a conflict with an enterprise; draws never pair them. */
  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin)
  @Post('draws/conflicts')
  @HttpCode(200)
  async declareConflict(@CurrentUser() user: SessionUser, @Body() body: DeclareConflictDto) {
    const [officer] = await this.officers.byIds([body.officerId]);
    if (!officer || officer.agencyId !== agencyScope(user)) throw forbidden('只能为本部门的执法人员登记回避');
    await this.draws.declareConflict({ officerId: body.officerId, creditCode: body.creditCode, reason: body.reason.trim(), at: new Date(), by: userActor(user) });
    return { officerId: body.officerId, creditCode: body.creditCode };
  }

  @Public()
  @Get('public/draws')
  list() {
    return this.views.list(null);
  }

  @Public()
  @Get('public/draws/:id')
  one(@Param('id') id: string) {
    return this.views.one(id);
  }
}
