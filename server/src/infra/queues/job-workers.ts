import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { JOB_SETTINGS } from './job-queue.js';
import { JOBS, jobQueue, type JobSettings } from './jobs.js';
import { ON_JOB } from './on-job.decorator.js';
import { JobName, QueueName } from './queues.js';

type BullQueueInternals = Queue & { closing?: Promise<void>; setWorkerName(): Promise<void> };

export interface FoundHandler {
  job: JobName;
  /** `Class.method`, to name it in a refusal. */
  where: string;
  run: (job: Job) => Promise<unknown>;
}

/** What is wrong with the handlers found: every job needs exactly one. Empty when all is well. */
export function handlerProblems(found: Pick<FoundHandler, 'job' | 'where'>[]): string[] {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const mine = found.filter((h) => h.job === job);
    if (mine.length === 0) problems.push(`job ${job} has no handler (@OnJob)`);
    if (mine.length > 1) problems.push(`job ${job} has ${mine.length} handlers: ${mine.map((h) => h.where).join(', ')}`);
  }
  return problems;
}

/**
 * Registers every @OnJob method as the Bull worker of its job, and refuses to start when a job has
 * no handler or more than one. A queue closed while its worker is still starting up makes Bull reject
 * with "Connection is closed" twice: from `process()`, and from the `CLIENT SETNAME` that `process()`
 * sends without awaiting. Both are a normal shutdown and are not left as unhandled rejections (which
 * would crash the process); any other failure is logged.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobWorkers.name);

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(JOB_SETTINGS) private readonly settings: JobSettings,
  ) {}

  onApplicationBootstrap(): void {
    const found = this.handlers();
    const problems = handlerProblems(found);
    if (problems.length) throw new Error(`the job registry refuses to start:\n  ${problems.join('\n  ')}`);
    for (const handler of found) this.register(handler);
    void this.retireUnknownSchedules();
  }

  /**
   * Removes the repeatable schedules of jobs the registry no longer has (a sweep an earlier version set
   * up): without a handler they would fire, and fail, for ever. Start-up does not wait for it.
   */
  private async retireUnknownSchedules(): Promise<void> {
    const known = new Set<string>(Object.values(JobName));
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }) as BullQueueInternals;
      try {
        for (const schedule of await queue.getRepeatableJobs()) {
          if (known.has(schedule.name)) continue;
          await queue.removeRepeatableByKey(schedule.key);
          this.logger.log(`removed the schedule of ${schedule.name}, a job no longer in the registry`);
        }
      } catch (error) {
        if (!queue.closing) this.logger.warn(`could not look for retired schedules on ${name}: ${(error as Error).message}`);
      }
    }
  }

  private handlers(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[method] as (job: Job) => Promise<unknown>;
        const job = this.reflector.get<JobName | undefined>(ON_JOB, handler);
        if (job) found.push({ job, where: `${instance.constructor.name}.${method}`, run: (j) => handler.call(instance, j) });
      }
    }
    return found;
  }

  private register({ job, run }: FoundHandler): void {
    const queue = this.moduleRef.get<Queue>(getQueueToken(jobQueue(job)), { strict: false }) as BullQueueInternals;
    const unlessClosing = (error: Error) => {
      if (queue.closing) return;
      this.logger.error(`worker for ${job}: ${error.stack ?? error.message}`);
    };
    const setWorkerName = queue.setWorkerName.bind(queue);
    queue.setWorkerName = () => setWorkerName().catch(unlessClosing);
    const concurrency = JOBS[job].concurrency?.(this.settings) ?? 1;
    queue.process(job, concurrency, run).catch(unlessClosing);
  }
}
