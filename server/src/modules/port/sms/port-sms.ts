import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '@mashang/shared';
import { SMS_PROVIDER, type SendOutcome, type SmsProvider } from '../../evaluation/index.js';
import type { PortSmsContent } from './port-sms-texts.js';

/**
 * The port's SMS (sign-in codes, complaint outcomes, advance notices) through the configured provider
 * layer: Aliyun, Tencent, or the local outbox. One message per call; the phone is in the clear only on its
 * way to the provider and masked in every log line.
 */
@Injectable()
export class PortSms {
  private readonly logger = new Logger('PortSms');

  constructor(@Inject(SMS_PROVIDER) private readonly provider: SmsProvider) {}

  get providerName(): string {
    return this.provider.name;
  }

  async send(phone: string, templateId: string, content: PortSmsContent): Promise<SendOutcome> {
    const [outcome] = await this.provider.send([{ messageId: randomUUID(), phone, templateId, ...content }]);
    if (!outcome.ok) this.logger.warn(`SMS to ${maskPhone(phone)} (template ${templateId}) not taken: ${outcome.code} ${outcome.message}`);
    return outcome;
  }
}
