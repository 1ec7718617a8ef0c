import type { RuleContext } from '../rule.js';
import type { SharedScan } from '../shared-scan.js';

const DAY_MS = 86_400_000;

export interface DecidedCaseRow {
  id: string;
  agency_id: string;
  credit_code: string;
  inspection_id: string | null;
  cause: string;
  cause_changes: string | null;
  discretion_level: string;
  fine: string;
  decided_at: Date;
  /** The enterprise's 6-digit division code; null for an enterprise not on the register. */
  region: string | null;
}

/** The first instant the decided-cases pass reads from: early enough for the earlier case of a repeat offence and for fine-surge's year-earlier period. */
export function decidedCasesFrom({ start, end, thresholds }: RuleContext): Date {
  const repeatFrom = start.getTime() - thresholds.repeatOffenceDays * DAY_MS;
  const surgeFrom = end.getTime() - (thresholds.fineSurgeOffsetDays + thresholds.fineSurgeDays) * DAY_MS;
  return new Date(Math.min(repeatFrom, surgeFrom));
}

/**
 * The cases decided as of D (decided by D, and not revoked by D), each enterprise's in decision
 * order (then id): one pass over the enterprise-and-decision index, with the enterprise's region.
 * same-case-different-penalty groups the window's fines from it; out-of-jurisdiction,
 * repeat-offence-lighter and fine-surge read it too. It starts early enough for what they compare
 * with before the window.
 */
export const decidedCases: SharedScan<DecidedCaseRow> = {
  // A case per ten inspections, each row waiting on the case's and the enterprise's look-ups: the
  // database's time, not Node's, so it runs beside a long pass.
  longPass: false,
  batches: (source, context) =>
    source.batches<DecidedCaseRow>(
      `SELECT STRAIGHT_JOIN c.id, c.agency_id, c.credit_code, c.inspection_id, c.cause, c.cause_changes, c.discretion_level, c.fine, c.decided_at, e.region
       FROM cases c FORCE INDEX (idx_cases_enterprise_decided) LEFT JOIN enterprises e ON e.credit_code = c.credit_code
       WHERE c.decided_at >= ? AND c.decided_at < ? AND NOT (c.status = 'revoked' AND c.revoked_at < ?)
       ORDER BY c.credit_code, c.decided_at, c.id`,
      [decidedCasesFrom(context), context.end, context.end],
    ),
};
