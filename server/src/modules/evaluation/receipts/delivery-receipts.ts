import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { SmsMessageRepository } from '../sms-message.repository.js';

/** A provider's delivery receipt of one message, in a common shape. */
export interface DeliveryReceipt {
  providerMessageId: string;
  phone: string | null;
  delivered: boolean;
  code: string | null;
  message: string | null;
}

/** The providers' delivery receipts (回执): an accepted message becomes delivered or undelivered. */
@Injectable()
export class DeliveryReceipts {
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SmsMessageRepository) private readonly messages: SmsMessageRepository,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  /**
   * Aliyun's batch sends share one BizId, so the phone tells their messages apart; it is matched by
   * its blind index, never decrypted. Only accepted messages change.
   */
  record(provider: 'aliyun' | 'tencent', receipt: DeliveryReceipt, now = new Date()): Promise<boolean> {
    return this.messages.recordReceipt(provider, receipt.providerMessageId, this.phones.index(receipt.phone), {
      delivered: receipt.delivered,
      code: receipt.code?.slice(0, 64) ?? null,
      message: receipt.message?.slice(0, 300) ?? null,
    }, now);
  }
}
