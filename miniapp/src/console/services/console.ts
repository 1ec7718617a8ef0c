import type {
  AgencyDto,
  AnomalyFindingView,
  AnomalyReportSummaryView,
  AnomalyRunView,
  AttachmentUpload,
  AttachmentView,
  AuditChainCheck,
  AuditEntryView,
  AuditLogQuery,
  CaseActionRequest,
  CaseDetail,
  CaseListQuery,
  CasePage,
  DashboardTable,
  DashboardView,
  Page,
} from '@mashang/shared';
import { apiErrorFromResponse, networkError } from '../../logic/api-error';
import { buildUrl, type Query } from '../../logic/http';
import { api, endSession } from '../../services/request';
import { sessionStore } from '../../services/session';
import { toQuery } from '../logic/console';

const casePath = (id: string) => `/api/supervision/cases/${encodeURIComponent(id)}`;

export function listCases(query: CaseListQuery): Promise<CasePage> {
  return api.get<CasePage>('/api/supervision/cases', toQuery(query));
}

export function getCase(id: string): Promise<CaseDetail> {
  return api.get<CaseDetail>(casePath(id));
}

export function actOnCase(id: string, request: CaseActionRequest): Promise<CaseDetail> {
  return api.post<CaseDetail>(`${casePath(id)}/actions`, request);
}

export function attachToCase(id: string, upload: AttachmentUpload): Promise<AttachmentView> {
  return api.post<AttachmentView>(`${casePath(id)}/attachments`, upload);
}

export function assignees(): Promise<{ id: number; displayName: string }[]> {
  return api.get('/api/supervision/assignees');
}

export function dashboard(months = 12): Promise<DashboardView> {
  return api.get<DashboardView>('/api/supervision/dashboard', { months });
}

/** Agencies for the filter (an agency admin gets its own only). */
export async function agencies(): Promise<AgencyDto[]> {
  return (await api.get<Page<AgencyDto>>('/api/registry/agencies', { pageSize: 100 })).items;
}

// ---- nightly report (大数据研判) ----

export function anomalyRuns(): Promise<Page<AnomalyRunView>> {
  return api.get<Page<AnomalyRunView>>('/api/anomaly/runs', { page: 1, pageSize: 30 });
}

export function anomalySummary(asOf: string): Promise<AnomalyReportSummaryView> {
  return api.get<AnomalyReportSummaryView>(`/api/anomaly/reports/${asOf}`);
}

export function anomalyFindings(asOf: string, filter: { rule?: string; agencyId?: string }, page: number): Promise<Page<AnomalyFindingView>> {
  return api.get<Page<AnomalyFindingView>>(`/api/anomaly/reports/${asOf}/findings`, { ...filter, page, pageSize: 20 });
}

export function triggerAnomalyRun(asOf?: string): Promise<AnomalyRunView> {
  return api.post<AnomalyRunView>('/api/anomaly/runs', asOf ? { asOf } : {});
}

// ---- audit log (纪检监察) ----

export function auditLog(query: AuditLogQuery): Promise<Page<AuditEntryView>> {
  return api.get<Page<AuditEntryView>>('/api/audit', query as Query);
}

export function verifyAuditLog(): Promise<AuditChainCheck> {
  return api.get<AuditChainCheck>('/api/audit/verify');
}

// ---- downloads ----

/**
 * Fetches a file with the session's token and hands it to the browser as a download. The console
 * is H5 only, so the browser's fetch and a blob link are at hand; errors arrive as ApiError.
 */
export async function download(path: string, query: Query | undefined, fileName: string): Promise<void> {
  const token = sessionStore.token();
  let response: Response;
  try {
    response = await fetch(buildUrl('', path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const text = await response.text();
    const error = apiErrorFromResponse(response.status, text);
    if (error.status === 401) endSession();
    throw error;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const TABLE_FILE_NAMES: Record<DashboardTable, string> = {
  today: '今日在检.xlsx',
  'inspections-by-month': '各部门月度检查数.xlsx',
  satisfaction: '各部门满意度.xlsx',
  'inspection-rate': '年度入企检查率.xlsx',
  'joint-vs-single': '联合检查与单独检查.xlsx',
  'open-flags-by-age': '未办结案件账龄.xlsx',
  cases: '监督案件.xlsx',
};

export function exportTable(table: DashboardTable, query?: Query): Promise<void> {
  return download(`/api/supervision/export/${table}`, query, TABLE_FILE_NAMES[table]);
}

export function downloadAttachment(caseId: string, attachment: Pick<AttachmentView, 'id' | 'name'>): Promise<void> {
  return download(`${casePath(caseId)}/attachments/${encodeURIComponent(attachment.id)}`, undefined, attachment.name);
}

export function downloadDocument(id: string, fileName: string): Promise<void> {
  return download(`/api/onsite/documents/${encodeURIComponent(id)}`, undefined, fileName);
}

export function exportFindings(asOf: string, filter: { rule?: string; agencyId?: string }): Promise<void> {
  return download(`/api/anomaly/reports/${asOf}/findings/export`, filter, `大数据研判-${asOf}.xlsx`);
}
