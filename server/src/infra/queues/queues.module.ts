import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import { redisOptions } from '../redis/redis-options.js';
import { JOB_SETTINGS, JobQueue } from './job-queue.js';
import type { JobSettings } from './jobs.js';
import { JobWorkers } from './job-workers.js';
import { QueueName } from './queues.js';

/** The configured parts of the jobs' options. */
export function jobSettings(config: AppConfig): JobSettings {
  const { sms } = config.evaluation;
  return {
    anomalyReport: { attempts: config.anomalyReport.attempts, backoffMs: config.anomalyReport.backoffMs },
    sms: { attempts: sms.maxAttempts, backoffMs: sms.retryDelayMs, concurrency: sms.concurrency, ratePerSecond: sms.ratePerSecond },
  };
}

/**
 * Bull on the configured Redis (one server or through its Sentinels), the job queue and the @OnJob workers; `BULL_PREFIX` keeps test runs
 * apart on a shared Redis. The SMS queue's limiter caps the provider rate across every process.
 */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(config: AppConfig): DynamicModule {
    const settings = jobSettings(config);
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({
      name,
      ...(name === QueueName.Sms ? { limiter: { max: settings.sms!.ratePerSecond, duration: 1000 } } : {}),
    })));
    return {
      module: QueuesModule,
      imports: [DiscoveryModule, BullModule.forRoot({ redis: redisOptions(config.redis), prefix: process.env.BULL_PREFIX || 'bull' }), queues],
      providers: [{ provide: JOB_SETTINGS, useValue: settings }, JobQueue, JobWorkers],
      exports: [queues, JobQueue],
    };
  }
}
