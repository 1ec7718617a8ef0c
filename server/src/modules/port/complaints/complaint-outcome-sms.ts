import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskPhone, SYSTEM_ACTORS, type CaseConclusion } from '@mashang/shared';
import type { Job } from 'bull';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { FlaggedCaseQueueRepository, FlaggedCaseRepository } from '../../flags/index.js';
import { EnterprisePhones } from '../contacts/enterprise-phones.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { complaintOutcomeSms } from '../sms/port-sms-texts.js';
import { PortSms } from '../sms/port-sms.js';
import { isMobile } from './hotline-lines.js';

/** The event a complaint's case log gets once the complainant has been told. */
export const OUTCOME_SENT = 'outcome-sent';

/**
 * 码上响应, the answer: when the supervisor concludes a complaint's flagged case (the supervision workflow
 * queues this job, id `complaint-outcome:<caseId>`), the outcome goes to the complaint's contact phone by
 * SMS, and the case log says so. A complaint told already, or a case no longer closed, sends nothing, so a
 * re-queued or re-run job is harmless; a landline gets no SMS (the enterprise's page shows the outcome).
 */
@Injectable()
export class ComplaintOutcomeSms {
  private readonly logger = new Logger('ComplaintOutcomeSms');

  constructor(
    @Inject(ComplaintRepository) private readonly complaints: ComplaintRepository,
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(FlaggedCaseRepository) private readonly caseLog: FlaggedCaseRepository,
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(PortSms) private readonly sms: PortSms,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.ComplaintOutcomeSms)
  async handle(job: Job<JobPayloads[JobName.ComplaintOutcomeSms]>): Promise<string> {
    const { caseId } = job.data;
    const complaint = await this.complaints.byFlaggedCase(caseId);
    if (!complaint) return 'not a complaint';
    if (complaint.outcomeSentAt) return 'already sent';
    const flaggedCase = await this.queue.byDedupeKeys([`complaint:${complaint.id}`]);
    const concluded = flaggedCase[0];
    if (!concluded || concluded.status !== 'closed' || !concluded.conclusion) return 'not concluded';
    const phone = this.phones.cipher.decrypt(complaint.phoneCipher);
    if (!phone || !isMobile(phone)) return 'no mobile';
    const { sms } = this.config.evaluation;
    const content = complaintOutcomeSms(sms.signName, this.config.publicBaseUrl, complaint.receivedAt, concluded.conclusion as CaseConclusion);
    const outcome = await this.sms.send(phone, this.config.enterprisePort.templates.complaintOutcome, content);
    if (!outcome.ok) {
      const attempts = job.attemptsMade + 1;
      if (outcome.permanent || attempts >= (job.opts.attempts ?? sms.maxAttempts)) {
        this.logger.warn(`complaint ${complaint.id}: the outcome SMS to ${maskPhone(phone)} failed for good after ${attempts} attempt(s): ${outcome.code}`);
        return 'failed';
      }
      // Bull retries with backoff.
      throw new Error(`complaint outcome SMS of case ${caseId}: ${outcome.code} ${outcome.message}`);
    }
    await this.transactions.run(async (tx) => {
      const at = new Date();
      if (!(await this.complaints.markOutcomeSent(complaint.id, at, tx))) return;
      await this.caseLog.insertEvents([{ caseId, kind: OUTCOME_SENT, actor: SYSTEM_ACTORS.sms, detail: { phone: maskPhone(phone), provider: this.sms.providerName, providerMessageId: outcome.providerMessageId }, at }], tx);
    });
    return 'sent';
  }
}
