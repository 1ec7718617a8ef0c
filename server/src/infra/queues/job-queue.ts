import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, JobOptions, Queue } from 'bull';
import { jobOptions, jobQueue, type JobSettings } from './jobs.js';
import type { JobName, JobPayloads, QueueName } from './queues.js';

export const JOB_SETTINGS = Symbol('JOB_SETTINGS');

/** Queues jobs by name: the queue, id and options come from the registry (jobs.ts), never from the caller. */
@Injectable()
export class JobQueue {
  constructor(
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(JOB_SETTINGS) private readonly settings: JobSettings,
  ) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], extra: { delay?: number } = {}): Promise<Job<JobPayloads[N]>> {
    return this.queue(jobQueue(name)).add(name, payload, jobOptions(name, payload, this.settings, extra));
  }

  /** Many jobs of one name, a thousand per round trip. */
  async addMany<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; delay?: number }[]): Promise<void> {
    const queue = this.queue(jobQueue(name));
    for (let i = 0; i < jobs.length; i += 1000) {
      await queue.addBulk(jobs.slice(i, i + 1000).map(({ payload, delay }) => ({ name, data: payload, opts: jobOptions(name, payload, this.settings, { delay }) })));
    }
  }

  /** A repeatable job (a sweep, a nightly tick); its id keeps one schedule per name. */
  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], repeat: JobOptions['repeat']): Promise<void> {
    await this.queue(jobQueue(name)).add(name, payload, jobOptions(name, payload, this.settings, { repeat }));
  }
}
