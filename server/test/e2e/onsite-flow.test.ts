import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000501');
const OTHER = buildCreditCode('91410202', 'MA000502');
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
/** A small but well-formed PDF, as a phone would upload a scanned record. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('on site in a real browser: scan in, record, upload, finish, read the trail; offline findings upload later', () => {
  let t: TestApp;
  let browser: Browser;
  let planId = '';
  let token = '';

  beforeAll(async () => {
    t = await startTestApp('onsite_flow', { listen: true, env: { DOCUMENT_DIR: await mkdtemp(join(tmpdir(), 'mashang-onsite-flow-')) } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      "INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第三十五条'), ('I2', 'A1', '从业人员健康证明检查', '《中华人民共和国食品安全法》第四十五条')",
    );
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C'), (?, '开封宏达机械厂', 'manufacturing', '410204', 'B')",
      [SHOP, OTHER],
    );
    token = await login(t.app, 'officer1');
    // A complaint goes through the green channel, so the inspection can be today.
    const filed = await call(t.app, 'POST', '/api/plans', {
      token,
      body: { creditCode: SHOP, date: inDays(0), trigger: 'complaint', reason: '群众投诉后厨卫生', officerIds: ['O1'], itemIds: ['I1', 'I2'] },
    });
    expect(filed.status).toBe(201);
    planId = filed.body.id;
    expect((await call(t.app, 'POST', `/api/plans/${planId}/code`, { token })).status).toBe(200);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const item = (page: Page, id: string) => page.locator(`.item[data-item-id="${id}"]`);
  const findingsOf = async (itemId: string) =>
    (await call(t.app, 'GET', `/api/inspections/${planId}/trail`, { token })).body.entries.filter(
      (entry: { kind: string; detail: { itemId: string } }) => entry.kind === 'finding' && entry.detail.itemId === itemId,
    );

  it('walks an officer through one inspection on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.click('#go-scan');
    const today = page.locator(`#today-list .today[data-plan-id="${planId}"]`);
    await today.waitFor();
    expect(await today.textContent()).toContain('老王烩面馆');

    // A mistyped code is caught while typing; another enterprise's code is refused by the server, inline.
    const typo = SHOP.slice(0, 17) + (SHOP[17] === '0' ? '1' : '0');
    await page.fill('#scan-code input', typo);
    expect(await page.locator('#scan-code-hint').textContent()).toContain('校验码不正确');
    expect(await page.locator('#check-in').getAttribute('disabled')).not.toBeNull();
    await page.fill('#scan-code input', OTHER);
    await page.click('#check-in');
    const refusal = page.locator('#checkin-refusals .refusal[data-rule="enterprise-differs"]');
    await refusal.waitFor();
    expect(await refusal.locator('.refusal__message').textContent()).toContain('老王烩面馆');
    expect(await refusal.locator('.refusal__remedy').textContent()).toContain('核对营业执照');

    await page.fill('#scan-code input', SHOP.toLowerCase());
    await page.click('#check-in');
    await page.waitForSelector('#items');
    expect(await page.locator('#insp-status').textContent()).toBe('检查中');
    expect(await page.locator('#insp-enterprise').textContent()).toContain('老王烩面馆');
    expect(await page.locator('#insp-officers').textContent()).toContain('豫C0000001');
    expect(await page.locator('#finish').getAttribute('disabled')).not.toBeNull();
    expect(await page.locator('#finish-missing').textContent()).toContain('还有2项');

    // No signal: the finding is kept on the phone and shown as waiting.
    await context.setOffline(true);
    await item(page, 'I1').locator('[data-outcome-id="pass"]').click();
    await item(page, 'I1').locator('.item__save').click();
    await page.locator('#offline-pending:visible').waitFor();
    expect(await page.locator('#offline-pending:visible').textContent()).toContain('待上传 1 条');
    await item(page, 'I1').locator('.item__pending').waitFor();
    expect(await findingsOf('I1')).toHaveLength(0);

    // Back online: it is uploaded once, by itself.
    await context.setOffline(false);
    await item(page, 'I1').locator('.item__pending').waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator('#offline-pending:visible').waitFor({ state: 'detached' });
    const uploaded = await findingsOf('I1');
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0].detail).toMatchObject({ outcome: 'pass' });
    expect(await item(page, 'I1').locator('.item__result').textContent()).toContain('合格');

    // 责令整改 needs a deadline.
    await item(page, 'I2').locator('[data-outcome-id="rectify"]').click();
    await item(page, 'I2').locator('.item__save').click();
    expect(await item(page, 'I2').locator('.item__error').textContent()).toContain('整改期限');
    await item(page, 'I2').locator('.item__deadline input').fill(inDays(7));
    await item(page, 'I2').locator('.item__note textarea').fill('2名从业人员健康证过期');
    await item(page, 'I2').locator('.item__save').click();
    await item(page, 'I2').locator('.item__result').waitFor();
    expect(await item(page, 'I2').locator('.item__result').textContent()).toContain(`责令整改，整改期限 ${inDays(7)}`);

    // Documents: a file of the wrong type is refused in plain words, a PDF is kept.
    await page.click('#doc-kind-record');
    await page.fill('#doc-title input', '现场检查笔录');
    await page.fill('#doc-no input', '汴市监检〔2026〕12号');
    await page.setInputFiles('#doc-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a document') });
    await page.click('#doc-upload');
    await page.locator('#doc-error').waitFor();
    expect(await page.locator('#doc-error').textContent()).toContain('只能上传 PDF、JPG 或 PNG 文件');
    await page.setInputFiles('#doc-file', { name: '检查记录.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.click('#doc-upload');
    const kept = page.locator('#doc-list .document');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('检查记录：现场检查笔录');
    expect(await kept.locator('.document__size').textContent()).toBe(`${PDF.length} B`);

    await page.waitForFunction(() => document.querySelector('#finish')?.getAttribute('disabled') === null);
    await page.click('#finish');
    await page.locator('#summary-result').waitFor();
    expect(await page.locator('#summary-result').textContent()).toBe('检查结果：责令整改');
    expect(await page.locator('#insp-status').textContent()).toBe('已结束');

    await page.click('#show-trail');
    await page.locator('#trail .trail-entry').first().waitFor();
    const kinds = await page.locator('#trail .trail-entry .trail-entry__kind').allTextContents();
    expect(kinds).toEqual(['报备', '生成检查码', '入企', '检查结果', '检查结果', '上传文书', '结束检查']);
    const seqs = await page.locator('#trail .trail-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-seq')));
    expect(seqs).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await page.locator('#trail .trail-entry[data-seq="5"] .trail-entry__detail').textContent()).toContain('从业人员健康证明检查：责令整改');

    const [inspection] = await t.dataSource.query('SELECT result FROM inspections WHERE id = ?', [planId]);
    expect(inspection.result).toBe('rectify');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('detects a trail row edited in the database, naming the first broken entry', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const intact = await call(t.app, 'GET', `/api/inspections/${planId}/trail/verify`, { token: supervisor });
    expect(intact.body).toMatchObject({ intact: true, firstBreak: null, entries: 7 });
    await t.dataSource.query(
      `UPDATE inspection_trail SET detail = REPLACE(detail, '"rectify"', '"pass"') WHERE inspection_id = ? AND kind = 'finding' AND detail LIKE '%rectify%'`,
      [planId],
    );
    const [edited] = await t.dataSource.query("SELECT seq FROM inspection_trail WHERE inspection_id = ? AND kind = 'finding' AND detail LIKE '%I2%'", [planId]);
    const tampered = await call(t.app, 'GET', `/api/inspections/${planId}/trail/verify`, { token: supervisor });
    expect(tampered.body).toMatchObject({ intact: false, firstBreak: { seq: Number(edited.seq), reason: 'hash-mismatch' } });
  });
});
