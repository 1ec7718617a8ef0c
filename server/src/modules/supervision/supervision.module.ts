import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CasesModule } from '../cases/index.js';
import { EvaluationModule } from '../evaluation/index.js';
import { FlagsModule } from '../flags/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { OnsiteModule } from '../onsite/index.js';
import { OutboxModule } from '../outbox/index.js';
import { PlansModule } from '../plans/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { CaseAttachments } from './attachments/case-attachments.js';
import { AuditLogController } from './audit-log/audit-log.controller.js';
import { CaseAttachmentRepository } from './case-attachment.repository.js';
import { CaseDetails } from './case-detail/case-details.js';
import { CaseNames } from './case-names.js';
import { CreditRecordRepository } from './credit-record.repository.js';
import { DashboardSectionsController } from './dashboard/dashboard-sections.controller.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { VisitsDashboardController } from './dashboard/visits.controller.js';
import { VisitsDashboard } from './dashboard/visits-dashboard.js';
import { SatisfactionTrend } from './dashboard/satisfaction-trend.js';
import { VisitsPerEnterprise } from './dashboard/visits-per-enterprise.js';
import { YearOnYear } from './dashboard/year-on-year.js';
import { ConsoleExport } from './export/console-export.js';
import { ComplaintOutcomes } from './outcomes/complaint-outcomes.js';
import { CaseQueue } from './queue/case-queue.js';
import { SupervisionController } from './supervision.controller.js';
import { CaseActions } from './workflow/case-actions.js';

/** 执法监督: the flagged-case console, the enterprise's outcome page, the dashboard, exports and the audit log's reading. */
@Module({
  imports: [FlagsModule, TrailModule, RegistryModule, InspectionsModule, CasesModule, PlansModule, OnsiteModule, EvaluationModule, AuditModule, OutboxModule],
  controllers: [SupervisionController, DashboardSectionsController, AuditLogController, VisitsDashboardController],
  providers: [
    CaseAttachmentRepository,
    CreditRecordRepository,
    CaseNames,
    CaseQueue,
    CaseDetails,
    CaseActions,
    CaseAttachments,
    ComplaintOutcomes,
    DashboardService,
    VisitsDashboard,
    YearOnYear,
    VisitsPerEnterprise,
    SatisfactionTrend,
    ConsoleExport,
  ],
})
export class SupervisionModule {}
