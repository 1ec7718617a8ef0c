import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { CurrentUser, Roles } from '../../auth/index.js';
import { DecideReviewDto, RequestReviewDto, ReviewListQueryDto } from '../dto/scenario.dto.js';
import { DecideReview } from './decide-review.js';
import { RequestReview } from './request-review.js';
import { ReviewViews } from './review-views.js';

@ApiTags('review requests')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(
    @Inject(RequestReview) private readonly requesting: RequestReview,
    @Inject(DecideReview) private readonly deciding: DecideReview,
    @Inject(ReviewViews) private readonly views: ReviewViews,
  ) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  request(@CurrentUser() user: SessionUser, @Body() body: RequestReviewDto) {
    return this.requesting.request(user, body.inspectionId, body.reason);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: ReviewListQueryDto) {
    return this.views.list(user, query.page, query.pageSize, query.status);
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.get(user, id);
  }

  /** The supervisor (司法局) decides: accepted — the result is reviewed again; rejected — it stands. */
  @Roles(Role.Supervisor)
  @Post(':id/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: DecideReviewDto) {
    return this.deciding.decide(user, id, body.accept, body.note);
  }
}
