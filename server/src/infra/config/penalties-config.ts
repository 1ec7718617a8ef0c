/** Statutory periods and thresholds of the penalty procedure (行政处罚程序); each region sets its own. */
export interface PenaltiesConfig {
  /** Days the party has for a statement and defence after the notice (陈述申辩). */
  statementDays: number;
  /** Days the party has to request a hearing after the notice (听证). */
  hearingRequestDays: number;
  /** A fine at or above this (fen) lets the party request a hearing. */
  hearingMinFine: number;
  /** A fine at or above this (fen) makes the decision major (重大执法决定法制审核). */
  majorMinFine: number;
  /** Days a reviewer has for a legal review. */
  reviewDays: number;
  /** Days a seal or seizure lasts, and the one extension it may get (查封、扣押). */
  coerciveDays: number;
  coerciveExtensionDays: number;
}

/** PENALTY_* variables; fines are given in yuan and kept in fen. */
export function penaltiesConfig(env: NodeJS.ProcessEnv, problems: string[]): PenaltiesConfig {
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}: must be an integer ${min}–${max}`);
    return value;
  };
  return {
    statementDays: whole('PENALTY_STATEMENT_DAYS', 3, 1, 60),
    hearingRequestDays: whole('PENALTY_HEARING_REQUEST_DAYS', 5, 1, 60),
    hearingMinFine: whole('PENALTY_HEARING_MIN_FINE_YUAN', 100_000, 1, 100_000_000) * 100,
    majorMinFine: whole('PENALTY_MAJOR_MIN_FINE_YUAN', 50_000, 1, 100_000_000) * 100,
    reviewDays: whole('PENALTY_REVIEW_DAYS', 5, 1, 60),
    coerciveDays: whole('PENALTY_COERCIVE_DAYS', 30, 1, 365),
    coerciveExtensionDays: whole('PENALTY_COERCIVE_EXTENSION_DAYS', 30, 1, 365),
  };
}
