// Supervision (执法监督): flagged cases, their workflow, the monitoring dashboard.
import type { OnsiteDocumentView, TrailEntryView } from './onsite.js';

/** Where a flagged case came from. */
export type FlagSource = 'rating' | 'anomaly' | 'review' | 'alone' | 'emergency-code' | 'objection' | 'complaint' | 'discretion';
export const FLAG_SOURCES: readonly FlagSource[] = ['rating', 'anomaly', 'review', 'alone', 'emergency-code', 'objection', 'complaint', 'discretion'];
export const FLAG_SOURCE_LABELS: Record<FlagSource, string> = {
  rating: '企业差评',
  anomaly: '大数据研判',
  review: '异议复查',
  alone: '应联未联',
  'emergency-code': '紧急检查补码超时',
  objection: '处罚异议',
  complaint: '投诉举报',
  discretion: '罚款超出裁量幅度',
};

/**
 * open → assigned → investigating → closed (unfounded / fabricated), or → rectifying ⇄ answered →
 * closed (rectified), or → referred → closed (disciplined).
 */
export type CaseStatus = 'open' | 'assigned' | 'investigating' | 'rectifying' | 'answered' | 'referred' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'assigned', 'investigating', 'rectifying', 'answered', 'referred', 'closed'];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待分派',
  assigned: '已分派',
  investigating: '调查中',
  rectifying: '整改中',
  answered: '整改待确认',
  referred: '已移交纪检监察',
  closed: '已办结',
};

export type CaseConclusion = 'unfounded' | 'rectified' | 'disciplined' | 'fabricated';
export const CASE_CONCLUSION_LABELS: Record<CaseConclusion, string> = {
  unfounded: '经查不属实',
  rectified: '已整改（立行立改）',
  disciplined: '已由纪检监察处理',
  fabricated: '企业投诉弄虚作假（已记入信用记录）',
};

/** The steps of a flagged case's own log (`flagged_case_events.kind`), as its reader sees them. */
export const CASE_EVENT_LABELS: Record<string, string> = {
  raised: '立案（发现问题）',
  assigned: '分派',
  investigating: '开始调查',
  note: '调查记录',
  attachment: '上传附件',
  concluded: '办结',
  'rectification-ordered': '责令整改',
  'rectification-answered': '部门回复整改情况',
  'rectification-confirmed': '确认整改到位',
  'rectification-returned': '整改不到位，退回',
  referred: '移交纪检监察',
  'discipline-outcome': '纪检监察处理结果',
  'review-decided': '异议复查已决定',
  'substance-passed-on': '向被评价部门转交评价内容',
  'outcome-sent': '已短信告知投诉人处理结果',
};

/** What a user can do to a case; which status and role allow which action is decided by the server. */
export type CaseAction =
  | 'assign'
  | 'investigate'
  | 'note'
  | 'conclude-unfounded'
  | 'order-rectification'
  | 'answer-rectification'
  | 'confirm-rectification'
  | 'return-rectification'
  | 'refer-discipline'
  | 'record-discipline-outcome'
  | 'conclude-fabricated'
  | 'pass-on-substance';
export const CASE_ACTIONS: readonly CaseAction[] = [
  'assign', 'investigate', 'note', 'conclude-unfounded', 'order-rectification', 'answer-rectification',
  'confirm-rectification', 'return-rectification', 'refer-discipline', 'record-discipline-outcome', 'conclude-fabricated', 'pass-on-substance',
];
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  assign: '分派',
  investigate: '开始调查',
  note: '记录调查情况',
  'conclude-unfounded': '办结：不属实',
  'order-rectification': '责令整改',
  'answer-rectification': '回复整改情况',
  'confirm-rectification': '确认整改到位',
  'return-rectification': '整改不到位，退回',
  'refer-discipline': '移交纪检监察',
  'record-discipline-outcome': '登记处理结果',
  'conclude-fabricated': '办结：企业弄虚作假',
  'pass-on-substance': '向被评价部门转交评价内容',
};

/**
 * What the rated agency is told of a case its rating raised. It never learns who rated; the
 * substance (the problems ticked and the comment) only once a supervisor passes it on.
 */
export const RATING_ANONYMITY_NOTES = {
  withheld: '该案件由企业评价引发。为保护评价企业，评价企业、评分和意见仅执法监督、纪检监察部门可见；请根据问题类别和检查日期说明情况。',
  passedOn: '执法监督部门已转交企业反映的问题和意见（见“证据”），评价企业仍不公开。',
} as const;

