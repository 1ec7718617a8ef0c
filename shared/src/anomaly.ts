/**
 * The nightly anomaly report (大数据研判, rule set v2 of `anomaly-rules.md`) and the yearly
 * high-incidence violation early-warning report (高发违法行为预警报告): the report file's shape and
 * the console's API types.
 */

/** Rule ids in the order of the spec's table; findings are ordered by this, then by subject id. */
export const ANOMALY_RULES = [
  'uncoded-inspection',
  'repeated-inspection',
  'unmerged-inspections',
  'frequency-high',
  'high-risk-uninspected',
  'low-touch-violated',
  'case-overtime',
  'case-cause-changed',
  'case-revoked',
  'same-case-different-penalty',
  'officer-workload-outlier',
  'officer-overlap',
  'low-satisfaction',
  // Rule set v2: what the 2025–26 national campaign against irregular enforcement names first.
  'single-officer',
  'expired-certificate',
  'short-visit',
  'off-hours-inspection',
  'out-of-jurisdiction',
  'repeat-offence-lighter',
  'fine-surge',
] as const;
export type AnomalyRuleId = (typeof ANOMALY_RULES)[number];

export const ANOMALY_RULE_SET = 'v2';

export const ANOMALY_RULE_TITLES: Record<AnomalyRuleId, string> = {
  'uncoded-inspection': '未亮码检查',
  'repeated-inspection': '同一部门重复检查',
  'unmerged-inspections': '应合并未合并检查',
  'frequency-high': '检查频次超过信用等级上限',
  'high-risk-uninspected': '高风险企业全年未检查（不作为）',
  'low-touch-violated': '无感监管/无事不扰对象被计划检查',
  'case-overtime': '案件超期未办结',
  'case-cause-changed': '变更案由',
  'case-revoked': '撤销立案',
  'same-case-different-penalty': '同案不同罚',
  'officer-workload-outlier': '执法人员检查量异常',
  'officer-overlap': '执法人员同一时间出现在两处',
  'low-satisfaction': '企业满意度低',
  'single-officer': '一人执法',
  'expired-certificate': '执法证过期仍检查（无证执法）',
  'short-visit': '检查时间过短（走过场）',
  'off-hours-inspection': '非工作时间检查（扰企）',
  'out-of-jurisdiction': '跨辖区处罚（违规异地执法）',
  'repeat-offence-lighter': '再犯从轻（人情案）',
  'fine-surge': '罚没激增（趋利性执法）',
};

/**
 * Evidence an agency admin is not shown of its own findings and cases: which inspections an
 * enterprise disapproved of would tell the agency how one enterprise rated it (agencies see
 * aggregates of ratings only; supervisors and discipline see everything).
 */
export const AGENCY_WITHHELD_EVIDENCE: Partial<Record<AnomalyRuleId, readonly string[]>> = {
  'low-satisfaction': ['latestDisapproved'],
};

/** A finding's evidence as an agency admin sees it. */
export function evidenceForAgency(rule: string | null, evidence: Record<string, unknown>): Record<string, unknown> {
  const withheld = AGENCY_WITHHELD_EVIDENCE[rule as AnomalyRuleId];
  if (!withheld) return evidence;
  return Object.fromEntries(Object.entries(evidence).filter(([key]) => !withheld.includes(key)));
}

export type AnomalySeverity = 'low' | 'medium' | 'high';
export const ANOMALY_SEVERITY_LABELS: Record<AnomalySeverity, string> = { low: '低', medium: '中', high: '高' };

export type AnomalySubjectType = 'inspection' | 'enterprise-agency' | 'enterprise' | 'case' | 'officer' | 'agency';
export const ANOMALY_SUBJECT_TYPE_LABELS: Record<AnomalySubjectType, string> = {
  inspection: '检查',
  'enterprise-agency': '企业-部门',
  enterprise: '企业',
  case: '案件',
  officer: '执法人员',
  agency: '部门',
};

/** One finding of the report file: one per (rule, subject). */
export interface AnomalyFinding {
  rule: AnomalyRuleId;
  subject: { type: AnomalySubjectType; id: string };
  severity: AnomalySeverity;
  /** The agency whose conduct is in question; null for an enterprise left uninspected. */
  agencyId: string | null;
  /** The records that prove the finding (ids a supervisor can open) and the figures compared. */
  evidence: Record<string, unknown>;
  /** One sentence in Chinese. */
  explanation: string;
}

export interface AgencyActivity {
  /** Inspections started in the window. */
  inspections: number;
  /** Cases filed in the window. */
  cases: number;
  /** Of those, cases with coercive measures (行政强制). */
  coercive: number;
  /** Findings of this report naming the agency. */
  findings: number;
}

