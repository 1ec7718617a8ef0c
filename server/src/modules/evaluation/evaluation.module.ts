import { Module } from '@nestjs/common';
import { FlagsModule } from '../flags/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { OutboxModule } from '../outbox/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { RatingLinkController, RatingsController, SmsController } from './evaluation.controller.js';
import { EvaluationProcessor } from './evaluation.processor.js';
import { InviteList } from './invite-list/invite-list.js';
import { RatingInvitations } from './inviting/rating-invitations.js';
import { AliyunSmsProvider } from './providers/aliyun.js';
import { OutboxSmsProvider } from './providers/outbox.js';
import { SMS_PROVIDER, type SmsProvider } from './providers/sms-provider.js';
import { TencentSmsProvider } from './providers/tencent.js';
import { InviteCredentials } from './rating-page/invite-credentials.js';
import { RatingPageView } from './rating-page/rating-page-view.js';
import { RatingSubmission } from './rating-page/rating-submission.js';
import { RatingInviteRepository } from './rating-invite.repository.js';
import { RatingRepository } from './rating.repository.js';
import { DeliveryReceipts } from './receipts/delivery-receipts.js';
import { SmsMessageRepository } from './sms-message.repository.js';
import { SmsOutboxRepository } from './sms-outbox.repository.js';
import { SmsSender } from './sms-sender.js';

function smsProvider(config: AppConfig, outbox: SmsOutboxRepository): SmsProvider {
  const { sms } = config.evaluation;
  switch (sms.provider.kind) {
    case 'aliyun':
      return new AliyunSmsProvider(sms.provider, sms);
    case 'tencent':
      return new TencentSmsProvider(sms.provider, sms);
    case 'outbox':
      return new OutboxSmsProvider(outbox, new PhoneCipher(config.phoneKeys));
  }
}

const REPOSITORIES = [RatingRepository, RatingInviteRepository, SmsMessageRepository, SmsOutboxRepository];

/** 短信评价: SMS invites after inspections, the public rating page, delivery receipts. */
@Module({
  imports: [TrailModule, FlagsModule, RegistryModule, InspectionsModule, OutboxModule],
  controllers: [RatingsController, SmsController, RatingLinkController],
  providers: [
    ...REPOSITORIES,
    { provide: SMS_PROVIDER, useFactory: smsProvider, inject: [APP_CONFIG, SmsOutboxRepository] },
    SmsSender,
    RatingInvitations,
    InviteCredentials,
    RatingPageView,
    RatingSubmission,
    InviteList,
    DeliveryReceipts,
    EvaluationProcessor,
  ],
  exports: [RatingRepository, RatingInviteRepository, RatingInvitations, SmsSender, SMS_PROVIDER],
})
export class EvaluationModule {}
