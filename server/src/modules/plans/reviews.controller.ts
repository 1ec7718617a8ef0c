import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { DecideReviewDto, RequestReviewDto } from './dto/scenario.dto.js';
import { ReviewsService } from './reviews.service.js';

@ApiTags('review requests')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  request(@CurrentUser() user: SessionUser, @Body() body: RequestReviewDto) {
    return this.reviews.request(user, body.inspectionId, body.reason);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto) {
    return this.reviews.list(user, query.page, query.pageSize);
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.reviews.get(user, id);
  }

  /** The supervisor (司法局) decides: accepted — the result is reviewed again; rejected — it stands. */
  @Roles(Role.Supervisor)
  @Post(':id/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: DecideReviewDto) {
    return this.reviews.decide(user, id, body.accept, body.note);
  }
}
