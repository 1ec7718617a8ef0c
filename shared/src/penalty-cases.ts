/**
 * Administrative penalty cases (行政处罚案件) as the exchange format has them. Their status is the
 * penalty procedure's, not the supervision workflow's (that is a flagged case's `CaseStatus`).
 */
export const PENALTY_CASE_STATUSES = ['filed', 'decided', 'closed', 'revoked'] as const;
export type PenaltyCaseStatus = (typeof PENALTY_CASE_STATUSES)[number];
export const PENALTY_CASE_STATUS_LABELS: Record<PenaltyCaseStatus, string> = {
  filed: '已立案',
  decided: '已作出决定',
  closed: '已结案',
  revoked: '已撤销',
};

/** 裁量基准: how heavily the discretion was used. */
export const DISCRETION_LEVELS = ['light', 'general', 'severe'] as const;
export type DiscretionLevel = (typeof DISCRETION_LEVELS)[number];
export const DISCRETION_LEVEL_LABELS: Record<DiscretionLevel, string> = { light: '从轻', general: '一般', severe: '从重' };
