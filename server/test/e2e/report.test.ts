/**
 * The nightly report's console page in a real browser, on the generated demo city (rule set v2): the
 * chart and the chips of every rule that found something, a filter by one of v2's rules, and its
 * Excel export — Chinese titles throughout.
 */
import { ANOMALY_RULES, ANOMALY_RULE_TITLES } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { AnomalyReporter } from '../../src/modules/analytics/anomaly-reporter.js';
import { loadDemoCity } from '../../src/modules/demo/index.js';
import { startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AS_OF = '2026-11-20';

describe('the report page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let byRule: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp('report_e2e', { listen: true });
    await loadDemoCity(t.dataSource, testPhoneCipher(), { size: 'tiny', seed: 7, asOf: AS_OF });
    await AnomalyReporter.on(t.dataSource).run(AS_OF, 'test');
    const [run] = await t.dataSource.query('SELECT summary FROM anomaly_runs WHERE as_of = ?', [AS_OF]);
    byRule = JSON.parse(run.summary).byRule;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows all twenty rules, filters by a v2 rule and exports it to Excel with its Chinese title', async () => {
    expect(ANOMALY_RULES.filter((rule) => !(byRule[rule] > 0))).toEqual([]);
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await desk.goto(`${t.url}/h5/`);
    await desk.fill('#username input', 'supervisor');
    await desk.fill('#password input', 'demo1234');
    await desk.click('#login-submit');
    await desk.click('#nav-report', { timeout: 15_000 });
    await desk.waitForSelector('#report-rule-chart canvas', { timeout: 15_000 });

    const chips = desk.locator('#report-summary .report-rule');
    await desk.waitForFunction((n) => document.querySelectorAll('#report-summary .report-rule').length === n, ANOMALY_RULES.length, { timeout: 10_000 });
    expect(await chips.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-rule')))).toEqual([...ANOMALY_RULES]);
    for (const rule of ANOMALY_RULES) {
      expect(await desk.locator(`#report-summary .report-rule[data-rule="${rule}"]`).textContent()).toBe(`${ANOMALY_RULE_TITLES[rule]} ${byRule[rule]}`);
    }

    const title = ANOMALY_RULE_TITLES['out-of-jurisdiction'];
    await desk.click('#report-summary .report-rule[data-rule="out-of-jurisdiction"]');
    await desk.waitForFunction(
      ({ title, n }) => {
        const rows = [...document.querySelectorAll('#report-findings .finding')];
        return rows.length === n && rows.every((row) => row.textContent?.includes(title));
      },
      { title, n: byRule['out-of-jurisdiction'] },
      { timeout: 10_000 },
    );
    expect(await desk.locator('#report-findings .finding').first().textContent()).toMatch(/跨|辖区/);

    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#report-export')]);
    expect(download.suggestedFilename()).toBe(`大数据研判-${AS_OF}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(byRule['out-of-jurisdiction']);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set([title]));
  }, 120_000);
});
