// The party's side of the supervision code (监督码): what the page offers and how much it takes.
import type { PartySubmissionKind } from './penalty-workflow.js';

/** Longest statement, hearing request or objection the page sends (characters). */
export const PARTY_SUBMISSION_TEXT_MAX = 2000;

/** The page's button for each action the party may take. */
export const PARTY_SUBMISSION_ACTION_LABELS: Record<PartySubmissionKind, string> = {
  statement: '提交陈述申辩',
  hearing: '申请听证',
  objection: '对裁量提出异议',
};

/** What the page says once an action went through. */
export const PARTY_SUBMISSION_DONE_LABELS: Record<PartySubmissionKind, string> = {
  statement: '陈述申辩已提交，办案机关将在作出决定前予以复核',
  hearing: '听证申请已提交，办案机关将通知听证的时间和地点',
  objection: '异议已提交，已直接转交司法局执法监督部门核查',
};

/** POST /api/penalty-codes/:token/submissions answers which submission was recorded. */
export interface PartySubmissionResponse {
  id: string;
  kind: PartySubmissionKind;
  at: string;
}
