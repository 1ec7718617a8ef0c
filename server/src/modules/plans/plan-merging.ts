import { daysBetween } from '@mashang/shared';

/** Plans of different agencies on one enterprise within this many natural days merge (±7). */
export const MERGE_WINDOW_DAYS = 7;

export interface MergeCandidate {
  id: string;
  agencyId: string;
  /** The planned inspection date, YYYY-MM-DD in Asia/Shanghai (see `shanghaiDate`). */
  date: string;
  emergency: boolean;
  filedAt: Date;
  /** A visit (回访、服务走访): never merged, it goes alone on its own date. */
  visit?: boolean;
}

export interface MergedInspection {
  /** The plan whose date and agency lead: emergency first, then the earliest filed. */
  leadPlanId: string;
  leadAgencyId: string;
  /** The one date of the (joint) inspection: the lead plan's date. */
  date: string;
  /** The plans inspecting together, in priority order (lead first). */
  planIds: string[];
  agencyIds: string[];
}

/** 应急优先, 先提报优先: emergency before planned, then earlier filing, then the smaller id. */
export function comparePriority(a: MergeCandidate, b: MergeCandidate): number {
  if (a.emergency !== b.emergency) return a.emergency ? -1 : 1;
  const filed = a.filedAt.getTime() - b.filedAt.getTime();
  if (filed !== 0) return filed;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Groups one enterprise's active plans into inspections (智能合并). The highest-priority plan not
 * yet placed anchors an inspection on its own date; every other unplaced plan of an agency not
 * yet in it, whose date lies within ±7 natural days of that date, joins it, in priority order.
 * The result depends only on the set of plans, never on the order they arrive in, so recomputing
 * after any filing, cancellation or move gives the same answer on every server.
 */
export function mergePlans(plans: readonly MergeCandidate[]): MergedInspection[] {
  const queue = [...plans].sort(comparePriority);
  const placed = new Set<string>();
  const inspections: MergedInspection[] = [];
  for (const anchor of queue) {
    if (placed.has(anchor.id)) continue;
    placed.add(anchor.id);
    const inspection: MergedInspection = { leadPlanId: anchor.id, leadAgencyId: anchor.agencyId, date: anchor.date, planIds: [anchor.id], agencyIds: [anchor.agencyId] };
    for (const other of anchor.visit ? [] : queue) {
      if (placed.has(other.id) || other.visit || inspection.agencyIds.includes(other.agencyId)) continue;
      if (Math.abs(daysBetween(anchor.date, other.date)) > MERGE_WINDOW_DAYS) continue;
      placed.add(other.id);
      inspection.planIds.push(other.id);
      inspection.agencyIds.push(other.agencyId);
    }
    inspections.push(inspection);
  }
  return inspections;
}

export interface InspectionAttempt {
  agencyId: string;
  date: string;
  emergency: boolean;
}

/**
 * Lock-out: once an inspection can take no more members (its code is issued), an agency that is
 * not in it may not inspect that enterprise within ±7 natural days of its date — emergencies
 * excepted. Returns the inspection that refuses the attempt, or null.
 */
export function lockingInspection(attempt: InspectionAttempt, closed: readonly MergedInspection[]): MergedInspection | null {
  if (attempt.emergency) return null;
  return (
    closed.find(
      (inspection) => !inspection.agencyIds.includes(attempt.agencyId) && Math.abs(daysBetween(inspection.date, attempt.date)) <= MERGE_WINDOW_DAYS,
    ) ?? null
  );
}
