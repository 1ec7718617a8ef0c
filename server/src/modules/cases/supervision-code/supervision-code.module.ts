import { Module } from '@nestjs/common';
import { EvaluationModule } from '../../evaluation/index.js';
import { FlagsModule } from '../../flags/index.js';
import { RegistryModule } from '../../registry/index.js';
import { TrailModule } from '../../trail/index.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { OpenedCode } from './opened-code.js';
import { PartySubmissions } from './party-submissions.js';
import { PenaltyNoticeSms } from './penalty-notice-sms.js';
import { SupervisionCodeAttempts } from './supervision-code-attempts.js';
import { SupervisionCodePage } from './supervision-code-page.js';
import { SupervisionCodeController, SupervisionCodeLinkController } from './supervision-code.controller.js';
import { SupervisionCodeRepository } from './supervision-code.repository.js';

/**
 * 监督码 (Suihua): the party reads its noticed case by the code and states, asks for a hearing or
 * objects; the code's SMS. Evaluation lends the SMS provider only.
 */
@Module({
  imports: [TrailModule, FlagsModule, RegistryModule, EvaluationModule],
  controllers: [SupervisionCodeController, SupervisionCodeLinkController],
  providers: [SupervisionCodeRepository, DiscretionBenchmarkRepository, SupervisionCodeAttempts, OpenedCode, SupervisionCodePage, PartySubmissions, PenaltyNoticeSms],
  exports: [PenaltyNoticeSms],
})
export class SupervisionCodeModule {}
