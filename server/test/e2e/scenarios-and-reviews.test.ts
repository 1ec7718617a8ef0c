import { buildCreditCode } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hashPassword } from '../../src/modules/auth/password.js';
import { PASSWORD, seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000901');
/** Raw keys and JSON that must never reach a page. */
const RAW = /\b(pending|accepted|rejected|requested|pass|rectify|A1|A2|A3)\b|[{}"]/;

describe('joint-supervision scenarios and review requests: the officer asks at 375 px, the supervisor keeps scenarios and decides at a desk', () => {
  let t: TestApp;
  let browser: Browser;

  async function signIn(username: string, phone: boolean): Promise<Page> {
    const page = await browser.newPage(phone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', PASSWORD);
    await page.click('#login-submit');
    // Desk roles land in the console (its case list may be empty).
    if (phone) await page.waitForSelector('#go-plans', { timeout: 15_000 });
    else await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp('scenarios_reviews_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A3', '市市场监督管理局祥符分局', 'market', '410212')");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('O3', 'A3', '孙丽', '豫C0000009')");
    await t.dataSource.query('INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, ?, ?, ?, ?)', ['officer3', await hashPassword(PASSWORD), 'officer', '孙丽', 'A3', 'O3']);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'C')", [SHOP]);
    await t.dataSource.query(
      "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('R1', 'A1', ?, 'planned', NOW() - INTERVAL 20 DAY, NOW() - INTERVAL 20 DAY + INTERVAL 1 HOUR, 1, 'pass')",
      [SHOP],
    );
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a same-industry officer disputes a recent result from the filing page instead of inspecting again', async () => {
    const page = await signIn('officer3', true);
    await page.click('#go-plans');
    await page.click('#new-plan');
    await page.fill('#plan-credit-code input', SHOP);
    const record = page.locator('.half-year-record[data-inspection-id="R1"]');
    await record.waitFor();
    expect(await record.locator('.half-year-record__agency').textContent()).toBe('市市场监督管理局');
    await record.locator('.review-request').click();
    await record.locator('.review-submit').click();
    expect(await record.locator('.review-error').textContent()).toContain('至少4个字');
    await record.locator('.review-reason textarea').fill('群众反映后厨卫生问题未被记录');
    await record.locator('.review-submit').click();
    await page.waitForSelector('#review-sent');
    expect(await record.locator('.half-year-record__review').textContent()).toBe('异议复查：待司法局决定');
    expect(await record.locator('.review-request').count()).toBe(0);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM review_requests WHERE inspection_id = 'R1' AND agency_id = 'A3' AND status = 'pending'");
    expect(Number(n)).toBe(1);
    await page.close();
  });

  it('the supervisor reads the request in Chinese and decides; the agency admin follows it without deciding', async () => {
    const admin = await signIn('admin1', false);
    await admin.click('#nav-review-requests');
    const adminRow = admin.locator('.review-row').first();
    await adminRow.waitFor();
    expect(await adminRow.locator('.review-choice-reject').count()).toBe(0);
    await admin.close();

    const supervisor = await signIn('supervisor', false);
    await supervisor.click('#nav-review-requests');
    const row = supervisor.locator('.review-row').first();
    await row.waitFor();
    expect(await row.locator('.review-row__headline').textContent()).toMatch(/^市市场监督管理局祥符分局 对 市市场监督管理局 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 的检查结果（合格）申请异议复查$/);
    expect(await row.locator('.review-row__enterprise').textContent()).toContain('开封市鼓楼区老王烩面馆');
    expect(await row.locator('.review-row__status').textContent()).toBe('待司法局决定');
    await row.locator('.review-decide').click();
    expect(await row.locator('.review-decide-error').textContent()).toContain('请选择');
    await row.locator('.review-choice-reject').click();
    await row.locator('.review-note textarea').fill('原检查记录完整，结果维持');
    await row.locator('.review-decide').click();
    await supervisor.waitForFunction(() => document.querySelector('.review-row .review-row__status')?.textContent === '不予受理：维持原结果');
    expect(await row.locator('.review-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-kind')))).toEqual(['requested', 'rejected']);
    expect(await row.locator('.review-event').nth(1).textContent()).toContain('决定：不予受理，维持原结果');
    expect(await row.locator('.review-event').nth(1).textContent()).toContain('原检查记录完整，结果维持');
    expect(await row.textContent()).not.toMatch(RAW);
    expect(await row.locator('.review-decide').count()).toBe(0);

    await supervisor.click('#review-filter-accepted');
    await supervisor.waitForSelector('#review-empty');
    await supervisor.click('#review-filter-rejected');
    await supervisor.waitForSelector('.review-row');
    await supervisor.close();
  });

  it('the supervisor creates a scenario from the register\'s industries and the agencies by name, then pauses it', async () => {
    const page = await signIn('supervisor', false);
    await page.click('#nav-scenarios');
    await page.waitForSelector('#scenario-empty');
    await page.click('#scenario-new');
    await page.click('#scenario-save');
    expect(await page.locator('#scenario-form .console-field__error').allTextContents()).toEqual(['请填写场景名称', '请至少填写一个行业', '联合检查至少需要2个执法部门']);

    await page.fill('#scenario-name input', '餐饮店联合检查');
    await page.fill('#scenario-industries textarea', '餐饮');
    await page.waitForSelector('#scenario-unknown');
    expect(await page.locator('#scenario-unknown').textContent()).toContain('“餐饮”');
    await page.fill('#scenario-industries textarea', '');
    await page.click('.industry-chip[data-industry="餐饮服务"]');
    await page.waitForFunction(() => !document.querySelector('#scenario-unknown'));
    await page.click('.agency-choice[data-agency-id="A1"]');
    await page.fill('#scenario-agency-search input', '消防');
    await page.click('.agency-choice[data-agency-id="A2"]');
    await page.click('#scenario-save');
    await page.waitForSelector('#scenario-saved');
    const row = page.locator('.scenario-row').first();
    expect(await row.locator('.scenario-row__industries').textContent()).toBe('餐饮服务');
    expect(await row.locator('.scenario-row__agencies').textContent()).toBe('市市场监督管理局、市消防救援支队');
    expect(await row.locator('.scenario-row__status').textContent()).toBe('启用');

    await row.locator('.scenario-edit').click();
    await page.click('#scenario-active');
    await page.click('#scenario-save');
    await page.waitForFunction(() => document.querySelector('.scenario-row .scenario-row__status')?.textContent === '已停用');
    await page.close();

    const scenarios = await call(t.app, 'GET', '/api/joint-scenarios', { token: await login(t.app, 'officer1') });
    expect(scenarios.body).toEqual([{ id: expect.stringMatching(/^scn-/), name: '餐饮店联合检查', industries: ['餐饮服务'], agencyIds: ['A1', 'A2'], active: false }]);
  });
});
