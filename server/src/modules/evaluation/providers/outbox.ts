import { Logger } from '@nestjs/common';
import { maskPhone } from '@mashang/shared';
import type { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import type { SmsOutboxRepository } from '../sms-outbox.repository.js';
import { transportFailure, type OutgoingSms, type SendOutcome, type SmsProvider } from './sms-provider.js';

/**
 * For local runs: nothing leaves the machine. Each message is written to the server log (phone,
 * link token and rating code masked: whoever reads the log must not be able to rate) and to
 * `sms_outbox`, where the supervisor can read it back for a demo.
 */
export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox' as const;
  readonly maxBatch = 100;
  private readonly logger = new Logger('SmsOutbox');

  constructor(private readonly outbox: SmsOutboxRepository, private readonly cipher: PhoneCipher) {}

  async send(batch: OutgoingSms[]): Promise<SendOutcome[]> {
    const now = new Date();
    try {
      await this.outbox.insert(batch.map((m) => ({ messageId: m.messageId, phoneCipher: this.cipher.encrypt(m.phone)!, text: m.text, link: m.link, sentAt: now })));
    } catch (error) {
      return batch.map(() => transportFailure(error));
    }
    for (const m of batch) this.logger.log(`SMS to ${maskPhone(m.phone)}: ${m.loggedText}`);
    return batch.map((m) => ({ ok: true, providerMessageId: `outbox:${m.messageId}` }));
  }
}
