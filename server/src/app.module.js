var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from './infra/config/config.module.js';
import { dataSourceOptions } from './infra/database/data-source.js';
import { QueuesModule } from './infra/queues/queues.module.js';
import { RedisModule } from './infra/redis/redis.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ExchangeModule } from './modules/exchange/exchange.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { RegistryModule } from './modules/registry/registry.module.js';
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config, flavour) {
        return {
            module: AppModule_1,
            imports: [
                ConfigModule.forRoot(config),
                TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, flavour), migrationsRun: config.migrateOnStart }),
                RedisModule.forRoot(config.redisUrl),
                QueuesModule.forRoot(config.redisUrl),
                AuthModule.forRoot(config),
                HealthModule,
                RegistryModule,
                ExchangeModule,
            ],
        };
    }
};
AppModule = AppModule_1 = __decorate([
    Module({})
], AppModule);
export { AppModule };
