import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from '../audit/index.js';
import { RegistryModule } from '../registry/index.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsProcessor } from './analytics.processor.js';
import { AnalyticsService } from './analytics.service.js';
import { AnomalyFindingRepository } from './anomaly-finding.repository.js';
import { AnomalyReporter } from './anomaly-reporter.js';
import { AnomalyRunRepository } from './anomaly-run.repository.js';
import { ROW_SOURCE, rowSource } from './row-source.js';
import { WarningController } from './warning.controller.js';
import { WarningProcessor } from './warning.processor.js';
import { WarningReportRepository } from './warning-report.repository.js';
import { WarningReports } from './warning-reports.js';

/** 大数据研判: the nightly anomaly report, its console API, and the yearly warning report. */
@Module({
  imports: [RegistryModule, AuditModule],
  controllers: [AnalyticsController, WarningController],
  providers: [
    AnomalyRunRepository,
    AnomalyFindingRepository,
    { provide: ROW_SOURCE, useFactory: rowSource, inject: [getDataSourceToken()] },
    { provide: AnomalyReporter, useFactory: (dataSource: DataSource) => AnomalyReporter.on(dataSource), inject: [getDataSourceToken()] },
    AnalyticsService,
    AnalyticsProcessor,
    WarningReportRepository,
    WarningReports,
    WarningProcessor,
  ],
})
export class AnalyticsModule {}
