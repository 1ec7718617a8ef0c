import { AnomalyFindingRow } from './anomaly-finding.entity.js';
import { AnomalyRun } from './anomaly-run.entity.js';

export const ANALYTICS_ENTITIES = [AnomalyRun, AnomalyFindingRow];
