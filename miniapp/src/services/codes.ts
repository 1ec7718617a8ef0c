import type { CodeCheck, PublicChecklist, PublicTrailView } from '@mashang/shared';
import { api } from './request';

/**
 * Public check of an inspection code, for the enterprise at the door: sent without any session
 * (anonymous), so a stale officer login on the phone neither travels along nor sends this page
 * to the login page on a 401.
 */
export function checkInspectionCode(token: string): Promise<CodeCheck> {
  return api.get<CodeCheck>(`/api/codes/${encodeURIComponent(token)}`, undefined, { anonymous: true });
}

/** What has happened in the inspection so far (全过程留痕), each agency's steps; public like the check, while the code is in force. */
export function inspectionTrail(token: string): Promise<PublicTrailView> {
  return api.get<PublicTrailView>(`/api/codes/${encodeURIComponent(token)}/trail`, undefined, { anonymous: true });
}

/** 一表通查: the inspection's one list with each agency's result and colour (三色); public like the check. */
export function inspectionChecklist(token: string): Promise<PublicChecklist> {
  return api.get<PublicChecklist>(`/api/codes/${encodeURIComponent(token)}/checklist`, undefined, { anonymous: true });
}