export const DISCIPLINE_OUTCOMES = ['accountable', 'not-accountable'] as const;
export type DisciplineOutcome = (typeof DISCIPLINE_OUTCOMES)[number];
export const DISCIPLINE_OUTCOME_LABELS: Record<DisciplineOutcome, string> = {
  accountable: '予以问责',
  'not-accountable': '不予问责',
};

export interface CaseActionRequest {
  action: CaseAction;
  /** Required for every action but `investigate` and `assign`: what was found, ordered, answered, decided. */
  note?: string;
  /** YYYY-MM-DD (Asia/Shanghai): the new deadline of the case's next step. */
  deadline?: string;
  /** `assign`: the supervisor who takes the case (the acting supervisor when absent). */
  assigneeId?: number;
  /** `record-discipline-outcome` only. */
  outcome?: DisciplineOutcome;
}

/** Orders of the case queue. */
export const CASE_SORTS = ['newest', 'oldest', 'deadline'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseListQuery {
  source?: FlagSource;
  agencyId?: string;
  status?: CaseStatus | 'active';
  /** Only cases whose current step is past its deadline. */
  overdue?: boolean;
  /** Age in days since raised: at least / at most. */
  minAgeDays?: number;
  maxAgeDays?: number;
  /** Enterprise name, or the start of a credit code. */
  q?: string;
  sort?: CaseSort;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
  pageSize?: number;
}

export interface CaseListItem {
  id: string;
  source: FlagSource;
  rule: string | null;
  severity: 'low' | 'medium' | 'high';
  title: string;
  status: CaseStatus;
  conclusion: CaseConclusion | null;
  agencyId: string | null;
  agencyName: string | null;
  creditCode: string | null;
  enterpriseName: string | null;
  officerId: string | null;
  officerName: string | null;
  inspectionId: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  /** YYYY-MM-DD by which the current step is due. */
  deadline: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Keyset pages: `nextCursor` continues the same filters and sort; null on the last page. */
export interface CasePage {
  items: CaseListItem[];
  total: number;
  nextCursor: string | null;
}

export interface CaseEventView {
  id: string;
  kind: string;
  actor: string;
  /** The user's display name when the actor is a user. */
  actorName: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface RatingView {
  inspectionId: string;
  agencyId: string;
  agencyName: string | null;
  language: number;
  procedure: number;
  manner: number;
  fairness: number;
  verdict: 'approve' | 'disapprove';
  flags: string[];
  comment: string | null;
  ratedAt: string;
}

export interface AttachmentView {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  at: string;
}

export interface CreditRecordView {
  kind: string;
  caseId: string | null;
  note: string;
  actor: string;
  at: string;
}

export interface InspectionSummary {
  id: string;
  agencyId: string;
  agencyName: string | null;
  creditCode: string;
  trigger: string;
  jointId: string | null;
  startedAt: string;
  finishedAt: string;
  coded: boolean;
  result: string;
}

export interface CaseDetail {
  case: CaseListItem & { subjectType: string; subjectId: string; evidence: Record<string, unknown> };
  /** The case's log, oldest first: every step, who did it, when. */
  events: CaseEventView[];
  inspection: InspectionSummary | null;
  /** The inspection's hash-chained trail (全过程留痕). */
  trail: TrailEntryView[];
  /** The inspection's on-site documents (检查记录, 处罚决定书 …); null where the server keeps none yet. */
  documents: OnsiteDocumentView[] | null;
  ratings: RatingView[];
  /** Inspections and penalty cases the finding's evidence names. */
  evidenceRecords: { inspections: InspectionSummary[]; cases: { id: string; agencyId: string; cause: string; status: string; filedAt: string; fine: string }[] };
  /** Earlier flagged cases on the same enterprise or officer. */
  related: CaseListItem[];
  attachments: AttachmentView[];
  creditRecords: CreditRecordView[];
  /** What the logged-in user may do now. */
  allowedActions: CaseAction[];
  /**
   * Set when the reader is the rated agency of a case a rating raised: who rated is withheld, and the
   * substance too until a supervisor passes it on (`pass-on-substance`). Null for everyone else.
   */
  anonymity: { substancePassedOn: boolean } | null;
}

export interface AttachmentUpload {
  name: string;
  mime: string;
  /** The file, base64. */
  content: string;
}

// ---- dashboard ----

export interface DashboardView {
  asOf: string;
  /** `checked-in`: plans checked in today and not finished; `planned`: plans dated today (no check-in data yet). */
  today: { basis: 'checked-in' | 'planned'; total: number; byAgency: { agencyId: string; agencyName: string; count: number }[] };
  /** Inspection records per agency per month (YYYY-MM, Asia/Shanghai). */
  inspectionsByMonth: { months: string[]; series: { agencyId: string; agencyName: string; counts: number[] }[] };
  /** Ratings of the last 365 days: mean of the four scores (1–5) and the share approving. */
  satisfaction: { agencyId: string; agencyName: string; ratings: number; meanScore: number; approveRate: number }[];
  /** Distinct enterprises inspected in the last 365 days ÷ registered enterprises. */
  inspectionRate: { inspected: number; registered: number; rate: number };
  /** Joint vs single inspection records per month. */
  jointVsSingle: { months: string[]; joint: number[]; single: number[] };
  /** Cases not closed, by age since raised. */
  openFlagsByAge: { bucket: string; count: number }[];
}

export const DASHBOARD_TABLES = ['today', 'inspections-by-month', 'satisfaction', 'inspection-rate', 'joint-vs-single', 'open-flags-by-age', 'cases'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** Buckets of `openFlagsByAge`, in days since raised (inclusive lower bound). */
export const FLAG_AGE_BUCKETS: readonly { label: string; minDays: number }[] = [
  { label: '3天内', minDays: 0 },
  { label: '4–7天', minDays: 4 },
  { label: '8–15天', minDays: 8 },
  { label: '16–30天', minDays: 16 },
  { label: '30天以上', minDays: 31 },
];

/** What an enterprise sees of its own complaint. */
export interface ComplaintOutcome {
  caseId: string;
  agencyName: string | null;
  status: CaseStatus;
  statusLabel: string;
  conclusion: CaseConclusion | null;
  conclusionLabel: string | null;
  updatedAt: string;
}

/** Chinese sheet names, also the download's file name. */
export const TABLE_TITLES: Record<DashboardTable, string> = {
  today: '今日在检',
  'inspections-by-month': '各部门月度检查数',
  satisfaction: '各部门满意度',
  'inspection-rate': '年度入企检查率',
  'joint-vs-single': '联合检查与单独检查',
  'open-flags-by-age': '未办结案件账龄',
  cases: '监督案件',
};

/** A cell of a console table. */
export type TableCell = string | number | null;

/** Header and rows of one dashboard table: what the console shows under a chart and what its Excel export holds. */
export function dashboardTable(table: Exclude<DashboardTable, 'cases'>, view: DashboardView): { header: string[]; rows: TableCell[][] } {
  switch (table) {
    case 'today':
      return {
        header: ['执法部门', view.today.basis === 'checked-in' ? '今日在检（已扫码未结束）' : '今日计划检查'],
        rows: [...view.today.byAgency.map((r) => [r.agencyName, r.count]), ['合计', view.today.total]],
      };
    case 'inspections-by-month':
      return {
        header: ['执法部门', ...view.inspectionsByMonth.months, '合计'],
        rows: view.inspectionsByMonth.series.map((s) => [s.agencyName, ...s.counts, s.counts.reduce((a, b) => a + b, 0)]),
      };
    case 'satisfaction':
      return {
        header: ['执法部门', '评价数', '平均分（1–5）', '满意率'],
        rows: view.satisfaction.map((r) => [r.agencyName, r.ratings, r.meanScore, r.approveRate]),
      };
    case 'inspection-rate':
      return {
        header: ['近365天被检查企业数', '在册企业数', '年度入企检查率'],
        rows: [[view.inspectionRate.inspected, view.inspectionRate.registered, view.inspectionRate.rate]],
      };
    case 'joint-vs-single':
      return {
        header: ['月份', '联合检查', '单独检查'],
        rows: view.jointVsSingle.months.map((m, i) => [m, view.jointVsSingle.joint[i], view.jointVsSingle.single[i]]),
      };
    case 'open-flags-by-age':
      return { header: ['账龄', '未办结案件数'], rows: view.openFlagsByAge.map((r) => [r.bucket, r.count]) };
  }
}
