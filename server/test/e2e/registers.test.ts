import { buildCreditCode } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, seedTwoAgencies } from '../support/fixtures.js';
import { testPhoneCipher, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA001101');
/** Raw keys and JSON that must never reach a register page. */
const RAW = /\b(true|false|null|market|fire)\b|[{}"]/;

describe('the registers at a desk: onboard and take officers off duty, fix a legal basis, grade an enterprise, export, import', () => {
  let t: TestApp;
  let browser: Browser;

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', PASSWORD);
    await page.click('#login-submit');
    await page.waitForFunction(() => document.querySelector('#console-user')?.textContent, undefined, { timeout: 15_000 });
    await page.click('#nav-registers');
    await page.waitForSelector('#register-list .register-row');
    return page;
  }

  const row = (page: Page, key: string) => page.locator(`.register-row[data-key="${key}"]`);
  const cell = (page: Page, key: string, field: string) => row(page, key).locator(`.register-cell[data-field="${field}"]`);

  beforeAll(async () => {
    t = await startTestApp('registers_e2e', { listen: true });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'C', ?)", [
      SHOP, testPhoneCipher().encrypt('13812345678'),
    ]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an agency admin onboards an officer, takes another off duty, fixes an item\'s legal basis, reads the history and exports', async () => {
    const page = await signIn('admin1');
    // Its own agency's officers only.
    expect(await page.locator('.register-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(['O1']);
    expect(await cell(page, 'O1', 'agencyId').textContent()).toBe('市市场监督管理局');

    await page.click('#register-new');
    await page.click('#register-save');
    expect(await page.locator('.register-field-error').evaluateAll((e) => e.map((x) => x.getAttribute('data-field')))).toEqual(['id', 'name', 'certNo']);
    await page.fill('#field-id input', 'O9');
    await page.fill('#field-name input', '赵敏');
    await page.fill('#field-certNo input', '豫C0000099');
    await page.fill('#field-certExpires input', '2027-06-30');
    await page.click('#register-save');
    await page.waitForSelector('#register-saved');
    await row(page, 'O9').waitFor();
    expect(await cell(page, 'O9', 'certExpires').textContent()).toBe('2027-06-30');
    expect(await cell(page, 'O9', 'active').textContent()).toBe('在岗');

    await row(page, 'O1').locator('.register-edit').click();
    await page.click('#field-active');
    await page.click('#register-save');
    await page.waitForFunction(() => document.querySelector('.register-row[data-key="O1"] .register-cell[data-field="active"]')?.textContent === '停用');
    const [{ active }] = await t.dataSource.query("SELECT active FROM users WHERE username = 'officer1'");
    expect(Number(active)).toBe(0);
    await page.click('#register-duty-off');
    await page.waitForFunction(() => [...document.querySelectorAll('.register-row')].map((r) => r.getAttribute('data-key')).join() === 'O1');

    await row(page, 'O1').locator('.register-history').click();
    await page.waitForSelector('#register-history-panel .history-line');
    expect(await page.locator('.history-line__change').allTextContents()).toEqual(['在岗状态：在岗 → 停用']);
    expect(await page.locator('.history-line__head').first().textContent()).toContain('admin1 · 修改');

    await page.click('#register-items');
    await row(page, 'I1').waitFor();
    await row(page, 'I1').locator('.register-edit').click();
    await page.fill('#field-basis textarea', '《中华人民共和国食品安全法》第八十七条');
    await page.click('#register-save');
    await page.waitForFunction(() => document.querySelector('.register-row[data-key="I1"] .register-cell[data-field="basis"]')?.textContent?.includes('第八十七条'));
    await row(page, 'I1').locator('.register-history').click();
    await page.waitForSelector('#register-history-panel .history-line');
    expect(await page.locator('.history-line__change').allTextContents()).toEqual(['法律依据：食品安全法 → 《中华人民共和国食品安全法》第八十七条']);
    expect(await page.locator('#register-list').textContent()).not.toMatch(RAW);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#register-export')]);
    expect(download.suggestedFilename()).toBe('检查事项名录.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect((book.worksheets[0].getRow(2).values as unknown[]).slice(1)).toEqual(['I1', '市市场监督管理局', '食品经营许可检查', '《中华人民共和国食品安全法》第八十七条', '不在名单内']);
    expect(book.worksheets[0].rowCount).toBe(2);
    await page.close();
  });

  it('a supervisor grades an enterprise and puts it on the 无感监管 list; its phone stays masked', async () => {
    const page = await signIn('supervisor');
    await page.click('#register-enterprises');
    await page.fill('#register-search input', '烩面');
    await page.click('#register-search-submit');
    await row(page, SHOP).waitFor();
    expect(await cell(page, SHOP, 'phone').textContent()).toBe('138****5678');
    await row(page, SHOP).locator('.register-edit').click();
    await page.click('#grade-A');
    await page.click('#field-lowTouch');
    await page.click('#register-save');
    await page.waitForFunction((key) => document.querySelector(`.register-row[data-key="${key}"] .register-cell[data-field="creditGrade"]`)?.textContent === 'A级（守信）', SHOP);
    expect(await cell(page, SHOP, 'lowTouch').textContent()).toBe('在名单内');
    expect(await cell(page, SHOP, 'phone').textContent()).toBe('138****5678');
    expect(await page.locator('body').textContent()).not.toContain('13812345678');

    await page.click('#register-agencies');
    await row(page, 'A2').waitFor();
    expect(await cell(page, 'A2', 'kind').textContent()).toBe('消防救援');
    await page.close();
  });

  it('a supervisor imports the registers: problems are listed line by line and nothing is written, then a clean dataset goes in', async () => {
    const page = await signIn('supervisor');
    await page.click('#nav-imports');
    const dir = mkdtempSync(join(tmpdir(), 'registers-e2e-'));
    const agencies = join(dir, 'agencies.jsonl');
    const officers = join(dir, 'officers.jsonl');
    writeFileSync(agencies, `${JSON.stringify({ id: 'A7', name: '市城市管理局', kind: 'urban', region: '410200' })}\n`);
    writeFileSync(officers, `${JSON.stringify({ id: 'O70', agencyId: 'A7', name: '周杰', certNo: '豫C0000070' })}\n${JSON.stringify({ id: 'O71', agencyId: 'A7', name: '吴昊' })}\n`);
    await page.setInputFiles('#import-files', [officers, agencies]);
    expect(await page.locator('.import-file').evaluateAll((files) => files.map((f) => f.getAttribute('data-kind')))).toEqual(['agencies', 'officers']);
    await page.click('#import-start');
    await page.waitForSelector('#import-problems .import-problem', { timeout: 30_000 });
    expect(await page.locator('.import-problem').allTextContents()).toEqual([expect.stringMatching(/^officers\.jsonl:2: certNo: /)]);
    expect(await page.locator('#import-stage').textContent()).toBe('校验未通过：共 1 个问题，未导入任何数据');
    expect(await page.locator('#import-progress').getAttribute('data-percent')).toBe('100');
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM agencies WHERE id = 'A7'"))[0].n)).toBe(0);

    await page.click('#import-again');
    writeFileSync(officers, `${JSON.stringify({ id: 'O70', agencyId: 'A7', name: '周杰', certNo: '豫C0000070' })}\n`);
    await page.setInputFiles('#import-files', [agencies, officers]);
    await page.click('#import-start');
    await page.waitForFunction(() => document.querySelector('#import-stage')?.textContent?.startsWith('导入完成'), undefined, { timeout: 30_000 });
    expect(await page.locator('#import-stage').textContent()).toBe('导入完成：执法部门 1 条、执法人员 1 条');
    expect(await t.dataSource.query("SELECT id, agency_id FROM officers WHERE id = 'O70'")).toEqual([{ id: 'O70', agency_id: 'A7' }]);

    // The imported officer's history names who ran the import.
    await page.click('#nav-registers');
    await page.fill('#register-search input', '周杰');
    await page.click('#register-search-submit');
    await row(page, 'O70').waitFor();
    await row(page, 'O70').locator('.register-history').click();
    await page.waitForSelector('#register-history-panel .history-line');
    expect(await page.locator('.history-line__head').first().textContent()).toContain('supervisor · 新增');
    await page.close();
  });
});
