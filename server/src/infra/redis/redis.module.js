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
var RedisModule_1;
import { Global, Inject, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
export const REDIS = Symbol('REDIS');
/** One shared ioredis client for health checks and small keys; Bull keeps its own connections. */
let RedisModule = RedisModule_1 = class RedisModule {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    static forRoot(redisUrl) {
        return {
            module: RedisModule_1,
            providers: [{ provide: REDIS, useFactory: () => new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false }) }],
            exports: [REDIS],
        };
    }
    async onApplicationShutdown() {
        await this.redis.quit().catch(() => this.redis.disconnect());
    }
};
RedisModule = RedisModule_1 = __decorate([
    Global(),
    Module({}),
    __param(0, Inject(REDIS)),
    __metadata("design:paramtypes", [Redis])
], RedisModule);
export { RedisModule };
