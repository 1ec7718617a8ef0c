import type { CodeCheck, CodeTrail } from '@mashang/shared';
import { api } from './request';

/**
 * Public check of an inspection code, for the enterprise at the door: sent without any session
 * (anonymous), so a stale officer login on the phone neither travels along nor sends this page
 * to the login page on a 401.
 */
export function checkInspectionCode(token: string): Promise<CodeCheck> {
  return api.get<CodeCheck>(`/api/codes/${encodeURIComponent(token)}`, undefined, { anonymous: true });
}

/** What has happened in the inspection so far (全过程留痕), one trail per agency; public like the check. */
export function inspectionTrails(token: string): Promise<CodeTrail[]> {
  return api.get<CodeTrail[]>(`/api/codes/${encodeURIComponent(token)}/trail`, undefined, { anonymous: true });
}
