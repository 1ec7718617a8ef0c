import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EnterpriseContactView, EnterpriseLoginResponse, EnterpriseSession, SignInCodeAnswer } from '@mashang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentEnterprise, EnterpriseOnly, Public, type SignedInEnterprise } from '../../auth/index.js';
import { EnterpriseContacts } from '../contacts/enterprise-contacts.js';
import { AddContactDto, EnterpriseSignInDto, EnterpriseWechatSignInDto, SignInCodeDto } from '../dto/sign-in.dto.js';
import { EnterpriseSignIn } from './enterprise-sign-in.js';

/** 企业端: sign-in by phone and SMS code or WeChat, the session, and the enterprise's contacts. */
@ApiTags('enterprise')
@Controller('enterprise')
export class EnterpriseSignInController {
  constructor(
    @Inject(EnterpriseSignIn) private readonly signIn: EnterpriseSignIn,
    @Inject(EnterpriseContacts) private readonly contacts: EnterpriseContacts,
  ) {}

  @Public()
  @Post('sign-in/code')
  @HttpCode(200)
  code(@Body() body: SignInCodeDto, @Req() request: FastifyRequest): Promise<SignInCodeAnswer> {
    return this.signIn.requestCode(body.creditCode, body.phone, request.ip);
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  signInWithCode(@Body() body: EnterpriseSignInDto, @Req() request: FastifyRequest): Promise<EnterpriseLoginResponse> {
    return this.signIn.signIn(body.creditCode, body.phone, body.code, request.ip);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() body: EnterpriseWechatSignInDto, @Req() request: FastifyRequest): Promise<EnterpriseLoginResponse> {
    return this.signIn.signInWithWechat(body.code, { creditCode: body.creditCode, phone: body.phone, smsCode: body.smsCode }, request.ip);
  }

  @ApiBearerAuth()
  @EnterpriseOnly()
  @Get('me')
  me(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<EnterpriseSession> {
    return this.signIn.me(enterprise);
  }

  @ApiBearerAuth()
  @EnterpriseOnly()
  @Post('sign-out')
  @HttpCode(204)
  signOut(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<void> {
    return this.signIn.signOut(enterprise);
  }

  @ApiBearerAuth()
  @EnterpriseOnly()
  @Get('contacts')
  listContacts(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<EnterpriseContactView[]> {
    return this.contacts.list(enterprise);
  }

  /** The legal representative only. */
  @ApiBearerAuth()
  @EnterpriseOnly()
  @Post('contacts')
  @HttpCode(200)
  addContact(@CurrentEnterprise() enterprise: SignedInEnterprise, @Body() body: AddContactDto): Promise<EnterpriseContactView[]> {
    return this.contacts.add(enterprise, body.phone, body.title ?? '');
  }

  /** The legal representative only: the contact's sessions end and its WeChat accounts are unbound. */
  @ApiBearerAuth()
  @EnterpriseOnly()
  @Post('contacts/:id/remove')
  @HttpCode(200)
  removeContact(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string): Promise<EnterpriseContactView[]> {
    return this.contacts.remove(enterprise, id);
  }
}

/** The enterprise's port's short addresses, outside /api (for notices, posters and SMS): the sign-in page, and 码上响应 without signing in. */
@Controller()
export class EnterprisePortLinkController {
  @Public()
  @Get('e')
  signIn(@Res() reply: FastifyReply): void {
    void reply.redirect('/h5/#/enterprise/pages/signin/index', 302);
  }

  @Public()
  @Get('c')
  complain(@Res() reply: FastifyReply): void {
    void reply.redirect('/h5/#/enterprise/pages/complain/index', 302);
  }
}
