import { loadConfig, validCron } from './config.js';
import { parseRate, reportsConfig } from './reports-config.js';

const base = { DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32), PHONE_ENCRYPTION_KEY: 'a3'.repeat(32) };
const problemsOf = (env: Record<string, string>) => {
  const problems: string[] = [];
  const config = reportsConfig(env, problems, validCron);
  return { config, problems };
};

describe('report configuration', () => {
  it('defaults to the January run and three objections at a fifth of the cases', () => {
    expect(loadConfig(base).reports).toEqual({ warningCron: '0 3 1 1 *', disputedClauses: { minObjections: 3, minRate: 0.2 } });
  });

  it('takes a rate as a share or a percentage', () => {
    expect(parseRate('0.35')).toBe(0.35);
    expect(parseRate('35%')).toBe(0.35);
    expect(parseRate('abc')).toBeNull();
    expect(problemsOf({ DISPUTED_CLAUSE_MIN_RATE: '50%', DISPUTED_CLAUSE_MIN_OBJECTIONS: '10', WARNING_REPORT_CRON: 'off' }).config)
      .toEqual({ warningCron: null, disputedClauses: { minObjections: 10, minRate: 0.5 } });
  });

  it('names every bad value and stops start-up', () => {
    const { problems } = problemsOf({ DISPUTED_CLAUSE_MIN_RATE: '120%', DISPUTED_CLAUSE_MIN_OBJECTIONS: '2.5', WARNING_REPORT_CRON: '0 3 32 1 *' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['WARNING_REPORT_CRON', 'DISPUTED_CLAUSE_MIN_OBJECTIONS', 'DISPUTED_CLAUSE_MIN_RATE']);
    expect(problemsOf({ DISPUTED_CLAUSE_MIN_RATE: '0' }).problems).toHaveLength(1);
    expect(problemsOf({ DISPUTED_CLAUSE_MIN_OBJECTIONS: '0' }).problems).toHaveLength(1);
    expect(() => loadConfig({ ...base, DISPUTED_CLAUSE_MIN_RATE: 'viel' })).toThrow(/DISPUTED_CLAUSE_MIN_RATE/);
  });
});
