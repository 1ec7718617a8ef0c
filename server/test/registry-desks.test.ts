import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const SHOP = buildCreditCode('92410202', 'MA001001');

describe('registers at the desks: officers on and off duty, Excel exports in the audit log', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  async function sheet(token: string, url: string): Promise<{ status: number; rows: unknown[][] }> {
    const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (response.statusCode !== 200) return { status: response.statusCode, rows: [] };
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { status: 200, rows };
  }

  beforeAll(async () => {
    t = await startTestApp('registry_desks');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis, no_disturb) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法', 0), ('I2', 'A2', '消防设施检查', '消防法', 1)");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'A', 1)", [SHOP]);
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1', 'officer2']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  describe('onboarding and taking an officer off duty', () => {
    it('an agency admin onboards an officer of its own agency, on duty, with the certificate and its expiry', async () => {
      const created = await call(t.app, 'POST', '/api/registry/officers', { token: tokens.admin1, body: { id: 'O9', agencyId: 'A1', name: '赵敏', certNo: '豫C0000099', certExpires: inDays(365) } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: 'O9', agencyId: 'A1', name: '赵敏', certNo: '豫C0000099', phone: null, certExpires: inDays(365), active: true });
      expect((await call(t.app, 'POST', '/api/registry/officers', { token: tokens.admin1, body: { id: 'O8', agencyId: 'A2', name: '钱', certNo: 'X' } })).status).toBe(403);
    });

    it('taking an officer off duty ends their sessions, keeps them off new plans and out of the filing list; the history says so', async () => {
      expect((await call(t.app, 'GET', '/api/auth/me', { token: tokens.officer1 })).status).toBe(200);
      expect((await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.admin2, body: { active: false } })).status).toBe(403);
      const off = await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.admin1, body: { active: false } });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      // The officer's account is deactivated and its session ends at once.
      expect((await call(t.app, 'GET', '/api/auth/me', { token: tokens.officer1 })).status).toBe(401);
      const [{ active }] = await t.dataSource.query("SELECT active FROM users WHERE username = 'officer1'");
      expect(Number(active)).toBe(0);
      expect((await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer1', password: 'demo1234' } })).status).toBe(401);

      const onDuty = await call(t.app, 'GET', '/api/registry/officers?active=true', { token: tokens.admin1 });
      expect(onDuty.body.items.map((o: { id: string }) => o.id)).toEqual(['O9']);
      const offDuty = await call(t.app, 'GET', '/api/registry/officers?active=false', { token: tokens.admin1 });
      expect(offDuty.body.items.map((o: { id: string }) => o.id)).toEqual(['O1']);
      expect((await call(t.app, 'GET', '/api/registry/officers?active=maybe', { token: tokens.admin1 })).status).toBe(400);

      const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.admin1, body: { creditCode: SHOP, date: inDays(10), trigger: 'complaint', reason: '投诉', officerIds: ['O1', 'O9'], itemIds: ['I1'] } });
      expect(filed.status).toBe(400);
      expect(filed.body.error.fields).toEqual([{ field: 'officerIds', reason: '执法人员已停用：张伟' }]);

      const history = await call(t.app, 'GET', '/api/registry/officers/O1/history', { token: tokens.admin1 });
      expect(history.body).toEqual([{ at: expect.any(String), actor: expect.stringMatching(/:admin1$/), actorName: expect.any(String), action: 'update', changes: { active: { from: true, to: false } } }]);
    });

    it('an edit of another field leaves the duty as it is', async () => {
      const renamed = await call(t.app, 'PATCH', '/api/registry/officers/O9', { token: tokens.admin1, body: { certNo: '豫C0000098' } });
      expect(renamed.body).toMatchObject({ certNo: '豫C0000098', active: true });
      const history = await call(t.app, 'GET', '/api/registry/officers/O9/history', { token: tokens.admin1 });
      expect(history.body[1].changes).toEqual({ certNo: { from: '豫C0000099', to: '豫C0000098' } });
    });

    it('putting the officer back on duty lets their account sign in again', async () => {
      expect((await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.supervisor, body: { active: true } })).body.active).toBe(true);
      tokens.officer1 = await login(t.app, 'officer1');
      expect((await call(t.app, 'GET', '/api/auth/me', { token: tokens.officer1 })).status).toBe(200);
      expect((await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.admin1, body: { active: null } })).status).toBe(400);
    });
  });

  describe('Excel exports', () => {
    it('an agency admin exports its own officers in Chinese, phones masked; another agency is refused', async () => {
      await call(t.app, 'PATCH', '/api/registry/officers/O9', { token: tokens.admin1, body: { phone: '13812345678' } });
      const own = await sheet(tokens.admin1, '/api/registry/exports/officers');
      expect(own.rows).toEqual([
        ['编号', '所属部门', '姓名', '执法证号', '执法证有效期至', '联系电话', '在岗状态'],
        ['O1', '市市场监督管理局', '张伟', '豫C0000001', '未填', '未填', '在岗'],
        ['O9', '市市场监督管理局', '赵敏', '豫C0000098', inDays(365), '138****5678', '在岗'],
      ]);
      expect((await sheet(tokens.admin1, '/api/registry/exports/officers?agencyId=A2')).status).toBe(403);
      expect((await sheet(tokens.officer1, '/api/registry/exports/officers')).status).toBe(403);
      expect((await sheet(tokens.supervisor, '/api/registry/exports/people')).status).toBe(400);
    });

    it('supervisors export every register with its search; items and enterprises read their flags and grades in words', async () => {
      expect((await sheet(tokens.supervisor, '/api/registry/exports/items')).rows.slice(1)).toEqual([
        ['I1', '市市场监督管理局', '食品经营许可检查', '食品安全法', '不在名单内'],
        ['I2', '市消防救援支队', '消防设施检查', '消防法', '在名单内'],
      ]);
      expect((await sheet(tokens.supervisor, `/api/registry/exports/enterprises?q=${encodeURIComponent('烩面')}`)).rows).toEqual([
        ['统一社会信用代码', '企业名称', '行业', '行政区划代码', '联系电话', '信用等级', '无感监管名单'],
        [SHOP, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', '未填', 'A级（守信）', '在名单内'],
      ]);
      expect((await sheet(tokens.discipline, '/api/registry/exports/agencies?q=A2')).rows).toEqual([['编号', '部门名称', '行业主管类别', '行政区划代码', '计划须经负责人审批'], ['A2', '市消防救援支队', '消防救援', '410203', '不须审批']]);
    });

    it('records every export in the audit log with its rows and filters, and nothing for a refused one', async () => {
      const entries = await t.dataSource.query("SELECT actor, resource, filter, row_count AS `rows` FROM audit_log WHERE resource LIKE 'registry/%' ORDER BY seq");
      expect(entries.map((e: { resource: string; rows: number }) => [e.resource, Number(e.rows)])).toEqual([
        ['registry/officers', 2], ['registry/items', 2], ['registry/enterprises', 1], ['registry/agencies', 1],
      ]);
      expect(entries[0].actor).toMatch(/:admin1$/);
      expect(JSON.parse(entries[2].filter)).toEqual({ q: '烩面' });
    });
  });
});
