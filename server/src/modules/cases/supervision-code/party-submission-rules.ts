import { PARTY_SUBMISSION_KINDS, PARTY_SUBMISSION_TEXT_MAX, type PartySubmissionKind, type PenaltyStage } from '@mashang/shared';

/** Where a case stands for what its party may send through the supervision code. */
export interface SubmissionWindow {
  stage: PenaltyStage;
  /** End of the statement and defence period (陈述申辩). */
  statementUntil: Date | null;
  /** End of the period to request a hearing; null when the proposed fine allows none. */
  hearingUntil: Date | null;
  hearingRequestedAt: Date | null;
  /** What the party has sent so far, by kind. */
  sent: Record<PartySubmissionKind, number>;
}

/**
 * How many of each the code takes per case: a hearing is requested once; statements and objections a
 * few times (more goes to the agency in writing), so a leaked code cannot flood the agency or the
 * supervisor's queue — each objection is a case of its own.
 */
export const PARTY_SUBMISSION_LIMITS: Readonly<Record<PartySubmissionKind, number>> = { statement: 5, hearing: 1, objection: 3 };

const FINAL: readonly PenaltyStage[] = ['closed', 'revoked'];
/** Before a decision: the notice's periods still matter. */
const UNDECIDED: readonly PenaltyStage[] = ['notified', 'review'];

const WRITE_INSTEAD = '如有新的事实、理由或证据，请书面提交办案机关。';

/** Why the party may not send this now, in words for the party; null when it may. */
export function submissionRefusal(kind: PartySubmissionKind, window: SubmissionWindow, now: Date): string | null {
  if (window.stage === 'closed') return '本案已结案，监督码只能查看，不能再提交。';
  if (window.stage === 'revoked') return '本案已撤销立案，监督码只能查看，不能再提交。';
  switch (kind) {
    case 'statement':
      if (window.stage !== 'notified') return `办案机关已进入决定程序，陈述申辩期已结束。${WRITE_INSTEAD}`;
      if (!window.statementUntil || now > window.statementUntil) return `陈述申辩期已届满，不能再在线提交。${WRITE_INSTEAD}`;
      break;
    case 'hearing':
      if (!window.hearingUntil) return '本案拟作出的处罚不在听证范围内，不能申请听证；可以提交陈述申辩。';
      if (window.hearingRequestedAt || window.sent.hearing > 0) return '您已申请过听证，办案机关将通知听证的时间和地点。';
      if (!UNDECIDED.includes(window.stage)) return '办案机关已作出处罚决定，不能再申请听证。';
      if (now > window.hearingUntil) return '申请听证的期限已届满，不能再申请听证。';
      break;
    case 'objection':
      if (FINAL.includes(window.stage)) return '本案已办结，不能再提出异议。';
      break;
  }
  if (window.sent[kind] >= PARTY_SUBMISSION_LIMITS[kind]) {
    return `本案已在线提交${PARTY_SUBMISSION_LIMITS[kind]}次${kind === 'objection' ? '异议' : '陈述申辩'}，不能再在线提交。${WRITE_INSTEAD}`;
  }
  return null;
}

/** The actions the page shows: those the party may take now, in the vocabulary's order (none once closed or revoked). */
export function openSubmissions(window: SubmissionWindow, now: Date): PartySubmissionKind[] {
  return PARTY_SUBMISSION_KINDS.filter((kind) => submissionRefusal(kind, window, now) === null);
}

/** The text as stored, or what is wrong with it: a statement or objection says something; a hearing request may be bare. */
export function submissionText(kind: PartySubmissionKind, text: string): { text: string } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed && kind !== 'hearing') return { problem: kind === 'objection' ? '请写明对裁量有异议的理由' : '请写明陈述申辩的事实和理由' };
  if ([...trimmed].length > PARTY_SUBMISSION_TEXT_MAX) return { problem: `内容不能超过${PARTY_SUBMISSION_TEXT_MAX}字` };
  // Control characters other than line breaks and tabs carry nothing a reader needs.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) return { problem: '内容含有无法显示的字符' };
  return { text: trimmed };
}

/** Counts of submissions by kind. */
export function countByKind(kinds: readonly string[]): Record<PartySubmissionKind, number> {
  const sent: Record<PartySubmissionKind, number> = { statement: 0, hearing: 0, objection: 0 };
  for (const kind of kinds) if ((PARTY_SUBMISSION_KINDS as readonly string[]).includes(kind)) sent[kind as PartySubmissionKind] += 1;
  return sent;
}
