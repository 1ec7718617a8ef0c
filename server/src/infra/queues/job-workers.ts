import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { ON_JOB } from './on-job.decorator.js';
import { JOB_QUEUE, type JobName } from './queues.js';

type BullQueueInternals = Queue & { closing?: Promise<void>; setWorkerName(): Promise<void> };

/**
 * Registers every @OnJob method as a Bull worker. A queue closed while its worker is still
 * starting up makes Bull reject with "Connection is closed" twice: from `process()`, and from the
 * `CLIENT SETNAME` that `process()` sends without awaiting. Both are a normal shutdown and are not
 * left as unhandled rejections (which would crash the process); any other failure is logged.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobWorkers.name);

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[method] as (job: Job) => Promise<unknown>;
        const jobName = this.reflector.get<JobName | undefined>(ON_JOB, handler);
        if (jobName) this.register(jobName, (job) => handler.call(instance, job));
      }
    }
  }

  private register(jobName: JobName, handler: (job: Job) => Promise<unknown>): void {
    const queue = this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[jobName]), { strict: false }) as BullQueueInternals;
    const unlessClosing = (error: Error) => {
      if (queue.closing) return;
      this.logger.error(`worker for ${jobName}: ${error.stack ?? error.message}`);
    };
    const setWorkerName = queue.setWorkerName.bind(queue);
    queue.setWorkerName = () => setWorkerName().catch(unlessClosing);
    queue.process(jobName, handler).catch(unlessClosing);
  }
}
