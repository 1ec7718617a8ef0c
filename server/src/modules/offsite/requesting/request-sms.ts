import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '@mashang/shared';
import type { Job } from 'bull';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { SMS_PROVIDER, type SmsProvider } from '../../evaluation/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { OffsiteRequestRepository } from '../offsite-request.repository.js';
import { offsiteToken, offsiteTokenKey } from '../offsite-token.js';
import { offsiteRequestSms } from './request-sms-text.js';

/**
 * Sends the request's link to the enterprise's registered phone, once per round (job id
 * `offsite-request:<id>:<round>`, recorded in the job outbox with the request). A request decided or
 * asked again meanwhile sends nothing for the old round.
 */
@Injectable()
export class OffsiteRequestSms {
  private readonly logger = new Logger('OffsiteRequestSms');
  private readonly key: Buffer;
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = offsiteTokenKey(config.jwtSecret);
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  @OnJob(JobName.OffsiteRequestSms)
  async send(job: Job<JobPayloads[JobName.OffsiteRequestSms]>): Promise<string> {
    const { requestId, round } = job.data;
    const request = await this.requests.find(requestId);
    if (!request || request.status !== 'asked' || request.round !== round) return 'answered, decided or asked again';
    const templateId = this.config.enterprisePort.templates.offsiteRequest;
    if (!templateId) return 'no template: the request is on the enterprise page only';
    const enterprise = (await this.enterprises.byCodes([request.creditCode])).get(request.creditCode);
    const stored = this.phones.read(enterprise?.phoneCipher ?? null);
    if (stored.state !== 'clear') {
      this.logger.warn(`off-site request ${requestId}: the enterprise has no readable phone; it finds the request on its page`);
      return 'no phone';
    }
    const agencyName = (await this.agencies.namesOf([request.agencyId])).get(request.agencyId) ?? '';
    const { sms } = this.config.evaluation;
    const content = offsiteRequestSms(sms.signName, this.config.publicBaseUrl, agencyName, offsiteToken(this.key, requestId), round > 1);
    const [outcome] = await this.provider.send([{ messageId: randomUUID(), phone: stored.phone, templateId, ...content }]);
    if (!outcome.ok) {
      const attempts = job.attemptsMade + 1;
      if (outcome.permanent || attempts >= (job.opts.attempts ?? sms.maxAttempts)) {
        this.logger.warn(`off-site request ${requestId}: SMS to ${maskPhone(stored.phone)} failed for good: ${outcome.code}`);
        return 'failed';
      }
      throw new Error(`off-site request SMS of ${requestId}: ${outcome.code} ${outcome.message}`);
    }
    return 'sent';
  }
}
