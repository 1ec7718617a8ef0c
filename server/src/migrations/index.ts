import { Foundation1763740000000 } from './1763740000000-foundation.js';
import { Plans1763800000000 } from './1763800000000-plans.js';
import { ScenariosAndReviews1763900000000 } from './1763900000000-scenarios-and-reviews.js';
import { TrailAndFlags1764000000000 } from './1764000000000-trail-and-flags.js';
import { Onsite1764050000000 } from './1764050000000-onsite.js';
import { AnomalyReport1764100000000 } from './1764100000000-anomaly-report.js';
import { SmsEvaluation1764200000000 } from './1764200000000-sms-evaluation.js';
import { SupervisionConsole1764300000000 } from './1764300000000-supervision-console.js';
import { ReportIndexes1764400000000 } from './1764400000000-report-indexes.js';
import { OfficerVisits1764500000000 } from './1764500000000-officer-visits.js';
import { EnterpriseLists1764600000000 } from './1764600000000-enterprise-lists.js';
import { ReportCoveringIndexes1764700000000 } from './1764700000000-report-covering-indexes.js';
import { InspectionItemWindows1764800000000 } from './1764800000000-inspection-item-windows.js';
import { RuleSetV21764900000000 } from './1764900000000-rule-set-v2.js';
import { ExchangeFormatV111764910000000 } from './1764910000000-exchange-format-v1-1.js';
import { RatingDigests1765000000000 } from './1765000000000-rating-digests.js';
import { PhoneIndex1765100000000 } from './1765100000000-phone-index.js';
import { AuditLog1765200000000 } from './1765200000000-audit-log.js';
import { UserSessions1765300000000 } from './1765300000000-user-sessions.js';
import { PenaltyWorkflow1765400000000 } from './1765400000000-penalty-workflow.js';
import { RandomDraws1765450000000 } from './1765450000000-random-draws.js';
import { JobOutbox1765500000000 } from './1765500000000-job-outbox.js';
import { WarningReports1765900000000 } from './1765900000000-warning-reports.js';
import { EnterpriseIndustries1766300000000 } from './1766300000000-enterprise-industries.js';
import { OfficerDuty1766310000000 } from './1766310000000-officer-duty.js';
import { PlanApproval1766320000000 } from './1766320000000-plan-approval.js';
import { Visits1766400000000 } from './1766400000000-visits.js';
import { ViolationColours1766420000000 } from './1766420000000-violation-colours.js';
import { OffsiteChecks1766410000000 } from './1766410000000-offsite-checks.js';
import { Campaigns1766440000000 } from './1766440000000-campaigns.js';
import { ItemGuidance1766430000000 } from './1766430000000-item-guidance.js';
import { DashboardIndexes1766450000000 } from './1766450000000-dashboard-indexes.js';
import { EnterpriseSignIn1766200000000 } from './1766200000000-enterprise-sign-in.js';
import { Complaints1766210000000 } from './1766210000000-complaints.js';
import { InspectionNotices1766220000000 } from './1766220000000-inspection-notices.js';

/** Every migration in order; the app, the CLI and the tests run exactly these. */
export const MIGRATIONS = [
  Foundation1763740000000,
  Plans1763800000000,
  ScenariosAndReviews1763900000000,
  TrailAndFlags1764000000000,
  Onsite1764050000000,
  AnomalyReport1764100000000,
  SmsEvaluation1764200000000,
  SupervisionConsole1764300000000,
  ReportIndexes1764400000000,
  OfficerVisits1764500000000,
  EnterpriseLists1764600000000,
  ReportCoveringIndexes1764700000000,
  InspectionItemWindows1764800000000,
  RuleSetV21764900000000,
  ExchangeFormatV111764910000000,
  RatingDigests1765000000000,
  PhoneIndex1765100000000,
  AuditLog1765200000000,
  UserSessions1765300000000,
  PenaltyWorkflow1765400000000,
  RandomDraws1765450000000,
  JobOutbox1765500000000,
  WarningReports1765900000000,
  EnterpriseSignIn1766200000000,
  Complaints1766210000000,
  InspectionNotices1766220000000,
  EnterpriseIndustries1766300000000,
  OfficerDuty1766310000000,
  PlanApproval1766320000000,
  Visits1766400000000,
  OffsiteChecks1766410000000,
  ViolationColours1766420000000,
  ItemGuidance1766430000000,
  Campaigns1766440000000,
  DashboardIndexes1766450000000,
];
