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
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
/** Global guard: every route needs a valid bearer token unless marked @Public; @Roles narrows further. */
let JwtAuthGuard = class JwtAuthGuard {
    reflector;
    jwt;
    constructor(reflector, jwt) {
        this.reflector = reflector;
        this.jwt = jwt;
    }
    async canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        if (this.reflector.getAllAndOverride(IS_PUBLIC, targets))
            return true;
        const request = context.switchToHttp().getRequest();
        const header = request.headers.authorization;
        const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
        if (!token)
            throw new DomainError(ErrorCode.Unauthenticated, '请先登录');
        let user;
        try {
            user = (await this.jwt.verifyAsync(token)).user;
        }
        catch {
            throw new DomainError(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
        }
        request.user = user;
        const allowed = this.reflector.getAllAndOverride(ALLOWED_ROLES, targets);
        if (allowed && !allowed.includes(user.role))
            throw new DomainError(ErrorCode.Forbidden, '当前角色无权执行此操作');
        return true;
    }
};
JwtAuthGuard = __decorate([
    Injectable(),
    __param(0, Inject(Reflector)),
    __param(1, Inject(JwtService)),
    __metadata("design:paramtypes", [Reflector,
        JwtService])
], JwtAuthGuard);
export { JwtAuthGuard };
