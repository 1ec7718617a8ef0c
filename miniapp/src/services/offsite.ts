import type { OffsiteAsk, OffsiteEvidenceView, OffsiteRequestView, OffsiteShareRow, OffsiteStatus, OfficerOffsiteRequestView, PlanView } from '@mashang/shared';
import { api, type UploadSource } from './request';

/*
 * 非现场检查 calls. The enterprise answers by its SMS link (anonymous: the link is the credential) or
 * signed in to its port (`id`, its enterprise session); officers ask and decide.
 */

/** How the enterprise page reaches its request. */
export type OffsiteAccess = { token: string } | { id: string };

const base = (access: OffsiteAccess) =>
  'token' in access ? `/api/offsite-links/${encodeURIComponent(access.token)}` : `/api/enterprise/offsite-requests/${encodeURIComponent(access.id)}`;
const options = (access: OffsiteAccess) => ('token' in access ? { anonymous: true } : { enterprise: true });

export function getOffsiteRequest(access: OffsiteAccess): Promise<OffsiteRequestView> {
  return api.get<OffsiteRequestView>(base(access), undefined, options(access));
}

export function sendReading(access: OffsiteAccess, position: number, text: string): Promise<OffsiteEvidenceView> {
  return api.post<OffsiteEvidenceView>(`${base(access)}/readings`, { position, text }, options(access));
}

export function uploadEvidence(access: OffsiteAccess, position: number, source: UploadSource, onProgress: (percent: number) => void): Promise<OffsiteEvidenceView> {
  return api.upload<OffsiteEvidenceView>(`${base(access)}/files`, { position }, source, onProgress, options(access));
}

export function submitAnswer(access: OffsiteAccess): Promise<OffsiteRequestView> {
  return api.post<OffsiteRequestView>(`${base(access)}/submit`, {}, options(access));
}

/** The signed-in enterprise's requests, newest first. */
export function myOffsiteRequests(): Promise<OffsiteRequestView[]> {
  return api.get<OffsiteRequestView[]>('/api/enterprise/offsite-requests', undefined, { enterprise: true });
}

export function offsiteOfPlan(planId: string): Promise<{ request: OfficerOffsiteRequestView | null }> {
  return api.get(`/api/offsite/plans/${encodeURIComponent(planId)}/request`);
}

export function listOffsiteRequests(status?: OffsiteStatus): Promise<OfficerOffsiteRequestView[]> {
  return api.get<OfficerOffsiteRequestView[]>('/api/offsite/requests', status ? { status } : undefined);
}

export function sendOffsiteRequest(planId: string, asks: OffsiteAsk[]): Promise<OfficerOffsiteRequestView> {
  return api.post<OfficerOffsiteRequestView>('/api/offsite/requests', { planId, asks });
}

export function acceptOffsite(id: string): Promise<OfficerOffsiteRequestView> {
  return api.post<OfficerOffsiteRequestView>(`/api/offsite/requests/${encodeURIComponent(id)}/accept`);
}

export function askOffsiteAgain(id: string, note: string): Promise<OfficerOffsiteRequestView> {
  return api.post<OfficerOffsiteRequestView>(`/api/offsite/requests/${encodeURIComponent(id)}/ask-again`, { note });
}

export function convertOffsite(id: string, reason: string, date: string): Promise<OfficerOffsiteRequestView> {
  return api.post<OfficerOffsiteRequestView>(`/api/offsite/requests/${encodeURIComponent(id)}/convert`, { reason, date });
}

export function offsiteShare(from?: string): Promise<OffsiteShareRow[]> {
  return api.get<OffsiteShareRow[]>('/api/offsite/share', from ? { from } : undefined);
}

export function getPlan(id: string): Promise<PlanView> {
  return api.get<PlanView>(`/api/plans/${encodeURIComponent(id)}`);
}
