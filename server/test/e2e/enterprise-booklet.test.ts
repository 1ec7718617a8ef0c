/**
 * 一企一册 on a phone (375 px Chromium): the signed-in enterprise downloads its compliance booklet from its
 * page, an officer downloads an enterprise's from the register search to print, a supervisor from the
 * console's enterprises register; each file is a PDF
 * whose text (read with pdfjs-dist) names the enterprise, its items with their guidance and its history.
 */
import { buildCreditCode } from '@mashang/shared';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Download } from 'playwright-core';
import { forgetPortCodes } from '../support/enterprise-port.js';
import { addInspectionItem, addInspectionOfficer, seedTwoAgencies } from '../support/fixtures.js';
import { startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000961');
const SHOP_PHONE = '13800000961';

async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false });
  const document = await loading.promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    texts.push((await (await document.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await loading.destroy();
  return texts.join('').replace(/\s+/g, '');
}

describe('the compliance booklet downloaded on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const phone = async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    t = await startTestApp('enterprise_booklet_e2e', { listen: true, env: { SMS_PROVIDER: 'outbox' } });
    await forgetPortCodes(t.app);
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', ?, 'C')", [
      SHOP, testPhoneCipher().encrypt(SHOP_PHONE),
    ]);
    await t.dataSource.query(
      `INSERT INTO items (id, agency_id, name, basis, industries, common_violations, compliance_guide) VALUES
       ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条', '餐饮服务', '超出许可范围经营', '在许可范围内经营'),
       ('I2', 'A2', '疏散通道检查', '《消防法》第二十八条', '', '占用、堵塞疏散通道', '保持疏散通道畅通')`,
    );
    await t.dataSource.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X1', 'A2', ?, 'planned', '2026-05-10 02:00:00', '2026-05-10 03:00:00', 1, 'rectify')", [SHOP]);
    await addInspectionOfficer(t.dataSource, 'X1', 'O2');
    await addInspectionItem(t.dataSource, 'X1', 'I2');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('the signed-in enterprise downloads its booklet from its page', async () => {
    const page = await phone();
    await page.goto(`${t.url}/e`);
    await page.fill('#ent-credit-code input', SHOP);
    await page.fill('#ent-phone input', SHOP_PHONE);
    await page.click('#ent-code-send');
    await page.waitForSelector('#ent-code-sent');
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
    await page.fill('#ent-code input', /验证码为(\d{6})/.exec(sms.text)![1]);
    await page.click('#ent-submit');
    await page.waitForSelector('#ent-booklet-download', { timeout: 10_000 });
    expect(await page.locator('#ent-booklet').textContent()).toContain('一企一册');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('#ent-booklet-download')]);
    expect(download.suggestedFilename()).toBe('一企一册-开封市鼓楼区老王烩面馆.pdf');
    const path = (await (download as Download).path())!;
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(path);
    for (const expected of ['开封市鼓楼区老王烩面馆', SHOP, '食品经营许可检查', '在许可范围内经营', '市消防救援支队', '疏散通道检查', '2026-05-10', '责令整改', '138****0961']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(SHOP_PHONE);
    expect(await page.locator('#ent-booklet-error').count()).toBe(0);
  });

  it('an officer downloads an enterprise\'s booklet from the register search to print', async () => {
    const page = await phone();
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector('#home-user', { timeout: 10_000 });
    const button = page.locator(`.enterprise__booklet[data-credit-code="${SHOP}"]`);
    await button.waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe('一企一册-开封市鼓楼区老王烩面馆.pdf');
    expect(await pdfText((await download.path())!)).toContain('疏散通道检查');
  });

  it('a supervisor prints it from the enterprises register of the console', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', 'supervisor');
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    await page.click('#nav-registers');
    await page.click('#register-enterprises');
    const button = page.locator(`.register-row[data-key="${SHOP}"] .register-booklet`);
    await button.waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe('一企一册-开封市鼓楼区老王烩面馆.pdf');
    expect(await pdfText((await download.path())!)).toContain('开封市鼓楼区老王烩面馆');
    await page.close();
  });
});
