import {
  CASE_ACTION_LABELS,
  CASE_CONCLUSION_LABELS,
  CASE_EVENT_LABELS,
  CASE_STATUS_LABELS,
  FLAG_SOURCE_LABELS,
  INSPECTION_RESULT_LABELS,
  PENALTY_CASE_STATUS_LABELS,
  type InspectionResult,
  type PenaltyCaseStatus,
  daysBetween,
  shanghaiDate,
  shanghaiDateTime,
  type CaseAction,
  type CaseActionRequest,
  type CaseListItem,
  type CaseListQuery,
  type CaseSort,
  type CaseStatus,
  type DisciplineOutcome,
  type FlagSource,
  actorUsername,
  ENTERPRISE_ACTOR,
  SYSTEM_ACTORS,
} from '@mashang/shared';
import type { Query } from '../../logic/http';

export const CASE_PAGE_SIZE = 20;

/** Age filter choices, in days since the case was raised. */
export const AGE_FILTERS: readonly { key: string; label: string; minAgeDays?: number; maxAgeDays?: number }[] = [
  { key: 'all', label: '全部' },
  { key: 'week', label: '7天内', maxAgeDays: 7 },
  { key: 'month', label: '8–30天', minAgeDays: 8, maxAgeDays: 30 },
  { key: 'older', label: '30天以上', minAgeDays: 31 },
];

export const SORTS: readonly { key: CaseSort; label: string }[] = [
  { key: 'newest', label: '最新' },
  { key: 'oldest', label: '最早' },
  { key: 'deadline', label: '期限最近（已设期限的）' },
];

/** What the filter bar holds. */
export interface CaseFilters {
  source: FlagSource | '';
  agencyId: string;
  status: CaseStatus | 'active' | '';
  overdue: boolean;
  age: string;
  q: string;
  sort: CaseSort;
}

export const EMPTY_FILTERS: CaseFilters = { source: '', agencyId: '', status: 'active', overdue: false, age: 'all', q: '', sort: 'newest' };

/** The list request for the filters; empty choices are left out. */
export function caseQuery(filters: CaseFilters, cursor: string | null = null, pageSize = CASE_PAGE_SIZE): CaseListQuery {
  const age = AGE_FILTERS.find((a) => a.key === filters.age) ?? AGE_FILTERS[0];
  const query: CaseListQuery = { sort: filters.sort, pageSize };
  if (filters.source) query.source = filters.source;
  if (filters.agencyId) query.agencyId = filters.agencyId;
  if (filters.status) query.status = filters.status;
  if (filters.overdue) query.overdue = true;
  if (age.minAgeDays !== undefined) query.minAgeDays = age.minAgeDays;
  if (age.maxAgeDays !== undefined) query.maxAgeDays = age.maxAgeDays;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (cursor) query.cursor = cursor;
  return query;
}

/** The same request as URL query values. */
export function toQuery(query: CaseListQuery): Query {
  return { ...query } as Query;
}

/** The Excel export of the filtered list: the same filters, every page. */
export function exportQuery(filters: CaseFilters): Query {
  const { pageSize: _all, ...query } = toQuery(caseQuery(filters));
  return query;
}

/** The agency filter's picker: 全部部门 first, then each agency; index 0 means any agency. */
export function agencyOptions(agencies: readonly { id: string; name: string }[]): {
  names: string[];
  indexOf: (agencyId: string) => number;
  idAt: (index: number) => string;
} {
  return {
    names: ['全部部门', ...agencies.map((agency) => agency.name)],
    indexOf: (agencyId) => (agencyId ? agencies.findIndex((agency) => agency.id === agencyId) + 1 : 0),
    idAt: (index) => (index > 0 ? agencies[index - 1]?.id ?? '' : ''),
  };
}

/**
 * Keyset paging remembers the cursors that led to each page, so "previous" goes back exactly and
 * page numbers stay right.
 */
export interface Pager {
  /** cursors[i] opened page i + 1 (null for the first). */
  cursors: (string | null)[];
}

export const firstPage = (): Pager => ({ cursors: [null] });
export const pageNumber = (pager: Pager) => pager.cursors.length;
export const currentCursor = (pager: Pager) => pager.cursors[pager.cursors.length - 1];
export const nextPage = (pager: Pager, nextCursor: string): Pager => ({ cursors: [...pager.cursors, nextCursor] });
export const previousPage = (pager: Pager): Pager => (pager.cursors.length > 1 ? { cursors: pager.cursors.slice(0, -1) } : pager);
export const pageCount = (total: number, pageSize = CASE_PAGE_SIZE) => Math.max(1, Math.ceil(total / pageSize));

export const sourceLabel = (source: string) => FLAG_SOURCE_LABELS[source as FlagSource] ?? source;
export const statusLabel = (status: string) => CASE_STATUS_LABELS[status as CaseStatus] ?? status;
export const conclusionLabel = (conclusion: string | null) => (conclusion ? CASE_CONCLUSION_LABELS[conclusion as keyof typeof CASE_CONCLUSION_LABELS] ?? conclusion : '');
export const actionLabel = (action: string) => CASE_ACTION_LABELS[action as CaseAction] ?? action;

/** "3天前", "今天" — days since the case was raised, Asia/Shanghai. */
export function ageText(createdAt: string, now = new Date()): string {
  const days = daysBetween(shanghaiDate(createdAt), shanghaiDate(now));
  return days <= 0 ? '今天' : `${days}天前`;
}

