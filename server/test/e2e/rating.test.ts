import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode } from '@mashang/shared';
import type { Queue } from 'bull';
import type { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { JobName, QueueName } from '../../src/infra/queues/queues.js';
import { REDIS } from '../../src/infra/redis/redis.module.js';
import { eventually } from '../evaluation-fakes.js';
import { addInspectionOfficer, seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CODE = buildCreditCode('92410202', 'MA000901');

describe('the SMS rating page in a real phone-sized browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    // The local outbox provider: the SMS is read back the way a demo reads it.
    t = await startTestApp('rating_e2e', { listen: true, env: { SMS_PROVIDER: 'outbox', SMS_MODE: 'link', RATING_REMINDER_DELAY: 'off' } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', ?, 'C')", [
      CODE, testPhoneCipher().encrypt('13612345678'),
    ]);
    for (const [id, agency, officer] of [['P1', 'A1', 'O1'], ['P2', 'A2', 'O2']]) {
      await t.dataSource.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES (?, ?, ?, 'planned', 'P1', '2026-03-05 01:30:00', '2026-03-05 02:30:00', true, '2026-03-04 00:00:00', 'pass')",
        [id, agency, CODE],
      );
      await addInspectionOfficer(t.dataSource, id, officer);
    }
    // The wrong code typed below counts against this address for a quarter hour: start from none.
    await t.app.get<Redis>(REDIS).del('rating-code-failures:127.0.0.1');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the link from the SMS, rates both agencies of a joint inspection, and is refused a second time', async () => {
    const inspections = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    await inspections.add(JobName.InspectionFinished, { groupId: 'P1', creditCode: CODE, inspectionIds: ['P1', 'P2'], finishedAt: '2026-03-05T02:30:00.000Z' }, { jobId: 'finished:P1' });
    const supervisor = await login(t.app, 'supervisor');
    const [sms] = await eventually(async () => {
      const outbox = (await call(t.app, 'GET', '/api/sms/outbox', { token: supervisor })).body;
      return outbox.length > 0 && outbox;
    }, 20_000, 'the SMS in the outbox');
    expect(sms.phone).toBe('136****5678');
    expect(sms.text).toContain(sms.link);
    const link = new URL(sms.link);
    expect(link.pathname).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/);

    const shop = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await shop.newPage();
    await page.goto(`${t.url}${link.pathname}`);
    await page.waitForSelector('#rate-form');
    expect(await page.locator('#rate-enterprise').textContent()).toContain('老王烩面馆');
    expect(await page.locator('#rate-date').textContent()).toBe('2026年3月5日 星期四');
    await page.locator('#rate-joint').waitFor();
    const a1 = page.locator('.rate-agency[data-agency-id="A1"]');
    const a2 = page.locator('.rate-agency[data-agency-id="A2"]');
    expect(await a1.locator('.rate-agency__name').textContent()).toBe('市市场监督管理局');
    expect(await a2.locator('.rate-officer').textContent()).toContain('豫C0000002');

    for (const [dimension, score] of [['language', 5], ['procedure', 5], ['manner', 4], ['fairness', 5]] as const) {
      await a1.locator(`.rate-score[data-dimension="${dimension}"][data-score="${score}"]`).click();
    }
    await a1.locator('.rate-verdict[data-verdict="approve"]').click();
    for (const [dimension, score] of [['language', 3], ['procedure', 2], ['manner', 3], ['fairness', 3]] as const) {
      await a2.locator(`.rate-score[data-dimension="${dimension}"][data-score="${score}"]`).click();
    }
    expect(await a2.locator('.rate-score--on').count()).toBe(4);
    // Not finished yet: the page says what is missing and sends nothing.
    await page.click('#rate-submit');
    expect(await page.locator('#rate-missing').textContent()).toContain('请选择是否认可市消防救援支队的这次检查');
    await a2.locator('.rate-verdict[data-verdict="disapprove"]').click();
    await a2.locator('.rate-flag[data-flag="repeated"]').click();
    await a2.locator('.rate-comment textarea').fill('一个月内来了三次');
    await page.click('#rate-submit');
    await page.waitForSelector('#rate-done');

    const ratings = await t.dataSource.query('SELECT inspection_id, agency_id, procedure_score, verdict, flags, comment FROM ratings ORDER BY agency_id');
    expect(ratings).toEqual([
      { inspection_id: 'P1', agency_id: 'A1', procedure_score: 5, verdict: 'approve', flags: '', comment: null },
      { inspection_id: 'P2', agency_id: 'A2', procedure_score: 2, verdict: 'disapprove', flags: 'repeated', comment: '一个月内来了三次' },
    ]);
    expect(await t.dataSource.query('SELECT dedupe_key, severity FROM flagged_cases')).toEqual([{ dedupe_key: 'rating:P2:A2', severity: 'high' }]);

    // The same link again, as if tapped a second time in the SMS.
    const again = await shop.newPage();
    await again.goto(`${t.url}${link.pathname}`);
    await again.waitForSelector('#rate-status.rate--bad');
    expect(await again.locator('#rate-message').textContent()).toContain('已经评价过');
    expect(await again.locator('#rate-submit').count()).toBe(0);
    // 企业评: the enterprise sees where its complaint stands (the case the poor rating raised).
    await again.waitForSelector('#rate-outcomes .rate-outcome');
    expect(await again.locator('#rate-outcomes .rate-outcome').allTextContents()).toEqual([expect.stringMatching(/^对.+的评价：待分派$/)]);

    // Code mode's fixed address asks for the code; a wrong one is refused in plain words.
    const byCode = await shop.newPage();
    await byCode.goto(`${t.url}/r`);
    await byCode.fill('#rate-code input', 'abc');
    await byCode.click('#rate-code-submit');
    expect(await byCode.locator('#rate-code-problem').textContent()).toContain('8位');
    await byCode.fill('#rate-code input', 'abcd-2345');
    await byCode.click('#rate-code-submit');
    await byCode.waitForSelector('#rate-status.rate--bad');
    expect(await byCode.locator('#rate-message').textContent()).toContain('评价码不正确');
    await shop.close();
  });
});
