/**
 * The console's penalty pages in a real browser at desk width: a supervisor edits a clause's
 * discretion benchmark and sees the change in the list and its history, is stopped by the rules
 * before saving a bad one, imports a file (its problems listed on the page) and exports; the
 * disputed clauses page draws its chart and exports Excel; the warning page shows a year computed on
 * the spot, writes the year's report and exports it.
 */
import { buildCreditCode, shanghaiDate, type DiscretionBenchmark } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BenchmarkWriter } from '../../src/modules/cases/index.js';
import { seedTwoAgencies } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000921');
const THIS_YEAR = Number(shanghaiDate(Date.now()).slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;

const benchmark = (clause: string, name: string): DiscretionBenchmark => ({
  clause, name, legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
});

describe('the console’s penalty pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let desk: Page;

  beforeAll(async () => {
    t = await startTestApp('penalty_console_e2e', { listen: true });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C')", [SHOP]);
    await BenchmarkWriter.on(ds).save([benchmark('FSL-126', '未按规定建立并遵守进货查验记录制度'), benchmark('PRL-42', '不执行明码标价规定')], 'import:demo-city', 'demo');
    // This year: FSL-126 decided four times, three objected to (disputed); PRL-42 five times, one objection.
    const decided = new Date(Date.now() - 3_600_000);
    let n = 0;
    const addCase = async (cause: string, objections: number, filedAt = decided, status = 'decided') => {
      const id = `PC${++n}`;
      await ds.query(
        "INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at, decided_at) VALUES (?, 'A1', ?, ?, 'general', 2000000, ?, ?, ?)",
        [id, SHOP, cause, status, filedAt, status === 'decided' ? decided : null],
      );
      for (let i = 0; i < objections; i++) await ds.query("INSERT INTO party_submissions (id, case_id, kind, text, at) VALUES (?, ?, 'objection', '罚款过重', ?)", [`${id}-O${i}`, id, decided]);
    };
    for (const objections of [1, 1, 1, 0]) await addCase('FSL-126', objections);
    for (const objections of [1, 0, 0, 0, 0]) await addCase('PRL-42', objections);
    // Last year, for the warning report: FSL-126 twelve cases, PRL-42 three.
    for (let i = 0; i < 12; i++) await addCase('FSL-126', 0, new Date(`${LAST_YEAR}-06-01T10:00:00+08:00`), 'filed');
    for (let i = 0; i < 3; i++) await addCase('PRL-42', 0, new Date(`${LAST_YEAR}-07-01T10:00:00+08:00`), 'filed');

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await desk.goto(`${t.url}/h5/`);
    await desk.fill('#username input', 'supervisor');
    await desk.fill('#password input', 'demo1234');
    await desk.click('#login-submit');
    // Desk roles land in the console (its case list, empty here).
    await desk.waitForSelector('#nav-benchmarks', { timeout: 15_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A tab of the console's bar: the page on top has it (pages below it keep theirs, hidden). */
  const nav = (tab: string) => desk.locator(`#nav-${tab}:visible`).click();
  const stored = async (clause: string) => (await t.dataSource.query('SELECT factors, ranges FROM discretion_benchmarks WHERE clause = ?', [clause]))[0];

  it('edits a benchmark: the rules stop a bad one, a good one is saved, listed and kept in its history', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    await nav('benchmarks');
    await desk.waitForSelector('.benchmark-row[data-clause="FSL-126"]', { timeout: 15_000 });
    await desk.fill('#benchmark-search input', 'prl');
    await desk.click('#benchmark-search-submit');
    await desk.waitForFunction(() => [...document.querySelectorAll('.benchmark-row')].map((r) => r.getAttribute('data-clause')).join() === 'PRL-42', undefined, { timeout: 10_000 });
    await desk.fill('#benchmark-search input', '');
    await desk.click('#benchmark-search-submit');
    await desk.click('.benchmark-row[data-clause="FSL-126"]', { timeout: 10_000 });
    // The stored benchmark fills the form, fines in 元.
    await desk.waitForFunction(() => {
      const value = (id: string) => (document.querySelector(`${id} input`) as HTMLInputElement | null)?.value;
      return value('#bm-factor-0-points') === '-2' && value('#bm-range-severe-max') === '75000' && value('#bm-range-light-min') === '2500';
    }, undefined, { timeout: 10_000 });

    // Overlapping ranges: refused on the page, in 元, before anything is sent.
    const before = await stored('FSL-126');
    await desk.fill('#bm-range-general-min input', '10000');
    await desk.click('#benchmark-save');
    await desk.waitForSelector('#benchmark-problems');
    expect(await desk.locator('#benchmark-problems').textContent()).toContain('“一般”档罚款下限：不得低于“从轻”档的上限 12500 元');
    expect(await stored('FSL-126')).toEqual(before);

    await desk.fill('#bm-range-general-min input', '12500');
    await desk.fill('#bm-factor-0-points input', '-3');
    await desk.fill('#bm-range-severe-max input', '100000');
    await desk.click('#benchmark-save');
    await desk.waitForSelector('#benchmark-saved', { timeout: 10_000 });
    await desk.waitForFunction(() => document.querySelectorAll('#benchmark-history .history-entry').length === 2, undefined, { timeout: 10_000 });
    const latest = await desk.locator('#benchmark-history .history-entry').first().textContent();
    expect(latest).toContain('第 2 版 · 在线编辑');
    expect(latest).toContain('裁量因素“初次违法”：−2 分 → −3 分');
    expect(latest).toContain('“从重”档罚款幅度：35,000–75,000 元 → 35,000–100,000 元');
    expect(await desk.locator('#history-intact').textContent()).toContain('校验通过');
    const after = await stored('FSL-126');
    expect([JSON.parse(after.factors)[0].points, JSON.parse(after.ranges).severe.max]).toEqual([-3, 10_000_000]);

    await nav('benchmarks');
    await desk.waitForSelector('.benchmark-row[data-clause="FSL-126"]', { timeout: 10_000 });
    expect(await desk.locator('.benchmark-row[data-clause="FSL-126"]').textContent()).toContain('2,500–100,000 元');
  }, 90_000);

  it('imports a file all or nothing, listing its problems on the page, and exports JSON Lines', async () => {
    const line = (clause: string, patch: Record<string, unknown> = {}) => JSON.stringify({ ...benchmark(clause, '发布违法广告'), ...patch });
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM discretion_benchmarks');
    await desk.setInputFiles('#benchmark-import-file', { name: '基准.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${line('ADL-58')}\n${line('ADL-59', { factors: [{ id: 'Harm', label: '后果', points: 1 }] })}\n`) });
    await desk.waitForSelector('#benchmark-import-problems', { timeout: 10_000 });
    expect(await desk.locator('#benchmark-import-problems .pen__problem').allTextContents()).toEqual(['第 2 行 第 1 个裁量因素的编号：应由小写字母、数字和连字符组成，以字母开头，如 first-offence']);
    expect(await desk.locator('#benchmark-error').textContent()).toBe('基准.jsonl：导入被拒绝：共 1 处问题，未导入任何裁量基准');
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM discretion_benchmarks')).toEqual(before);

    await desk.setInputFiles('#benchmark-import-file', { name: '基准.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${line('ADL-58')}\n`) });
    await desk.waitForSelector('#benchmark-import-result', { timeout: 10_000 });
    expect(await desk.locator('#benchmark-import-result').textContent()).toContain('新增 1 条');
    await desk.waitForSelector('.benchmark-row[data-clause="ADL-58"]', { timeout: 10_000 });

    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#benchmark-export')]);
    expect(download.suggestedFilename()).toBe('裁量基准.jsonl');
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((b) => b.clause)).toEqual(['ADL-58', 'FSL-126', 'PRL-42']);
    expect(lines[1].factors[0].points).toBe(-3);
  }, 60_000);

  it('shows the disputed clauses of this year as a chart and a table, and exports them', async () => {
    await nav('disputed');
    await desk.waitForSelector('#disputed-chart[data-ready="true"] canvas', { timeout: 15_000 });
    expect(await desk.locator('.disputed-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-clause'), r.classList.contains('pen__row--flag')]))).toEqual([
      ['FSL-126', true], ['PRL-42', false],
    ]);
    expect(await desk.locator('.disputed-row[data-clause="FSL-126"]').textContent()).toContain('75.0%');
    expect(await desk.locator('#disputed-suggestions').textContent()).toContain('建议复核并修订该条款的裁量基准');
    expect(await desk.locator('#disputed-totals').textContent()).toContain('争议条款 1 个');

    const today = shanghaiDate(Date.now());
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#disputed-export')]);
    expect(download.suggestedFilename()).toBe(`争议条款-${THIS_YEAR}-01-01-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows = workbook.getWorksheet('争议条款')!.getSheetValues().slice(4).filter(Boolean) as unknown[][];
    expect(rows.map((r) => [r[1], r[3], r[8], r[9]])).toEqual([['FSL-126', 4, '75.0%', '是'], ['PRL-42', 5, '20.0%', '否']]);
  }, 60_000);

  it('shows last year’s warning report computed on the spot, writes the year’s report and exports it', async () => {
    await nav('warning');
    await desk.waitForSelector(`.warning-year[data-year="${LAST_YEAR}"]`, { timeout: 15_000 });
    await desk.waitForSelector('#warning-chart[data-ready="true"] canvas', { timeout: 15_000 });
    await desk.waitForSelector('#warning-industry-chart[data-ready="true"] canvas', { timeout: 15_000 });
    expect(await desk.locator('#warning-status').textContent()).toContain('即时统计');
    expect(await desk.locator('#warning-table-0 .warning-row').allTextContents()).toEqual([
      expect.stringContaining('未按规定建立并遵守进货查验记录制度'), expect.stringContaining('不执行明码标价规定'),
    ]);
    expect(await desk.locator('#warning-table-0 .warning-row').first().textContent()).toContain('预警');

    await desk.click('#warning-generate');
    await desk.waitForFunction(() => document.querySelector('#warning-status')?.textContent?.includes('年度报告生成于'), undefined, { timeout: 20_000 });
    expect(await desk.locator('#warning-status').textContent()).toContain('supervisor');
    expect(await desk.locator(`.warning-year[data-year="${LAST_YEAR}"]`).textContent()).toBe(`${LAST_YEAR}年`);

    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#warning-export')]);
    expect(download.suggestedFilename()).toBe(`${LAST_YEAR}年高发违法行为预警报告.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([`${LAST_YEAR}年高发违法行为`, '按行业', '按行政区划']);
    expect((workbook.worksheets[0].getRow(5).values as unknown[]).slice(1, 5)).toEqual([1, 'FSL-126', '未按规定建立并遵守进货查验记录制度', 12]);
  }, 60_000);
});
