var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AuthModule_1;
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { User } from './user.entity.js';
import { WechatClient } from './wechat.client.js';
let AuthModule = AuthModule_1 = class AuthModule {
    static forRoot(config) {
        return {
            module: AuthModule_1,
            imports: [
                TypeOrmModule.forFeature([User]),
                JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
            ],
            controllers: [AuthController],
            providers: [AuthService, WechatClient, { provide: APP_GUARD, useClass: JwtAuthGuard }],
            exports: [AuthService],
        };
    }
};
AuthModule = AuthModule_1 = __decorate([
    Module({})
], AuthModule);
export { AuthModule };
