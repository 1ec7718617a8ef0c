import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shanghaiDate, type JointChecklist } from '@mashang/shared';
import { loadDemoCity } from '../src/modules/demo/index.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

// What `npm start` sets up each day (deploy/lib/demo-day.mjs), run against the demo city through the API.
describe('the demo day: a joint inspection on one checklist, a violation of each colour, on the demo enterprise', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('demo_day', { listen: true });
    const loaded = await loadDemoCity(t.dataSource, testPhoneCipher(), { size: 'tiny', asOf: shanghaiDate(new Date()) });
    expect(loaded.ok).toBe(true);
    const demo = await import(pathToFileURL(join(resolve(process.cwd(), '..'), 'deploy/lib/demo-day.mjs')).href);
    await demo.setUpDemoDay(t.url, (line: string) => lines.push(line));
  }, 240_000);
  afterAll(() => t?.close());

  it('shows officer1 one list of both agencies and the enterprise each colour with what to do', async () => {
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
