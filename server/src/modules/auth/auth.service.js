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
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Role } from '@mashang/shared';
import { Repository } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import { DomainError } from '../../infra/errors/domain-error.js';
import { verifyPassword } from './password.js';
import { User } from './user.entity.js';
import { WechatClient } from './wechat.client.js';
export function toSessionUser(user) {
    return {
        id: user.id,
        username: user.username,
        role: user.role,
        displayName: user.displayName,
        agencyId: user.agencyId,
        officerId: user.officerId,
    };
}
let AuthService = class AuthService {
    users;
    jwt;
    wechat;
    config;
    constructor(users, jwt, wechat, config) {
        this.users = users;
        this.jwt = jwt;
        this.wechat = wechat;
        this.config = config;
    }
    async loginWithPassword(username, password) {
        return this.issue(await this.checkPassword(username, password));
    }
    /**
     * An officer's mini-program login. A known openid logs straight in; an unknown one needs the
     * officer's username and password once, which binds the WeChat account to that officer login.
     */
    async loginWithWechat(code, username, password) {
        const openid = await this.wechat.openIdForCode(code);
        const bound = await this.users.findOneBy({ wechatOpenid: openid });
        if (bound) {
            if (!bound.active)
                throw new DomainError(ErrorCode.Forbidden, '该账号已停用');
            return this.issue(bound);
        }
        if (!username || !password) {
            throw new DomainError(ErrorCode.WechatUnbound, '首次使用微信登录，请输入账号和密码完成绑定');
        }
        const user = await this.checkPassword(username, password);
        if (user.role !== Role.Officer)
            throw new DomainError(ErrorCode.Forbidden, '只有执法人员账号可以绑定微信');
        if (user.wechatOpenid && user.wechatOpenid !== openid) {
            throw new DomainError(ErrorCode.Conflict, '该账号已绑定其他微信，请联系本部门管理员解除绑定');
        }
        await this.users.update({ id: user.id }, { wechatOpenid: openid });
        return this.issue(user);
    }
    async me(userId) {
        const user = await this.users.findOneBy({ id: userId, active: true });
        if (!user)
            throw new DomainError(ErrorCode.Unauthenticated, '账号不存在或已停用');
        return toSessionUser(user);
    }
    async checkPassword(username, password) {
        const user = await this.users.findOneBy({ username });
        // Same answer for unknown user and wrong password, so usernames cannot be probed.
        if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
            throw new DomainError(ErrorCode.InvalidCredentials, '账号或密码不正确');
        }
        return user;
    }
    async issue(user) {
        const sessionUser = toSessionUser(user);
        const token = await this.jwt.signAsync({ user: sessionUser }, { subject: String(user.id) });
        const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString();
        return { token, expiresAt, user: sessionUser };
    }
};
AuthService = __decorate([
    Injectable(),
    __param(0, InjectRepository(User)),
    __param(1, Inject(JwtService)),
    __param(2, Inject(WechatClient)),
    __param(3, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [Repository,
        JwtService,
        WechatClient, Object])
], AuthService);
export { AuthService };
