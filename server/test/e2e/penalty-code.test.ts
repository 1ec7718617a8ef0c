import { buildCreditCode } from '@mashang/shared';
import type { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { REDIS } from '../../src/infra/redis/redis.module.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken } from '../../src/modules/cases/supervision-code/supervision-code-token.js';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MP000901');
const DAY = 86_400_000;

describe('the supervision code page in a real phone-sized browser', () => {
  let t: TestApp;
  let browser: Browser;

  /** A case as its notice leaves it (fixture rows), answering its code. */
  async function noticed(caseId: string, stage = 'notified'): Promise<string> {
    const token = supervisionCodeToken(supervisionCodeKey(t.config.jwtSecret), caseId);
    const now = Date.now();
    await t.dataSource.query(
      "INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES (?, 'A1', ?, 'food-safety-34', 'general', ?, ?, ?)",
      [caseId, SHOP, stage === 'closed' ? 1_500_000 : 0, stage === 'closed' ? 'closed' : 'filed', new Date(now - 5 * DAY)],
    );
    await t.dataSource.query(
      `INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, factors, points, proposed_fine, range_min, range_max, notified_at, statement_until, hearing_until, code_hash, filed_by, updated_at)
       VALUES (?, ?, 'inspection', '当事人货架上陈列超过保质期的牛奶12盒。', '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项', ?, 2, 2000000, 1000000, 3000000, ?, ?, ?, ?, 5, ?)`,
      [caseId, stage, JSON.stringify(['first-offence', 'harm']), new Date(now - DAY), new Date(now + 3 * DAY), new Date(now + 5 * DAY), supervisionCodeHash(token), new Date(now - DAY)],
    );
    return token;
  }

  beforeAll(async () => {
    t = await startTestApp('penalty_code_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', ?, 'B')", [
      SHOP, testPhoneCipher().encrypt('13612345678'),
    ]);
    await t.dataSource.query(
      "INSERT INTO discretion_benchmarks (clause, name, legal_basis, factors, bands, ranges, updated_at, updated_by) VALUES ('food-safety-34', '经营超过保质期的食品', '《中华人民共和国食品安全法》第一百二十四条', ?, ?, ?, NOW(), 'supervisor')",
      [
        JSON.stringify([{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }, { id: 'harm', label: '造成危害后果', points: 4 }]),
        JSON.stringify([{ level: 'light', minPoints: -10 }, { level: 'general', minPoints: 1 }, { level: 'severe', minPoints: 5 }]),
        JSON.stringify({ light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 5_000_000 } }),
      ],
    );
    await t.app.get<Redis>(REDIS).del('penalty-code-failures:127.0.0.1');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the code from the notice, reads the case, objects to the discretion after confirming, and sees it went to the supervisor', async () => {
    const token = await noticed('汴市监罚〔2026〕18号');
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${t.url}/p/${token}`);
    await page.waitForSelector('#penalty-status.penalty--ok');
    expect(await page.locator('#penalty-case-no').textContent()).toBe('汴市监罚〔2026〕18号');
    expect(await page.locator('#penalty-agency').textContent()).toBe('市市场监督管理局');
    expect(await page.locator('#penalty-facts').textContent()).toContain('超过保质期的牛奶12盒');
    expect(await page.locator('#penalty-basis').textContent()).toContain('第一百二十四条');
    expect(await page.locator('.penalty-factor').allTextContents()).toEqual(['☑ 初次违法-2分', '☑ 造成危害后果+4分']);
    expect(await page.locator('#penalty-level').textContent()).toBe('一般');
    expect(await page.locator('#penalty-range').textContent()).toBe('10,000元 至 30,000元');
    expect(await page.locator('#penalty-fine').textContent()).toBe('20,000元');
    expect(await page.locator('#penalty-statement-until').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前（还剩\d+天）$/);
    expect(await page.locator('.penalty-action').allTextContents()).toEqual(['提交陈述申辩', '申请听证', '对裁量提出异议']);
    // Readable on a small phone: nothing wider than the screen, and body text no smaller than the design's.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const factSize = await page.locator('#penalty-facts').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(factSize).toBeGreaterThanOrEqual(18);

    await page.locator('.penalty-action[data-kind="objection"]').click();
    // An empty objection is stopped on the page, before anything is sent.
    await page.click('#penalty-next');
    expect(await page.locator('#penalty-problem').textContent()).toBe('请写明对裁量有异议的理由');
    await page.locator('#penalty-text textarea').fill('本店系初次违法，已主动下架销毁，未造成危害后果，不应勾选“造成危害后果”。');
    await page.click('#penalty-next');
    await page.waitForSelector('#penalty-confirm');
    expect(await page.locator('#penalty-confirm').textContent()).toContain('确认对裁量提出异议吗？提交后不能修改或撤回。');
    expect(await page.locator('#penalty-confirm-text').textContent()).toContain('不应勾选“造成危害后果”');
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM party_submissions')).toEqual([{ n: '0' }]);
    await page.click('#penalty-send');
    await page.waitForSelector('#penalty-done');
    expect(await page.locator('#penalty-done').textContent()).toContain('异议已提交，已直接转交司法局执法监督部门核查');
    await page.waitForSelector('#penalty-submissions .penalty-submission');
    expect(await page.locator('.penalty-submission').allTextContents()).toEqual([expect.stringMatching(/^对裁量有异议 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)]);

    // The supervisor has it in the console's queue under 处罚异议.
    const supervisor = await login(t.app, 'supervisor');
    const listed = await call(t.app, 'GET', '/api/supervision/cases?source=objection', { token: supervisor });
    expect(listed.body.items.map((c: { subjectId?: string; title: string }) => c.title)).toEqual(['当事人对案件 汴市监罚〔2026〕18号（经营超过保质期的食品）的处罚裁量提出异议']);
    await phone.close();
  });

  it('shows a closed case read-only, and a forged code as invalid', async () => {
    const token = await noticed('汴市监罚〔2026〕7号', 'closed');
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${t.url}/p/${token}`);
    await page.waitForSelector('#penalty-readonly');
    expect(await page.locator('#penalty-readonly').textContent()).toContain('本案已结案');
    expect(await page.locator('#penalty-decided-fine').textContent()).toBe('15,000元');
    expect(await page.locator('.penalty-action').count()).toBe(0);

    await page.goto(`${t.url}/p/AbCdEfGhIjKlMnOpQrStUv`);
    await page.waitForSelector('#penalty-status.penalty--bad');
    expect(await page.locator('#penalty-message').textContent()).toContain('监督码无效');
    await phone.close();
  });
});
