// Penalty cases as a workflow (行政处罚程序): filed → notice → statement/hearing → (legal review) →
// decision → closed, or revoked; coercive measures beside; the discretion benchmark and the
// supervision code (监督码) the party scans.
import type { DiscretionLevel, PenaltyCaseStatus } from './penalty-cases.js';

/** Where a case filed through the system stands. The exchange status (`PenaltyCaseStatus`) follows from it. */
export const PENALTY_STAGES = ['filed', 'notified', 'review', 'decided', 'closed', 'revoked'] as const;
export type PenaltyStage = (typeof PENALTY_STAGES)[number];
export const PENALTY_STAGE_LABELS: Record<PenaltyStage, string> = {
  filed: '已立案，待告知',
  notified: '已告知，陈述申辩期',
  review: '法制审核中',
  decided: '已作出处罚决定',
  closed: '已结案',
  revoked: '已撤销立案',
};

/** The exchange format's status of a case at each stage. */
export const PENALTY_STAGE_STATUS: Record<PenaltyStage, PenaltyCaseStatus> = {
  filed: 'filed',
  notified: 'filed',
  review: 'filed',
  decided: 'decided',
  closed: 'closed',
  revoked: 'revoked',
};

/** How a case came to be filed. */
export const PENALTY_CASE_ORIGINS = ['inspection', 'complaint'] as const;
export type PenaltyCaseOrigin = (typeof PENALTY_CASE_ORIGINS)[number];
export const PENALTY_CASE_ORIGIN_LABELS: Record<PenaltyCaseOrigin, string> = { inspection: '检查发现', complaint: '投诉举报' };

/** What the party sends through the supervision code. */
export const PARTY_SUBMISSION_KINDS = ['statement', 'hearing', 'objection'] as const;
export type PartySubmissionKind = (typeof PARTY_SUBMISSION_KINDS)[number];
export const PARTY_SUBMISSION_KIND_LABELS: Record<PartySubmissionKind, string> = {
  statement: '陈述申辩',
  hearing: '申请听证',
  objection: '对裁量有异议',
};

/** Decisions that make a case major (重大执法决定) whatever the fine. */
export const DECISION_MEASURES = ['revoke-licence', 'order-closure'] as const;
export type DecisionMeasure = (typeof DECISION_MEASURES)[number];
export const DECISION_MEASURE_LABELS: Record<DecisionMeasure, string> = {
  'revoke-licence': '吊销许可证件',
  'order-closure': '责令关闭',
};

/** Why a decision is major, as the legal review lists it. */
export const MAJOR_DECISION_REASONS = ['fine', 'revoke-licence', 'order-closure', 'hearing'] as const;
export type MajorDecisionReason = (typeof MAJOR_DECISION_REASONS)[number];
export const MAJOR_DECISION_REASON_LABELS: Record<MajorDecisionReason, string> = {
  fine: '罚款数额较大',
  'revoke-licence': '吊销许可证件',
  'order-closure': '责令关闭',
  hearing: '经过听证',
};

export const LEGAL_REVIEW_VERDICTS = ['approved', 'returned'] as const;
export type LegalReviewVerdict = (typeof LEGAL_REVIEW_VERDICTS)[number];
export const LEGAL_REVIEW_VERDICT_LABELS: Record<LegalReviewVerdict, string> = { approved: '审核通过', returned: '退回修改' };

/** 行政强制措施 */
export const COERCIVE_MEASURE_KINDS = ['seal', 'seize'] as const;
export type CoerciveMeasureKind = (typeof COERCIVE_MEASURE_KINDS)[number];
export const COERCIVE_MEASURE_KIND_LABELS: Record<CoerciveMeasureKind, string> = { seal: '查封', seize: '扣押' };

/** One factor of a clause's discretion benchmark: ticking it adds its points (negative lightens). */
export interface DiscretionFactor {
  /** Stable within the clause: `first-offence`, `illegal-gains`, … */
  id: string;
  label: string;
  points: number;
}

/** From `minPoints` up (to the next band), the level; bands are listed lightest first. */
export interface DiscretionBand {
  level: DiscretionLevel;
  minPoints: number;
}

/** 裁量基准 for one violation clause. Fines in fen. */
export interface DiscretionBenchmark {
  clause: string;
  name: string;
  legalBasis: string;
  factors: DiscretionFactor[];
  bands: DiscretionBand[];
  ranges: Record<DiscretionLevel, { min: number; max: number }>;
}

/** What the ticked factors give. */
export interface DiscretionAssessment {
  points: number;
  level: DiscretionLevel;
  /** In fen. */
  range: { min: number; max: number };
}

// ── API (officers and desks: /api/penalty-cases; the party: /api/penalty-codes/:token) ──────────

/** POST /api/penalty-cases — 立案, from an inspection whose result is a case, or from a complaint (a flagged case). */
export interface FilePenaltyCaseRequest {
  /** The agency's inspection record (its plan id) that found the violation. */
  inspectionId?: string;
  /** The complaint's flagged case; the enterprise then comes from `creditCode`. */
  flaggedCaseId?: string;
  creditCode?: string;
  /** The violation clause (a discretion benchmark's clause). */
  cause: string;
  facts: string;
  /** Officer ids of the filing agency, two at least (执法人员不少于两人). */
  officerIds: string[];
}

/** POST /api/penalty-cases/:id/notice — 行政处罚告知: the factors ticked and the fine proposed. */
export interface NoticeRequest {
  factorIds: string[];
  /** In fen. */
  proposedFine: number;
  /** Required when the fine lies outside the benchmark's range for the level. */
  outsideRangeReason?: string;
  measures?: DecisionMeasure[];
}

