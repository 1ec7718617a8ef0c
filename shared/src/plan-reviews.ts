/**
 * 异议复查 and 综合监管场景 as the API shows them, with the words people read. Review requests: an
 * agency disputes a same-industry result instead of inspecting again; the supervisor decides.
 */

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待司法局决定',
  accepted: '已受理：重新复查',
  rejected: '不予受理：维持原结果',
};

export type ReviewEventKind = 'requested' | ReviewStatus;
export const REVIEW_EVENT_LABELS: Record<Exclude<ReviewEventKind, 'pending'>, string> = {
  requested: '申请异议复查',
  accepted: '决定：受理，重新复查',
  rejected: '决定：不予受理，维持原结果',
};

/** A review request with the names a person needs to read it. */
export interface ReviewRequestView {
  id: string;
  inspectionId: string;
  creditCode: string;
  enterpriseName: string | null;
  /** The disputing agency. */
  agencyId: string;
  agencyName: string | null;
  /** The agency whose result is disputed. */
  inspectedByAgencyId: string;
  inspectedByAgencyName: string | null;
  /** The disputed inspection: when it started and its result (pass | rectify | case). */
  inspectionStartedAt: string | null;
  inspectionResult: string | null;
  reason: string;
  status: ReviewStatus;
  requestedAt: string;
  /** `actorName`: the user's display name when a user acted. */
  events: { kind: ReviewEventKind; actor: string; actorName?: string | null; note: string | null; at: string }[];
}

/** POST /api/reviews */
export interface RequestReviewRequest {
  inspectionId: string;
  reason: string;
}

/** POST /api/reviews/:id/decision (supervisors) */
export interface DecideReviewRequest {
  /** true: the result is reviewed again; false: it stands. */
  accept: boolean;
  note: string;
}

/** A joint-supervision scenario: for enterprises of these industries, these agencies inspect together. */
export interface JointScenarioView {
  id: string;
  name: string;
  /** Enterprise industries as the register writes them (e.g. 餐饮服务). */
  industries: string[];
  agencyIds: string[];
  active: boolean;
}

export type CreateScenarioRequest = Omit<JointScenarioView, 'active'>;
export type UpdateScenarioRequest = Partial<Omit<JointScenarioView, 'id'>>;

/** An industry of the enterprise register and how many enterprises it has. */
export interface IndustryCount {
  industry: string;
  enterprises: number;
}