/** "2026年5月17日（剩3天）", "…（逾期2天）", "" without a deadline. */
export function deadlineText(item: Pick<CaseListItem, 'deadline' | 'status'>, now = new Date()): string {
  if (!item.deadline || item.status === 'closed') return '';
  const [y, m, d] = item.deadline.split('-').map(Number);
  const left = daysBetween(shanghaiDate(now), item.deadline);
  const note = left < 0 ? `逾期${-left}天` : left === 0 ? '今天到期' : `剩${left}天`;
  return `${y}年${m}月${d}日（${note}）`;
}

/** "2026-05-10 14:03" in Asia/Shanghai. */
export const shanghaiTime = (iso: string): string => shanghaiDateTime(iso);

/** Who did it: the user's name, or what the actor string says. */
export function actorText(actor: string, actorName: string | null): string {
  if (actorName) return actorName;
  if (actor === ENTERPRISE_ACTOR) return '企业';
  if (actor.startsWith(SYSTEM_ACTORS.nightlyReport)) return '大数据研判';
  if (actor.startsWith('system:')) return '系统';
  return actorUsername(actor) ?? actor;
}

export const eventLabel = (kind: string) => CASE_EVENT_LABELS[kind] ?? kind;

/** An inspection record's result in words (合格, 责令整改, 立案). */
export const inspectionResultText = (result: string | null | undefined): string =>
  result ? INSPECTION_RESULT_LABELS[result as InspectionResult] ?? result : '—';

/** A penalty case named in a flagged case's evidence: number, clause, where it stands, when filed, its fine once set. */
export function evidenceCaseText(k: { id: string; cause: string; status: string; filedAt: string; fine: string | null }): string {
  const status = PENALTY_CASE_STATUS_LABELS[k.status as PenaltyCaseStatus] ?? k.status;
  const fine = Number(k.fine);
  return [`案件 ${k.id}`, `案由 ${k.cause}`, status, `立案 ${shanghaiDateTime(k.filedAt)}`, ...(fine > 0 ? [`罚款 ${fine / 100} 元`] : [])].join(' · ');
}

/** What the action form asks for. */
export interface ActionForm {
  note: 'required' | 'hidden';
  deadline: 'required' | 'optional' | 'hidden';
  outcome: boolean;
  assignee: boolean;
  /** Closes the case or sends it on: ask before doing it. */
  confirm: boolean;
}

export function actionForm(action: CaseAction): ActionForm {
  switch (action) {
    case 'assign':
      return { note: 'hidden', deadline: 'optional', outcome: false, assignee: true, confirm: false };
    case 'investigate':
      return { note: 'hidden', deadline: 'optional', outcome: false, assignee: false, confirm: false };
    case 'confirm-rectification':
      return { note: 'hidden', deadline: 'hidden', outcome: false, assignee: false, confirm: true };
    case 'order-rectification':
    case 'refer-discipline':
      return { note: 'required', deadline: 'optional', outcome: false, assignee: false, confirm: false };
    case 'return-rectification':
      return { note: 'required', deadline: 'required', outcome: false, assignee: false, confirm: false };
    case 'record-discipline-outcome':
      return { note: 'required', deadline: 'hidden', outcome: true, assignee: false, confirm: true };
    case 'note':
    case 'answer-rectification':
      return { note: 'required', deadline: 'hidden', outcome: false, assignee: false, confirm: false };
    default:
      return { note: 'required', deadline: 'hidden', outcome: false, assignee: false, confirm: true };
  }
}

export interface ActionDraft {
  note: string;
  deadline: string;
  outcome: DisciplineOutcome | '';
  assigneeId: number | null;
}

/** What the form says before a step that cannot be undone. */
export function confirmNote(action: CaseAction): string {
  if (action === 'pass-on-substance') return '提交后被评价部门将看到企业反映的问题和意见（仍看不到是哪家企业评价），不可撤回。';
  const closes = action === 'record-discipline-outcome' || action.startsWith('conclude') || action === 'confirm-rectification';
  return `提交后案件将${closes ? '办结' : '转入下一环节'}，不可撤回。`;
}

/** The request for an action, or the problem to show next to the form. */
export function actionRequest(action: CaseAction, draft: ActionDraft): { request: CaseActionRequest } | { error: string } {
  const form = actionForm(action);
  const request: CaseActionRequest = { action };
  if (form.note === 'required') {
    if (!draft.note.trim()) return { error: '请填写说明' };
    request.note = draft.note.trim();
  }
  if (form.deadline !== 'hidden') {
    const deadline = draft.deadline.trim();
    if (!deadline && form.deadline === 'required') return { error: '请填写期限' };
    if (deadline) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return { error: '期限格式应为 YYYY-MM-DD' };
      request.deadline = deadline;
    }
  }
  if (form.outcome) {
    if (!draft.outcome) return { error: '请选择处理结果' };
    request.outcome = draft.outcome;
  }
  if (form.assignee && draft.assigneeId !== null) request.assigneeId = draft.assigneeId;
  return { request };
}

/** Reads a file picked in the browser into the upload body's base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const formatRate = (rate: number) => `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)}%`;

/** The top `count` series by total, the rest summed as 其他, so a chart of 36 agencies stays readable. */
export function topSeries<T extends { agencyName: string; counts: number[] }>(series: T[], count: number): { name: string; counts: number[] }[] {
  const total = (s: { counts: number[] }) => s.counts.reduce((a, b) => a + b, 0);
  const sorted = [...series].sort((a, b) => total(b) - total(a));
  const top = sorted.slice(0, count).map((s) => ({ name: s.agencyName, counts: s.counts }));
  const rest = sorted.slice(count);
  if (rest.length) top.push({ name: `其他${rest.length}个部门`, counts: rest[0].counts.map((_, i) => rest.reduce((sum, s) => sum + s.counts[i], 0)) });
  return top;
}
