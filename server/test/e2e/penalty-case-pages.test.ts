import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000801');
const BENCHMARK = {
  clause: 'FSL-126', name: '未按规定建立并遵守进货查验记录制度', legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }, { id: 'harm', label: '造成危害后果', points: 4 }],
  bands: [{ level: 'light', minPoints: -100 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 10_000_000 } },
};
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim() ?? '';

/**
 * The penalty case pages in Chromium: an officer on a phone files a case from an inspection whose result
 * is 立案, notices it while the level and range follow the ticked factors; the party objects and states its
 * case by the notice's supervision code on its phone and the supervisor sees the objection in the console;
 * the officer decides a major fine, and the supervisor at a desk approves it from the legal review queue.
 */
describe('penalty case pages in a real browser: file, notice, decide, legal review', () => {
  let t: TestApp;
  let browser: Browser;
  let planId = '';

  beforeAll(async () => {
    // The default thresholds: a hearing from 100,000 yuan, a major decision from 50,000.
    t = await startTestApp('penalty_pages', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("UPDATE officers SET cert_expires = '2099-12-31' WHERE id = 'O1'");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no, cert_expires) VALUES ('O1b', 'A1', '王芳', '豫C0000003', '2099-12-31')");
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '进货查验记录检查', '《中华人民共和国食品安全法》第五十三条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王副食店', 'catering', '410204', 'B')", [SHOP]);
    await t.dataSource.query('INSERT INTO discretion_benchmarks (clause, name, legal_basis, factors, bands, ranges, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, NOW(3), ?)', [
      BENCHMARK.clause, BENCHMARK.name, BENCHMARK.legalBasis, JSON.stringify(BENCHMARK.factors), JSON.stringify(BENCHMARK.bands), JSON.stringify(BENCHMARK.ranges), 'test',
    ]);

    // An inspection today that found a violation: its result is 立案.
    const token = await login(t.app, 'officer1');
    const plan = await call(t.app, 'POST', '/api/plans', {
      token, body: { creditCode: SHOP, date: shanghaiDate(new Date()), trigger: 'complaint', reason: '群众举报销售无来源食品', officerIds: ['O1'], itemIds: ['I1'] },
    });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    expect((await call(t.app, 'POST', `/api/plans/${planId}/code`, { token })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/onsite/check-in', { token, body: { creditCode: SHOP, clientKey: key('ci') } })).status).toBe(200);
    const finding = { itemId: 'I1', outcome: 'violation', note: '3批次食品无进货记录', clientKey: key('f') };
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${planId}/findings`, { token, body: finding })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${planId}/finish`, { token, body: { clientKey: key('fin') } })).status).toBe(200);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
  }

  const stageIs = (page: Page, selector: string, stage: string) =>
    page.waitForFunction(([s, want]) => document.querySelector(s)?.textContent?.trim() === want, [selector, stage], { timeout: 15_000 });

  it('an officer files, notices and decides on a phone; the supervisor approves the major decision at a desk', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const officer = await phone.newPage();
    const pageErrors: string[] = [];
    officer.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(officer, 'officer1');
    await officer.waitForSelector('#go-cases');

    // The inspection found a violation: 立案 opens the filing page for it.
    await officer.goto(`${t.url}/h5/#/pages/inspection/index?id=${encodeURIComponent(planId)}`);
    await officer.locator('#summary-result').waitFor();
    expect(await text(officer, '#summary-result')).toBe('检查结果：立案');
    await officer.click('#file-case');
    await officer.locator('#file-origin').waitFor();
    expect(await text(officer, '#file-origin')).toContain(planId);

    // A clause without a benchmark is refused by the server, said in Chinese beside the clause.
    await officer.fill('#file-cause input', 'NO-SUCH');
    await officer.fill('#file-facts textarea', '现场有3批次食品无进货查验记录，无法提供供货者许可证和票据');
    await officer.locator('#file-officers [data-officer-id="O1"][data-checked="true"]').waitFor();
    await officer.click('#file-officers [data-officer-id="O1b"]');
    await officer.click('#file-submit');
    await officer.locator('#file-cause-error').waitFor();
    expect(await text(officer, '#file-cause-error')).toBe('没有该违法条款的裁量基准');
    expect(await text(officer, '#file-error')).not.toMatch(/cause|[{}"]/);

    await officer.fill('#file-cause input', BENCHMARK.clause);
    await officer.click('#file-submit');
    await stageIs(officer, '#pc-stage', '已立案，待告知');
    const caseId = (await text(officer, '#pc-id')).match(/AJ-\d{8}-[0-9A-F]{8}/)![0];
    expect(await text(officer, '#pc-title')).toBe('开封市鼓楼区老王副食店');
    expect(await text(officer, '#pc-basis')).toBe(BENCHMARK.legalBasis);
    expect(await text(officer, '#pc-officers')).toBe('张伟、王芳');

    // Ticking factors moves points, level and range at once; a fine outside the range asks for a reason.
    await officer.click('#notice-form [data-factor-id="illegal-gains"]');
    expect(await text(officer, '#notice-level')).toBe('一般');
    expect(await text(officer, '#notice-range')).toBe('罚款幅度 10,000 元 – 30,000 元');
    await officer.click('#notice-form [data-factor-id="harm"]');
    expect(await text(officer, '#notice-points')).toBe('7分');
    expect(await text(officer, '#notice-level')).toBe('从重');
    expect(await text(officer, '#notice-range')).toBe('罚款幅度 30,000 元 – 100,000 元');
    await officer.fill('#notice-fine input', '20000');
    await officer.locator('#notice-reason').waitFor();
    expect(await text(officer, '#notice-fine-check')).toContain('超出幅度');
    await officer.fill('#notice-fine input', '60000');
    await officer.locator('#notice-reason').waitFor({ state: 'detached' });
    expect(await text(officer, '#notice-fine-check')).toBe('在幅度内（30,000 元 – 100,000 元）');
    await officer.click('#notice-submit');
    await stageIs(officer, '#pc-stage', '已告知，陈述申辩期');
    expect(await text(officer, '#pc-code-url')).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
    // The code's QR for the printed notice is drawn (an SVG image that loaded).
    expect(await officer.locator('#pc-code-qr img, img#pc-code-qr').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await text(officer, '#pc-level')).toBe('共7分，从重档，罚款幅度 30,000 元 – 100,000 元');
    expect(await text(officer, '#pc-deadlines .pc-deadline[data-key="statement"]')).toMatch(/陈述申辩期\d{4}-\d{2}-\d{2} 24:00（还剩\d天）/);

    // Before the statement period ends and without a statement, the decision is refused with the rule and its remedy.
    expect(await officer.locator('#decision-fine input').inputValue()).toBe('60000');
    await officer.click('#decision-submit');
    const refusal = officer.locator('#decision-refusals .refusal[data-rule="statement-period"]');
    await refusal.waitFor();
    expect(await refusal.locator('.refusal__message').textContent()).toBe('当事人陈述申辩期尚未届满');
    expect(await refusal.locator('.refusal__remedy').textContent()).toContain('当事人提出陈述申辩后');

    // The party opens the notice's supervision code on its own phone, objects to the discretion and states its case.
    const codeToken = (await text(officer, '#pc-code-url')).split('/p/')[1];
    const partyPhone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const party = await partyPhone.newPage();
    party.on('pageerror', (error) => pageErrors.push(error.message));
    await party.goto(`${t.url}/p/${codeToken}`);
    await party.waitForSelector('#penalty-status.penalty--ok');
    expect(await party.locator('#penalty-case-no').textContent()).toBe(caseId);
    const submit = async (kind: string, words: string) => {
      await party.locator(`.penalty-action[data-kind="${kind}"]`).click();
      await party.locator('#penalty-text textarea').fill(words);
      await party.click('#penalty-next');
      await party.waitForSelector('#penalty-confirm');
      await party.click('#penalty-send');
      await party.waitForSelector('#penalty-done');
    };
    await submit('objection', '本店系初次违法，不应勾选“有违法所得”，裁量过重');
    await submit('statement', '我店已补建进货台账，请求从轻处罚');
    await partyPhone.close();

    // The supervisor sees the objection at once, in the console's queue under 处罚异议, linked to the case.
    const objectionDesk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const overseer = await objectionDesk.newPage();
    overseer.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(overseer, 'supervisor');
    await overseer.goto(`${t.url}/h5/#/console/pages/cases/index`);
    await overseer.click('#filter-source-objection');
    const objectionRow = overseer.locator('.case-row', { hasText: caseId });
    await objectionRow.waitFor();
    expect(await objectionRow.textContent()).toContain('提出异议');
    await objectionDesk.close();

    await officer.reload();
    await officer.locator('#pc-submissions .pc-submission[data-kind="statement"]').waitFor();
    expect(await text(officer, '#pc-submissions')).toContain('我店已补建进货台账，请求从轻处罚');
    expect(await text(officer, '#pc-deadlines .pc-deadline[data-key="statement"]')).toContain('当事人已提出陈述申辩');

    // 60,000 yuan is a major decision: it goes to legal review instead of being issued.
    await officer.click('#decision-submit');
    await stageIs(officer, '#pc-stage', '法制审核中');
    expect(await officer.locator('#pc-reviews .pc-review[data-verdict="pending"]').textContent()).toContain('罚款数额较大');
    expect(await officer.locator('#decision-form').count()).toBe(0);

    // The supervisor, at a desk, opens the review queue and approves.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const supervisor = await desk.newPage();
    supervisor.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(supervisor, 'supervisor');
    await supervisor.click('#nav-reviews');
    const row = supervisor.locator(`#review-list .review-row[data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('老王副食店');
    expect(await row.locator('.review-row__reasons').textContent()).toBe('罚款数额较大');
    await row.click();
    await stageIs(supervisor, '#pen-stage', '法制审核中');
    expect(await text(supervisor, '#review-form .pen-case__proposal')).toContain('罚款 60,000 元');
    expect(await text(supervisor, '#pen-submissions')).toContain('陈述申辩');
    await supervisor.click('#review-submit');
    expect(await text(supervisor, '#review-error')).toContain('请选择审核意见');
    await supervisor.click('#verdict-approved');
    await supervisor.fill('#review-opinion textarea', '事实清楚，证据确凿，适用依据正确，程序合法');
    await supervisor.click('#review-submit');
    await supervisor.locator('#review-done').waitFor();
    await stageIs(supervisor, '#pen-stage', '已作出处罚决定');
    expect(await supervisor.locator('#review-form').count()).toBe(0);
    expect(await text(supervisor, '#pen-reviews')).toContain('审核通过 · supervisor');
    await desk.close();

    // The officer sees the decision made, and the case's trail in Chinese.
    await officer.reload();
    await stageIs(officer, '#pc-stage', '已作出处罚决定');
    expect(await text(officer, '#pc-fine')).toBe('决定：罚款 60,000 元（重大执法决定）');
    expect(await officer.locator('#pc-actions [id^="pc-action-"]').evaluateAll((buttons) => buttons.map((b) => b.id))).toEqual(['pc-action-close']);
    await officer.locator('#pc-trail .case-trail__entry').nth(6).waitFor();
    const steps = await officer.locator('#pc-trail .case-trail__kind').allTextContents();
    expect(steps).toEqual(['立案', '行政处罚告知', '当事人陈述申辩/听证/异议', '当事人陈述申辩/听证/异议', '提请法制审核', '法制审核', '作出处罚决定']);
    const trail = await text(officer, '#pc-trail');
    expect(trail).toContain('审核通过：事实清楚，证据确凿');
    expect(trail).not.toMatch(/case-filed|review-decided|[{}"]/);

    // The list names the stage; the filter narrows it.
    await officer.goto(`${t.url}/h5/#/penalty/pages/cases/index`);
    const listed = officer.locator(`#pc-list .pc-row[data-case-id="${caseId}"]`);
    await listed.waitFor();
    expect(await listed.locator('.pc-row__stage').textContent()).toBe('已作出处罚决定');
    await officer.click('#pc-stage-review');
    await officer.locator('#pc-empty').waitFor();
    expect(await officer.locator('#pc-list .pc-row').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await phone.close();
  });
});
