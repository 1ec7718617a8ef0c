import type { AnomalyRule } from '../rule.js';
import { caseCauseChanged } from './case-cause-changed.js';
import { caseOvertime } from './case-overtime.js';
import { caseRevoked } from './case-revoked.js';
import { frequencyHigh } from './frequency-high.js';
import { highRiskUninspected } from './high-risk-uninspected.js';
import { lowSatisfaction } from './low-satisfaction.js';
import { lowTouchViolated } from './low-touch-violated.js';
import { officerOverlap } from './officer-overlap.js';
import { officerWorkloadOutlier } from './officer-workload-outlier.js';
import { repeatedInspection } from './repeated-inspection.js';
import { sameCaseDifferentPenalty } from './same-case-different-penalty.js';
import { uncodedInspection } from './uncoded-inspection.js';
import { unmergedInspections } from './unmerged-inspections.js';
import { expiredCertificate } from './expired-certificate.js';
import { fineSurge } from './fine-surge.js';
import { offHoursInspection } from './off-hours-inspection.js';
import { outOfJurisdiction } from './out-of-jurisdiction.js';
import { repeatOffenceLighter } from './repeat-offence-lighter.js';
import { shortVisit } from './short-visit.js';
import { singleOfficer } from './single-officer.js';

/** Rule set v2 (v1's thirteen, then seven), in the order of the spec's tables (the report's order). */
export const RULES: readonly AnomalyRule[] = [
  uncodedInspection,
  repeatedInspection,
  unmergedInspections,
  frequencyHigh,
  highRiskUninspected,
  lowTouchViolated,
  caseOvertime,
  caseCauseChanged,
  caseRevoked,
  sameCaseDifferentPenalty,
  officerWorkloadOutlier,
  officerOverlap,
  lowSatisfaction,
  singleOfficer,
  expiredCertificate,
  shortVisit,
  offHoursInspection,
  outOfJurisdiction,
  repeatOffenceLighter,
  fineSurge,
];

