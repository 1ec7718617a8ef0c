import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/index.js';
import { RegistryModule } from '../../registry/index.js';
import { CasesModule } from '../cases.module.js';
import { DisputedClausesReporter } from './disputed-clauses-reporter.js';
import { DisputedClausesRepository } from './disputed-clauses.repository.js';
import { PenaltyReportsController } from './penalty-reports.controller.js';
import { PenaltyReports } from './penalty-reports.service.js';

/** Reports on penalty cases for the desks (the disputed clauses), read from the cases module's tables. */
@Module({
  imports: [CasesModule, RegistryModule, AuditModule],
  controllers: [PenaltyReportsController],
  providers: [DisputedClausesRepository, DisputedClausesReporter, PenaltyReports],
})
export class PenaltyReportsModule {}
