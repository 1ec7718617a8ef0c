import { chromium, type Browser, type Page } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PURPOSE = '与省平台核对执法人员联系电话';

describe('the audit log page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    // Desk roles land in the console (its case list, empty here).
    await page.waitForSelector('#nav-cases', { timeout: 15_000 });
  }

  beforeAll(async () => {
    t = await startTestApp('audit_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    const supervisor = await login(t.app, 'supervisor');
    await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: supervisor, body: { phone: '13712345678' } });
    // Two exports by the supervisor: one masked, one in clear with its purpose.
    await t.app.inject({ method: 'GET', url: '/api/exchange/export/officers', headers: { authorization: `Bearer ${supervisor}` } });
    await t.app.inject({ method: 'GET', url: `/api/exchange/export/officers?unmasked=true&purpose=${encodeURIComponent(PURPOSE)}`, headers: { authorization: `Bearer ${supervisor}` } });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the discipline inspector finds who exported phones in clear, why and from where; the supervisor has no such page', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(desk, 'supervisor');
    expect(await desk.locator('#nav-audit').count()).toBe(0);
    await desk.click('#console-logout');

    await signIn(desk, 'discipline');
    await desk.click('#nav-audit');
    await desk.waitForSelector('#audit-list .audit-row', { timeout: 15_000 });
    expect(await desk.locator('#audit-chain').textContent()).toContain('日志链完整（共 2 条');
    const rows = desk.locator('#audit-list .audit-row');
    expect(await rows.count()).toBe(2);
    const newest = rows.first();
    expect(await newest.locator('.audit-row__who').textContent()).toBe('supervisor');
    expect(await newest.locator('.audit-row__what').textContent()).toContain('明文导出（含完整手机号） · 交换数据：执法人员');
    expect(await newest.locator('.audit-row__rows').textContent()).toBe('2');
    expect(await newest.locator('.audit-row__purpose').textContent()).toBe(PURPOSE);
    expect(await newest.locator('.audit-row__address').textContent()).toBe('127.0.0.1');

    await desk.click('#audit-action-export');
    await desk.waitForFunction(() => document.querySelectorAll('#audit-list .audit-row').length === 1, undefined, { timeout: 10_000 });
    expect(await rows.first().locator('.audit-row__purpose').textContent()).toBe('—');
  });
});
