import { percentText, type DisputedClauseRow, type DisputedClausesReport, type DisputedClauseThresholds } from '@mashang/shared';

/** One clause's counts over the period, as the repository groups them. */
export interface ClauseTally {
  clause: string;
  cases: number;
  objectedCases: number;
  objections: number;
  upheld: number;
  pending: number;
}

/** Whether a clause draws enough objections, often enough, to have its benchmark revised. */
export function isDisputed(t: Pick<ClauseTally, 'cases' | 'objectedCases' | 'objections'>, thresholds: DisputedClauseThresholds): boolean {
  // The exact share decides, not the rounded one the report shows.
  return t.cases > 0 && t.objections >= thresholds.minObjections && t.objectedCases / t.cases >= thresholds.minRate;
}

function suggestion(t: ClauseTally, named: boolean, thresholds: DisputedClauseThresholds): string {
  const why = `异议率 ${percentText(t.objectedCases / t.cases)}（${t.cases} 件中 ${t.objectedCases} 件被提出异议，共 ${t.objections} 件异议），`
    + `达到提示标准（异议不少于 ${thresholds.minObjections} 件且异议率不低于 ${percentText(thresholds.minRate)}）`;
  const upheld = t.upheld ? `；其中 ${t.upheld} 件异议经复核成立` : '';
  return `${why}${upheld}。${named ? '建议复核并修订该条款的裁量基准。' : '该条款尚未登记裁量基准，建议制定。'}`;
}

/**
 * The disputed-clause report from the period's tallies: each clause's objection rate (cases with an
 * objection over its cases), those at or above both thresholds marked with a suggestion to revise
 * their benchmark; disputed clauses first, then by rate and objections, highest first.
 */
export function disputedClauses(
  tallies: ClauseTally[],
  names: Map<string, string>,
  thresholds: DisputedClauseThresholds,
  period: { from: string; to: string; agencyId: string | null; agencyName: string | null; generatedAt: string },
): DisputedClausesReport {
  const clauses: DisputedClauseRow[] = tallies
    .filter((t) => t.cases > 0)
    .map((t) => {
      const disputed = isDisputed(t, thresholds);
      const name = names.get(t.clause) ?? null;
      return {
        ...t,
        name,
        rate: Math.round((t.objectedCases / t.cases) * 1000) / 1000,
        disputed,
        suggestion: disputed ? suggestion(t, name !== null, thresholds) : null,
      };
    })
    .sort((a, b) => Number(b.disputed) - Number(a.disputed) || b.objectedCases / b.cases - a.objectedCases / a.cases || b.objections - a.objections || (a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : 0));
  const sum = (key: 'cases' | 'objectedCases' | 'objections' | 'upheld') => clauses.reduce((n, c) => n + c[key], 0);
  return {
    ...period,
    thresholds: { ...thresholds },
    totals: { cases: sum('cases'), objectedCases: sum('objectedCases'), objections: sum('objections'), upheld: sum('upheld'), disputed: clauses.filter((c) => c.disputed).length },
    clauses,
  };
}
