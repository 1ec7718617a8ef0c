/**
 * analytics/ — 大数据研判: the nightly anomaly report (rule sets in rules/, one file per rule), its
 * console API, and the yearly high-incidence violation warning report.
 * Owns: anomaly_runs, anomaly_findings.
 * Reads every table: the report's rule SQL under rules/ and its row source (row-source.ts) are
 * read-only queries over the whole database, the one declared exception to "a module's SQL names
 * only its own tables". Flagged cases are raised through flags/.
 */
export { AnalyticsModule } from './analytics.module.js';
export { AnomalyReporter, type ReportOutcome, type ReportProgress } from './anomaly-reporter.js';
export { violationWarningReport } from './warning-report.js';
export { runReportCommand } from './report-command.js';
