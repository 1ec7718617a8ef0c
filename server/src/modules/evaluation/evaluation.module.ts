import { Module } from '@nestjs/common';
import { FlagsModule } from '../flags/index.js';
import { TrailModule } from '../trail/index.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { RatingLinkController, RatingsController, SmsController } from './evaluation.controller.js';
import { EvaluationProcessor } from './evaluation.processor.js';
import { EvaluationService } from './evaluation.service.js';
import { AliyunSmsProvider } from './providers/aliyun.js';
import { OutboxSmsProvider } from './providers/outbox.js';
import { SMS_PROVIDER, type SmsProvider } from './providers/sms-provider.js';
import { TencentSmsProvider } from './providers/tencent.js';
import { RatingRepository } from './rating.repository.js';
import { SmsSender } from './sms-sender.js';

function smsProvider(config: AppConfig, dataSource: DataSource): SmsProvider {
  const { sms } = config.evaluation;
  switch (sms.provider.kind) {
    case 'aliyun':
      return new AliyunSmsProvider(sms.provider, sms);
    case 'tencent':
      return new TencentSmsProvider(sms.provider, sms);
    case 'outbox':
      return new OutboxSmsProvider(dataSource, new PhoneCipher(config.phoneEncryptionKey));
  }
}

/** 短信评价: SMS invites after inspections, the public rating page, delivery receipts. */
@Module({
  imports: [TrailModule, FlagsModule],
  controllers: [RatingsController, SmsController, RatingLinkController],
  providers: [
    { provide: SMS_PROVIDER, useFactory: smsProvider, inject: [APP_CONFIG, getDataSourceToken()] },
    RatingRepository,
    SmsSender,
    EvaluationService,
    EvaluationProcessor,
  ],
  exports: [EvaluationService, SmsSender, RatingRepository],
})
export class EvaluationModule {}
