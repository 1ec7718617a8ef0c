import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser, type TrailView } from '@mashang/shared';
import { assertSameAgency, CurrentUser, Roles, UserRepository } from '../auth/index.js';
import { TrailReader } from '../trail/index.js';
import { DecidePenaltyCase } from './decision/decide-penalty-case.js';
import { ClosePenaltyCase } from './closing/close-penalty-case.js';
import { CoerciveMeasures } from './coercive/coercive-measures.js';
import {
  CauseChangeDto, CoerciveMeasureDto, DecisionDto, FilePenaltyCaseDto, LegalReviewVerdictDto, NoticeDto, PenaltyCaseListQueryDto, ReasonDto,
} from './dto/penalty-case.dto.js';
import { FilePenaltyCase } from './filing/file-penalty-case.js';
import { NoticePenaltyCase } from './notice/notice-penalty-case.js';
import { DecideLegalReview } from './review/decide-legal-review.js';
import { LegalReviewQueue } from './view/legal-review-queue.js';
import { PenaltyCaseViews } from './view/penalty-case-views.js';

/** 行政处罚: cases filed, noticed, decided (after legal review when major), closed or revoked; coercive measures. */
@ApiTags('penalty-cases')
@ApiBearerAuth()
@Controller('penalty-cases')
export class PenaltyCasesController {
  constructor(
    @Inject(FilePenaltyCase) private readonly filing: FilePenaltyCase,
    @Inject(NoticePenaltyCase) private readonly noticing: NoticePenaltyCase,
    @Inject(DecidePenaltyCase) private readonly deciding: DecidePenaltyCase,
    @Inject(DecideLegalReview) private readonly reviewing: DecideLegalReview,
    @Inject(ClosePenaltyCase) private readonly closing: ClosePenaltyCase,
    @Inject(CoerciveMeasures) private readonly coercive: CoerciveMeasures,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
    @Inject(LegalReviewQueue) private readonly reviews: LegalReviewQueue,
    @Inject(TrailReader) private readonly trail: TrailReader,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  file(@CurrentUser() user: SessionUser, @Body() body: FilePenaltyCaseDto) {
    return this.filing.file(user, body);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: PenaltyCaseListQueryDto) {
    return this.views.list(user, query.stage ?? null, query.page ?? 1, query.pageSize ?? 20);
  }

  @Roles(Role.Supervisor, Role.AgencyAdmin)
  @Get('reviews')
  waitingReviews(@CurrentUser() user: SessionUser) {
    return this.reviews.waiting(user);
  }

  @Roles(Role.Supervisor, Role.AgencyAdmin)
  @Post('reviews/:reviewId')
  @HttpCode(200)
  decideReview(@CurrentUser() user: SessionUser, @Param('reviewId') reviewId: string, @Body() body: LegalReviewVerdictDto) {
    return this.reviewing.decide(user, reviewId, body);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('coercive-measures/:measureId/extend')
  @HttpCode(200)
  extendMeasure(@CurrentUser() user: SessionUser, @Param('measureId') measureId: string, @Body() body: ReasonDto) {
    return this.coercive.extend(user, measureId, body.reason);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('coercive-measures/:measureId/release')
  @HttpCode(200)
  releaseMeasure(@CurrentUser() user: SessionUser, @Param('measureId') measureId: string, @Body() body: ReasonDto) {
    return this.coercive.release(user, measureId, body.reason);
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.detail(user, id);
  }

  /** The case's own hash-chained trail. */
  @Get(':id/trail')
  async caseTrail(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<TrailView> {
    const c = await this.views.detail(user, id);
    assertSameAgency(user, c.agencyId);
    const view = await this.trail.read(id, user.role === Role.Supervisor || user.role === Role.Discipline ? 'overseer' : 'agency');
    const names = await this.users.actorNames(view.entries.map((e) => e.actor));
    return { ...view, entries: view.entries.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null })) };
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/notice')
  @HttpCode(200)
  notice(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: NoticeDto) {
    return this.noticing.notice(user, id, body);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: DecisionDto) {
    return this.deciding.decide(user, id, body);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.closing.close(user, id, body.reason);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.closing.revoke(user, id, body.reason);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/cause')
  @HttpCode(200)
  changeCause(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CauseChangeDto) {
    return this.closing.changeCause(user, id, body.to, body.reason);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/coercive-measures')
  startMeasure(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CoerciveMeasureDto) {
    return this.coercive.start(user, id, body);
  }
}
