import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000601');
const today = () => shanghaiDate(new Date());
const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const RAW = /green|yellow|red|rectify|violation|basis:|[{}"]/;

describe('一表通查 and 三色 in a browser: one checklist on the officer’s phone at 375 px, the colours on the enterprise’s page', () => {
  let t: TestApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  let a1 = '';
  let a2 = '';
  let codeUrl = '';

  beforeAll(async () => {
    t = await startTestApp('e2e_joint_checklist', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO items (id, agency_id, name, basis) VALUES
       ('M1', 'A1', '明码标价', '《价格法》第十三条'), ('M2', 'A1', '消防器材配置', '《消防法》第十六条'), ('M3', 'A1', '过期食品', '《食品安全法》第三十四条'),
       ('F1', 'A2', '消防设施完好', '《消防法》第十六条'), ('F2', 'A2', '疏散通道畅通', '《消防法》第二十八条')`);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', 'C')", [SHOP]);
    for (const user of ['officer1', 'officer2', 'admin1']) tokens[user] = await login(t.app, user);
    await call(t.app, 'PUT', '/api/registry/violation-colours', {
      token: tokens.admin1, body: { changes: [{ itemId: 'M1', colour: 'green' }, { itemId: 'M3', colour: 'red' }] },
    });
    const file = async (token: string, officerIds: string[], itemIds: string[]) =>
      (await call(t.app, 'POST', '/api/plans', { token, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '群众投诉', officerIds, itemIds } })).body.id as string;
    a1 = await file(tokens.officer1, ['O1'], ['M1', 'M2', 'M3']);
    a2 = await file(tokens.officer2, ['O2'], ['F1', 'F2']);
    codeUrl = (await call(t.app, 'POST', `/api/plans/${a1}/code`, { token: tokens.officer1 })).body.url;
    for (const token of [tokens.officer1, tokens.officer2]) {
      expect((await call(t.app, 'POST', '/api/onsite/check-in', { token, body: { creditCode: SHOP, clientKey: key('ci') } })).status).toBe(200);
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the officer one list, records a shared row for both agencies, and classes violations by colour', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector('#go-scan');
    await page.goto(`${t.url}/h5/#/pages/inspection/index?id=${a1}`);
    await page.waitForSelector('#checklist .row');
    expect(await page.locator('#items').count()).toBe(0);

    const rows = page.locator('#checklist .row');
    expect(await rows.locator('.item__name').allTextContents()).toEqual(['明码标价', '消防器材配置', '过期食品', '疏散通道畅通']);
    const shared = rows.nth(1);
    expect(await shared.locator('.row__agency').allTextContents()).toEqual(['市市场监督管理局', '市消防救援支队']);
    expect(await shared.locator('.row__stake').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-plan-id')))).toEqual([a1, a2]);

    // The shared row, once, for both agencies.
    await shared.locator('[data-outcome-id="pass"]').click();
    await shared.locator('.item__save').click();
    await shared.locator('.row__result', { hasText: '合格' }).nth(1).waitFor();

    // A first offence of a green item: green proposed and kept; the deadline is the day itself.
    const green = rows.nth(0);
    await green.locator('[data-outcome-id="rectify"]').click();
    expect(await green.locator('.item__proposal').textContent()).toContain('绿色·首违不罚');
    expect(await green.locator('.item__colour-choice--on').textContent()).toBe('绿色·首违不罚');
    expect(await green.locator('.item__deadline').count()).toBe(0);
    await green.locator('.item__save').click();
    await green.locator('.row__colour').waitFor();
    expect(await green.locator('.row__colour').textContent()).toBe('绿色·首违不罚');

    // A red item recorded as a violation: red; the fire brigade's unlisted item as a rectification: yellow with a deadline.
    const red = rows.nth(2);
    await red.locator('[data-outcome-id="violation"]').click();
    expect(await red.locator('.item__colour-choice--on').textContent()).toBe('红色·立案查处');
    await red.locator('.item__save').click();
    await red.locator('.row__colour').waitFor();
    const yellow = rows.nth(3);
    await yellow.locator('[data-outcome-id="rectify"]').click();
    expect(await yellow.locator('.item__colour-choice').allTextContents()).toEqual(['黄色·限期整改']);
    await yellow.locator('.item__deadline input').fill(inDays(10));
    await yellow.locator('.item__save').click();
    await yellow.locator('.row__colour').waitFor();
    expect(await yellow.locator('.row__stake').textContent()).toContain(`责令整改，整改期限 ${inDays(10)}`);

    const findings = await t.dataSource.query('SELECT plan_id, item_id, outcome, colour FROM findings ORDER BY id');
    expect(findings.map((f: { plan_id: string; item_id: string; outcome: string; colour: string | null }) => [f.plan_id === a1 ? 'A1' : 'A2', f.item_id, f.outcome, f.colour])).toEqual([
      ['A1', 'M2', 'pass', null], ['A2', 'F1', 'pass', null], ['A1', 'M1', 'rectify', 'green'], ['A1', 'M3', 'violation', 'red'], ['A2', 'F2', 'rectify', 'yellow'],
    ]);
    const text = await page.locator('#checklist').textContent();
    expect(text).not.toMatch(RAW);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the enterprise the one list with each agency’s result, its colour and what to do', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${t.url}${new URL(codeUrl).pathname}`);
    await page.waitForSelector('#verify-checklist .verify-item');
    expect(await page.locator('#verify-checklist .verify-item__name').allTextContents()).toEqual(['明码标价', '消防器材配置', '过期食品', '疏散通道畅通']);
    expect(await page.locator('.verify-agency .verify-item').count()).toBe(0);
    const shared = page.locator('#verify-checklist .verify-item').nth(1);
    expect(await shared.locator('.verify-result__agency').allTextContents()).toEqual(['市市场监督管理局：', '市消防救援支队：']);
    const colours = await page.locator('.verify-result__colour').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-colour'), n.textContent]));
    expect(colours).toEqual([['green', '绿色·首违不罚'], ['red', '红色·立案查处'], ['yellow', '黄色·限期整改']]);
    const advice = await page.locator('.verify-result__advice').allTextContents();
    expect(advice[0]).toContain('依法不予处罚');
    expect(advice[1]).toContain('立案查处');
    expect(advice[2]).toContain('上门复查');
    expect(await page.locator('#verify-checklist').textContent()).not.toMatch(RAW);
    await context.close();
  });

  it('lets the agency admin keep the colour list at a desk, each change in its history', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'admin1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    await page.click('#nav-colours');
    const row = page.locator('.colour-row[data-item-id="M2"]');
    await row.waitFor();
    expect(await page.locator('.colour-row[data-item-id="M1"] .chip--on').textContent()).toBe('绿色·首违不罚');
    expect(await row.locator('.chip--on').textContent()).toBe('未列入');
    await row.locator('[data-colour="yellow"]').click();
    await row.locator('.colour-row__days input').fill('0');
    await page.click('#colour-save');
    expect(await page.locator('#colour-error').textContent()).toBe('消防器材配置：整改期限应为 1–180 天');
    await row.locator('.colour-row__days input').fill('20');
    await page.click('#colour-save');
    await page.locator('#colour-saved').waitFor();
    expect(await page.locator('#colour-history .colour-history__entry').first().textContent()).toContain('消防器材配置：未列入 → 黄色，整改期限20天');
    expect(await page.locator('#colour-list').textContent()).not.toMatch(/green|yellow|red|none/);
    const [entry] = await t.dataSource.query("SELECT colour, rectify_days FROM violation_colours WHERE item_id = 'M2'");
    expect(entry).toEqual({ colour: 'yellow', rectify_days: 20 });
    await page.close();
  });
});
