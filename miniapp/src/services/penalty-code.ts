import type { PartySubmissionRequest, PartySubmissionResponse, SupervisionCodeView } from '@mashang/shared';
import { api } from './request';

/**
 * The supervision code page's calls (监督码), sent without any session (anonymous): the code on the
 * penalty notice is the only credential, and a 401 must never send this page to the login page.
 */
export function getSupervisionCode(token: string): Promise<SupervisionCodeView> {
  return api.get<SupervisionCodeView>(`/api/penalty-codes/${encodeURIComponent(token)}`, undefined, { anonymous: true });
}

export function submitToCase(token: string, body: PartySubmissionRequest): Promise<PartySubmissionResponse> {
  return api.post<PartySubmissionResponse>(`/api/penalty-codes/${encodeURIComponent(token)}/submissions`, body, { anonymous: true });
}
