import {
  DISCRETION_LEVELS,
  PARTY_SUBMISSION_KINDS,
  PENALTY_STAGES,
  type DiscretionBenchmark,
  type DiscretionLevel,
  type PartySubmissionKind,
  type PenaltyStage,
  type SupervisionCodeView,
} from '@mashang/shared';
import { countByKind, openSubmissions, type SubmissionWindow } from './party-submission-rules.js';
import type { CodedCase } from './supervision-code.repository.js';

/** Stages in which `cases.fine` is the decided fine. */
const DECIDED: readonly PenaltyStage[] = ['decided', 'closed'];

export function stageOf(coded: Pick<CodedCase, 'stage'>): PenaltyStage {
  // An unknown stage is read as the most restrictive one: the page stays read-only.
  return (PENALTY_STAGES as readonly string[]).includes(coded.stage) ? (coded.stage as PenaltyStage) : 'closed';
}

export function windowOf(coded: CodedCase, submissions: readonly { kind: string }[]): SubmissionWindow {
  return {
    stage: stageOf(coded),
    statementUntil: coded.statementUntil,
    hearingUntil: coded.hearingUntil,
    hearingRequestedAt: coded.hearingRequestedAt,
    sent: countByKind(submissions.map((s) => s.kind)),
  };
}

/** The ticked factors' ids as stored (a JSON list); anything else reads as none. */
export function tickedFactorIds(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The ticked factors with their labels and points, in the benchmark's order. */
export function tickedFactors(coded: Pick<CodedCase, 'factors'>, benchmark: DiscretionBenchmark | null): { label: string; points: number }[] {
  const ticked = new Set(tickedFactorIds(coded.factors));
  return (benchmark?.factors ?? []).filter((f) => ticked.has(f.id)).map((f) => ({ label: f.label, points: f.points }));
}

const fen = (value: string | null) => (value === null ? null : Number(value));

/**
 * What the party reads by the code: the case, its legal basis, the discretion (factors, points, level,
 * range, proposed fine), the deadlines and what is open now. Nothing personal: no officer, no contact,
 * and of the party's own submissions only their kind and time.
 */
export function codeView(
  coded: CodedCase,
  benchmark: DiscretionBenchmark | null,
  names: { agency: string; enterprise: string },
  submissions: readonly { kind: string; at: Date }[],
  now: Date,
): SupervisionCodeView {
  const stage = stageOf(coded);
  const level = (DISCRETION_LEVELS as readonly string[]).includes(coded.discretionLevel) ? (coded.discretionLevel as DiscretionLevel) : null;
  const rangeMin = fen(coded.rangeMin);
  const rangeMax = fen(coded.rangeMax);
  return {
    caseId: coded.caseId,
    stage,
    agencyName: names.agency,
    enterpriseName: names.enterprise,
    causeName: benchmark?.name ?? coded.cause,
    facts: coded.facts,
    legalBasis: coded.legalBasis || benchmark?.legalBasis || '',
    factors: tickedFactors(coded, benchmark),
    points: coded.points,
    level,
    range: rangeMin !== null && rangeMax !== null ? { min: rangeMin, max: rangeMax } : null,
    proposedFine: fen(coded.proposedFine),
    decidedFine: DECIDED.includes(stage) ? Number(coded.fine) : null,
    statementUntil: coded.statementUntil?.toISOString() ?? null,
    hearingUntil: coded.hearingUntil?.toISOString() ?? null,
    open: openSubmissions(windowOf(coded, submissions), now),
    submissions: submissions
      .filter((s) => (PARTY_SUBMISSION_KINDS as readonly string[]).includes(s.kind))
      .map((s) => ({ kind: s.kind as PartySubmissionKind, at: s.at.toISOString() })),
  };
}
