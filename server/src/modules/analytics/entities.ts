import { AnomalyFindingRow } from './anomaly-finding.entity.js';
import { AnomalyRun } from './anomaly-run.entity.js';
import { WarningReportRow } from './warning-report.entity.js';

export const ANALYTICS_ENTITIES = [AnomalyRun, AnomalyFindingRow, WarningReportRow];
