// Reports on penalty cases for the supervisors: the clauses whose discretion draws objections
// (争议条款), with a suggestion to revise their benchmark.

/** When a clause is reported as disputed: at least this many objections and this objection rate. */
export interface DisputedClauseThresholds {
  minObjections: number;
  /** 0–1: the share of the clause's cases that drew an objection. */
  minRate: number;
}

/** One clause over the period. */
export interface DisputedClauseRow {
  clause: string;
  /** The clause's benchmark name; null when it has no benchmark. */
  name: string | null;
  /** Cases of the clause noticed or decided in the period. */
  cases: number;
  /** Of them, the cases with at least one objection. */
  objectedCases: number;
  /** Objections (对裁量有异议) on those cases. */
  objections: number;
  /** Objections a supervisor upheld. */
  upheld: number;
  /** Objections not concluded yet. */
  pending: number;
  /** objectedCases / cases, rounded to 0.001. */
  rate: number;
  /** At or above both thresholds. */
  disputed: boolean;
  /** For a disputed clause: why revising its benchmark is suggested, in Chinese. */
  suggestion: string | null;
}

/** GET /api/penalty-reports/disputed-clauses?from=&to= */
export interface DisputedClausesReport {
  /** YYYY-MM-DD, both included (Asia/Shanghai). */
  from: string;
  to: string;
  /** The agency the report is confined to (an agency admin's own), or null for every agency. */
  agencyId: string | null;
  agencyName: string | null;
  thresholds: DisputedClauseThresholds;
  generatedAt: string;
  totals: { cases: number; objectedCases: number; objections: number; upheld: number; disputed: number };
  /** Disputed clauses first, then by objection rate and objections, highest first. */
  clauses: DisputedClauseRow[];
}

/** "12.5%" */
export function percentText(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The report's table as the page shows it and the workbook holds it. */
export function disputedClauseTable(report: DisputedClausesReport): { header: string[]; rows: (string | number)[][] } {
  return {
    header: ['条款编码', '违法行为', '告知或决定案件数', '被提出异议案件数', '异议件数', '异议成立', '待处理', '异议率', '是否争议条款', '建议'],
    rows: report.clauses.map((c) => [
      c.clause, c.name ?? '（未登记裁量基准）', c.cases, c.objectedCases, c.objections, c.upheld, c.pending, percentText(c.rate), c.disputed ? '是' : '否', c.suggestion ?? '',
    ]),
  };
}
