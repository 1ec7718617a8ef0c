/**
 * The audit log (审计日志) of personal data leaving the system: every export, every read of phones in
 * clear, every re-encryption of the stored phones. Entries are only ever appended, each chained to the
 * one before by its hash; the discipline inspectors (纪检监察) read them.
 */
import { EXCHANGE_KIND_LABELS } from './exchange-records.js';
import { TABLE_TITLES, type DashboardTable } from './supervision.js';

export const AUDIT_ACTIONS = ['export', 'export-unmasked', 'rotate-phones'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  export: '导出',
  'export-unmasked': '明文导出（含完整手机号）',
  'rotate-phones': '手机号重新加密',
};

/** What an entry names as its resource: the data that left, in the server's words. */
export const AUDIT_RESOURCES = {
  /** One file of the exchange format over HTTP, or (no kind) every file, by the command line. */
  exchange: (kind?: string) => (kind ? `exchange/${kind}` : 'exchange'),
  /** A table of the supervision console as Excel. */
  consoleTable: (table: string) => `supervision/${table}`,
  anomalyFindings: (asOf: string) => `anomaly/${asOf}/findings`,
  anomalyReport: (asOf: string) => `anomaly/${asOf}/file`,
  /** 争议条款统计 over a period, as Excel. */
  disputedClauses: (from: string, to: string) => `penalty-reports/disputed-clauses/${from}_${to}`,
  /** 高发违法行为预警报告 of a year, as Excel. */
  warningReport: (year: number) => `anomaly/warnings/${year}`,
  /** A register (agencies, officers, items, enterprises) as Excel, phones masked. */
  register: (kind: string) => `registry/${kind}`,
  /** Every stored phone (a key rotation). */
  phones: 'phones',
} as const;

/** A resource in Chinese: `exchange/officers` → 交换数据：执法人员. */
export function auditResourceLabel(resource: string): string {
  const [area, part, file] = resource.split('/');
  switch (area) {
    case 'exchange':
      return part ? `交换数据：${EXCHANGE_KIND_LABELS[part as keyof typeof EXCHANGE_KIND_LABELS] ?? part}` : '交换数据（全部文件）';
    case 'supervision':
      return `监督台账：${TABLE_TITLES[part as DashboardTable] ?? part}`;
    case 'anomaly':
      if (part === 'warnings') return `高发违法行为预警报告（${file}年）`;
      return file === 'file' ? `研判报告文件（${part}）` : `研判问题清单（${part}）`;
    case 'penalty-reports':
      return `争议条款统计（${(file ?? '').replace('_', ' 至 ')}）`;
    case 'registry':
      return `名录：${EXCHANGE_KIND_LABELS[part as keyof typeof EXCHANGE_KIND_LABELS] ?? part}`;
    case 'phones':
      return '全部已存手机号';
    default:
      return resource;
  }
}

/** Han characters the purpose of an export in clear must hold at least, and its length at most. */
export const UNMASKED_PURPOSE_MIN_HAN = 6;
export const UNMASKED_PURPOSE_MAX_LENGTH = 200;

/** Why a stated purpose does not do for an export in clear, in Chinese; null when it does. */
export function unmaskedPurposeProblem(purpose: string | null | undefined): string | null {
  const text = purpose?.trim() ?? '';
  if (!text) return '导出完整手机号须说明用途（purpose）';
  if (text.length > UNMASKED_PURPOSE_MAX_LENGTH) return `用途不超过 ${UNMASKED_PURPOSE_MAX_LENGTH} 字`;
  if ((text.match(/\p{Script=Han}/gu)?.length ?? 0) < UNMASKED_PURPOSE_MIN_HAN) return `请用中文说明用途，至少 ${UNMASKED_PURPOSE_MIN_HAN} 个汉字`;
  return null;
}

/** One entry of the audit log. */
export interface AuditEntryView {
  seq: number;
  /** ISO instant. */
  at: string;
  /** `user:<id>:<username>`, or `cli` for the command line. */
  actor: string;
  action: AuditAction;
  resource: string;
  /** What chose the rows: the request's filters (and, for the command line, the folder written). */
  filter: Record<string, unknown>;
  purpose: string | null;
  /** Rows that left; null when the export broke off before its end. */
  rows: number | null;
  /** The client's address, or the host name for the command line. */
  address: string | null;
}

export interface AuditLogQuery {
  /** A username, or `cli`. */
  actor?: string;
  action?: AuditAction;
  /** Days in Asia/Shanghai, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The audit log's hash chain, recomputed. */
export interface AuditChainCheck {
  intact: boolean;
  entries: number;
  firstBreak: { seq: number; reason: 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch' } | null;
}
