import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CODE = buildCreditCode('92410202', 'MA000301');
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);

describe('plans in a real browser: file, be refused, file again, issue the code, verify it as the enterprise', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp('plans_flow', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第八十七条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C')", [CODE]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('walks the officer and the enterprise through one inspection plan', async () => {
    const officer = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await officer.goto(`${t.url}/h5/`);
    await officer.fill('#username input', 'officer1');
    await officer.fill('#password input', 'demo1234');
    await officer.click('#login-submit');
    await officer.click('#go-plans');
    await officer.click('#new-plan');

    await officer.fill('#plan-credit-code input', CODE);
    await officer.waitForSelector('#half-year-empty, #half-year-history .half-year-record');
    await officer.fill('#plan-date input', inDays(3));
    await officer.click('#trigger-planned');
    await officer.click('[data-item-id="I1"]');
    await officer.click('#plan-submit');
    const refusal = officer.locator('#plan-refusals .refusal[data-rule="advance-notice"]');
    await refusal.waitFor();
    expect(await refusal.locator('.refusal__remedy').textContent()).toContain(inDays(7));

    await officer.fill('#plan-date input', inDays(10));
    await officer.click('#plan-submit');
    await officer.waitForSelector('#plan-filed');
    const plan = officer.locator('.plan').first();
    const [year, month, day] = inDays(10).split('-').map(Number);
    expect(await plan.textContent()).toContain(`检查日期：${year}年${month}月${day}日`);
    await plan.locator('.plan-code-button').click();
    await officer.waitForSelector('#code-url');
    const url = (await officer.locator('#code-url').textContent())!.trim();
    expect(url).toMatch(/\/v\/[A-Za-z0-9_-]{20}$/);

    // The enterprise scans the QR on its own phone: no session, a fresh browser.
    const shop = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await shop.newPage();
    await page.goto(`${t.url}${new URL(url).pathname}`);
    await page.waitForSelector('#verify-status.verify--ok');
    expect(await page.locator('#verify-enterprise').textContent()).toContain('老王烩面馆');
    expect(await page.locator('.verify-agency__name').first().textContent()).toContain('市市场监督管理局');
    expect(await page.locator('.verify-officer').first().textContent()).toContain('豫C0000001');
    // The enterprise can read what has happened so far: filed, then coded.
    await page.click('#verify-trail-open');
    await page.waitForSelector('#verify-trail .verify-trail-entry');
    const entries = await page.locator('.verify-trail-entry__what').allTextContents();
    expect(entries.map((text) => text.split('：')[0])).toEqual(['报备', '生成检查码']);
    // Who took each step: the officer by name and certificate number, never an account; then until when the code shows it.
    expect(await page.locator('.verify-trail-entry__who').allTextContents()).toEqual(['张伟（执法证号 豫C0000001）', '张伟（执法证号 豫C0000001）']);
    expect(await page.locator('#verify-trail').textContent()).not.toContain('officer1');
    expect(await page.locator('#verify-trail-valid').textContent()).toContain('凭此检查码可查看至');

    await page.goto(`${t.url}/v/${'A'.repeat(20)}`);
    await page.waitForSelector('#verify-status.verify--bad');
    expect(await page.locator('#verify-message').textContent()).toContain('不是本系统签发');
    await shop.close();
  });
});
