/**
 * The records of the exchange format (shared/spec/exchange-format.md), as the importer reads them and
 * the tables' owners store them: the one description of each record's fields.
 */
import type { CreditGrade, PlanTrigger } from './api.js';
import type { RatingProblem, RatingVerdict } from './evaluation.js';
import type { InspectionResult } from './onsite.js';
import type { DiscretionLevel, PenaltyCaseStatus } from './penalty-cases.js';

/** The exchange format's files, by kind, in Chinese. */
export const EXCHANGE_KIND_LABELS = {
  agencies: '执法部门',
  officers: '执法人员',
  items: '检查事项',
  enterprises: '企业',
  inspections: '检查记录',
  cases: '行政处罚案件',
  ratings: '企业评价',
} as const satisfies Record<string, string>;

/** agencies.jsonl */
export interface AgencyRecord {
  id: string;
  name: string;
  /** Industry authority, e.g. `market`, `fire`; agencies of one kind are the same industry. */
  kind: string;
  /** 6-digit administrative division code. */
  region: string;
}

/** officers.jsonl */
export interface OfficerRecord {
  id: string;
  agencyId: string;
  name: string;
  /** 执法证号 */
  certNo: string;
  phone: string | null;
  /** v1.1: the last day (YYYY-MM-DD, Asia/Shanghai) the certificate is valid; null when not known. */
  certExpires: string | null;
}

/** items.jsonl: an agency's inspection items (检查事项). */
export interface ItemRecord {
  id: string;
  agencyId: string;
  name: string;
  /** Legal basis text. */
  basis: string;
  /** On the 无事不扰 list. */
  noDisturb: boolean;
}

/** enterprises.jsonl, keyed by the credit code. */
export interface EnterpriseRecord {
  creditCode: string;
  name: string;
  industry: string;
  region: string;
  phone: string | null;
  creditGrade: CreditGrade;
  /** On the 无感监管 list. */
  lowTouch: boolean;
}

/** inspections.jsonl: one record per agency of an inspection (a joint inspection shares its jointId). */
export interface InspectionRecord {
  id: string;
  agencyId: string;
  officerIds: string[];
  creditCode: string;
  itemIds: string[];
  trigger: PlanTrigger;
  /** Shared by every agency's record of one joint inspection; null when alone. */
  jointId: string | null;
  startedAt: Date;
  finishedAt: Date;
  /** An inspection code existed when it started. */
  coded: boolean;
  /** When the code was issued, for codes filed late. */
  codedAt: Date | null;
  result: InspectionResult;
}

/** cases.jsonl: administrative penalty cases, with their changes of cause. */
export interface CaseRecord {
  id: string;
  agencyId: string;
  officerIds: string[];
  creditCode: string;
  inspectionId: string | null;
  /** Violation clause code. */
  cause: string;
  discretionLevel: DiscretionLevel;
  /** In fen. */
  fine: number;
  status: PenaltyCaseStatus;
  filedAt: Date;
  decidedAt: Date | null;
  closedAt: Date | null;
  revokedAt: Date | null;
  causeChanges: CauseChange[];
  /** Approved extension of the 90-day limit, in days. */
  extendedDays: number;
  coercive: boolean;
}

/** One change of a case's cause (变更案由). */
export interface CauseChange {
  from: string;
  to: string;
  at: Date;
}

/** ratings.jsonl: an enterprise's rating of one agency's part of an inspection, keyed by inspection and agency. */
export interface RatingRecord {
  inspectionId: string;
  agencyId: string;
  language: number;
  procedure: number;
  manner: number;
  fairness: number;
  verdict: RatingVerdict;
  flags: RatingProblem[];
  comment: string | null;
  ratedAt: Date;
}
