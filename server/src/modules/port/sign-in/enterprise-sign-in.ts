import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, maskPhone, normaliseCreditCode, type EnterpriseLoginResponse, type EnterpriseSession, type SignInCodeAnswer } from '@mashang/shared';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import { EnterpriseSessions, WechatClient, type SignedInEnterprise } from '../../auth/index.js';
import { EnterprisePhones, type PhoneStanding } from '../contacts/enterprise-phones.js';
import { EnterpriseContactRepository } from '../enterprise-contact.repository.js';
import { signInCodeSms } from '../sms/port-sms-texts.js';
import { PortSms } from '../sms/port-sms.js';
import { SmsCodes, type CodePurpose } from './sms-codes.js';

const sessionOf = (standing: PhoneStanding): EnterpriseSession => ({
  creditCode: standing.creditCode, enterpriseName: standing.enterpriseName, phone: standing.phone, representative: standing.representative,
});

/**
 * 企业端登录: a phone registered for the enterprise (the register's, or a contact's) signs in with an SMS
 * code; in the mini-program a WeChat account bound once to such a phone signs in without one. The
 * session is of the enterprise's own kind (see EnterpriseSessions).
 */
@Injectable()
export class EnterpriseSignIn {
  private readonly logger = new Logger('EnterpriseSignIn');
  readonly codes: SmsCodes;

  constructor(
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(EnterpriseContactRepository) private readonly contacts: EnterpriseContactRepository,
    @Inject(EnterpriseSessions) private readonly sessions: EnterpriseSessions,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(PortSms) private readonly sms: PortSms,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.codes = new SmsCodes(redis, config.jwtSecret);
  }

  /**
   * Sends an SMS code when the phone is registered for the enterprise; answers alike when it is not, so
   * the form tells no one whose phone it is. Throttled per phone and per address either way.
   */
  async requestCode(creditCode: string, phone: string, ip: string, purpose: CodePurpose = 'sign-in'): Promise<SignInCodeAnswer> {
    const code = normaliseCreditCode(creditCode);
    const phoneIndex = this.phones.index(phone);
    await this.codes.reserve(phoneIndex, ip);
    const ttl = this.config.enterprisePort.codeTtlSeconds;
    const answer = { phone: maskPhone(phone)!, expiresInSeconds: ttl, resendAfterSeconds: 60 };
    // A complaint's contact may be anyone the enterprise asks to follow it up; a sign-in only a registered phone.
    if (purpose === 'sign-in' && !(await this.phones.standing(code, phoneIndex))) return answer;
    await this.sendCode(purpose, code, phone, phoneIndex);
    return answer;
  }

  private async sendCode(purpose: CodePurpose, creditCode: string, phone: string, phoneIndex: string): Promise<void> {
    const ttl = this.config.enterprisePort.codeTtlSeconds;
    const value = await this.codes.issue(purpose, creditCode, phoneIndex, ttl);
    const outcome = await this.sms.send(phone, this.config.enterprisePort.templates.signIn, signInCodeSms(this.config.evaluation.sms.signName, value, ttl, purpose));
    if (!outcome.ok) {
      await this.codes.forget(purpose, creditCode, phoneIndex);
      throw new DomainError(ErrorCode.SmsUpstream, '短信发送失败，请稍后再试');
    }
  }

  /** Checks a typed code; refuses a wrong or void one (401) with what to do. */
  async verify(purpose: CodePurpose, creditCode: string, phone: string, typed: string, ip: string): Promise<string> {
    const code = normaliseCreditCode(creditCode);
    const phoneIndex = this.phones.index(phone);
    const result = await this.codes.check(purpose, code, phoneIndex, typed, ip);
    if (result === 'wrong') throw new DomainError(ErrorCode.InvalidCredentials, '验证码不正确，请核对短信后重新输入');
    if (result === 'void') throw new DomainError(ErrorCode.InvalidCredentials, '验证码已失效（已过期、已使用或输错次数过多），请重新获取');
    return phoneIndex;
  }

  /** Phone + SMS code: a session for the enterprise, while the phone is still registered for it. */
  async signIn(creditCode: string, phone: string, typed: string, ip: string): Promise<EnterpriseLoginResponse> {
    const phoneIndex = await this.verify('sign-in', creditCode, phone, typed, ip);
    const standing = await this.phones.standing(normaliseCreditCode(creditCode), phoneIndex);
    if (!standing) throw new DomainError(ErrorCode.InvalidCredentials, '验证码不正确，请核对短信后重新输入');
    return this.sessions.issue(sessionOf(standing), phoneIndex, 'sms');
  }

  /**
   * Mini-program sign-in: a WeChat account bound to a phone of an enterprise signs straight in while the
   * phone stays registered for it; otherwise the phone and its SMS code are needed once, which binds it.
   */
  async signInWithWechat(wxCode: string, binding: { creditCode?: string; phone?: string; smsCode?: string }, ip: string): Promise<EnterpriseLoginResponse> {
    const openid = await this.wechat.openIdForCode(wxCode);
    if (!binding.creditCode || !binding.phone || !binding.smsCode) {
      const bound = await this.contacts.bindingOf(openid);
      const standing = bound ? await this.phones.standing(bound.creditCode, bound.phoneIndex) : null;
      if (bound && standing) return this.sessions.issue(sessionOf(standing), bound.phoneIndex, 'wechat');
      throw new DomainError(ErrorCode.WechatUnbound, '首次使用微信登录，请输入统一社会信用代码和企业登记的手机号，获取验证码后完成绑定');
    }
    const phoneIndex = await this.verify('sign-in', binding.creditCode, binding.phone, binding.smsCode, ip);
    const creditCode = normaliseCreditCode(binding.creditCode);
    const standing = await this.phones.standing(creditCode, phoneIndex);
    if (!standing) throw new DomainError(ErrorCode.InvalidCredentials, '验证码不正确，请核对短信后重新输入');
    return this.transactions.run(async (tx) => {
      const at = new Date();
      await this.contacts.bind(openid, creditCode, phoneIndex, at, tx);
      await this.contacts.insertEvent({ creditCode, kind: 'wechat-bound', detail: { phone: standing.phone }, at }, tx);
      this.logger.log(`enterprise ${creditCode}: WeChat bound to ${standing.phone}`);
      return this.sessions.issue(sessionOf(standing), phoneIndex, 'wechat', tx);
    });
  }

  /** Who the session speaks for now (the contact may have become the representative, or been removed). */
  async me(enterprise: SignedInEnterprise): Promise<EnterpriseSession> {
    const standing = await this.standingOf(enterprise);
    return sessionOf(standing);
  }

  /** The session's phone as it stands now; a removed contact's session is over. */
  async standingOf(enterprise: SignedInEnterprise): Promise<PhoneStanding> {
    const phoneIndex = await this.sessions.phoneIndexOf(enterprise.sessionId);
    const standing = phoneIndex ? await this.phones.standing(enterprise.creditCode, phoneIndex) : null;
    if (!standing) throw new DomainError(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    return standing;
  }

  async signOut(enterprise: SignedInEnterprise): Promise<void> {
    await this.sessions.end(enterprise.sessionId, 'sign-out');
    await this.sessions.changed(enterprise.creditCode);
  }
}
