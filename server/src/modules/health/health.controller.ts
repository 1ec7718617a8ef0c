import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthDto } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { DatabasePing } from '../../infra/database/tx.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { Public } from '../auth/public.decorator.js';

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return 'up';
  } catch {
    return 'down';
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DatabasePing) private readonly database: DatabasePing,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 when the database and Redis both answer, 503 otherwise (for load balancers). */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [database, redis] = await Promise.all([probe(() => this.database.ping()), probe(() => this.redis.ping())]);
    const status = database === 'up' && redis === 'up' ? 'ok' : 'degraded';
    void reply.status(status === 'ok' ? 200 : 503);
    return { status, database, redis };
  }
}
