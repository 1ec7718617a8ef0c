import type { FindingOutcome } from './onsite.js';
import type { ColourClassing, ViolationColour } from './violation-colours.js';

/**
 * 一表通查: one checklist for a joint inspection. Each agency keeps its own items (and its own
 * inspection record); items citing the same legal basis are shown once, with each agency's stake,
 * so the enterprise is asked about one fact once.
 */

/** A recorded result as the checklist shows it. */
export interface ChecklistFinding {
  outcome: FindingOutcome;
  rectifyBy: string | null;
  note: string | null;
  at: string;
  /** The violation's colour (三色), when the finding is one. */
  colour: ViolationColour | null;
}

/** One agency's item in a joint inspection: whose it is (the agency's plan) and its result so far. */
export interface ChecklistStake {
  /** The agency's plan (its part of the inspection): a finding on this stake is recorded there. */
  planId: string;
  agencyId: string;
  agencyName: string;
  itemId: string;
  itemName: string;
  finding: ChecklistFinding | null;
  /** The colour a violation of the item by this enterprise would be classed with now (officers only). */
  proposal?: ColourClassing;
}

/** One line of the merged checklist: one legal basis, one or more agencies' stakes in it. */
export interface ChecklistRow {
  key: string;
  /** The item's name (the first stake's; the stakes keep their own). */
  name: string;
  basis: string;
  stakes: ChecklistStake[];
}

/** The merged checklist of a joint inspection (also of a single-agency one: each item is a row). */
export interface JointChecklist {
  leadPlanId: string;
  joint: boolean;
  rows: ChecklistRow[];
}

// Punctuation and spacing people type differently for the same article: full-width forms (NFKC),
// spaces, book-title marks and a trailing full stop or semicolon.
const IGNORED = /[\s《》〈〉<>"'“”‘’「」]/g;
const TRAILING = /[。；;，,.、]+$/;

/** The comparable form of a legal basis: the same article typed two ways gives one key. */
export function basisKey(basis: string): string {
  return basis.normalize('NFKC').replace(IGNORED, '').replace(TRAILING, '');
}

/**
 * Merges the agencies' stakes (lead agency first, each agency's items in its plan's order) into rows:
 * one row per legal basis, in the order each basis first appears. An item without a basis stays a
 * row of its own. Pure: the same stakes give the same rows.
 */
export function mergeChecklist(stakes: readonly (ChecklistStake & { basis: string })[]): ChecklistRow[] {
  const rows = new Map<string, ChecklistRow>();
  for (const { basis: typed, ...stake } of stakes) {
    const basis = typed.trim();
    const normal = basisKey(basis);
    const key = normal ? `basis:${normal}` : `item:${stake.agencyId}:${stake.itemId}`;
    const row = rows.get(key);
    if (row) {
      // The same agency's same item twice (a plan lists an item once) adds nothing.
      if (!row.stakes.some((s) => s.planId === stake.planId && s.itemId === stake.itemId)) row.stakes.push(stake);
    } else {
      rows.set(key, { key, name: stake.itemName, basis, stakes: [stake] });
    }
  }
  return [...rows.values()];
}

/** The stakes of the rows that belong to one agency's plan: what that agency must record before it finishes. */
export function stakesOfPlan(rows: readonly ChecklistRow[], planId: string): ChecklistStake[] {
  return rows.flatMap((row) => row.stakes.filter((stake) => stake.planId === planId));
}

/** One agency's result on a row of the enterprise's copy of the list: no officers, accounts or notes. */
export interface PublicChecklistResult {
  agencyName: string;
  outcome: FindingOutcome | null;
  colour: ViolationColour | null;
  rectifyBy: string | null;
}

/** The one list as the enterprise reads it from the inspection code (一表通查), with its results and colours. */
export interface PublicChecklist {
  joint: boolean;
  rows: { name: string; basis: string; results: PublicChecklistResult[] }[];
}
