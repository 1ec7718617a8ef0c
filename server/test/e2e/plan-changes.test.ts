import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const NOODLES = buildCreditCode('92410202', 'MA000801');
const HOTPOT = buildCreditCode('92410202', 'MA000802');
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const inWords = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};
/** Raw keys of rules and plan events that must never reach the page. */
const RAW_KEYS = /advance-notice|joint-scenario|moved|cancelled|refused|RULE_REFUSED|[{}"]/;

describe('officer app at 375 px: move and cancel a plan; go alone in a joint-supervision scenario with a reason', () => {
  let t: TestApp;
  let browser: Browser;
  const planIds: Record<string, string> = {};

  const card = (page: Page, id: string) => page.locator(`.plan[data-plan-id="${id}"]`);

  async function plansPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.click('#go-plans');
    await page.waitForSelector('#plan-list .plan');
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp('plan_changes_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第八十七条')");
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'C'), (?, '开封市鼓楼区小李火锅', '火锅', '410204', 'C')",
      [NOODLES, HOTPOT],
    );
    const officer = await login(t.app, 'officer1');
    const supervisor = await login(t.app, 'supervisor');
    for (const [name, code, days] of [['noodles', NOODLES, 20], ['hotpot', HOTPOT, 25]] as const) {
      const filed = await call(t.app, 'POST', '/api/plans', { token: officer, body: { creditCode: code, date: inDays(days), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] } });
      expect(filed.status).toBe(201);
      planIds[name] = filed.body.id;
    }
    // 餐饮服务 falls under a scenario that wants the fire brigade along.
    expect((await call(t.app, 'POST', '/api/joint-scenarios', { token: supervisor, body: { id: 'catering', name: '餐饮店联合检查', industries: ['餐饮服务'], agencyIds: ['A1', 'A2'] } })).status).toBe(201);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('moves a plan: a date too soon is refused in Chinese with the remedy, a later one is taken; the history tells both', async () => {
    const page = await plansPage();
    const plan = card(page, planIds.hotpot);
    await plan.locator('.plan-move').click();
    const form = plan.locator('.plan-change[data-kind="move"]');
    await form.locator('.plan-change-date input').fill(inDays(3));
    expect(await form.locator('.plan-change-hint').textContent()).toContain(`最早可改到 ${inDays(7)}`);
    await form.locator('.plan-change-submit').click();
    const refusal = form.locator('.refusal');
    await refusal.waitFor();
    expect(await refusal.locator('.refusal__rule').textContent()).toBe('提前报备');
    expect(await refusal.locator('.refusal__remedy').textContent()).toContain(inDays(7));
    expect(await plan.textContent()).not.toMatch(RAW_KEYS);

    await form.locator('.plan-change-date input').fill(inDays(30));
    await form.locator('.plan-change-submit').click();
    await page.waitForSelector('#plan-changed');
    expect(await page.locator('#plan-changed').textContent()).toBe(`已改期 ${await plan.locator('.plan-code').textContent()}，检查日期 ${inWords(inDays(30))}。`);
    await page.waitForFunction(
      ([id, words]) => document.querySelector(`.plan[data-plan-id="${id}"] .plan__date`)?.textContent?.includes(words),
      [planIds.hotpot, inWords(inDays(30))] as const,
    );

    await plan.locator('.plan-history-toggle').click();
    await plan.locator('.plan-history .plan-event').nth(3).waitFor();
    const titles = await plan.locator('.plan-event__title').allTextContents();
    expect(titles).toEqual(['报备', '未通过', '改期', '单独检查']);
    const history = (await plan.locator('.plan-history').textContent())!;
    expect(history).toContain(`改期到 ${inDays(3)} 未通过`);
    expect(history).toContain('提前报备：');
    expect(history).toContain(`报备日期由 ${inDays(25)} 改为 ${inDays(30)}`);
    expect(history).not.toMatch(RAW_KEYS);
    await page.close();
  });

  it('cancels a plan with a reason; without one it asks first', async () => {
    const page = await plansPage();
    const plan = card(page, planIds.hotpot);
    const code = await plan.locator('.plan-code').textContent();
    await plan.locator('.plan-cancel').click();
    const form = plan.locator('.plan-change[data-kind="cancel"]');
    await form.locator('.plan-change-submit').click();
    expect(await form.locator('.plan-change-problem').textContent()).toBe('请写明取消原因（至少2个字）');
    await form.locator('.plan-change-reason textarea').fill('企业已停业');
    await form.locator('.plan-change-submit').click();
    await page.waitForSelector('#plan-changed');
    expect(await page.locator('#plan-changed').textContent()).toContain(`已取消 ${code}`);
    await page.waitForFunction((id) => !document.querySelector(`.plan[data-plan-id="${id}"]`), planIds.hotpot);
    const [{ status }] = await t.dataSource.query('SELECT status FROM plans WHERE id = ?', [planIds.hotpot]);
    expect(status).toBe('cancelled');
    await page.close();
  });

  it('asks why the agency goes alone when a scenario wants others along, sends the reason and shows the code', async () => {
    const page = await plansPage();
    const plan = card(page, planIds.noodles);
    await plan.locator('.plan-code-button').click();
    const form = plan.locator('.plan-change[data-kind="alone"]');
    await form.waitFor();
    expect(await form.locator('.refusal__rule').textContent()).toBe('应联未联');
    expect(await form.locator('.refusal__message').textContent()).toContain('市消防救援支队');
    expect(await form.locator('.refusal__remedy').textContent()).toContain('写明理由');
    await form.locator('.plan-change-submit').click();
    expect(await form.locator('.plan-change-problem').textContent()).toContain('至少4个字');
    await form.locator('.plan-change-reason textarea').fill('消防部门本月已检查过该店');
    await form.locator('.plan-change-submit').click();
    await page.waitForSelector('#code-url');
    expect(await page.locator('#code-url').textContent()).toMatch(/\/v\/[A-Za-z0-9_-]{20}$/);
    const [{ alone_reason }] = await t.dataSource.query('SELECT alone_reason FROM plans WHERE id = ?', [planIds.noodles]);
    expect(alone_reason).toBe('消防部门本月已检查过该店');
    await page.click('#code-close');

    await plan.locator('.plan-history-toggle').click();
    await plan.locator('.plan-history .plan-event').nth(3).waitFor();
    const history = (await plan.locator('.plan-history').textContent())!;
    expect(history).toContain('综合监管场景“餐饮店联合检查”应与市消防救援支队联合检查');
    expect(history).toContain('理由：消防部门本月已检查过该店');
    expect(history).not.toMatch(RAW_KEYS);
    await page.close();
  });
});
