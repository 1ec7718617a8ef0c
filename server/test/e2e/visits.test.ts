/**
 * Visits that are not inspections in real browsers: the business-environment bureau's return visit
 * (回访) and its accompanying an inspection (陪同执法), made through the API as the officer app does;
 * the enterprise's page (375 px) shows the visit with its label, the accompanied inspection and how
 * often it was visited; the supervisor's dashboard has the visits section with its chart and table.
 */
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hashPassword } from '../../src/modules/auth/password.js';
import { forgetPortCodes } from '../support/enterprise-port.js';
import { PASSWORD, seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000961');
const SHOP_PHONE = '13800000961';

describe('visits on the enterprise\'s page and in the console, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let visitId = '';

  beforeAll(async () => {
    t = await startTestApp('visits_e2e', { listen: true, env: { SMS_PROVIDER: 'outbox' } });
    await forgetPortCodes(t.app);
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO agencies (id, name, kind, region) VALUES ('BIZ', '市营商环境建设局', 'business-environment', '410202')");
    await ds.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('B1', 'BIZ', '王芳', '营商监督0001')");
    await ds.query("INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES ('biz1', ?, 'officer', '王芳', 'BIZ', 'B1')", [await hashPassword(PASSWORD)]);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条')");
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', ?, 'C')", [SHOP, testPhoneCipher().encrypt(SHOP_PHONE)]);

    const [biz, officer1] = await Promise.all([login(t.app, 'biz1'), login(t.app, 'officer1')]);
    const today = shanghaiDate(Date.now());
    // The inspection, accompanied by the bureau before it starts, then done.
    const inspection = (await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: today, trigger: 'complaint', reason: '群众投诉', officerIds: ['O1'], itemIds: ['I1'] } })).body;
    expect((await call(t.app, 'POST', `/api/plans/${inspection.id}/code`, { token: officer1, body: {} })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/plans/accompany', { token: biz, body: { planCode: inspection.code } })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: SHOP, clientKey: 'e2e-visits-inspection-in' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${inspection.id}/findings`, { token: officer1, body: { itemId: 'I1', outcome: 'pass', clientKey: 'e2e-visits-finding' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${inspection.id}/finish`, { token: officer1, body: { clientKey: 'e2e-visits-inspection-out' } })).status).toBe(200);
    // The return visit: filed, coded, scanned in, ended.
    const visit = (await call(t.app, 'POST', '/api/plans', { token: biz, body: { creditCode: SHOP, date: today, kind: 'return-visit', reason: '检查后回访', officerIds: ['B1'] } })).body;
    visitId = visit.id;
    expect((await call(t.app, 'POST', `/api/plans/${visit.id}/code`, { token: biz, body: {} })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/onsite/check-in', { token: biz, body: { creditCode: SHOP, clientKey: 'e2e-visits-visit-in' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${visit.id}/finish`, { token: biz, body: { clientKey: 'e2e-visits-visit-out' } })).status).toBe(200);

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the enterprise its return visit with its label, the accompanied inspection and its figure', async () => {
    const page: Page = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(`${t.url}/e`);
    await page.fill('#ent-credit-code input', SHOP);
    await page.fill('#ent-phone input', SHOP_PHONE);
    await page.click('#ent-code-send');
    await page.waitForSelector('#ent-code-sent');
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
    await page.fill('#ent-code input', /验证码为(\d{6})/.exec(sms.text)![1]);
    await page.click('#ent-submit');

    const visit = page.locator(`.ent-visit[data-visit-id="${visitId}"]`);
    await visit.waitFor({ timeout: 15_000 });
    expect(await visit.locator('.ent-visit__kind').textContent()).toBe('回访');
    expect(await visit.locator('.ent-visit__agency').textContent()).toBe('市营商环境建设局');
    expect(await visit.locator('.ent-visit__officers').textContent()).toBe('走访人员：王芳');
    expect(await visit.locator('.ent-visit__status').textContent()).toBe('已结束');
    expect(await page.locator('#ent-visit-counts').textContent()).toBe('近一年被走访 2 次：行政检查 1 次（其中陪同执法 1 次），回访 1 次');
    const inspection = page.locator('.ent-inspection[data-inspection-id]').first();
    expect(await inspection.locator('.ent-inspection__accompanying').textContent()).toBe('陪同执法：王芳（市营商环境建设局）');
  });

  it('draws the visits section on the supervisor\'s dashboard, counted apart by kind', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'supervisor');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    // Desk roles land in the console (its case list is empty here).
    await page.waitForSelector('#case-list', { state: 'attached', timeout: 15_000 });
    await page.click('#nav-dashboard');
    await page.waitForSelector('#chart-visit-kinds[data-ready="true"] canvas', { timeout: 15_000 });
    const section = page.locator('#dash-visit-kinds');
    expect(await section.locator('.panel__title').textContent()).toBe('回访、服务走访与陪同执法（不计入行政检查）');
    const rows = section.locator('.dash__table .table__row');
    expect(await rows.nth(0).textContent()).toBe('月份部门回访政策宣传走访调研陪同执法合计');
    expect(await rows.nth(1).textContent()).toBe(`${shanghaiDate(Date.now()).slice(0, 7)}市营商环境建设局10012`);
  });
});
