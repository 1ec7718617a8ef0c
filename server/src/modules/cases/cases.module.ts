import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { FlagsModule } from '../flags/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { OutboxModule } from '../outbox/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { CaseMeasuresRepository } from './case-measures.repository.js';
import { CaseProcedureRepository } from './case-procedure.repository.js';
import { CaseTrail } from './case-trail.js';
import { CaseRepository } from './case.repository.js';
import { ClosePenaltyCase } from './closing/close-penalty-case.js';
import { CoerciveMeasures } from './coercive/coercive-measures.js';
import { DecidePenaltyCase } from './decision/decide-penalty-case.js';
import { IssueDecision } from './decision/issue-decision.js';
import { DiscretionBenchmarkRepository } from './discretion/discretion-benchmark.repository.js';
import { SupervisionCodeModule } from './supervision-code/supervision-code.module.js';
import { FilePenaltyCase } from './filing/file-penalty-case.js';
import { NoticePenaltyCase } from './notice/notice-penalty-case.js';
import { OutsideRangeFlags } from './outside-range-flags.js';
import { PenaltyCasesController } from './penalty-cases.controller.js';
import { DecideLegalReview } from './review/decide-legal-review.js';
import { LegalReviewQueue } from './view/legal-review-queue.js';
import { PenaltyCaseViews } from './view/penalty-case-views.js';

/**
 * Penalty cases: imported and exported in the exchange format, and filed through the system as a
 * workflow (notice, statement and hearing, legal review, decision, closing; coercive measures); the
 * supervision code the party reads its case by.
 */
@Module({
  imports: [AuthModule, FlagsModule, InspectionsModule, OutboxModule, RegistryModule, TrailModule, SupervisionCodeModule],
  controllers: [PenaltyCasesController],
  providers: [
    CaseRepository, DiscretionBenchmarkRepository, CaseProcedureRepository, CaseMeasuresRepository, CaseTrail, OutsideRangeFlags, IssueDecision,
    PenaltyCaseViews, LegalReviewQueue, FilePenaltyCase, NoticePenaltyCase, DecidePenaltyCase, DecideLegalReview, ClosePenaltyCase, CoerciveMeasures,
  ],
  exports: [CaseRepository, DiscretionBenchmarkRepository, CaseProcedureRepository, SupervisionCodeModule],
})
export class CasesModule {}
