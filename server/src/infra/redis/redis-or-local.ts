import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { isRedisUnavailable } from './unavailable.js';

/**
 * Runs a command on Redis or, while Redis is out of reach, its stand-in in this process, so a request
 * never waits for Redis. The client must fail fast when Redis is away (REQUEST_PATH_OPTIONS). The switch
 * either way is logged once.
 */
export class RedisOrLocal {
  private readonly logger: Logger;
  private away = false;

  constructor(private readonly redis: Redis, private readonly what: string) {
    this.logger = new Logger(what);
  }

  async run<T>(remote: () => Promise<T>, local: () => T): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        const answer = await remote();
        if (this.away) {
          this.away = false;
          this.logger.log(`Redis answers again: ${this.what} counted in Redis`);
        }
        return answer;
      } catch (error) {
        if (!isRedisUnavailable(error)) throw error;
      }
    }
    if (!this.away) {
      this.away = true;
      this.logger.warn(`Redis out of reach: ${this.what} counted in this process until it is back`);
    }
    return local();
  }
}
