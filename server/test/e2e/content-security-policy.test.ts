import { buildCreditCode } from '@mashang/shared';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { credentialHash } from '../../src/modules/evaluation/rating-token.js';
import { appendTrail, raiseFlag } from '../support/trail-and-flags.js';
import { addInspectionOfficer, seedTwoAgencies } from '../support/fixtures.js';
import { call, forgetLoginAttempts, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000801');
const RATING_TOKEN = 'Cs9pQ2mN0pQrStUvWxYz56';

/**
 * The H5 pages under the server's Content-Security-Policy in Chromium: the officer's pages, the console
 * with its ECharts dashboard, the enterprise's rating page and the API docs work, and the browser
 * reports no violation (no inline script, no eval, nothing blocked).
 */
describe('the H5 pages under the Content-Security-Policy', () => {
  let t: TestApp;
  let browser: Browser;

  /** A page whose CSP violations, console errors about them and uncaught errors are collected. */
  async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const problems: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/CSP violation|Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    return { page, problems };
  }

  async function signIn(page: Page, username: string, landed: string): Promise<void> {
    const document = await page.goto(`${t.url}/h5/`);
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector(landed, { timeout: 15_000 });
  }

  beforeAll(async () => {
    t = await startTestApp('csp_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await forgetLoginAttempts(t.app, { accounts: ['officer1', 'supervisor'], addresses: ['127.0.0.1'] });
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C')", [SHOP]);
    // A finished inspection rated badly (a case for the console), and an SMS link still open for rating.
    await t.dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X1', 'A1', ?, 'planned', NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY, 1, 'pass')", [SHOP]);
      await addInspectionOfficer(manager, 'X1', 'O1');
      await manager.query("INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, rated_at) VALUES ('X1', 'A1', 1, 2, 1, 1, 'disapprove', NOW())");
      await appendTrail(manager, 'X1', 'rated', 'enterprise', { agencyId: 'A1', verdict: 'disapprove' });
      await raiseFlag(manager, {
        dedupeKey: 'rating:X1:A1', source: 'rating', rule: 'disapprove', subjectType: 'inspection', subjectId: 'X1', agencyId: 'A1', creditCode: SHOP,
        officerId: 'O1', inspectionId: 'X1', severity: 'high', title: '企业不认可本次检查', evidence: { inspectionId: 'X1' }, actor: 'enterprise',
      });
      await manager.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X2', 'A2', ?, 'planned', NOW() - INTERVAL 2 HOUR, NOW() - INTERVAL 1 HOUR, 1, 'pass')", [SHOP]);
      await addInspectionOfficer(manager, 'X2', 'O2');
    });
    await t.dataSource.query(
      "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV2', 'X2', ?, NULL, 'link', ?, NULL, CURDATE(), NOW(), NOW() + INTERVAL 7 DAY)",
      [SHOP, credentialHash({ kind: 'link', token: RATING_TOKEN })],
    );
    await t.dataSource.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV2', 'X2', 'A2', 0)");
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an officer signs in on a phone, searches, and logs out: the token is refused by the server at once', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, problems } = await watchedPage(context);
    await signIn(page, 'officer1', '#home-user');
    // Taro's root font-size script, now a file of its own, ran before the app.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/^\d+(\.\d+)?px$/);
    await page.fill('#enterprise-search input', '老王');
    await page.click('#enterprise-search-submit');
    await page.waitForFunction((code) => document.querySelector('#enterprise-list')?.textContent?.includes(code), SHOP, { timeout: 10_000 });

    // Taro's H5 storage keeps each value as {"data": …}.
    const token = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('mashang.session') ?? '{}').data).token as string);
    expect((await call(t.app, 'GET', '/api/auth/me', { token })).status).toBe(200);
    await page.click('#logout');
    await page.waitForSelector('#login-submit', { timeout: 10_000 });
    // The logout request is not awaited by the page: give it a moment.
    for (let i = 0; i < 50 && (await call(t.app, 'GET', '/api/auth/me', { token })).status !== 401; i += 1) await page.waitForTimeout(100);
    expect((await call(t.app, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the console draws its ECharts dashboard without eval or a blocked style', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await signIn(page, 'supervisor', '#case-list');
    await page.locator('.case-row').first().waitFor();
    await page.click('#nav-dashboard');
    await page.waitForSelector('[data-ready="true"] canvas', { timeout: 15_000 });
    expect(await page.locator('#kpi-open').textContent()).toBe('1');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the enterprise rates from its SMS link, and the API docs render', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${t.url}/r/${RATING_TOKEN}`);
    await page.waitForSelector('#rate-form');
    expect(await page.locator('#rate-enterprise').textContent()).toContain('老王烩面馆');

    await page.goto(`${t.url}/api/docs`);
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 15_000 });
    await page.locator('.opblock-tag', { hasText: 'auth' }).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
