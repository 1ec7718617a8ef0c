import {
  AUDIT_ACTION_LABELS,
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

const FILTER_LABELS: Record<string, string> = {
  agencyId: '部门', status: '状态', source: '来源', q: '搜索', rule: '规则', months: '月数', dir: '目录', keyVersion: '密钥版本', incomplete: '中途中断',
};

/** The filters that chose the rows, as one line (部门 A1，状态 active); empty without any. */
export function auditFilterText(filter: Record<string, unknown>): string {
  return Object.entries(filter)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => (key === 'incomplete' ? FILTER_LABELS.incomplete : `${FILTER_LABELS[key] ?? key} ${String(value)}`))
    .join('，');
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
