/** The yearly warning report's schedule and the disputed-clause report's thresholds. */
export interface ReportsConfig {
  /** 高发违法行为预警报告: five-field cron in Asia/Shanghai (default `0 3 1 1 *`, 1 January 03:00); null when off. */
  warningCron: string | null;
  /** 争议条款: a clause is reported with a suggestion to revise its benchmark from these on. */
  disputedClauses: { minObjections: number; minRate: number };
}

/** `0.2`, `20%` → 0.2; null for anything else. */
export function parseRate(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  return Number.isFinite(value) ? value : null;
}

/** WARNING_REPORT_CRON, DISPUTED_CLAUSE_MIN_OBJECTIONS, DISPUTED_CLAUSE_MIN_RATE; the CLI reads them too. */
export function reportsConfig(env: NodeJS.ProcessEnv, problems: string[], validCron: (cron: string) => boolean): ReportsConfig {
  const cronText = (env.WARNING_REPORT_CRON ?? '').trim() || '0 3 1 1 *';
  const warningCron = cronText.toLowerCase() === 'off' ? null : cronText;
  if (warningCron !== null && !validCron(warningCron)) problems.push('WARNING_REPORT_CRON: must be a five-field cron such as "0 3 1 1 *" (Asia/Shanghai), or off');

  const objectionsText = (env.DISPUTED_CLAUSE_MIN_OBJECTIONS ?? '').trim() || '3';
  const minObjections = Number(objectionsText);
  if (!/^\d+$/.test(objectionsText) || minObjections < 1 || minObjections > 100_000) problems.push('DISPUTED_CLAUSE_MIN_OBJECTIONS: must be an integer 1–100000');
  const rateText = (env.DISPUTED_CLAUSE_MIN_RATE ?? '').trim() || '0.2';
  const minRate = parseRate(rateText);
  if (minRate === null || minRate <= 0 || minRate > 1) problems.push('DISPUTED_CLAUSE_MIN_RATE: must be a share above 0 and at most 1, such as 0.2 or 20%');
  return { warningCron, disputedClauses: { minObjections, minRate: minRate ?? 0 } };
}
