import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { QueueName } from './queues.js';

/** Bull on the configured Redis; `BULL_PREFIX` keeps test runs apart on a shared Redis. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(redisUrl: string): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [BullModule.forRoot({ url: redisUrl, prefix: process.env.BULL_PREFIX || 'bull' }), queues],
      exports: [queues],
    };
  }
}
