import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);

describe('the public random draws page (双随机一公开) in a phone-sized browser', () => {
  let t: TestApp;
  let browser: Browser;
  let drawId: string;

  beforeAll(async () => {
    t = await startTestApp('draws_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("UPDATE officers SET cert_expires = '2099-12-31'");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no, cert_expires) VALUES ('O1b', 'A1', '王芳', '豫C0000003', '2099-12-31'), ('O1c', 'A1', '赵磊', '豫C0000004', '2099-12-31')");
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法')");
    await t.dataSource.query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES ?', [
      Array.from({ length: 24 }, (_, i) => [buildCreditCode('92410202', `ME${String(i).padStart(6, '0')}`), `面馆${i}`, '餐饮服务', '410202', 'ABCD'[i % 4]]),
    ]);
    const admin = await login(t.app, 'admin1');
    const committed = await call(t.app, 'POST', '/api/draws', {
      token: admin,
      body: { name: '餐饮双随机抽查', itemIds: ['I1'], industries: ['餐饮服务'], regionPrefixes: [], proportions: { A: 0, B: 0.5, C: 0.5, D: 1 }, periodFrom: inDays(10), periodTo: inDays(30) },
    });
    drawId = committed.body.id;
    await call(t.app, 'POST', `/api/draws/${drawId}/draw`, { token: admin, body: { publicEntropy: '当日开奖号码 3 8 1' } });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the draws, opens one, and re-runs it in the browser to check the published result', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${t.url}/h5/enterprise.html#/enterprise/pages/draws/index`);
    await page.waitForSelector(`.draws-item[data-id="${drawId}"]`);
    await page.click(`.draws-item[data-id="${drawId}"]`);
    await page.waitForSelector('#draw-commitment');
    expect(await page.textContent('#draw-status')).toBe('已抽取并公开');
    expect(await page.textContent('#draw-proportions')).toBe('D级 100%，C级 50%，B级 50%，A级 0%');
    expect(await page.textContent('#draw-entropy')).toBe('当日开奖号码 3 8 1');
    expect(await page.locator('.draw-outcome').count()).toBe(6 + 3 + 3);
    await page.click('#draw-verify');
    await page.waitForSelector('#draw-check');
    expect(await page.getAttribute('#draw-check', 'class')).toContain('draws-check--ok');
    expect(await page.locator('.draw-check-line').allTextContents()).toEqual([
      '种子的 SHA-256 与抽取前公布的承诺值一致', '输入数据为规范格式', '按公开算法重新抽取，结果与公布结果相同（12 户企业）',
    ]);
    // No raw keys or JSON on the page.
    const text = await page.textContent('body');
    expect(text).not.toMatch(/"creditCode"|committed|drawn\b/);
    await phone.close();
  });

  it('shows a forged result as failing the check', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.route(`**/api/public/draws/${drawId}`, async (route) => {
      const response = await route.fetch();
      const draw = await response.json();
      draw.result.inspections[0].officerIds.reverse();
      await route.fulfill({ response, json: draw });
    });
    await page.goto(`${t.url}/h5/enterprise.html#/enterprise/pages/draws/index?id=${drawId}`);
    await page.click('#draw-verify');
    await page.waitForSelector('#draw-check');
    expect(await page.getAttribute('#draw-check', 'class')).toContain('draws-check--bad');
    expect(await page.locator('.draw-check-line').last().textContent()).toContain('不同');
    await phone.close();
  });
});
