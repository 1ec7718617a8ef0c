import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { RedisTarget } from '../config/config.js';
import { redisOptions } from './redis-options.js';

export const REDIS = Symbol('REDIS');

/** One shared ioredis client for health checks and small keys; Bull keeps its own connections. */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(target: RedisTarget): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: REDIS, useFactory: () => new Redis({ ...redisOptions(target), maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false }) }],
      exports: [REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
