var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var WechatClient_1;
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import { DomainError } from '../../infra/errors/domain-error.js';
/** WeChat's auth.code2Session (GET /sns/jscode2session); the base URL is configurable for tests. */
let WechatClient = WechatClient_1 = class WechatClient {
    config;
    logger = new Logger(WechatClient_1.name);
    constructor(config) {
        this.config = config;
    }
    async openIdForCode(code) {
        const { appId, secret, apiBase } = this.config.wechat;
        if (!appId || !secret) {
            throw new DomainError(ErrorCode.WechatUpstream, '服务器未配置微信小程序登录（WECHAT_APPID / WECHAT_SECRET）');
        }
        const url = new URL(`${apiBase}/sns/jscode2session`);
        url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
        let answer;
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
            answer = (await response.json());
        }
        catch (error) {
            this.logger.warn(`code2session unreachable: ${error.message}`);
            throw new DomainError(ErrorCode.WechatUpstream, '微信登录服务暂时无法访问，请稍后再试');
        }
        if (answer.errcode || !answer.openid) {
            // 40029 invalid code, 40163 code used, 45011 rate limited: all mean "get a fresh code".
            this.logger.warn(`code2session refused: ${answer.errcode} ${answer.errmsg}`);
            throw new DomainError(ErrorCode.InvalidCredentials, '微信登录凭证无效或已使用，请重新登录');
        }
        return answer.openid;
    }
};
WechatClient = WechatClient_1 = __decorate([
    Injectable(),
    __param(0, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], WechatClient);
export { WechatClient };
