import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, JobOptions, Queue } from 'bull';
import { ServiceUnavailableError, within } from '../errors/unavailable.js';
import { jobOptions, jobQueue, type JobSettings } from './jobs.js';
import { QueueName, type JobName, type JobPayloads } from './queues.js';

export const JOB_SETTINGS = Symbol('JOB_SETTINGS');

/** How long a request waits for a queue that was connected when asked. */
const PROMPT_MS = 3000;

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

  /** Whether every queue's connection to Redis is up (Bull's own clients queue commands while it is not). */
  connected(): boolean {
    return Object.values(QueueName).every((name) => this.queue(name).client.status === 'ready');
  }

  /** Whether every queue is connected within `ms`: start-up waits this long for Redis, and no longer. */
  async whenConnected(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.connected()) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /** Calls `listener` each time a queue's connection to Redis is (re)established; answers how to stop. */
  onConnected(listener: () => void): () => void {
    const clients = Object.values(QueueName).map((name) => this.queue(name).client);
    for (const client of clients) client.on('ready', listener);
    return () => clients.forEach((client) => client.off('ready', listener));
  }

  /**
   * For a request that cannot do without its queue (an import's progress lives in Bull): `work`, or
   * 503 at once while Redis is away, and after `timeoutMs` should it go away meanwhile. Requests never
   * wait for Redis; jobs that writes cause go through the job outbox instead.
   */
  promptly<T>(name: QueueName, work: (queue: Queue) => Promise<T>, timeoutMs = PROMPT_MS): Promise<T> {
    const queue = this.queue(name);
    if (queue.client.status !== 'ready') return Promise.reject(new ServiceUnavailableError('redis'));
    return within(work(queue), timeoutMs, () => new ServiceUnavailableError('redis'));
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
