import {
  ANOMALY_RULE_TITLES,
  AUDIT_ACTION_LABELS,
  CASE_STATUS_LABELS,
  FLAG_SOURCE_LABELS,
  auditResourceLabel,
  CLI_ACTOR,
  actorUsername,
  isCalendarDate,
  type AuditAction,
  type AuditChainCheck,
  type AuditEntryView,
  type AuditLogQuery,
} from '@mashang/shared';

export const AUDIT_PAGE_SIZE = 20;

/** What the audit log page's filter bar holds. */
export interface AuditFilters {
  actor: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };

/** The list request: empty choices and unfinished dates left out. */
export function auditQuery(filters: AuditFilters, page: number): AuditLogQuery {
  const query: AuditLogQuery = { page, pageSize: AUDIT_PAGE_SIZE };
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.action) query.action = filters.action;
  if (isCalendarDate(filters.from.trim())) query.from = filters.from.trim();
  if (isCalendarDate(filters.to.trim())) query.to = filters.to.trim();
  return query;
}

/** 谁: the username, or 命令行 for the command line. */
export function auditActorText(actor: string): string {
  if (actor === CLI_ACTOR) return '命令行（运维）';
  return actorUsername(actor) ?? actor;
}

/** 做了什么: the action and what it took, e.g. 明文导出（含完整手机号）· 交换数据：执法人员. */
export function auditWhatText(entry: Pick<AuditEntryView, 'action' | 'resource'>): string {
  return `${AUDIT_ACTION_LABELS[entry.action] ?? entry.action} · ${auditResourceLabel(entry.resource)}`;
}

/** A filter's value as it reads: by its vocabulary's label, 是/否, or as typed. */
type FilterValue = (value: unknown, agencyNames: ReadonlyMap<string, string>) => string;
const asText: FilterValue = (value) => (typeof value === 'boolean' ? (value ? '是' : '否') : String(value));
const labelled = (labels: Readonly<Record<string, string>>): FilterValue => (value) => labels[String(value)] ?? String(value);

/** Each filter an export records (the console's tables and registers, the report's findings, the CLI): its label and how its value reads. */
const FILTERS: Record<string, { label: string; value?: FilterValue }> = {
  agencyId: { label: '部门', value: (value, names) => names.get(String(value)) ?? String(value) },
  status: { label: '状态', value: labelled({ ...CASE_STATUS_LABELS, active: '未办结' }) },
  source: { label: '来源', value: labelled(FLAG_SOURCE_LABELS) },
  rule: { label: '规则', value: labelled(ANOMALY_RULE_TITLES) },
  sort: { label: '排序', value: labelled({ newest: '最新', oldest: '最早', deadline: '期限最近' }) },
  overdue: { label: '仅逾期' },
  minAgeDays: { label: '立案至少（天）' },
  maxAgeDays: { label: '立案至多（天）' },
  active: { label: '人员', value: (value) => (value === true || value === 'true' ? '在岗' : '停用') },
  q: { label: '搜索' },
  months: { label: '月数' },
  from: { label: '起' },
  to: { label: '止' },
  year: { label: '年度' },
  asOf: { label: '研判日期' },
  dir: { label: '目录' },
  keyVersion: { label: '密钥版本' },
};

/** The filters that chose the rows, as one line (部门 市场监督管理局，状态 未办结); empty without any. */
export function auditFilterText(filter: Record<string, unknown>, agencyNames: ReadonlyMap<string, string> = new Map()): string {
  const shown = Object.entries(filter).filter(([, value]) => value !== null && value !== undefined && value !== false && typeof value !== 'object');
  const parts = shown.flatMap(([key, value]) => {
    if (key === 'incomplete') return ['中途中断'];
    const known = FILTERS[key];
    if (!known) return [];
    if (value === true && !known.value) return [known.label];
    return [`${known.label} ${(known.value ?? asText)(value, agencyNames)}`];
  });
  // A condition without a label here is counted, not shown by its key.
  const others = shown.filter(([key]) => key !== 'incomplete' && !FILTERS[key]).length;
  return [...parts, ...(others ? [`其他条件 ${others} 项`] : [])].join('，');
}

/** 行数: the rows, or that the export broke off. */
export function auditRowsText(rows: number | null): string {
  return rows === null ? '未完成' : String(rows);
}

/** The chain check in one line. */
export function chainText(check: AuditChainCheck): string {
  if (check.intact) return `日志链完整（共 ${check.entries} 条，未被篡改）`;
  const reason = { 'sequence-gap': '缺少记录', 'prev-hash-mismatch': '前后链接不符', 'hash-mismatch': '内容被改动' }[check.firstBreak!.reason];
  return `日志链在第 ${check.firstBreak!.seq} 条断开：${reason}`;
}
