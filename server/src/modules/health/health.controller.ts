import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthDto } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { within } from '../../infra/errors/unavailable.js';
import { DatabasePing } from '../../infra/database/tx.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { Public } from '../auth/public.decorator.js';
import { JobOutbox } from '../outbox/index.js';

const PROBE_MS = 2000;

async function probe<T>(check: () => Promise<T>): Promise<T | null> {
  try {
    return await within(check(), PROBE_MS, () => new Error('timeout'));
  } catch {
    return null;
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DatabasePing) private readonly database: DatabasePing,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
  ) {}

  /**
   * Each part up or down, and the jobs waiting in the outbox. 503 (for load balancers) only when the
   * database does not answer: without Redis the API still serves, with the jobs it causes waiting in the
   * outbox, so the status is `degraded` but the answer 200.
   */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [database, redis, jobOutbox] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.redis.ping()),
      probe(() => this.outbox.backlog()),
    ]);
    const parts = { database: database === null ? 'down' : 'up', redis: redis === null ? 'down' : 'up' } as const;
    void reply.status(parts.database === 'up' ? 200 : 503);
    return { status: parts.database === 'up' && parts.redis === 'up' ? 'ok' : 'degraded', ...parts, jobOutbox };
  }
}
