import { rmSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import type { ImportResult } from './exchange-import.js';
import { ExchangeService } from './exchange.service.js';

@Injectable()
export class ExchangeProcessor {
  private readonly logger = new Logger(ExchangeProcessor.name);

  constructor(@Inject(ExchangeService) private readonly exchange: ExchangeService) {}

  /** Runs an uploaded dataset through the importer; progress is the job's, the problems its result. */
  @OnJob(JobName.ImportDataset)
  async importDataset(job: Job<JobPayloads[JobName.ImportDataset]>): Promise<ImportResult> {
    const { dir, actor, importId } = job.data;
    const result = await this.exchange.importer(actor, (progress) => void job.progress(progress)).import(dir);
    this.logger.log(`import ${importId}: ${result.ok ? 'imported' : `refused with ${result.problemCount} problem(s)`}`);
    if (result.ok) rmSync(dir, { recursive: true, force: true });
    return result;
  }
}