/** The report file (`npm run cli -- report`), exactly as `anomaly-rules.md` shows it. */
export interface AnomalyReportFile {
  /** YYYY-MM-DD (Asia/Shanghai). */
  asOf: string;
  /** ISO 8601 with +08:00, e.g. 2026-11-21T02:00:07+08:00. */
  generatedAt: string;
  ruleSet: typeof ANOMALY_RULE_SET;
  summary: { byRule: Record<AnomalyRuleId, number>; byAgency: Record<string, AgencyActivity> };
  findings: AnomalyFinding[];
}

// ---- console API ----------------------------------------------------------------------------

export type AnomalyRunStatus = 'queued' | 'running' | 'completed' | 'failed';
export const ANOMALY_RUN_STATUS_LABELS: Record<AnomalyRunStatus, string> = {
  queued: '排队中',
  running: '计算中',
  completed: '已完成',
  failed: '失败',
};

/** GET /api/anomaly/runs (page of these), GET /api/anomaly/runs/:asOf; POST /api/anomaly/runs answers one. */
export interface AnomalyRunView {
  asOf: string;
  ruleSet: string;
  status: AnomalyRunStatus;
  /** 0–100 */
  progress: number;
  /** The rule being computed, or `summary` / `flags` for the last steps; null when not running. */
  currentRule: string | null;
  /** Attempts started so far (a failed attempt is retried). */
  attempts: number;
  /** Why the last attempt failed. */
  error: string | null;
  /** `system:nightly-report`, `user:<id>:<name>`, `cli`. */
  requestedBy: string;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  generatedAt: string | null;
  /** Findings of the report (an agency admin: of their agency). */
  findingCount: number;
  /** Flagged cases this report raised (new findings). */
  raisedCount: number;
}

/** POST /api/anomaly/runs (supervisor). Default: yesterday in Asia/Shanghai. */
export interface TriggerAnomalyRunRequest {
  asOf?: string;
}

export interface AnomalyRuleCount {
  rule: AnomalyRuleId;
  title: string;
  severity: AnomalySeverity;
  count: number;
}

export interface AnomalyAgencyRow extends AgencyActivity {
  agencyId: string;
  agencyName: string;
}

/** GET /api/anomaly/reports/:asOf — counts per rule and per agency (an agency admin sees only their agency). */
export interface AnomalyReportSummaryView {
  asOf: string;
  ruleSet: string;
  generatedAt: string;
  byRule: AnomalyRuleCount[];
  byAgency: AnomalyAgencyRow[];
}

/** GET /api/anomaly/reports/:asOf/findings?rule=&agencyId=&page=&pageSize= (Page of these). */
export interface AnomalyFindingView extends AnomalyFinding {
  /** Stable row id within the report. */
  id: string;
  ruleTitle: string;
  agencyName: string | null;
  /** The flagged case this finding raised or was already under (监督案件), once raised. */
  flaggedCaseId: string | null;
}

/** GET /api/anomaly/rules — the rule set with the thresholds in force. */
export interface AnomalyRuleView {
  rule: AnomalyRuleId;
  title: string;
  severity: AnomalySeverity;
  subjectType: AnomalySubjectType;
  description: string;
}

// ---- yearly early-warning report ---------------------------------------------------------------

export interface ViolationCauseRow {
  /** Violation clause code (cases.cause). */
  cause: string;
  /** The clause's name from its discretion benchmark; null when it has none. */
  causeName: string | null;
  cases: number;
  previousYearCases: number;
  /** (cases − previous) / previous; null when the previous year had none. */
  growth: number | null;
  /** Total fines in fen. */
  fines: number;
  /** High and rising: at least the minimum count and growth at or above the threshold (or new). */
  warning: boolean;
}

export interface ViolationGroup {
  /** Industry (enterprises.industry) or 6-digit region code. */
  key: string;
  cases: number;
  causes: ViolationCauseRow[];
}

/** GET /api/anomaly/warnings/:year and `npm run cli -- warning --year YYYY --out FILE.json`. */
export interface ViolationWarningReport {
  year: number;
  generatedAt: string;
  /** Cases filed in the year (Asia/Shanghai), revoked ones excluded. */
  totalCases: number;
  previousYearCases: number;
  thresholds: { top: number; minCases: number; minGrowth: number };
  /** The most frequent causes of the year, most frequent first. */
  top: ViolationCauseRow[];
  byIndustry: ViolationGroup[];
  byRegion: ViolationGroup[];
}
