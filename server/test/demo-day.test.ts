import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shanghaiDate, type JointChecklist } from '@mashang/shared';
import { loadDemoCity } from '../src/modules/demo/index.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

// `npm start` sets up the demo's "today" through the running API (deploy/lib/demo-day.mjs). Run it here
// against a real server on a demo city, so a demo step that breaks shows up in the tests, not on a
// newcomer's first start.
type DemoDay = { setUpDemoDay(base: string, log: (line: string) => void): Promise<void> };

describe('the demo day', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('demo_day', { listen: true });
    const loaded = await loadDemoCity(t.dataSource, testPhoneCipher(), { size: 'tiny', asOf: shanghaiDate(new Date()) });
    expect(loaded.ok).toBe(true);
    const demoDay = (await import(pathToFileURL(join(process.cwd(), '..', 'deploy', 'lib', 'demo-day.mjs')).href)) as DemoDay;
    await demoDay.setUpDemoDay(t.url, (line) => lines.push(line));
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('sets up every step it announces, none skipped', () => {
    expect(lines).toContain('demo day set up:');
    // A step that could not be set up logs "demo day: …"; each is a regression of the demo.
    expect(lines.filter((line) => line.startsWith('demo day:'))).toEqual([]);
  });

  it('prints what a newcomer opens: scan-in, the bad rating, penalty cases, the draw and the enterprise', () => {
    const text = lines.join('\n');
    expect(text).toMatch(/officer1 → 扫码入企 .+：输入 [0-9A-Z]{18}/);
    expect(text).toMatch(/an SMS invite \(already rated badly: a case for supervisor\): http/);
    expect(text).toMatch(/the party objected to case \S+ by its supervision code: http/);
    expect(text).toMatch(/case \S+ waits for legal review/);
    expect(text).toMatch(/a random draw \(双随机\): [1-9]\d* enterprises drawn, [1-9]\d* plans filed/);
    expect(text).toMatch(/企业端 http\S+\/e → /);
    expect(text).toMatch(/special campaigns \(专项检查\): one published with [1-9]\d* plans filed under it, one waiting/);
  });

  it('leaves one published campaign with plans under it and one awaiting approval', async () => {
    const campaigns: { status: string; plans: number }[] = await t.dataSource.query(
      'SELECT c.status, (SELECT COUNT(*) FROM plans p WHERE p.campaign_id = c.id) AS plans FROM campaigns c ORDER BY c.status');
    expect(campaigns.map((c) => [c.status, Number(c.plans) > 0])).toEqual([['published', true], ['submitted', false]]);
  });

  it('leaves the cases it announces where a supervisor finds them', async () => {
    const sources: { source: string }[] = await t.dataSource.query('SELECT DISTINCT source FROM flagged_cases');
    expect(sources.map((s) => s.source)).toEqual(expect.arrayContaining(['rating', 'complaint']));
  });

  it('shows officer1 a joint inspection on one list and the demo enterprise a violation of each colour', async () => {
    const printed = lines.find((l) => l.includes('一表通查 + 三色'));
    expect(printed).toBeDefined();
    const officer1 = await login(t.app, 'officer1');
    const today = await call(t.app, 'GET', '/api/onsite/today', { token: officer1 });
    const joint = today.body.find((v: { jointAgencies: string[] }) => v.jointAgencies.length > 0);
    const list = await call<JointChecklist>(t.app, 'GET', `/api/onsite/inspections/${joint.id}/checklist`, { token: officer1 });
    expect(new Set(list.body.rows.flatMap((r) => r.stakes.map((s) => s.agencyId)))).toEqual(new Set(['A001', 'A002']));
    expect(list.body.rows.some((r) => r.stakes.length === 2)).toBe(true);
    const token = /\/v\/([A-Za-z0-9_-]+)/.exec(printed!)![1];
    const page = await call(t.app, 'GET', `/api/codes/${token}/checklist`);
    const colours = page.body.rows.flatMap((r: { results: { colour: string | null }[] }) => r.results.map((x) => x.colour)).filter(Boolean).sort();
    expect(colours).toEqual(['green', 'red', 'yellow']);
  });
});
