import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, seedTwoAgencies } from '../support/fixtures.js';
import { call, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410204', 'MA002401');
const MILL = buildCreditCode('92410204', 'MA002402');
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
/** Raw keys, ids and JSON that must never reach these pages. */
const RAW = /\b(draft|submitted|returned|approved|published|closed|overdue|campaign-[a-z]+|user:\d+)\b|[{}"]|\bA[12]\b|\bI1\b/;

describe('special campaigns (专项检查) in the browser: desks draft, decide and publish; officers file under them; anyone reads them', () => {
  let t: TestApp;
  let browser: Browser;
  let campaignId = '';

  async function desk(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', PASSWORD);
    await page.click('#login-submit');
    await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    await page.click('#nav-campaigns');
    await page.waitForSelector('#campaign-total:not(:text("正在查询…"))');
    return page;
  }
  const status = (page: Page) => page.locator('#campaign-detail-status').textContent();
  const openRow = async (page: Page) => {
    await page.locator(`.campaign-row[data-campaign-id="${campaignId}"]`).click();
    await page.waitForSelector('#campaign-detail');
  };

  beforeAll(async () => {
    t = await startTestApp('campaigns_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '燃气使用安全检查', '城镇燃气管理条例')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C'), (?, '面粉厂', '食品生产', '410204', 'C')", [SHOP, MILL]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an agency admin drafts a campaign at a desk: the form says what is missing, then saves it and submits it', async () => {
    const page = await desk('admin1');
    await page.click('#campaign-new');
    await page.click('#campaign-save');
    expect(await page.locator('#campaign-form .console-field__error').allTextContents()).toEqual(
      expect.arrayContaining(['请填写专项检查名称', '请至少选择一个检查事项', '请填写开始日期，如 2026-12-15']),
    );
    await page.fill('#campaign-name input', '冬季燃气安全专项检查');
    await page.fill('#campaign-summary textarea', '餐饮场所燃气使用、报警装置');
    await page.fill('#campaign-industries textarea', '餐饮服务');
    await page.fill('#campaign-regions input', '4102');
    await page.locator('.item-choice[data-item-id="I1"]').click();
    await page.locator('.agency-choice[data-agency-id="A2"]').click();
    await page.fill('#campaign-from input', inDays(8));
    await page.fill('#campaign-to input', inDays(60));
    await page.click('#campaign-save');
    await page.waitForSelector('#campaign-detail');
    expect(await status(page)).toBe('草稿');
    expect(await page.locator('#campaign-detail').textContent()).toContain('市市场监督管理局、市消防救援支队');
    campaignId = (await page.locator('.campaign-row').first().getAttribute('data-campaign-id'))!;
    await page.click('#campaign-submit');
    await page.waitForFunction(() => document.querySelector('#campaign-detail-status')?.textContent === '待审批');
    expect(await page.locator('#campaign-edit').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(RAW);
    await page.close();
  });

  it('the supervisor returns it with reasons; edited and submitted again, approved with its deadline shown', async () => {
    const page = await desk('supervisor');
    await page.click('#campaign-filter-submitted');
    await openRow(page);
    await page.click('#campaign-decide-return');
    await page.click('#campaign-decide');
    expect(await page.locator('#campaign-action-error').textContent()).toBe('退回须写明理由（至少2个字）');
    await page.fill('#campaign-note textarea', '请写明报警装置的检查标准');
    await page.click('#campaign-decide');
    await page.waitForFunction(() => document.querySelector('#campaign-detail-status')?.textContent === '已退回');
    expect(await page.locator('#campaign-decision-note').textContent()).toBe('请写明报警装置的检查标准');

    const admin = await desk('admin1');
    await openRow(admin);
    await admin.click('#campaign-edit');
    await admin.fill('#campaign-summary textarea', '餐饮场所燃气使用；报警装置按 GB 16808 检查');
    await admin.click('#campaign-save');
    await admin.waitForSelector('#campaign-detail');
    await admin.click('#campaign-submit');
    await admin.waitForFunction(() => document.querySelector('#campaign-detail-status')?.textContent === '待审批');

    await page.reload();
    await page.waitForSelector('.campaign-row');
    await openRow(page);
    await page.click('#campaign-decide-approve');
    await page.click('#campaign-decide');
    await page.waitForFunction(() => document.querySelector('#campaign-detail-status')?.textContent === '已批准待公布');
    expect(await page.locator('#campaign-deadline').textContent()).toMatch(/^须于\d{4}年\d{1,2}月\d{1,2}日前公布$/);
    const history = await page.locator('.campaign-history-line').allTextContents();
    expect(history.map((line) => line.split(' · ')[0])).toEqual(['拟定专项检查', '提交审批', '审批退回', '修改专项检查', '提交审批', '审批通过']);
    expect(await page.locator('body').textContent()).not.toMatch(RAW);
    await page.close();

    // Published by its drafter, who sees it approved once the page is read again.
    await admin.reload();
    await admin.waitForSelector('.campaign-row');
    await openRow(admin);
    expect(await status(admin)).toBe('已批准待公布');
    await admin.click('#campaign-publish');
    await admin.waitForFunction(() => document.querySelector('#campaign-detail-status')?.textContent === '已公布');
    await admin.close();
  });

  it('an approved campaign left unpublished past its month shows as overdue to the supervisor', async () => {
    await t.dataSource.query(
      "INSERT INTO campaigns (id, name, summary, status, owner_agency_id, industries, region_prefixes, item_ids, period_from, period_to, created_at, created_by, submitted_at, approved_at, publish_due) VALUES ('C-LATE', '消防通道专项整治', '', 'approved', 'A2', '[]', '[]', '[]', ?, ?, NOW(3), 'cli', NOW(3), NOW(3), ?)",
      [inDays(5), inDays(90), inDays(-2)],
    );
    await t.dataSource.query("INSERT INTO campaign_agencies (campaign_id, agency_id) VALUES ('C-LATE', 'A2')");
    const page = await desk('supervisor');
    await page.click('#campaign-filter-overdue');
    await page.waitForFunction(() => document.querySelector('#campaign-total')?.textContent?.startsWith('共 1 项'));
    expect(await page.locator('.campaign-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-campaign-id')))).toEqual(['C-LATE']);
    const row = page.locator('.campaign-row[data-campaign-id="C-LATE"]');
    expect(await row.locator('.campaign-row__status').textContent()).toBe('逾期未公布');
    expect(await row.locator('.campaign-row__due').textContent()).toContain('逾期未公布（应于');
    await page.close();
  });

  it('at 375 px the officer files under the campaign: out of scope is refused with the rule, in scope the plan names it', async () => {
    const officer = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await officer.goto(`${t.url}/h5/`);
    await officer.fill('#username input', 'officer1');
    await officer.fill('#password input', PASSWORD);
    await officer.click('#login-submit');
    await officer.click('#go-plans');
    await officer.click('#new-plan');
    await officer.waitForSelector(`.plan-campaign[data-campaign-id="${campaignId}"]`);
    await officer.locator(`.plan-campaign[data-campaign-id="${campaignId}"]`).click();
    await officer.fill('#plan-credit-code input', MILL);
    await officer.fill('#plan-date input', inDays(10));
    await officer.click('[data-item-id="I1"]');
    await officer.click('#plan-submit');
    const refusal = officer.locator('#plan-refusals .refusal[data-rule="campaign-scope"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('食品生产');
    await officer.fill('#plan-credit-code input', SHOP);
    await officer.click('#plan-submit');
    await officer.waitForSelector('#plan-filed');
    expect(await officer.locator('.plan .plan__campaign').first().textContent()).toBe('专项检查：冬季燃气安全专项检查');
    await officer.close();

    // The console counts it.
    const page = await desk('supervisor');
    const row = page.locator(`.campaign-row[data-campaign-id="${campaignId}"]`);
    await page.waitForFunction((id) => document.querySelector(`.campaign-row[data-campaign-id="${id}"] .campaign-row__progress`)?.textContent?.startsWith('已报备'), campaignId);
    expect(await row.locator('.campaign-row__progress').textContent()).toBe('已报备 1 项，已完成 0 项');
    await page.close();
  });

  it('anyone reads the published campaigns at 375 px: scope, period and agencies, nothing raw, nothing wider than the phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${t.url}/h5/enterprise.html#/enterprise/pages/campaigns/index`);
    const card = page.locator(`.campaign[data-id="${campaignId}"]`);
    await card.waitFor();
    expect(await page.locator('.campaign').count()).toBe(1);
    expect(await card.locator('.campaign__name').textContent()).toBe('冬季燃气安全专项检查');
    expect(await card.locator('.campaign__agencies').textContent()).toBe('市市场监督管理局、市消防救援支队');
    expect(await card.locator('.campaign__scope').textContent()).toBe('餐饮服务；行政区划代码 4102 开头的地区');
    expect(await card.locator('.campaign__items').textContent()).toBe('燃气使用安全检查');
    const [y, m, d] = inDays(8).split('-').map(Number);
    expect(await card.locator('.campaign__period').textContent()).toContain(`${y}年${m}月${d}日 至 `);
    expect(await page.locator('body').textContent()).not.toMatch(RAW);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
    const anonymous = await call(t.app, 'GET', '/api/public/campaigns', {});
    expect(anonymous.status).toBe(200);
  });
});
