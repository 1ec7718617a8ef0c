import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, userActor, type ImportStatusView, type SessionUser } from '@mashang/shared';
import type { Queue } from 'bull';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { Staging } from '../../infra/database/staging.js';
import { Transactions } from '../../infra/database/tx.js';
import { DomainError, notFound } from '../../infra/errors/domain-error.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { jobOptions } from '../../infra/queues/jobs.js';
import { JobName, QueueName, type JobPayloads } from '../../infra/queues/queues.js';
import { CaseRepository } from '../cases/index.js';
import { RatingRepository } from '../evaluation/index.js';
import { InspectionRepository } from '../inspections/index.js';
import { RegisterHistoryRepository, RegisterImports, RegisterRowsRepository } from '../registry/index.js';
import { ExchangeExporter, type ExportOptions } from './exchange-export.js';
import { ExchangeImporter, type ImportProgress, type ImportResult, type ImportTargets } from './exchange-import.js';
import { EXCHANGE_KINDS, type ExchangeKind } from './records/index.js';

const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/** The shape the console reads (shared `ImportStatusView`), from the importer's own types. */
export interface ImportStatus extends Omit<ImportStatusView, 'progress' | 'result'> {
  progress: ImportProgress | null;
  result: ImportResult | null;
}

/**
 * Imports over HTTP: upload the files of a dataset, then run the same importer as a Bull job. The job
 * is the import's state (queued, progress, result), so while Redis is away these answer 503 at once.
 */
@Injectable()
export class ExchangeService {
  private readonly spool: string;
  private readonly targets: ImportTargets;
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Transactions) transactions: Transactions,
    @Inject(RegisterRowsRepository) registers: RegisterRowsRepository,
    @Inject(RegisterHistoryRepository) history: RegisterHistoryRepository,
    @Inject(InspectionRepository) inspections: InspectionRepository,
    @Inject(CaseRepository) cases: CaseRepository,
    @Inject(RatingRepository) ratings: RatingRepository,
    @Inject(Staging) staging: Staging,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
    this.spool = config.importSpoolDir;
    this.targets = { transactions, registers, registerImports: new RegisterImports(registers, history, this.phones), inspections, cases, ratings, staging };
  }

  createImport(): { id: string } {
    const id = randomUUID();
    mkdirSync(join(this.spool, id), { recursive: true });
    return { id };
  }

  async uploadFile(id: string, kind: string, body: Readable): Promise<{ file: string; bytes: number }> {
    const dir = this.spoolDir(id);
    if (!EXCHANGE_KINDS.includes(kind as ExchangeKind)) {
      throw new DomainError(ErrorCode.ValidationFailed, `未知的文件：${kind}`, [{ field: 'kind', reason: `must be one of ${EXCHANGE_KINDS.join(', ')}` }]);
    }
    if (await this.jobs.promptly(QueueName.Exchange, (queue) => queue.getJob(id))) throw new DomainError(ErrorCode.Conflict, '该导入已开始，不能再上传文件');
    if (typeof (body as Readable)?.pipe !== 'function') {
      throw new DomainError(ErrorCode.BadRequest, '请以 Content-Type: application/x-ndjson 上传 JSON Lines 文件');
    }
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(bytes > MAX_UPLOAD_BYTES ? new DomainError(ErrorCode.PayloadTooLarge, '文件过大') : null, chunk);
      },
    });
    const path = join(dir, `${kind}.jsonl`);
    try {
      await pipeline(body, limit, createWriteStream(path));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    return { file: `${kind}.jsonl`, bytes };
  }

  async runImport(id: string, user: SessionUser): Promise<ImportStatus> {
    const dir = this.spoolDir(id);
    if (!readdirSync(dir).length) throw new DomainError(ErrorCode.BadRequest, '还没有上传任何文件');
    const payload: JobPayloads[JobName.ImportDataset] = { importId: id, dir, actor: userActor(user) };
    // The import id is the job id: starting twice, or a retried request, queues one job.
    await this.jobs.promptly(QueueName.Exchange, (queue) => queue.add(JobName.ImportDataset, payload, jobOptions(JobName.ImportDataset, payload, {})));
    return this.status(id);
  }

  status(id: string): Promise<ImportStatus> {
    return this.jobs.promptly(QueueName.Exchange, (queue) => this.statusOn(queue, id));
  }

  private async statusOn(queue: Queue, id: string): Promise<ImportStatus> {
    const dir = this.spoolDir(id, false);
    let job = await queue.getJob(id);
    if (!job && !dir) throw notFound('导入任务');
    const files = dir ? readdirSync(dir) : [];
    if (!job) return { id, files, state: 'uploading', progress: null, result: null, error: null };
    const state = await job.getState();
    // The job may have finished between the two reads: read it again to see its result.
    if (state === 'completed' || state === 'failed') job = (await queue.getJob(id)) ?? job;
    return {
      id,
      files,
      state: state === 'completed' || state === 'failed' || state === 'active' ? state : 'waiting',
      progress: typeof job.progress() === 'object' ? (job.progress() as ImportProgress) : null,
      result: (job.returnvalue as ImportResult | undefined) ?? null,
      error: job.failedReason ?? null,
    };
  }

  exporter(options: ExportOptions): ExchangeExporter {
    const { registers, inspections, cases, ratings } = this.targets;
    return new ExchangeExporter({ registers, inspections, cases, ratings }, this.phones, options);
  }

  importer(actor: string, onProgress: (p: ImportProgress) => void): ExchangeImporter {
    return new ExchangeImporter(this.targets, { actor, onProgress });
  }

  private spoolDir(id: string, required = true): string {
    const dir = /^[0-9a-f-]{36}$/.test(id) ? join(this.spool, id) : '';
    if (!dir || !existsSync(dir)) {
      if (required) throw notFound('导入任务');
      return '';
    }
    return dir;
  }
}
