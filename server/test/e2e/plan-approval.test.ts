import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA001301');
const MILL = buildCreditCode('92410202', 'MA001302');
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
/** Raw keys and JSON that must never reach these pages. */
const RAW = /\b(awaiting|pending|approved|returned|prior|after|planned|emergency)\b|[{}"]/;

describe('plan approval: the supervisor requires it, the officer waits at 375 px, the agency admin decides at a desk', () => {
  let t: TestApp;
  let browser: Browser;
  const ids: Record<string, string> = {};

  async function signIn(username: string, phone: boolean): Promise<Page> {
    const page = await browser.newPage(phone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', PASSWORD);
    await page.click('#login-submit');
    if (phone) await page.waitForSelector('#go-plans', { timeout: 15_000 });
    else await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    return page;
  }
  const card = (page: Page, id: string) => page.locator(`.plan[data-plan-id="${id}"]`);

  beforeAll(async () => {
    t = await startTestApp('plan_approval_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'C'), (?, '开封市鼓楼区面粉厂', '食品生产', '410204', 'C')", [SHOP, MILL]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the supervisor makes an agency\'s plans wait for its head, in the agencies register', async () => {
    const page = await signIn('supervisor', false);
    await page.click('#nav-registers');
    await page.click('#register-agencies');
    const row = page.locator('.register-row[data-key="A1"]');
    await row.waitFor();
    expect(await row.locator('.register-cell[data-field="planApproval"]').textContent()).toBe('不须审批');
    await row.locator('.register-edit').click();
    await page.click('#field-planApproval');
    await page.click('#register-save');
    await page.waitForFunction(() => document.querySelector('.register-row[data-key="A1"] .register-cell[data-field="planApproval"]')?.textContent === '须审批');
    await page.close();

    const officer = await login(t.app, 'officer1');
    const file = async (creditCode: string, date: string, extra: Record<string, unknown> = {}) =>
      (await call(t.app, 'POST', '/api/plans', { token: officer, body: { creditCode, date, trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'], ...extra } })).body.id as string;
    ids.shop = await file(SHOP, inDays(12));
    ids.mill = await file(MILL, inDays(15));
    ids.emergency = await file(MILL, inDays(0), { trigger: 'emergency', reason: '燃气泄漏' });
  });

  it('the officer sees plans waiting: no code, no move, only withdrawal; an emergency goes ahead', async () => {
    const page = await signIn('officer1', true);
    await page.click('#go-plans');
    await card(page, ids.shop).waitFor();
    const shop = card(page, ids.shop);
    expect(await shop.locator('.plan-approval__tag').textContent()).toBe('待审批');
    expect(await shop.locator('.plan-approval__line').textContent()).toContain('批准后参与合并、生成检查码');
    expect(await shop.locator('.plan-code-button').count()).toBe(0);
    expect(await shop.locator('.plan-move').count()).toBe(0);
    expect(await shop.locator('.plan-cancel').textContent()).toBe('撤回计划');
    const emergency = card(page, ids.emergency);
    expect(await emergency.locator('.plan-approval__tag').textContent()).toBe('事后待审批');
    expect(await emergency.locator('.plan-code-button').count()).toBe(1);
    expect(await page.locator('#plan-list').textContent()).not.toMatch(RAW);
    await page.close();
  });

  it('the agency admin returns one plan with reasons and approves the others', async () => {
    const page = await signIn('admin1', false);
    await page.click('#nav-plan-approvals');
    const shop = page.locator(`.approval-row[data-plan-id="${ids.shop}"]`);
    await shop.waitFor();
    expect(await page.locator('.approval-row').count()).toBe(3);
    expect(await shop.locator('.approval-row__headline').textContent()).toContain('开封市鼓楼区老王烩面馆');
    expect(await shop.locator('.approval-row__detail').textContent()).toContain('执法人员：张伟 · 检查事项：食品经营许可检查');
    await shop.locator('.approval-choice-return').click();
    await shop.locator('.approval-decide').click();
    expect(await shop.locator('.approval-error').textContent()).toBe('退回须写明理由（至少2个字）');
    await shop.locator('.approval-note textarea').fill('近半年已有同行业检查结果，无新的触发事由');
    await shop.locator('.approval-decide').click();
    await page.waitForFunction((id) => document.querySelector(`.approval-row[data-plan-id="${id}"] .approval-row__tag`)?.textContent === '已退回', ids.shop);

    for (const id of [ids.mill, ids.emergency]) {
      const row = page.locator(`.approval-row[data-plan-id="${id}"]`);
      await row.locator('.approval-choice-approve').click();
      await row.locator('.approval-decide').click();
      await row.locator('.approval-decide').waitFor({ state: 'detached' });
    }
    expect(await page.locator(`.approval-row[data-plan-id="${ids.emergency}"] .approval-row__tag`).textContent()).toBe('已事后审批');
    expect(await page.locator('#approval-list').textContent()).not.toMatch(RAW);
    await page.click('#approval-filter-returned');
    await page.waitForFunction(() => document.querySelectorAll('.approval-row').length === 1);
    await page.close();
  });

  it('the officer reads why a plan was returned, and gets the code of the approved one', async () => {
    const page = await signIn('officer1', true);
    await page.click('#go-plans');
    const shop = card(page, ids.shop);
    await shop.waitFor();
    expect(await shop.locator('.plan-approval__tag').textContent()).toBe('已退回');
    expect(await shop.locator('.plan-approval__line').textContent()).toBe('负责人退回，计划不再执行：近半年已有同行业检查结果，无新的触发事由；如需检查请按意见重新报备');
    expect(await shop.locator('.plan-cancel').count()).toBe(0);

    const mill = card(page, ids.mill);
    expect(await mill.locator('.plan-approval__tag').textContent()).toBe('已审批');
    await mill.locator('.plan-history-toggle').click();
    await mill.locator('.plan-event').nth(1).waitFor();
    expect(await mill.locator('.plan-event__title').allTextContents()).toEqual(expect.arrayContaining(['报备', '审批通过']));
    await mill.locator('.plan-code-button').click();
    await page.waitForSelector('#code-url');
    await page.close();
  });
});
