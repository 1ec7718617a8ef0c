import { AnomalyFindingRow } from '../../modules/analytics/anomaly-finding.entity.js';
import { AnomalyRun } from '../../modules/analytics/anomaly-run.entity.js';
import { User } from '../../modules/auth/user.entity.js';
import { Case } from '../../modules/cases/case.entity.js';
import { CaseOfficer } from '../../modules/cases/case-officer.entity.js';
import { Rating } from '../../modules/evaluation/rating.entity.js';
import { RatingInvite, RatingInviteAgency, SmsMessage, SmsOutboxEntry } from '../../modules/evaluation/rating-invite.entity.js';
import { Checkin, Finding, InspectionDocument } from '../../modules/inspections/onsite.entity.js';
import { TrailEntry } from '../../modules/inspections/trail-entry.entity.js';
import { CaseAttachment } from '../../modules/supervision/case-attachment.entity.js';
import { CreditRecord } from '../../modules/supervision/credit-record.entity.js';
import { FlaggedCase, FlaggedCaseEvent } from '../../modules/supervision/flagged-case.entity.js';
import { Inspection } from '../../modules/inspections/inspection.entity.js';
import { InspectionItem } from '../../modules/inspections/inspection-item.entity.js';
import { InspectionOfficer } from '../../modules/inspections/inspection-officer.entity.js';
import { InspectionCode } from '../../modules/plans/inspection-code.entity.js';
import { JointScenario } from '../../modules/plans/joint-scenario.entity.js';
import { ReviewEvent, ReviewRequest } from '../../modules/plans/review-request.entity.js';
import { Plan } from '../../modules/plans/plan.entity.js';
import { PlanEvent } from '../../modules/plans/plan-event.entity.js';
import { PlanItem, PlanOfficer } from '../../modules/plans/plan-member.entity.js';
import { Agency } from '../../modules/registry/agency.entity.js';
import { Enterprise } from '../../modules/registry/enterprise.entity.js';
import { Item } from '../../modules/registry/item.entity.js';
import { Officer } from '../../modules/registry/officer.entity.js';
import { RegisterHistory } from '../../modules/registry/register-history.entity.js';

/** Every entity, in one list shared by the app, the CLI and the migration check. */
export const ENTITIES = [
  Agency,
  Officer,
  Item,
  Enterprise,
  RegisterHistory,
  User,
  Inspection,
  InspectionOfficer,
  InspectionItem,
  Case,
  CaseOfficer,
  Rating,
  Plan,
  PlanOfficer,
  PlanItem,
  PlanEvent,
  InspectionCode,
  JointScenario,
  ReviewRequest,
  ReviewEvent,
  TrailEntry,
  Checkin,
  Finding,
  InspectionDocument,
  FlaggedCase,
  FlaggedCaseEvent,
  CaseAttachment,
  CreditRecord,
  AnomalyRun,
  AnomalyFindingRow,
  RatingInvite,
  RatingInviteAgency,
  SmsMessage,
  SmsOutboxEntry,
];
