import { buildCreditCode } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appendTrail, raiseFlag } from '../support/trail-and-flags.js';
import { addInspectionOfficer, seedTwoAgencies } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000701');
const DAY = 86_400_000;

describe('the supervision console in a real browser: a bad rating becomes a rectification, answered and confirmed', () => {
  let t: TestApp;
  let browser: Browser;
  let caseId = '';
  let oldCaseId = '';

  /** A poor rating raised into a case the way the evaluation module does it: rating, trail, flag in one transaction. */
  async function badRating(inspectionId: string, ratedAt: Date, comment: string): Promise<string> {
    return t.dataSource.transaction(async (manager) => {
      await manager.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, 'A1', ?, 'planned', ?, ?, 1, 'rectify')",
        [inspectionId, SHOP, new Date(ratedAt.getTime() - DAY), new Date(ratedAt.getTime() - DAY + 3_600_000)],
      );
      await addInspectionOfficer(manager, inspectionId, 'O1');
      await manager.query(
        "INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES (?, 'A1', 2, 3, 2, 1, 'disapprove', 'repeated', ?, ?)",
        [inspectionId, comment, ratedAt],
      );
      await appendTrail(manager, inspectionId, 'rated', 'enterprise', { agencyId: 'A1', verdict: 'disapprove' }, ratedAt);
      return (await raiseFlag(manager, {
        dedupeKey: `rating:${inspectionId}:A1`, source: 'rating', rule: 'disapprove', subjectType: 'inspection', subjectId: inspectionId, agencyId: 'A1', creditCode: SHOP,
        officerId: 'O1', inspectionId, severity: 'high', title: '企业不认可本次检查：重复检查', evidence: { inspectionId, reasons: ['企业不认可本次检查'] }, actor: 'enterprise',
      }, ratedAt)).id;
    });
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    // Desk roles land in the console's case list.
    await page.waitForSelector('#case-list', { timeout: 15_000 });
  }

  async function act(page: Page, action: string, fill: { note?: string; deadline?: string } = {}, status: string): Promise<void> {
    await page.click(`#action-${action}`);
    await page.waitForSelector('#action-form');
    if (fill.note) await page.fill('#action-note textarea', fill.note);
    if (fill.deadline) await page.fill('#action-deadline input', fill.deadline);
    await page.click('#action-submit');
    await page.waitForFunction((text) => document.querySelector('#case-status')?.textContent?.includes(text), status, { timeout: 10_000 });
  }

  beforeAll(async () => {
    t = await startTestApp('console_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C')", [SHOP]);
    oldCaseId = await badRating('X0', new Date(Date.now() - 9 * DAY), '上个月也来过');
    caseId = await badRating('X1', new Date(Date.now() - 3_600_000), '一个月来了两次，影响营业');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('supervisor orders rectification, the agency admin answers on a phone, the supervisor confirms; the log shows every step', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    const supervisor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(supervisor, 'supervisor');
    expect(await supervisor.locator('#console-user').textContent()).toContain('执法监督');
    const row = supervisor.locator(`.case-row[data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('老王烩面馆');
    // The nine-day-old untouched case is past due and marked so; today's is not.
    expect(await supervisor.locator(`.case-row[data-case-id="${oldCaseId}"]`).getAttribute('class')).toContain('case-row--overdue');
    expect(await row.getAttribute('class')).not.toContain('case-row--overdue');

    await supervisor.fill('#case-search input', SHOP.slice(0, 10));
    await supervisor.click('#case-search-submit');
    await supervisor.waitForFunction(() => document.querySelector('#case-total')?.textContent?.includes('共 2 件'));

    await row.click();
    await supervisor.waitForSelector('#case-title');
    expect(await supervisor.locator('#case-ratings').textContent()).toContain('一个月来了两次，影响营业');
    expect(await supervisor.locator('#case-trail .trail-entry').count()).toBe(2);
    // The trail reads in its steps' Chinese names, not its kinds or JSON.
    const trail = await supervisor.locator('#case-trail').textContent();
    expect(trail).toContain('1. 企业评价');
    expect(trail).toContain('2. 监督立案');
    expect(trail).not.toMatch(/\b(rated|flagged|agencyId|verdict)\b|[{}"]/);
    expect(await supervisor.locator('#case-related').textContent()).toContain('企业不认可本次检查');
    // The evidence reads in Chinese labels, not keys or JSON.
    const evidence = await supervisor.locator('#case-evidence').textContent();
    expect(evidence).toContain('检查：X1；转交监督的原因：企业不认可本次检查');
    expect(evidence).not.toMatch(/inspectionId|reasons|[[\]{}"]/);

    await act(supervisor, 'investigate', {}, '调查中');
    const deadline = new Date(Date.now() + 8 * 3_600_000 + 7 * DAY).toISOString().slice(0, 10);
    await act(supervisor, 'order-rectification', { note: '立即停止对该店的重复检查，书面说明原因', deadline }, '整改中');
    expect(await supervisor.locator('#case-deadline').textContent()).toContain('剩7天');

    // The agency admin, on a phone-sized screen, sees its own case and answers the order.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const admin = await phone.newPage();
    await signIn(admin, 'admin1');
    // The rated agency's list and case page name neither the enterprise nor what it wrote.
    const adminRow = admin.locator(`.case-row[data-case-id="${caseId}"]`);
    await adminRow.waitFor();
    expect(await adminRow.textContent()).not.toContain('老王烩面馆');
    await adminRow.click();
    await admin.waitForSelector('#action-answer-rectification');
    expect(await admin.locator('#case-anonymity').textContent()).toContain('评价企业');
    expect(await admin.locator('#case-evidence').textContent()).toMatch(/检查日期：\d{4}-\d{2}-\d{2}/);
    expect(await admin.locator('body').textContent()).not.toContain('一个月来了两次，影响营业');
    expect(await admin.locator('#case-actions .btn').allTextContents()).not.toContain('确认整改到位');
    await act(admin, 'answer-rectification', { note: '已撤回重复计划，约谈当事执法人员，并向企业致歉' }, '整改待确认');
    await phone.close();

    await supervisor.reload();
    await supervisor.waitForSelector('#action-confirm-rectification');
    await act(supervisor, 'confirm-rectification', {}, '已办结');
    expect(await supervisor.locator('#case-status').textContent()).toContain('已整改');

    const log = supervisor.locator('#case-log .case-event');
    expect(await log.evaluateAll((events) => events.map((e) => e.getAttribute('data-kind')))).toEqual([
      'raised', 'investigating', 'rectification-ordered', 'rectification-answered', 'rectification-confirmed',
    ]);
    expect(await log.locator('.case-event__actor').allTextContents()).toEqual(['企业', 'supervisor', 'supervisor', 'admin1', 'supervisor']);
    expect(await log.nth(3).locator('.case-event__note').textContent()).toBe('已撤回重复计划，约谈当事执法人员，并向企业致歉');

    // The dashboard draws its charts from the same data.
    await supervisor.click('#nav-dashboard');
    await supervisor.waitForSelector('#chart-open-flags-by-age[data-ready="true"] canvas', { timeout: 15_000 });
    expect(await supervisor.locator('#kpi-open').textContent()).toBe('1');
  });
});
