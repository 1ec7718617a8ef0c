import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from '../config/config.js';
import { redisOptions } from './redis-options.js';

export const REDIS = Symbol('REDIS');

/**
 * The shared client's options: requests use it, and no request may wait for Redis. While it is
 * disconnected a command fails at once (no offline queue); one sent but not answered fails after
 * COMMAND_TIMEOUT_MS. Callers then fall back (see RedisOrLocal) or answer 503.
 */
export const COMMAND_TIMEOUT_MS = 2000;
export const REQUEST_PATH_OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, lazyConnect: false };

/** One shared ioredis client for health checks and small keys; Bull keeps its own connections. */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(target: RedisTarget): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: REDIS, useFactory: () => new Redis({ ...redisOptions(target), ...REQUEST_PATH_OPTIONS }) }],
      exports: [REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
