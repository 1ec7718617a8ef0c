import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { addDays, maskPhone, shanghaiDate } from '@mashang/shared';
import type { Job } from 'bull';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { JobQueue } from '../../../infra/queues/job-queue.js';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { AgencyRepository } from '../../registry/index.js';
import { EnterprisePhones } from '../contacts/enterprise-phones.js';
import { InspectionNoticeRepository } from '../inspection-notice.repository.js';
import { inspectionNoticeSms } from '../sms/port-sms-texts.js';
import { PortSms } from '../sms/port-sms.js';
import { InspectionNotices } from './inspection-notices.js';

/** When the daily sweep runs: mid-morning, not at night. */
export const NOTICE_SWEEP = { cron: '0 9 * * *', tz: 'Asia/Shanghai' };
/** How long start-up waits for Redis to set the schedule. */
const STARTUP_WAIT_MS = 5000;

/**
 * 检查预告 by SMS: every morning a sweep queues one job per announced inspection due within
 * INSPECTION_NOTICE_DAYS (tomorrow on) that has no notice for its date yet; the job sends the register's
 * phone the date and agencies (the items and what to prepare are on the enterprise's page) and records it.
 * An inspection moved, cancelled or no longer to be announced meanwhile sends nothing.
 */
@Injectable()
export class InspectionNoticeSms implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InspectionNoticeSms');
  private stopScheduling = () => {};

  constructor(
    @Inject(InspectionNotices) private readonly notices: InspectionNotices,
    @Inject(InspectionNoticeRepository) private readonly records: InspectionNoticeRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(PortSms) private readonly sms: PortSms,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The schedule lives in Redis: set whenever a connection is made; start-up waits only a few seconds for it.
    this.stopScheduling = this.jobs.onConnected(() => void this.schedule());
    if (await this.jobs.whenConnected(STARTUP_WAIT_MS)) await this.schedule();
  }

  onModuleDestroy(): void {
    this.stopScheduling();
  }

  private schedule(): Promise<void> {
    return this.jobs.repeat(JobName.InspectionNoticeSweep, {}, NOTICE_SWEEP).catch((error: Error) => this.logger.warn(`could not schedule the advance notices: ${error.message}`));
  }

  /** Queues the notices due: announced inspections from tomorrow to INSPECTION_NOTICE_DAYS ahead, not yet announced for their date. */
  @OnJob(JobName.InspectionNoticeSweep)
  sweep(): Promise<{ queued: number }> {
    return this.sweepAt(new Date());
  }

  async sweepAt(now: Date): Promise<{ queued: number }> {
    const today = shanghaiDate(now);
    const due = await this.notices.announced(addDays(today, 1), addDays(today, this.config.enterprisePort.noticeDays), null);
    const sent = await this.records.noticed(due.map((d) => ({ leadPlanId: d.leadPlanId, date: d.date })));
    const fresh = due.filter((d) => !sent.has(`${d.leadPlanId}|${d.date}`));
    await this.jobs.addMany(JobName.InspectionNoticeSms, fresh.map((d) => ({ payload: { leadPlanId: d.leadPlanId, date: d.date } })));
    return { queued: fresh.length };
  }

  @OnJob(JobName.InspectionNoticeSms)
  async send(job: Job<JobPayloads[JobName.InspectionNoticeSms]>): Promise<string> {
    const { leadPlanId, date } = job.data;
    const today = shanghaiDate(Date.now());
    if (date <= today) return 'too late';
    const inspection = (await this.notices.announced(date, date, null)).find((i) => i.leadPlanId === leadPlanId);
    if (!inspection) return 'moved, cancelled or not announced';
    if ((await this.records.noticed([{ leadPlanId, date }])).size) return 'already sent';
    const phone = await this.phones.registerPhone(inspection.creditCode);
    if (!phone) return 'no phone';
    const names = await this.agencies.namesOf(inspection.members.map((m) => m.agencyId));
    const { sms } = this.config.evaluation;
    const content = inspectionNoticeSms(sms.signName, this.config.publicBaseUrl, date, inspection.members.map((m) => names.get(m.agencyId) ?? '执法部门'));
    const outcome = await this.sms.send(phone, this.config.enterprisePort.templates.inspectionNotice, content);
    if (!outcome.ok) {
      const attempts = job.attemptsMade + 1;
      if (outcome.permanent || attempts >= (job.opts.attempts ?? sms.maxAttempts)) {
        this.logger.warn(`inspection ${leadPlanId}: the advance notice to ${maskPhone(phone)} failed for good: ${outcome.code}`);
        return 'failed';
      }
      throw new Error(`advance notice of ${leadPlanId}: ${outcome.code} ${outcome.message}`);
    }
    await this.records.recordNotice({ leadPlanId, date, creditCode: inspection.creditCode, sentAt: new Date(), providerMessageId: outcome.providerMessageId });
    return 'sent';
  }
}
