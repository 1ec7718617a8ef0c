import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError } from '../../infra/errors/domain-error.js';

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's auth.code2Session (GET /sns/jscode2session); the base URL is configurable for tests. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async openIdForCode(code: string): Promise<string> {
    const { appId, secret, apiBase } = this.config.wechat;
    if (!appId || !secret) {
      throw new DomainError(ErrorCode.WechatUpstream, '服务器未配置微信小程序登录（WECHAT_APPID / WECHAT_SECRET）');
    }
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let answer: Code2SessionAnswer;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      answer = (await response.json()) as Code2SessionAnswer;
    } catch (error) {
      this.logger.warn(`code2session unreachable: ${(error as Error).message}`);
      throw new DomainError(ErrorCode.WechatUpstream, '微信登录服务暂时无法访问，请稍后再试');
    }
    if (answer.errcode || !answer.openid) {
      // 40029 invalid code, 40163 code used, 45011 rate limited: all mean "get a fresh code".
      this.logger.warn(`code2session refused: ${answer.errcode} ${answer.errmsg}`);
      throw new DomainError(ErrorCode.InvalidCredentials, '微信登录凭证无效或已使用，请重新登录');
    }
    return answer.openid;
  }
}
