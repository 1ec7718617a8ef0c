import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queues.js';

export const ON_JOB = 'queues:on-job';

/** Marks a provider method as the worker of one job; JobWorkers registers it with Bull at start-up. */
export const OnJob = (job: JobName) => SetMetadata(ON_JOB, job);
