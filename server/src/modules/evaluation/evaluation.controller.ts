import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, Roles } from '../auth/index.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, forbidden } from '../../infra/errors/domain-error.js';
import { enterprisePageUrl } from '../../infra/http/h5-files.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { SubmitRatingsDto } from './dto/rating.dto.js';
import { InviteList } from './invite-list/invite-list.js';
import { RatingPageView } from './rating-page/rating-page-view.js';
import { RatingSubmission } from './rating-page/rating-submission.js';
import { DeliveryReceipts, type DeliveryReceipt } from './receipts/delivery-receipts.js';

/** The public rating page's API (no login: the SMS link or code is the credential) and the agencies' view of invites. */
@ApiTags('ratings')
@Controller('ratings')
export class RatingsController {
  constructor(
    @Inject(InviteList) private readonly invites: InviteList,
    @Inject(RatingPageView) private readonly page: RatingPageView,
    @Inject(RatingSubmission) private readonly submission: RatingSubmission,
  ) {}

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('invites')
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto) {
    return this.invites.list(user, query.page, query.pageSize);
  }

  /** `credential`: the link token, or the rating code as typed. */
  @Public()
  @Get('invites/:credential')
  view(@Param('credential') credential: string, @Req() request: FastifyRequest) {
    return this.page.view(credential, request.ip);
  }

  @Public()
  @Post('invites/:credential')
  @HttpCode(200)
  submit(@Param('credential') credential: string, @Body() body: SubmitRatingsDto, @Req() request: FastifyRequest) {
    return this.submission.submit(credential, body, request.ip);
  }
}

/** The local outbox (supervisors), and the providers' delivery-receipt callbacks (each in its provider's format). */
@ApiTags('sms')
@Controller('sms')
export class SmsController {
  constructor(
    @Inject(InviteList) private readonly invites: InviteList,
    @Inject(DeliveryReceipts) private readonly receipts: DeliveryReceipts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Supervisors only: each message holds the enterprise's rating link or code, and whoever holds it
   * can rate — an agency must never read the link of its own inspection.
   */
  @ApiBearerAuth()
  @Roles(Role.Supervisor)
  @Get('outbox')
  outbox() {
    return this.invites.outbox(50);
  }

  /** Aliyun SmsReport push: a JSON array of `{ biz_id, phone_number, success, err_code, err_msg, … }`. */
  @Public()
  @Post('receipts/aliyun')
  @HttpCode(200)
  async aliyun(@Body() body: unknown, @Query('token') token?: string) {
    this.checkToken(token);
    await this.record('aliyun', receipts(body, (r) => ({
      providerMessageId: text(r.biz_id), phone: text(r.phone_number) || null, delivered: r.success === true || r.success === 'true', code: text(r.err_code) || null, message: text(r.err_msg) || null,
    })));
    return { code: 0, msg: '成功' };
  }

  /** Tencent status callback: a JSON array of `{ sid, mobile, report_status: SUCCESS | FAIL, errmsg, description, … }`. */
  @Public()
  @Post('receipts/tencent')
  @HttpCode(200)
  async tencent(@Body() body: unknown, @Query('token') token?: string) {
    this.checkToken(token);
    await this.record('tencent', receipts(body, (r) => ({
      providerMessageId: text(r.sid), phone: text(r.mobile) || null, delivered: r.report_status === 'SUCCESS', code: text(r.errmsg) || null, message: text(r.description) || null,
    })));
    return { result: 0, errmsg: 'OK' };
  }

  private async record(provider: 'aliyun' | 'tencent', list: DeliveryReceipt[]): Promise<void> {
    for (const receipt of list) if (receipt.providerMessageId) await this.receipts.record(provider, receipt);
  }

  private checkToken(token: string | undefined): void {
    const expected = this.config.evaluation.sms.callbackToken;
    if (expected === null) return;
    const given = Buffer.from(token ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) throw forbidden('回执地址的 token 不正确');
  }
}

function receipts(body: unknown, read: (r: Record<string, unknown>) => DeliveryReceipt): DeliveryReceipt[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : null;
  if (!list || list.some((r) => !r || typeof r !== 'object')) throw new DomainError(ErrorCode.BadRequest, '回执格式不正确：应为 JSON 数组');
  return list.map((r) => read(r as Record<string, unknown>));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The short address an SMS holds, outside /api: sends the phone to the H5 rating page of the enterprise entry (code entry without a token). */
@Controller({ path: 'r' })
export class RatingLinkController {
  @Public()
  @Get()
  codeEntry(@Res() reply: FastifyReply): void {
    void reply.redirect(enterprisePageUrl('/enterprise/pages/rate/index'), 302);
  }

  @Public()
  @Get(':token')
  open(@Param('token') token: string, @Res() reply: FastifyReply): void {
    void reply.redirect(enterprisePageUrl(`/enterprise/pages/rate/index?t=${encodeURIComponent(token)}`), 302);
  }
}
