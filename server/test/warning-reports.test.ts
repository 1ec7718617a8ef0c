/**
 * 高发违法行为预警报告 as a stored yearly report: computed on the fly until a year is written, written
 * by the January tick (a repeatable Bull job on the configured cron) or on a supervisor's request,
 * then kept as written until asked for again; causes named by their benchmarks; Excel in Chinese.
 */
import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode } from '@mashang/shared';
import type { Job, Queue } from 'bull';
import ExcelJS from 'exceljs';
import { QueueName } from '../src/infra/queues/queues.js';
import { WarningProcessor } from '../src/modules/analytics/warning.processor.js';
import { BenchmarkWriter } from '../src/modules/cases/index.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000911');
const MILL = buildCreditCode('91410200', 'MA000912');

describe('yearly warning report', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let cases = 0;

  const fileCases = async (n: number, cause: string, filedAt: string, creditCode = SHOP) => {
    for (let i = 0; i < n; i++) {
      await t.dataSource.query(
        "INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES (?, 'A1', ?, ?, 'general', 200000, 'filed', ?)",
        [`W${++cases}`, creditCode, cause, new Date(filedAt)],
      );
    }
  };
  const year = (y: number, who = 'supervisor') => call(t.app, 'GET', `/api/anomaly/warnings/${y}`, { token: tokens[who] });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the warning report job did not finish');
  };
  const stored = (y: number, generatedAfter = '') => until(async () => {
    const item = (await call(t.app, 'GET', '/api/anomaly/warnings', { token: tokens.supervisor })).body.find((i: { year: number }) => i.year === y);
    return Boolean(item?.generatedAt && item.generatedAt > generatedAfter && item.job === null);
  });

  beforeAll(async () => {
    t = await startTestApp('warning_reports', { env: { WARNING_REPORT_CRON: '0 4 1 1 *' } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C'), (?, '宏达机械', '制造业', '410202', 'B')", [SHOP, MILL]);
    await BenchmarkWriter.on(t.dataSource).save([{
      clause: 'FSL-126', name: '未按规定建立并遵守进货查验记录制度', legalBasis: '依据', factors: [{ id: 'harm', label: '造成危害后果', points: 4 }],
      bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
      ranges: { light: { min: 1, max: 2 }, general: { min: 2, max: 3 }, severe: { min: 3, max: 4 } },
    }], 'cli', 'import');
    // 2025: FSL-126 twelve times (eight in 2024: +50 %), WSL-97 ten times, new; the first minute of 2025 in Shanghai counts for 2025.
    await fileCases(8, 'FSL-126', '2024-06-01T10:00:00+08:00');
    await fileCases(11, 'FSL-126', '2025-05-01T10:00:00+08:00');
    await fileCases(1, 'FSL-126', '2025-01-01T00:00:30+08:00');
    await fileCases(10, 'WSL-97', '2025-07-01T10:00:00+08:00', MILL);
    for (const who of ['supervisor', 'discipline', 'admin1']) tokens[who] = await login(t.app, who);
  });
  afterAll(() => t?.close());

  it('keeps one repeatable January tick on the configured cron, Asia/Shanghai', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Analytics), { strict: false });
    const ticks = (await queue.getRepeatableJobs()).filter((r) => r.name === 'warning-yearly');
    expect(ticks.map((r) => [r.cron, r.tz])).toEqual([['0 4 1 1 *', 'Asia/Shanghai']]);
  });

  it('computes a year without a stored report on the fly, and says so; causes read by their benchmark’s name', async () => {
    const answer = await year(2025);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ year: 2025, stored: false, requestedBy: null, totalCases: 22, previousYearCases: 8 });
    expect(answer.body.top.map((c: Record<string, unknown>) => [c.cause, c.causeName, c.cases, c.growth, c.warning])).toEqual([
      ['FSL-126', '未按规定建立并遵守进货查验记录制度', 12, 0.5, true],
      ['WSL-97', null, 10, null, true],
    ]);
    expect(answer.body.byIndustry.map((g: { key: string }) => g.key)).toEqual(['餐饮服务', '制造业']);
    expect((await year(2025, 'admin1')).status).toBe(403);
  });

  it('writes the year on a supervisor’s request and keeps it as written until asked again', async () => {
    expect((await call(t.app, 'POST', '/api/anomaly/warnings/2025', { token: tokens.discipline })).status).toBe(403);
    const requested = await call(t.app, 'POST', '/api/anomaly/warnings/2025', { token: tokens.supervisor });
    expect(requested.status).toBe(202);
    expect(requested.body.year).toBe(2025);
    await stored(2025);
    const first = await year(2025, 'discipline');
    expect(first.body).toMatchObject({ stored: true, requestedBy: 'supervisor', totalCases: 22 });
    const [listed] = (await call(t.app, 'GET', '/api/anomaly/warnings', { token: tokens.discipline })).body;
    expect(listed).toMatchObject({ year: 2025, requestedBy: 'supervisor', totalCases: 22, warnings: 2, job: null, error: null });

    // A case of 2025 imported later leaves the written report as it was, until it is written again.
    await fileCases(1, 'WSL-97', '2025-12-31T23:59:00+08:00', MILL);
    expect((await year(2025)).body.totalCases).toBe(22);
    await call(t.app, 'POST', '/api/anomaly/warnings/2025', { token: tokens.supervisor });
    await stored(2025, listed.generatedAt);
    expect((await year(2025)).body.totalCases).toBe(23);
  });

  it('writes the year before when the January tick fires, as the system', async () => {
    const processor = t.app.get(WarningProcessor);
    const fired = Date.parse('2025-01-01T04:00:00+08:00');
    expect(await processor.yearly({ opts: { prevMillis: fired }, timestamp: fired + 5_000 } as unknown as Job)).toEqual({ year: 2024 });
    await stored(2024);
    expect((await year(2024)).body).toMatchObject({ year: 2024, stored: true, requestedBy: '系统（每年1月自动生成）', totalCases: 8 });
  });

  it('refuses a year in the future or not a year', async () => {
    expect((await call(t.app, 'POST', '/api/anomaly/warnings/2999', { token: tokens.supervisor })).body.error.fields).toEqual([{ field: 'year', reason: expect.stringMatching(/未来/) }]);
    expect((await year(1800)).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/anomaly/warnings/abc', { token: tokens.supervisor })).status).toBe(400);
  });

  it('exports the report as a workbook of three sheets in Chinese, recorded in the audit log', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/anomaly/warnings/2025/export', headers: { authorization: `Bearer ${tokens.discipline}` } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['2025年高发违法行为', '按行业', '按行政区划']);
    const top = workbook.worksheets[0];
    expect(top.getRow(1).getCell(1).value).toBe('2025年度高发违法行为预警报告');
    expect(top.getRow(4).values).toEqual([undefined, '排名', '条款编码', '违法行为', '案件数', '上年案件数', '同比', '罚没金额（元）', '预警']);
    expect((top.getRow(5).values as unknown[]).slice(1)).toEqual([1, 'FSL-126', '未按规定建立并遵守进货查验记录制度', 12, 8, '+50.0%', '24,000', '预警']);
    expect((top.getRow(6).values as unknown[]).slice(1, 4)).toEqual([2, 'WSL-97', '（未登记裁量基准）']);
    expect((workbook.worksheets[1].getRow(2).values as unknown[]).slice(1, 4)).toEqual(['餐饮服务', 12, 1]);
    const [entry] = await t.dataSource.query("SELECT resource FROM audit_log WHERE resource LIKE 'anomaly/warnings/%'");
    expect(entry.resource).toBe('anomaly/warnings/2025');
  });
});
