import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const E = [1, 2, 3].map((n) => buildCreditCode('91410200', `MA00070${n}`));
const Y = Number(shanghaiDate(new Date()).slice(0, 4)) - 1;
const at = (local: string) => new Date(`${local}+08:00`);
/** What the page must never show: vocabulary keys, ids, or a value that failed to format. */
const RAW = ['agency-admin', 'supervisor', 'planned', 'complaint', 'suppressed', '4+', 'undefined', 'null', 'NaN', '[object', 'A1', 'A2'];

describe('the dashboard in a real browser: year on year, visits per enterprise, satisfaction by month', () => {
  let t: TestApp;
  let browser: Browser;
  let n = 0;

  async function inspection(agencyId: string, creditCode: string, startedAt: Date) {
    n += 1;
    await t.dataSource.query(
      "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, ?, ?, 'planned', ?, ?, 1, 'pass')",
      [`I${n}`, agencyId, creditCode, startedAt, new Date(startedAt.getTime() + 3_600_000)],
    );
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    // Desk roles land in the console (the case list, empty here).
    await page.waitForSelector('#nav-dashboard', { timeout: 15_000 });
    await page.click('#nav-dashboard');
  }

  const drawn = (page: Page, id: string) => page.waitForSelector(`#${id}[data-ready="true"] canvas`, { timeout: 15_000 });
  /** Whether a section of the dashboard reaches past the window's right edge. */
  const overflows = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.dash .panel')].some((p) => p.getBoundingClientRect().right > window.innerWidth + 1));
  async function noRawKeys(page: Page) {
    const text = await page.locator('.dash').innerText();
    for (const raw of RAW) expect(text).not.toContain(raw);
  }

  beforeAll(async () => {
    t = await startTestApp('dashboard_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封第一饭店', 'catering', '410204', 'B'), (?, '开封第二饭店', 'catering', '410204', 'B'), (?, '开封第三饭店', 'catering', '410204', 'B')",
      E,
    );
    // Year Y: A1 at the first restaurant four times, A2 at the second once; the year before A1 twice.
    for (const month of ['02', '04', '06', '08']) await inspection('A1', E[0], at(`${Y}-${month}-10T10:00:00`));
    await inspection('A2', E[1], at(`${Y}-03-10T10:00:00`));
    for (const month of ['05', '09']) await inspection('A1', E[0], at(`${Y - 1}-${month}-10T10:00:00`));
    // Ratings of Y: six in January (shown), two in February (too few: hidden).
    for (let i = 0; i < 8; i += 1) {
      await t.dataSource.query(
        "INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES (?, 'A1', 4, 4, 4, 4, 'approve', '', NULL, ?)",
        [`R${i}`, at(`${Y}-0${i < 6 ? 1 : 2}-1${i % 6}T10:00:00`)],
      );
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a supervisor at a desk picks last year: the charts, the change, the buckets, the most visited and hidden months, in Chinese', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'supervisor');
    for (const id of ['chart-year-on-year', 'chart-visits', 'chart-satisfaction-trend', 'chart-open-flags-by-age']) await drawn(page, id);
    expect(await page.locator('#dash-warning-link').textContent()).toContain('预警报告');

    await page.click(`#dash-year-${Y}`);
    await page.waitForFunction((text) => document.querySelector('#yoy-total')?.textContent?.includes(text), '合计 5 次，上年同期 2 次，同比 +150.0%', { timeout: 10_000 });
    expect(await page.locator('#yoy-period').textContent()).toBe(`${Y}年1月1日至12月31日，对比${Y - 1}年1月1日至12月31日`);
    const yoyRows = await page.locator('#yoy-table .table__row').allInnerTexts();
    expect(yoyRows.map((r) => r.split(/\s+/).join(' '))).toEqual([
      '执法部门 本年 上年同期 同比 联合检查占比 计划检查占比',
      '市市场监督管理局 4 2 +100.0% 0.00% 100.0%',
      '市消防救援支队 1 0 去年同期无 0.00% 100.0%',
      '合计 5 2 +150.0% 0.00% 100.0%',
    ]);

    await page.waitForFunction(() => document.querySelectorAll('#most-visited .most-visited__row').length === 2, undefined, { timeout: 10_000 });
    const buckets = await page.locator('#visits-table .table__row').allInnerTexts();
    expect(buckets.slice(1).map((r) => r.split(/\s+/).slice(0, 2).join(' '))).toEqual(['未检查 1', '1次 1', '2次 0', '3次 0', '4次及以上 1']);
    const first = page.locator('#most-visited .most-visited__row').first();
    expect(await first.getAttribute('data-code')).toBe(E[0]);
    expect(await first.innerText()).toContain('市市场监督管理局 4次');

    const months = await page.locator('#satisfaction-trend-table .table__row').allInnerTexts();
    expect(months.slice(1, 3).map((r) => r.split(/\s+/).join(' '))).toEqual(['1月 6 4.00 0.00%', '2月 不足5条，不显示 — —']);
    expect(await page.locator('#satisfaction-trend-note').textContent()).toContain('不足5条');
    await drawn(page, 'chart-satisfaction-trend');
    await noRawKeys(page);
    expect(await overflows(page)).toBe(false);

    // The most visited enterprise opens in the register, found by its credit code.
    await first.locator('.most-visited__link').click();
    await page.waitForSelector(`.register-row[data-key="${E[0]}"]`, { timeout: 10_000 });
    expect(await page.locator('.register-row').count()).toBe(1);
    await page.close();
  });

  it('an agency admin on a phone sees its own agency only, without the warning report or the agency picker', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, isMobile: true });
    await signIn(page, 'admin2');
    await page.click(`#dash-year-${Y}`);
    await page.waitForFunction((text) => document.querySelector('#yoy-total')?.textContent?.includes(text), '合计 1 次', { timeout: 10_000 });
    expect((await page.locator('#yoy-table .table__row').allInnerTexts()).length).toBe(3);
    await drawn(page, 'chart-visits');
    await page.waitForFunction(() => document.querySelectorAll('#most-visited .most-visited__row').length === 1, undefined, { timeout: 10_000 });
    expect(await page.locator('#most-visited').innerText()).toContain('开封第二饭店');
    expect(await page.locator('#dash-warning-link').count()).toBe(0);
    expect(await page.locator('#satisfaction-agency').count()).toBe(0);
    await noRawKeys(page);
    expect(await overflows(page)).toBe(false);
    await page.close();
  });
});
