import { login, call, startTestApp, type TestApp } from './support/test-app.js';
import { seedTwoAgencies } from './support/fixtures.js';

const ENTERPRISE = { creditCode: '91440300708461136T', name: '开封宏达机械制造有限公司', industry: 'manufacturing', region: '410202', phone: '13812345678', creditGrade: 'B' };

describe('registers (清单化管理)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('registry');
    await seedTwoAgencies(t.dataSource);
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1', 'officer2']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  describe('enterprises', () => {
    it('a supervisor registers an enterprise; the phone is encrypted at rest and masked in answers', async () => {
      const created = await call(t.app, 'POST', '/api/registry/enterprises', { token: tokens.supervisor, body: ENTERPRISE });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ ...ENTERPRISE, phone: '138****5678', lowTouch: false });
      const [row] = await t.dataSource.query('SELECT phone_cipher FROM enterprises WHERE credit_code = ?', [ENTERPRISE.creditCode]);
      expect(row.phone_cipher).toMatch(/^v1\./);
      expect(row.phone_cipher).not.toContain('5678');
    });

    it('refuses a corrupted credit code with a field-level reason and writes nothing', async () => {
      const before = await count('enterprises');
      const answer = await call(t.app, 'POST', '/api/registry/enterprises', { token: tokens.supervisor, body: { ...ENTERPRISE, creditCode: '91440300708461136U' } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'creditCode', reason: '第18位校验码不正确' }]);
      expect(await count('enterprises')).toBe(before);
      expect(await count('register_history')).toBe(1);
    });

    it('refuses a duplicate with 409', async () => {
      expect((await call(t.app, 'POST', '/api/registry/enterprises', { token: tokens.supervisor, body: ENTERPRISE })).status).toBe(409);
    });

    it('every role can search the register by name or code prefix', async () => {
      for (const user of ['officer2', 'discipline', 'admin1']) {
        const byName = await call(t.app, 'GET', `/api/registry/enterprises?q=${encodeURIComponent('宏达')}`, { token: tokens[user] });
        expect(byName.body).toEqual({ items: [expect.objectContaining({ creditCode: ENTERPRISE.creditCode, phone: '138****5678' })], total: 1, page: 1, pageSize: 20 });
      }
      const byCode = await call(t.app, 'GET', '/api/registry/enterprises?q=914403', { token: tokens.officer1 });
      expect(byCode.body.total).toBe(1);
      const literalPercent = await call(t.app, 'GET', '/api/registry/enterprises?q=%25', { token: tokens.officer1 });
      expect(literalPercent.body.total).toBe(0);
    });

    it('only supervisors edit it; edits keep history with who and what, phones masked', async () => {
      expect((await call(t.app, 'PATCH', `/api/registry/enterprises/${ENTERPRISE.creditCode}`, { token: tokens.admin1, body: { creditGrade: 'A' } })).status).toBe(403);
      const edited = await call(t.app, 'PATCH', `/api/registry/enterprises/${ENTERPRISE.creditCode}`, { token: tokens.supervisor, body: { creditGrade: 'A', phone: '13900001111', lowTouch: true } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ creditGrade: 'A', phone: '139****1111', lowTouch: true });
      const history = await call(t.app, 'GET', `/api/registry/enterprises/${ENTERPRISE.creditCode}/history`, { token: tokens.discipline });
      expect(history.body.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
      expect(history.body[1].actor).toMatch(/^user:\d+:supervisor$/);
      expect(history.body[1].changes).toEqual({ creditGrade: { from: 'B', to: 'A' }, phone: { from: '138****5678', to: '139****1111' }, lowTouch: { from: false, to: true } });
      expect(JSON.stringify(history.body)).not.toContain('13900001111');
    });

    it('an edit that changes nothing adds no history', async () => {
      await call(t.app, 'PATCH', `/api/registry/enterprises/${ENTERPRISE.creditCode}`, { token: tokens.supervisor, body: { creditGrade: 'A' } });
      expect(await count('register_history')).toBe(2);
    });

    it('unknown codes are 404, bad values 400', async () => {
      expect((await call(t.app, 'GET', '/api/registry/enterprises/91110000802100433B', { token: tokens.officer1 })).status).toBe(404);
      const bad = await call(t.app, 'PATCH', `/api/registry/enterprises/${ENTERPRISE.creditCode}`, { token: tokens.supervisor, body: { creditGrade: 'E', region: '41020' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['creditGrade', 'region']);
      expect((await call(t.app, 'GET', '/api/registry/enterprises?pageSize=1000', { token: tokens.officer1 })).status).toBe(400);
    });
  });

  describe('officers and items are scoped to the agency', () => {
    it('an agency admin adds an officer to its own agency, not to another', async () => {
      const own = await call(t.app, 'POST', '/api/registry/officers', { token: tokens.admin1, body: { id: 'O3', agencyId: 'A1', name: '王芳', certNo: '豫C0000003', phone: '13700000000' } });
      expect(own.status).toBe(201);
      expect(own.body.phone).toBe('137****0000');
      const other = await call(t.app, 'POST', '/api/registry/officers', { token: tokens.admin1, body: { id: 'O4', agencyId: 'A2', name: '赵强', certNo: '豫C0000004' } });
      expect(other.status).toBe(403);
      expect(await count('officers')).toBe(3);
    });

    it('officers cannot edit registers; discipline only reads', async () => {
      expect((await call(t.app, 'POST', '/api/registry/items', { token: tokens.officer1, body: { id: 'I9', agencyId: 'A1', name: 'x', basis: 'y' } })).status).toBe(403);
      expect((await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.discipline, body: { name: 'x' } })).status).toBe(403);
    });

    it('lists show only the own agency to officers and admins, everything to supervisors', async () => {
      const mine = await call(t.app, 'GET', '/api/registry/officers', { token: tokens.officer1 });
      expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual(['O1', 'O3']);
      expect((await call(t.app, 'GET', '/api/registry/officers?agencyId=A2', { token: tokens.officer1 })).status).toBe(403);
      expect((await call(t.app, 'GET', '/api/registry/officers/O2', { token: tokens.admin1 })).status).toBe(403);
      expect((await call(t.app, 'GET', '/api/registry/agencies', { token: tokens.admin2 })).body.items.map((a: { id: string }) => a.id)).toEqual(['A2']);
      const all = await call(t.app, 'GET', '/api/registry/officers', { token: tokens.supervisor });
      expect(all.body.total).toBe(3);
      const filtered = await call(t.app, 'GET', '/api/registry/officers?agencyId=A2', { token: tokens.discipline });
      expect(filtered.body.items.map((o: { id: string }) => o.id)).toEqual(['O2']);
    });

    it('items carry their legal basis and the 无事不扰 flag; edits keep history', async () => {
      const created = await call(t.app, 'POST', '/api/registry/items', { token: tokens.admin2, body: { id: 'I1', agencyId: 'A2', name: '消防设施检查', basis: '《中华人民共和国消防法》第十六条' } });
      expect(created.body).toEqual({ id: 'I1', agencyId: 'A2', name: '消防设施检查', basis: '《中华人民共和国消防法》第十六条', noDisturb: false, industries: '', commonViolations: '', complianceGuide: '' });
      await call(t.app, 'PATCH', '/api/registry/items/I1', { token: tokens.admin2, body: { noDisturb: true } });
      const history = await call(t.app, 'GET', '/api/registry/items/I1/history', { token: tokens.admin2 });
      expect(history.body[1].changes).toEqual({ noDisturb: { from: false, to: true } });
      expect((await call(t.app, 'GET', '/api/registry/items/I1/history', { token: tokens.admin1 })).status).toBe(403);
    });

    it("items carry the booklet's guidance: industries written one way, edits in the history, null refused", async () => {
      await call(t.app, 'POST', '/api/registry/items', { token: tokens.admin2, body: { id: 'I7', agencyId: 'A2', name: '疏散通道检查', basis: '《中华人民共和国消防法》第二十八条' } });
      const edited = await call(t.app, 'PATCH', '/api/registry/items/I7', {
        token: tokens.admin2, body: { industries: '餐饮服务, 住宿，餐饮服务', commonViolations: ' 占用、堵塞疏散通道 ', complianceGuide: '保持疏散通道畅通' },
      });
      expect(edited.body).toMatchObject({ industries: '餐饮服务、住宿', commonViolations: '占用、堵塞疏散通道', complianceGuide: '保持疏散通道畅通' });
      const history = await call(t.app, 'GET', '/api/registry/items/I7/history', { token: tokens.supervisor });
      expect(history.body[0].changes).not.toHaveProperty('industries');
      expect(history.body[1].changes).toEqual({
        industries: { from: '', to: '餐饮服务、住宿' }, commonViolations: { from: '', to: '占用、堵塞疏散通道' }, complianceGuide: { from: '', to: '保持疏散通道畅通' },
      });
      const refused = await call(t.app, 'PATCH', '/api/registry/items/I7', { token: tokens.admin2, body: { complianceGuide: null } });
      expect(refused.status).toBe(400);
    });

    it('an officer needs an existing agency', async () => {
      const answer = await call(t.app, 'POST', '/api/registry/officers', { token: tokens.supervisor, body: { id: 'O9', agencyId: 'NOPE', name: 'x', certNo: 'y' } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'agencyId', reason: '执法部门不存在' }]);
    });
  });

  describe('agencies', () => {
    it('supervisors create and rename agencies; the change is attributed', async () => {
      expect((await call(t.app, 'POST', '/api/registry/agencies', { token: tokens.admin1, body: { id: 'A3', name: '市生态环境局', kind: 'ecology', region: '410204' } })).status).toBe(403);
      expect((await call(t.app, 'POST', '/api/registry/agencies', { token: tokens.supervisor, body: { id: 'A3', name: '市生态环境局', kind: 'ecology', region: '410204' } })).status).toBe(201);
      const renamed = await call(t.app, 'PATCH', '/api/registry/agencies/A3', { token: tokens.supervisor, body: { name: '开封市生态环境局' } });
      expect(renamed.body.name).toBe('开封市生态环境局');
      const history = await call(t.app, 'GET', '/api/registry/agencies/A3/history', { token: tokens.supervisor });
      expect(history.body[1].changes).toEqual({ name: { from: '市生态环境局', to: '开封市生态环境局' } });
    });
  });
});