/** POST /api/penalty-cases/:id/decision — 作出处罚决定 (a major one goes to legal review first). */
export interface DecisionRequest {
  /** In fen. */
  fine: number;
  measures?: DecisionMeasure[];
  outsideRangeReason?: string;
  /** YYYY-MM-DD when a hearing was held. */
  hearingHeldOn?: string;
}

/** POST /api/penalty-cases/reviews/:reviewId — a reviewer's verdict. */
export interface LegalReviewVerdictRequest {
  verdict: LegalReviewVerdict;
  opinion: string;
}

/** POST /api/penalty-cases/:id/revoke, /close, /cause */
export interface ReasonRequest {
  reason: string;
}
export interface CauseChangeRequest {
  to: string;
  reason: string;
}

/** POST /api/penalty-cases/:id/coercive-measures; /api/penalty-cases/coercive-measures/:measureId/extend | /release {reason} */
export interface CoerciveMeasureRequest {
  kind: CoerciveMeasureKind;
  items: string;
  documentNo: string;
  /** YYYY-MM-DD (Asia/Shanghai); today when absent. */
  startedOn?: string;
}

export interface CoerciveMeasureView {
  id: string;
  kind: CoerciveMeasureKind;
  items: string;
  documentNo: string;
  startedAt: string;
  dueAt: string;
  extended: boolean;
  extensionReason: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
}

export interface LegalReviewView {
  id: string;
  caseId: string;
  reasons: MajorDecisionReason[];
  /** In fen. */
  fine: number;
  measures: DecisionMeasure[];
  requestedAt: string;
  dueAt: string;
  verdict: LegalReviewVerdict | null;
  opinion: string | null;
  reviewer: string | null;
  decidedAt: string | null;
}

export interface PartySubmissionView {
  id: string;
  kind: PartySubmissionKind;
  text: string;
  at: string;
  flaggedCaseId: string | null;
  upheld: boolean | null;
}

/** One penalty case as officers and desks see it. */
export interface PenaltyCaseView {
  id: string;
  stage: PenaltyStage;
  origin: PenaltyCaseOrigin;
  agencyId: string;
  agencyName: string;
  creditCode: string;
  enterpriseName: string;
  inspectionId: string | null;
  flaggedCaseId: string | null;
  cause: string;
  causeName: string;
  facts: string;
  legalBasis: string;
  officers: { id: string; name: string }[];
  factors: (DiscretionFactor & { ticked: boolean })[];
  /** The clause's bands and ranges (fen), so the notice form can show level and range as factors are ticked; empty and null without a benchmark. */
  bands: DiscretionBand[];
  ranges: Record<DiscretionLevel, { min: number; max: number }> | null;
  points: number | null;
  level: DiscretionLevel | null;
  /** In fen. */
  range: { min: number; max: number } | null;
  proposedFine: number | null;
  outsideRangeReason: string | null;
  filedAt: string;
  notifiedAt: string | null;
  statementUntil: string | null;
  hearingUntil: string | null;
  hearingRequestedAt: string | null;
  hearingHeldAt: string | null;
  decidedAt: string | null;
  /** In fen: the decided fine, or the one awaiting review. */
  fine: number | null;
  measures: DecisionMeasure[];
  major: boolean;
  closedAt: string | null;
  revokedAt: string | null;
  causeChanges: { from: string; to: string; at: string }[];
  coerciveMeasures: CoerciveMeasureView[];
  reviews: LegalReviewView[];
  submissions: PartySubmissionView[];
  /** The supervision code's public link, once noticed (officers print it on the notice). */
  codeUrl: string | null;
  /** The same link as a QR (SVG), to print on the notice. */
  codeQrSvg: string | null;
  /** What this user may do now. */
  actions: PenaltyCaseAction[];
}

export const PENALTY_CASE_ACTIONS = ['notice', 'decide', 'close', 'revoke', 'change-cause', 'coerce'] as const;
export type PenaltyCaseAction = (typeof PENALTY_CASE_ACTIONS)[number];
export const PENALTY_CASE_ACTION_LABELS: Record<PenaltyCaseAction, string> = {
  notice: '告知',
  decide: '作出决定',
  close: '结案',
  revoke: '撤销立案',
  'change-cause': '变更案由',
  coerce: '采取强制措施',
};

/** GET /api/penalty-cases?stage=&page=&pageSize= — a row of the list. */
export interface PenaltyCaseListItem {
  id: string;
  stage: PenaltyStage;
  agencyId: string;
  agencyName: string;
  enterpriseName: string;
  causeName: string;
  filedAt: string;
  /** The next deadline of the case (statement, hearing, review, coercive measure), if any. */
  nextDeadline: string | null;
  openObjections: number;
}

/** GET /api/penalty-codes/:token — what the party reads by the supervision code (no personal data). */
export interface SupervisionCodeView {
  caseId: string;
  stage: PenaltyStage;
  agencyName: string;
  enterpriseName: string;
  causeName: string;
  facts: string;
  legalBasis: string;
  factors: { label: string; points: number }[];
  points: number | null;
  level: DiscretionLevel | null;
  range: { min: number; max: number } | null;
  proposedFine: number | null;
  decidedFine: number | null;
  statementUntil: string | null;
  hearingUntil: string | null;
  /** Which of the three actions are open now (none once the case is closed or revoked). */
  open: PartySubmissionKind[];
  submissions: { kind: PartySubmissionKind; at: string }[];
}

/** POST /api/penalty-codes/:token/submissions */
export interface PartySubmissionRequest {
  kind: PartySubmissionKind;
  text: string;
}

/** GET /api/penalty-cases/reviews — the legal review queue (reviewers: supervisors; agency admins their own agency's). */
export interface LegalReviewQueueItem extends LegalReviewView {
  agencyName: string;
  enterpriseName: string;
  causeName: string;
}
