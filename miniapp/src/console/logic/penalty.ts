/**
 * The console's penalty pages (处罚案件, 法制审核): who may give a legal review's verdict, the verdict
 * form, and which flagged cases concern a penalty case (an objection to it, a fine outside the range).
 */
import type { FlagSource, LegalReviewVerdict, LegalReviewVerdictRequest, PenaltyCaseView, SessionUser } from '@mashang/shared';
import { pendingReview } from '../../logic/penalty-case';

export const OPINION_MAX = 2000;

/** Supervisors review every agency's major decisions, an agency admin its own agency's (the server's rule). */
export function mayReview(user: Pick<SessionUser, 'role' | 'agencyId'> | null, view: Pick<PenaltyCaseView, 'agencyId' | 'reviews'>): boolean {
  if (!user || !pendingReview(view)) return false;
  return user.role === 'supervisor' || (user.role === 'agency-admin' && user.agencyId === view.agencyId);
}

/** The verdict with its opinion, or what is missing: a returned decision needs the reason it goes back. */
export function verdictRequest(verdict: LegalReviewVerdict | null, opinion: string): { request: LegalReviewVerdictRequest } | { error: string } {
  if (!verdict) return { error: '请选择审核意见：审核通过或退回修改' };
  const text = opinion.trim();
  if (text.length < 2) return { error: verdict === 'returned' ? '请写明退回的理由和修改意见（至少2个字）' : '请填写审核意见（至少2个字），如：事实清楚，证据确凿，程序合法' };
  if (text.length > OPINION_MAX) return { error: `审核意见不能超过${OPINION_MAX}个字` };
  return { request: { verdict, opinion: text } };
}

const PENALTY_SOURCES: readonly FlagSource[] = ['objection', 'discretion'];

/** The penalty case a flagged case is about (an objection to it, a fine outside its range), from its evidence. */
export function flaggedPenaltyCaseId(flagged: { source: string; evidence: Record<string, unknown> }): string | null {
  if (!PENALTY_SOURCES.includes(flagged.source as FlagSource)) return null;
  const id = flagged.evidence.caseId;
  return typeof id === 'string' && id ? id : null;
}
