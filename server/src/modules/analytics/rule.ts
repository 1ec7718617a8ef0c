import type { AnomalyRuleId, AnomalySeverity, AnomalySubjectType } from '@mashang/shared';
import type { AnomalyThresholds } from './rule-config.js';

/** What every rule is given: the as-of date, its window as instants, and the thresholds. */
export interface RuleContext {
  /** D, YYYY-MM-DD. */
  asOf: string;
  /** First instant of the window: (D − windowDays + 1) 00:00 Asia/Shanghai. */
  start: Date;
  /** First instant after D: records at or after it do not exist yet. */
  end: Date;
  thresholds: AnomalyThresholds;
}

/** Rows of one query, streamed (flat memory); a second connection answers small look-ups meanwhile. */
export interface RowSource {
  stream<T = Record<string, unknown>>(sql: string, params: unknown[]): AsyncIterable<T>;
  /** The same, a batch of rows at a time: for passes over millions of rows, where an await per row costs more than the row. */
  batches<T = Record<string, unknown>>(sql: string, params: unknown[]): AsyncIterable<T[]>;
  query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
}

export interface RuleFinding {
  subjectId: string;
  agencyId: string | null;
  creditCode?: string | null;
  officerId?: string | null;
  inspectionId?: string | null;
  severity: AnomalySeverity;
  evidence: Record<string, unknown>;
  explanation: string;
}

export interface AnomalyRule {
  id: AnomalyRuleId;
  subjectType: AnomalySubjectType;
  /** The usual severity (a rule may raise or lower it per finding). */
  severity: AnomalySeverity;
  /** What the rule finds, in Chinese, with the thresholds in force. */
  describe(thresholds: AnomalyThresholds): string;
  /** The findings, in any order, one per subject (a repeated subject keeps its first). */
  findings(source: RowSource, context: RuleContext): AsyncIterable<RuleFinding>;
}

/** The subject fields of a finding about one inspection row. */
export const inspectionSubject = (r: { id: string; agency_id: string; credit_code: string }) =>
  ({ subjectId: r.id, agencyId: r.agency_id, creditCode: r.credit_code, inspectionId: r.id });

/** Dates from the driver are instants (the connection is UTC); numbers may arrive as strings. */
export const num = (value: unknown): number => Number(value);
export const instant = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as Date));
