import type { CodeCheck, PublicTrailView } from '@mashang/shared';
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
