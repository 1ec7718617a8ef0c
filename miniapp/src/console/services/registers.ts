import { BOOKLET_TEXT, type EnterpriseDto, type HistoryEntryDto, type ImportStatusView, type Page, type RegisterKind } from '@mashang/shared';
import { apiErrorFromResponse, networkError } from '../../logic/api-error';
import { api, endSession } from '../../services/request';
import { sessionStore } from '../../services/session';
import { entryPath, exportFileName, registerQuery, type RegisterEntry, type RegisterFilters } from '../logic/registers';
import { download } from './console';

// ---- registers (清单化管理)

export function listRegister(register: RegisterKind, filters: RegisterFilters, page: number): Promise<Page<RegisterEntry>> {
  return api.get<Page<RegisterEntry>>(`/api/registry/${register}`, registerQuery(register, filters, page));
}

export function registerHistory(register: RegisterKind, key: string): Promise<HistoryEntryDto[]> {
  return api.get<HistoryEntryDto[]>(`${entryPath(register, key)}/history`);
}

export function createEntry(register: RegisterKind, body: Record<string, unknown>): Promise<RegisterEntry> {
  return api.post<RegisterEntry>(`/api/registry/${register}`, body);
}

export function updateEntry(register: RegisterKind, key: string, patch: Record<string, unknown>): Promise<RegisterEntry> {
  return api.patch<RegisterEntry>(entryPath(register, key), patch);
}

/** The register as Excel with the list's filters (recorded in the audit log). */
export function exportRegister(register: RegisterKind, filters: RegisterFilters): Promise<void> {
  return download(`/api/registry/exports/${register}`, registerQuery(register, filters), exportFileName(register));
}

/** 一企一册: an enterprise's compliance booklet (PDF) to print. */
export function downloadBooklet(enterprise: Pick<EnterpriseDto, 'creditCode' | 'name'>): Promise<void> {
  return download(`/api/booklets/${encodeURIComponent(enterprise.creditCode)}`, undefined, BOOKLET_TEXT.fileName(enterprise.name));
}

// ---- the exchange import (数据导入, supervisors)

export function createImport(): Promise<{ id: string }> {
  return api.post<{ id: string }>('/api/exchange/imports');
}

/** Uploads one file as JSON Lines, reporting bytes sent (the console is H5: the browser's XHR). */
export function uploadImportFile(id: string, kind: string, file: Blob, onSent: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/exchange/imports/${encodeURIComponent(id)}/files/${encodeURIComponent(kind)}`);
    const token = sessionStore.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/x-ndjson');
    xhr.upload.onprogress = (event) => onSent(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onSent(file.size);
        resolve();
        return;
      }
      const error = apiErrorFromResponse(xhr.status, xhr.responseText);
      if (error.status === 401) endSession();
      reject(error);
    };
    xhr.onerror = () => reject(networkError());
    xhr.send(file);
  });
}

export function runImport(id: string): Promise<ImportStatusView> {
  return api.post<ImportStatusView>(`/api/exchange/imports/${encodeURIComponent(id)}/run`);
}

export function importStatus(id: string): Promise<ImportStatusView> {
  return api.get<ImportStatusView>(`/api/exchange/imports/${encodeURIComponent(id)}`);
}
