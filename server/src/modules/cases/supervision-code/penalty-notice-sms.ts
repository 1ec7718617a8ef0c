import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskPhone, SYSTEM_ACTORS } from '@mashang/shared';
import type { Job } from 'bull';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { Transactions } from '../../../infra/database/tx.js';
import { JobQueue } from '../../../infra/queues/job-queue.js';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { SMS_PROVIDER, type SmsProvider } from '../../evaluation/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { stageOf } from './code-view.js';
import { renderPenaltyNotice } from './penalty-notice-text.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken, supervisionCodeUrl } from './supervision-code-token.js';
import { SupervisionCodeRepository } from './supervision-code.repository.js';

type NoticeJob = Job<JobPayloads[JobName.PenaltyNoticeSms]>;

/**
 * 监督码短信: once a case is noticed, the party's registered contact phone gets the code's link. The
 * notice operation calls `enqueue` after its transaction commits; the job (one per case, job id
 * `penalty-notice:<caseId>`) sends through the configured SMS provider and appends `code-sent` to the
 * case's trail. A case whose trail already has it sends nothing, so a re-queued or re-run job is harmless.
 * The phone is decrypted only to hand it to the provider, as rating invites are sent, and logged masked.
 */
@Injectable()
export class PenaltyNoticeSms {
  private readonly logger = new Logger(PenaltyNoticeSms.name);
  private readonly key: Buffer;
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(SupervisionCodeRepository) private readonly codes: SupervisionCodeRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {
    this.key = supervisionCodeKey(config.jwtSecret);
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  /** The code's public link of a case (what the notice prints as a QR and the SMS sends). */
  codeUrl(caseId: string): string {
    return supervisionCodeUrl(this.config.publicBaseUrl, this.key, caseId);
  }

  /** Queues the SMS of a noticed case; queuing it again while the job is known adds nothing. */
  async enqueue(caseId: string): Promise<void> {
    await this.jobs.add(JobName.PenaltyNoticeSms, { caseId });
  }

  @OnJob(JobName.PenaltyNoticeSms)
  async handle(job: NoticeJob): Promise<string> {
    const { caseId } = job.data;
    const coded = await this.codes.byCaseId(caseId);
    if (!coded?.codeHash) return 'not noticed';
    const stage = stageOf(coded);
    if (stage === 'closed' || stage === 'revoked') return `already ${stage}`;
    const token = supervisionCodeToken(this.key, caseId);
    if (supervisionCodeHash(token) !== coded.codeHash) {
      // The stored hash was derived under another secret: the link would not open, so none is sent.
      this.logger.error(`penalty case ${caseId}: its stored supervision code does not match this server's; no SMS sent`);
      return 'code differs';
    }
    if ((await this.trail.entries(caseId)).some((e) => e.kind === 'code-sent')) return 'already sent';

    const enterprise = (await this.enterprises.byCodes([coded.creditCode])).get(coded.creditCode);
    const stored = this.phones.read(enterprise?.phoneCipher ?? null);
    if (stored.state !== 'clear') {
      this.logger.warn(`penalty case ${caseId}: the enterprise has no readable contact phone; the supervision code goes by the printed notice only`);
      return 'no phone';
    }
    const { phone } = stored;
    const agencyName = (await this.agencies.namesOf([coded.agencyId])).get(coded.agencyId) ?? '';
    const { sms } = this.config.evaluation;
    const content = renderPenaltyNotice({ signName: sms.signName, baseUrl: this.config.publicBaseUrl, mode: sms.mode, agencyName, token, statementUntil: coded.statementUntil });
    const [outcome] = await this.provider.send([{ messageId: randomUUID(), phone, templateId: sms.penaltyNoticeTemplate, ...content }]);
    if (!outcome.ok) {
      const attempts = job.attemptsMade + 1;
      if (outcome.permanent || attempts >= (job.opts.attempts ?? sms.maxAttempts)) {
        this.logger.warn(`penalty case ${caseId}: SMS to ${maskPhone(phone)} failed for good after ${attempts} attempt(s): ${outcome.code} ${outcome.message}`);
        return 'failed';
      }
      // Bull retries with backoff.
      throw new Error(`penalty notice SMS of ${caseId}: ${outcome.code} ${outcome.message}`);
    }
    const detail = { provider: this.provider.name, providerMessageId: outcome.providerMessageId, phone: maskPhone(phone) };
    await this.transactions.run((tx) => this.trail.append({ inspectionId: caseId, kind: 'code-sent', actor: SYSTEM_ACTORS.sms, detail, at: new Date() }, tx), 'READ COMMITTED');
    return 'accepted';
  }
}
