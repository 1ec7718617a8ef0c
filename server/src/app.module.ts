import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from './infra/config/config.module.js';
import type { AppConfig } from './infra/config/config.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { dataSourceOptions, type DatabaseFlavour } from './infra/database/data-source.js';
import { ENTITIES } from './entities.js';
import { QueuesModule } from './infra/queues/queues.module.js';
import { RedisModule } from './infra/redis/redis.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CampaignsModule } from './modules/campaigns/index.js';
import { BookletModule } from './modules/booklet/index.js';
import { DrawsModule } from './modules/draws/index.js';
import { DiscretionModule, PenaltyReportsModule } from './modules/cases/index.js';
import { EvaluationModule } from './modules/evaluation/evaluation.module.js';
import { ExchangeModule } from './modules/exchange/exchange.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OffsiteModule } from './modules/offsite/index.js';
import { OnsiteModule } from './modules/onsite/onsite.module.js';
import { PlansModule } from './modules/plans/plans.module.js';
import { PortModule } from './modules/port/port.module.js';
import { RegistryModule } from './modules/registry/registry.module.js';
import { SupervisionModule } from './modules/supervision/supervision.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, flavour: DatabaseFlavour): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, flavour, ENTITIES), migrationsRun: config.migrateOnStart }),
        DatabaseModule,
        RedisModule.forRoot(config.redis),
        QueuesModule.forRoot(config),
        AuthModule.forRoot(config),
        HealthModule,
        RegistryModule,
        ExchangeModule,
        PlansModule,
        OnsiteModule,
        OffsiteModule,
        SupervisionModule,
        AnalyticsModule,
        EvaluationModule,
        DrawsModule,
        CampaignsModule,
        DiscretionModule,
        PenaltyReportsModule,
        PortModule,
        BookletModule,
      ],
    };
  }
}
