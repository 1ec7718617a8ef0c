// Visits that are not inspections (回访、服务走访) and accompanied enforcement (陪同执法): filed, coded and
// scanned like inspections, never exchange-format inspection records, counted apart.

/**
 * What a plan is for. `inspection` is a 行政检查 (every plan before visits existed); the others are
 * visits: a return visit (回访) and the two service visits (服务走访), policy promotion and research,
 * kept as kinds of their own so the dashboard counts them apart without a second column.
 */
export const PLAN_KINDS = ['inspection', 'return-visit', 'policy-visit', 'research-visit'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const VISIT_KINDS = ['return-visit', 'policy-visit', 'research-visit'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  inspection: '行政检查',
  'return-visit': '回访',
  'policy-visit': '政策宣传',
  'research-visit': '走访调研',
};

/** The group a visit kind belongs to, as the enterprise and the dashboard name it. */
export const VISIT_GROUP_LABELS: Record<VisitKind, string> = {
  'return-visit': '回访',
  'policy-visit': '服务走访',
  'research-visit': '服务走访',
};

/** 陪同执法: someone of the business-environment bureau joins another agency's inspection. */
export const ACCOMPANIED_LABEL = '陪同执法';

export function isPlanKind(value: string): value is PlanKind {
  return (PLAN_KINDS as readonly string[]).includes(value);
}

/** A visit, not an inspection: no items or findings, no merging, no lock-out, no inspection record. */
export function isVisit(kind: string | null | undefined): kind is VisitKind {
  return (VISIT_KINDS as readonly string[]).includes(kind ?? '');
}

/** The label of a plan's kind (行政检查 for an unknown or absent one). */
export function planKindLabel(kind: string | null | undefined): string {
  return isPlanKind(kind ?? '') ? PLAN_KIND_LABELS[kind as PlanKind] : PLAN_KIND_LABELS.inspection;
}

/** Someone accompanying an inspection, as the officer, the enterprise and its history read it. */
export interface AccompanyingView {
  name: string;
  agencyName: string;
  at: string;
}

/** POST /api/plans/accompany: an officer joins another agency's inspection by its plan code (计划编码). */
export interface AccompanyRequest {
  planCode: string;
}

/** One visit to the enterprise, on its page. */
export interface EnterpriseVisitView {
  id: string;
  kind: VisitKind;
  /** 回访, 政策宣传, 走访调研. */
  kindLabel: string;
  agencyName: string;
  planCode: string;
  date: string;
  /** ISO instant of the first scan-in; null for one not yet made. */
  checkedInAt: string | null;
  finishedAt: string | null;
  officers: { name: string }[];
  purpose: string | null;
}

/** 被走访频次: how often the enterprise was visited in the last `days`, inspections and visits apart and together. */
export interface EnterpriseVisitCounts {
  days: number;
  /** YYYY-MM-DD, Asia/Shanghai: the first day counted. */
  since: string;
  /** Inspections (a joint inspection once). */
  inspections: number;
  /** Inspections a business-environment supervisor accompanied (part of `inspections`). */
  accompanied: number;
  /** Visits that are not inspections. */
  visits: number;
  byKind: { kind: VisitKind; label: string; count: number }[];
  total: number;
}

/** Adds up the enterprise's figure from its counts; kinds without a visit count 0, in vocabulary order. */
export function visitCounts(input: { days: number; since: string; inspections: number; accompanied: number; visits: { kind: string; count: number }[] }): EnterpriseVisitCounts {
  const byKind = VISIT_KINDS.map((kind) => ({
    kind,
    label: PLAN_KIND_LABELS[kind],
    count: input.visits.filter((v) => v.kind === kind).reduce((sum, v) => sum + v.count, 0),
  }));
  const visits = byKind.reduce((sum, k) => sum + k.count, 0);
  return { days: input.days, since: input.since, inspections: input.inspections, accompanied: input.accompanied, visits, byKind, total: input.inspections + visits };
}

/** A column of the dashboard's visits table: a visit kind, or accompanied inspections. */
export type VisitColumn = VisitKind | 'accompanied';
export const VISIT_COLUMNS: readonly VisitColumn[] = [...VISIT_KINDS, 'accompanied'];
export const VISIT_COLUMN_LABELS: Record<VisitColumn, string> = { ...PLAN_KIND_LABELS, accompanied: ACCOMPANIED_LABEL } as Record<VisitColumn, string>;

/** GET /api/supervision/visits: visits by kind per agency and month (Asia/Shanghai), and accompanied inspections. */
export interface VisitsByMonthView {
  months: string[];
  rows: { agencyId: string; agencyName: string; month: string; counts: Record<VisitColumn, number>; total: number }[];
  totals: Record<VisitColumn, number>;
}

/** Groups counted rows into the dashboard's table: one row per agency and month, every column present. */
export function visitsByMonth(counted: { agencyId: string; month: string; column: VisitColumn; count: number }[], agencyNames: Map<string, string>): VisitsByMonthView {
  const empty = (): Record<VisitColumn, number> => Object.fromEntries(VISIT_COLUMNS.map((c) => [c, 0])) as Record<VisitColumn, number>;
  const rows = new Map<string, VisitsByMonthView['rows'][number]>();
  const totals = empty();
  for (const c of counted) {
    const key = `${c.agencyId}\u0000${c.month}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { agencyId: c.agencyId, agencyName: agencyNames.get(c.agencyId) ?? c.agencyId, month: c.month, counts: empty(), total: 0 }));
    row.counts[c.column] += c.count;
    row.total += c.count;
    totals[c.column] += c.count;
  }
  const sorted = [...rows.values()].sort((a, b) => b.month.localeCompare(a.month) || b.total - a.total || a.agencyName.localeCompare(b.agencyName));
  return { months: [...new Set(sorted.map((r) => r.month))].sort(), rows: sorted, totals };
}

/** The answer to joining an inspection as accompanying: which inspection, and everyone accompanying it. */
export interface AccompanyAnswer {
  planCode: string;
  agencyName: string;
  enterpriseName: string;
  inspectionDate: string;
  accompanying: AccompanyingView[];
}
