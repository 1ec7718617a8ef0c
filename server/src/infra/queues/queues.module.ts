import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers } from './job-workers.js';
import { QueueName } from './queues.js';

/** Bull on the configured Redis, and the @OnJob workers; `BULL_PREFIX` keeps test runs apart on a shared Redis. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(redisUrl: string): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [DiscoveryModule, BullModule.forRoot({ url: redisUrl, prefix: process.env.BULL_PREFIX || 'bull' }), queues],
      providers: [JobWorkers],
      exports: [queues],
    };
  }
}
