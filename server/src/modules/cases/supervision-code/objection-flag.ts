import { ENTERPRISE_ACTOR, type DiscretionBenchmark } from '@mashang/shared';
import type { RaiseFlag } from '../../flags/index.js';
import { stageOf, tickedFactors } from './code-view.js';
import type { CodedCase } from './supervision-code.repository.js';

/** One flagged case per objection: a party may object again (within the limit), and each is looked at. */
export function objectionDedupeKey(submissionId: string): string {
  return `objection:${submissionId}`;
}

const NAME_SHOWN = 100;

/** `+3分`, `-2分` */
const signed = (points: number) => `${points > 0 ? '+' : ''}${points}分`;

/**
 * The flagged case an objection to the discretion raises (处罚异议): on the penalty case, for the
 * agency that proposed the fine to answer, with what the supervisor needs to judge it — the clause,
 * the factors and points, the level, the range and the fine, and what the party said.
 */
export function objectionFlag(coded: CodedCase, benchmark: DiscretionBenchmark | null, submission: { id: string; text: string }): RaiseFlag {
  const causeName = benchmark?.name ?? coded.cause;
  const shownName = causeName.length > NAME_SHOWN ? `${causeName.slice(0, NAME_SHOWN - 1)}…` : causeName;
  const min = coded.rangeMin === null ? null : Number(coded.rangeMin);
  const max = coded.rangeMax === null ? null : Number(coded.rangeMax);
  return {
    dedupeKey: objectionDedupeKey(submission.id),
    source: 'objection',
    subjectType: 'case',
    subjectId: coded.caseId,
    agencyId: coded.agencyId,
    creditCode: coded.creditCode,
    severity: 'medium',
    title: `当事人对案件 ${coded.caseId}（${shownName}）的处罚裁量提出异议`,
    evidence: {
      caseId: coded.caseId,
      cause: coded.cause,
      causeName,
      legalBasis: coded.legalBasis,
      factors: tickedFactors(coded, benchmark).map((f) => `${f.label}（${signed(f.points)}）`),
      points: coded.points,
      level: coded.discretionLevel || null,
      proposedFine: coded.proposedFine === null ? null : Number(coded.proposedFine),
      fineRange: min !== null && max !== null ? { min, max } : null,
      ...(stageOf(coded) === 'decided' || stageOf(coded) === 'closed' ? { fine: Number(coded.fine) } : {}),
      objection: submission.text,
      submissionId: submission.id,
    },
    actor: ENTERPRISE_ACTOR,
  };
}
