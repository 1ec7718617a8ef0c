import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { OnsiteModule } from '../onsite/index.js';
import { OutboxModule } from '../outbox/index.js';
import { PlansModule } from '../plans/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { AddEvidence } from './answering/add-evidence.js';
import { EnterpriseRequest } from './answering/enterprise-request.js';
import { SubmitAnswer } from './answering/submit-answer.js';
import { DecideOffsiteRequest } from './deciding/decide-request.js';
import { EnterpriseOffsiteController, OffsiteController, OffsiteLinkController, OffsiteShortLinkController } from './offsite.controller.js';
import { OffsiteReads } from './offsite-reads.js';
import { OffsiteRequestRepository } from './offsite-request.repository.js';
import { OffsiteViews } from './offsite-views.js';
import { OffsiteRequestSms } from './requesting/request-sms.js';
import { SendOffsiteRequest } from './requesting/send-request.js';
import { OffsiteShare } from './share/offsite-share.js';

/** 非现场监管: evidence asked of the enterprise instead of a visit, answered by link or on its page, decided by the officer. */
@Module({
  imports: [TrailModule, PlansModule, RegistryModule, InspectionsModule, OutboxModule, OnsiteModule, EvaluationModule],
  controllers: [OffsiteController, OffsiteLinkController, EnterpriseOffsiteController, OffsiteShortLinkController],
  providers: [
    OffsiteRequestRepository, OffsiteViews, OffsiteReads, EnterpriseRequest, SendOffsiteRequest, OffsiteRequestSms, AddEvidence, SubmitAnswer,
    DecideOffsiteRequest, OffsiteShare,
  ],
})
export class OffsiteModule {}
