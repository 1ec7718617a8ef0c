/**
 * The disputed-clause report on fixture rows written straight into the cases module's tables: the
 * period's cases (noticed or decided, Asia/Shanghai days), objections on them whenever they came,
 * the configured thresholds, each agency admin confined to its own agency, and the Excel export.
 */
import { buildCreditCode } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { BenchmarkWriter } from '../src/modules/cases/index.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000901');
const PERIOD = 'from=2026-03-01&to=2026-03-31';

const benchmark = (clause: string, name: string) => ({
  clause, name, legalBasis: '依据',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }],
  bands: [{ level: 'light' as const, minPoints: -20 }, { level: 'general' as const, minPoints: 0 }, { level: 'severe' as const, minPoints: 5 }],
  ranges: { light: { min: 100, max: 200 }, general: { min: 200, max: 300 }, severe: { min: 300, max: 400 } },
});

describe('disputed clauses report', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  const caseRow = (id: string, agency: string, cause: string, decidedAt: string | null, filedAt = '2026-01-10T09:00:00+08:00') =>
    t.dataSource.query(
      "INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at, decided_at) VALUES (?, ?, ?, ?, 'general', 100000, ?, ?, ?)",
      [id, agency, SHOP, cause, decidedAt ? 'decided' : 'filed', new Date(filedAt), decidedAt ? new Date(decidedAt) : null],
    );
  let submissions = 0;
  const submission = (caseId: string, kind: string, upheld: boolean | null = null) =>
    t.dataSource.query('INSERT INTO party_submissions (id, case_id, kind, text, at, upheld) VALUES (?, ?, ?, ?, ?, ?)', [`S${++submissions}`, caseId, kind, '对裁量有异议', new Date('2026-04-05T10:00:00+08:00'), upheld]);

  beforeAll(async () => {
    t = await startTestApp('penalty_reports', { env: { DISPUTED_CLAUSE_MIN_OBJECTIONS: '2', DISPUTED_CLAUSE_MIN_RATE: '30%' } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C')", [SHOP]);
    await BenchmarkWriter.on(ds).save([benchmark('FSL-126', '未按规定建立并遵守进货查验记录制度'), benchmark('PRL-42', '不执行明码标价规定')], 'cli', 'import');

    // FSL-126 (A1): C1–C5 decided in March, C8 on its last evening (Shanghai), C7 noticed in March and not decided yet;
    // C6 decided in February and C9 just after the period are outside it.
    for (const id of ['C1', 'C2', 'C3', 'C4', 'C5']) await caseRow(id, 'A1', 'FSL-126', '2026-03-10T10:00:00+08:00');
    await caseRow('C6', 'A1', 'FSL-126', '2026-02-20T10:00:00+08:00');
    await caseRow('C7', 'A1', 'FSL-126', null);
    await ds.query(
      "INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, notified_at, filed_by, updated_at) VALUES ('C7', 'notified', 'inspection', '事实', '依据', ?, 1, NOW())",
      [new Date('2026-03-15T09:00:00+08:00')],
    );
    await caseRow('C8', 'A1', 'FSL-126', '2026-03-31T23:30:00+08:00');
    await caseRow('C9', 'A1', 'FSL-126', '2026-04-01T00:10:00+08:00');
    await submission('C1', 'objection', true);
    await submission('C1', 'objection', null);
    await submission('C2', 'objection', false);
    await submission('C7', 'objection', null);
    await submission('C3', 'statement');
    for (let i = 0; i < 3; i++) await submission('C6', 'objection');
    await submission('C9', 'objection');
    // PRL-42 (A2): four cases, one objection: 25 %, under both thresholds. FPL-60 (A2, no benchmark): one case, two objections.
    for (const id of ['D1', 'D2', 'D3', 'D4']) await caseRow(id, 'A2', 'PRL-42', '2026-03-05T10:00:00+08:00');
    await submission('D1', 'objection', false);
    await caseRow('D5', 'A2', 'FPL-60', '2026-03-20T10:00:00+08:00');
    await submission('D5', 'objection');
    await submission('D5', 'objection');

    for (const who of ['supervisor', 'discipline', 'admin1', 'officer1']) tokens[who] = await login(t.app, who);
  });
  afterAll(() => t?.close());

  it('counts per clause the period’s cases, the objections on them, the rate, and marks the clauses past the configured thresholds', async () => {
    const answer = await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}`, { token: tokens.supervisor });
    expect(answer.status).toBe(200);
    const report = answer.body;
    expect(report).toMatchObject({ from: '2026-03-01', to: '2026-03-31', agencyId: null, thresholds: { minObjections: 2, minRate: 0.3 } });
    expect(report.clauses.map((c: Record<string, unknown>) => [c.clause, c.name, c.cases, c.objectedCases, c.objections, c.upheld, c.pending, c.rate, c.disputed])).toEqual([
      ['FPL-60', null, 1, 1, 2, 0, 2, 1, true],
      ['FSL-126', '未按规定建立并遵守进货查验记录制度', 7, 3, 4, 1, 2, 0.429, true],
      ['PRL-42', '不执行明码标价规定', 4, 1, 1, 0, 0, 0.25, false],
    ]);
    expect(report.totals).toEqual({ cases: 12, objectedCases: 5, objections: 7, upheld: 1, disputed: 2 });
    expect(report.clauses[1].suggestion).toMatch(/^异议率 42\.9%（7 件中 3 件被提出异议，共 4 件异议）.*其中 1 件异议经复核成立。建议复核并修订该条款的裁量基准。$/);
    expect(report.clauses[0].suggestion).toMatch(/尚未登记裁量基准，建议制定/);
    expect(report.clauses[2].suggestion).toBeNull();
  });

  it('confines an agency admin to its own agency; supervisors may ask for one', async () => {
    const own = await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}`, { token: tokens.admin1 });
    expect([own.body.agencyId, own.body.agencyName, own.body.clauses.map((c: { clause: string }) => c.clause)]).toEqual(['A1', '市市场监督管理局', ['FSL-126']]);
    expect((await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}&agencyId=A2`, { token: tokens.admin1 })).status).toBe(403);
    const a2 = await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}&agencyId=A2`, { token: tokens.discipline });
    expect(a2.body.clauses.map((c: { clause: string }) => c.clause)).toEqual(['FPL-60', 'PRL-42']);
    expect((await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}&agencyId=A9`, { token: tokens.supervisor })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${PERIOD}`, { token: tokens.officer1 })).status).toBe(403);
  });

  it('refuses a bad period with 400 naming the field', async () => {
    for (const [query, field] of [['from=2026-02-30', 'from'], ['from=2026-04-01&to=2026-03-01', 'from'], ['to=yesterday', 'to']]) {
      const answer = await call(t.app, 'GET', `/api/penalty-reports/disputed-clauses?${query}`, { token: tokens.supervisor });
      expect([query, answer.status, answer.body.error.fields[0].field]).toEqual([query, 400, field]);
    }
  });

  it('exports the report as Excel in Chinese, recorded in the audit log', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/penalty-reports/disputed-clauses/export?${PERIOD}`, headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('争议条款-2026-03-01-2026-03-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('争议条款')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('争议条款统计（2026-03-01 至 2026-03-31，全部执法部门）');
    expect(sheet.getRow(3).values).toEqual([undefined, '条款编码', '违法行为', '告知或决定案件数', '被提出异议案件数', '异议件数', '异议成立', '待处理', '异议率', '是否争议条款', '建议']);
    expect((sheet.getRow(5).values as unknown[]).slice(1, 10)).toEqual(['FSL-126', '未按规定建立并遵守进货查验记录制度', 7, 3, 4, 1, 2, '42.9%', '是']);
    expect(sheet.rowCount).toBe(6);
    const [entry] = await t.dataSource.query("SELECT resource, row_count AS `rows` FROM audit_log WHERE resource LIKE 'penalty-reports/%'");
    expect(entry).toEqual({ resource: 'penalty-reports/disputed-clauses/2026-03-01_2026-03-31', rows: 3 });
  });
});
