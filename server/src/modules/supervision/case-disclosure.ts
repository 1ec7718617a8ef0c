import {
  evidenceForAgency,
  RATING_PROBLEM_LABELS,
  ratingCaseTitle,
  Role,
  type CaseEventView,
  type CaseListItem,
  type FlagSource,
  type RatingProblem,
  type SessionUser,
} from '@mashang/shared';

/*
 * What the rated agency may know of a case an enterprise's rating raised (the rule that lets an
 * enterprise rate honestly): the kind of complaint and the date of the inspection, so it can answer;
 * never who rated — no enterprise, credit code, inspection, trail or related case names it — and
 * the problems ticked and the comment only once a supervisor passes them on. Supervisors and
 * discipline inspectors see everything.
 */

/** Whether this reader is kept from who raised the case and what they said: an agency admin, on a rating's case. */
export function ratingWithheld(user: SessionUser, source: FlagSource): boolean {
  return user.role === Role.AgencyAdmin && source === 'rating';
}

/**
 * Cases an agency admin's enterprise search and related-case lists leave out: a rating's case found
 * by the enterprise's name, or beside a case on that enterprise, would say who rated.
 */
export function sourcesHiddenFrom(user: SessionUser): FlagSource[] {
  return user.role === Role.AgencyAdmin ? ['rating'] : [];
}

/** A listed case as this reader may see it: to the rated agency, a rating's case names no enterprise or inspection, and only the kind of complaint. */
export function listedFor(user: SessionUser, item: CaseListItem): CaseListItem {
  if (!ratingWithheld(user, item.source)) return item;
  return { ...item, title: ratingCaseTitle(item.agencyName, item.rule), creditCode: null, enterpriseName: null, inspectionId: null };
}

/**
 * A case's evidence as this reader reads it. The rated agency: the inspection's date, and once passed
 * on the problems ticked (in words) and the comment — not the scores, and never who rated. An agency
 * reading a finding: without what would name an enterprise's rating (AGENCY_WITHHELD_EVIDENCE); a
 * complaint: without the complainant's phone.
 */
export function evidenceFor(
  user: SessionUser,
  c: { source: FlagSource; rule: string | null },
  evidence: Record<string, unknown>,
  rating: { inspectionDate: string | null; substancePassedOn: boolean },
): Record<string, unknown> {
  if (user.role !== Role.AgencyAdmin) return evidence;
  if (c.source === 'anomaly') return evidenceForAgency(c.rule, evidence);
  // A complaint's contact (码上响应) is the supervisors' to call back, not the agency's it complains about.
  if (c.source === 'complaint') return Object.fromEntries(Object.entries(evidence).filter(([key]) => key !== 'contactPhone'));
  if (c.source !== 'rating') return evidence;
  const inspectionDate = typeof evidence.inspectionDate === 'string' ? evidence.inspectionDate : rating.inspectionDate;
  if (!rating.substancePassedOn) return { inspectionDate };
  const problems = Array.isArray(evidence.flags) ? evidence.flags.map((f) => RATING_PROBLEM_LABELS[f as RatingProblem] ?? String(f)) : [];
  return { inspectionDate, problems, comment: typeof evidence.comment === 'string' ? evidence.comment : null };
}

/** The case's log as this reader reads it: to the rated agency, the `raised` event carries the listed title, not the stored one (older ones quote a score). */
export function eventsFor(user: SessionUser, item: CaseListItem, events: CaseEventView[]): CaseEventView[] {
  if (!ratingWithheld(user, item.source)) return events;
  return events.map((e) => (e.kind === 'raised' && 'title' in e.detail ? { ...e, detail: { ...e.detail, title: item.title } } : e));
}
