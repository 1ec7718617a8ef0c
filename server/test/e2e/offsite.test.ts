import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventually } from '../evaluation-fakes.js';
import { seedTwoAgencies } from '../support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TEAHOUSE = buildCreditCode('92410202', 'MA000901');
const TEAHOUSE_PHONE = '13800009001';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400, 7)]);
const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim() ?? '';

/**
 * 非现场检查 in Chromium: officer1 asks a 无感监管 tea house for evidence from a 375 px phone; the tea
 * house opens the SMS link on its phone (the small enterprise page), sends a photo and a reading and
 * submits; the officer reads the answers and accepts, which finishes the check.
 */
describe('off-site check pages in a real browser: ask, answer on a phone, accept', () => {
  let t: TestApp;
  let browser: Browser;
  let planId = '';
  const phone = () => browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  beforeAll(async () => {
    const documentDir = await mkdtemp(join(tmpdir(), 'mashang-offsite-e2e-'));
    t = await startTestApp('offsite_pages', { listen: true, env: { SMS_PROVIDER: 'outbox', DOCUMENT_DIR: documentDir } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I2', 'A1', '冷链温度检查', '《食品安全法》第三十三条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch, phone_cipher) VALUES (?, '清风茶馆', 'catering', '410202', 'A', 1, ?)", [TEAHOUSE, testPhoneCipher().encrypt(TEAHOUSE_PHONE)]);
    const officer1 = await login(t.app, 'officer1');
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: TEAHOUSE, date: addDays(shanghaiDate(new Date()), 7), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1', 'I2'], mode: 'offsite' } });
    expect(filed.status).toBe(201);
    planId = filed.body.id;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function officerPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector('#go-cases');
    return page;
  }

  it('the enterprise answers on a 375 px phone and the officer accepts', async () => {
    const officerPhone = await phone();
    const officer = await officerPage(officerPhone);
    const errors: string[] = [];
    officer.on('pageerror', (error) => errors.push(error.message));

    // The plan card of an off-site plan leads to its request.
    await officer.goto(`${t.url}/h5/#/pages/plans/index`);
    await officer.locator(`.plan[data-plan-id="${planId}"] .plan-offsite-open`).click();
    await officer.waitForSelector('.offsite-draft');
    expect(await officer.locator('.offsite-draft').count()).toBe(2);
    // Asks for a photo of the first item and a reading of the second.
    await officer.click('#offsite-kind-1-reading');
    await officer.fill('#offsite-ask-1 input', '冷藏柜当前温度（℃）');
    await officer.click('#offsite-send');
    await officer.waitForSelector('#offsite-done');
    expect(await text(officer, '#offsite-status-tag')).toBe('待企业提交');

    // The SMS in the local outbox carries the link.
    const cipher = testPhoneCipher();
    const link = await eventually(async () => {
      const rows: { link: string; phone_cipher: string }[] = await t.dataSource.query("SELECT link, phone_cipher FROM sms_outbox WHERE link LIKE '%/o/%'");
      return rows.find((r) => cipher.decrypt(r.phone_cipher) === TEAHOUSE_PHONE)?.link;
    }, 20_000, 'the request SMS');
    const token = link.split('/').pop()!;

    const shopPhone = await phone();
    const shop = await shopPhone.newPage();
    shop.on('pageerror', (error) => errors.push(error.message));
    await shop.goto(`${t.url}/o/${token}`);
    await shop.waitForSelector('#offsite-status.offsite--ok');
    // The small enterprise entry, not the officers' app.
    expect(shop.url()).toContain('/h5/enterprise.html#/enterprise/pages/offsite/index');
    expect(await text(shop, '#offsite-enterprise')).toBe('被检查企业：清风茶馆');
    expect(await text(shop, '#offsite-agency')).toBe('检查部门：市市场监督管理局');
    expect(await text(shop, '#offsite-submit')).toBe('还有2项未提交');
    // Nothing wider than the phone.
    expect(await shop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await shop.setInputFiles('#offsite-file-0', { name: '后厨.png', mimeType: 'image/png', buffer: PNG });
    await shop.waitForSelector('.offsite-ask--done[data-position="0"]');
    await shop.fill('#offsite-reading-1 input', '4℃');
    await shop.click('#offsite-reading-send-1');
    await shop.waitForSelector('.offsite-ask--done[data-position="1"]');
    await shop.click('#offsite-submit');
    await shop.waitForFunction(() => document.querySelector('#offsite-status .status-banner__title')?.textContent?.trim() === '待审核', undefined, { timeout: 15_000 });

    // The officer sees the answers and accepts: the check finishes.
    await officer.reload();
    await officer.waitForSelector('.offsite-answer[data-position="1"] .offsite-answer__sent');
    expect(await text(officer, '.offsite-answer[data-position="0"] .offsite-answer__sent')).toContain('后厨.png');
    expect(await text(officer, '.offsite-answer[data-position="1"] .offsite-answer__sent')).toBe('4℃');
    await officer.click('#offsite-accept');
    await officer.waitForFunction(() => document.querySelector('#offsite-status-tag')?.textContent?.trim() === '已通过', undefined, { timeout: 15_000 });
    const [record] = await t.dataSource.query('SELECT result FROM inspections WHERE id = ?', [planId]);
    expect(record.result).toBe('pass');

    // The enterprise's page now says so and takes nothing more.
    await shop.reload();
    await shop.waitForFunction(() => document.querySelector('#offsite-status .status-banner__title')?.textContent?.trim() === '已通过', undefined, { timeout: 15_000 });
    expect(await shop.locator('#offsite-file-0').count()).toBe(0);
    expect(errors).toEqual([]);
    await officerPhone.close();
    await shopPhone.close();
  });
});
