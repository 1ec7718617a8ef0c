import { mkdtempSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { runExportCommand } from '../src/modules/exchange/export-command.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000901');
const PURPOSE = '与省平台核对执法人员联系电话';
const today = () => shanghaiDate(Date.now());
const tomorrow = () => shanghaiDate(Date.now() + 86_400_000);

describe('audit log: every export and every read of phones in clear, for the discipline inspectors', () => {
  let t: TestApp;
  let supervisor: string;
  let discipline: string;
  let admin1: string;

  const download = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  /** The newest entries, as the discipline inspectors read them. */
  const newest = async (query = '') => (await call(t.app, 'GET', `/api/audit?pageSize=100${query}`, { token: discipline })).body;
  const entries = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);

  beforeAll(async () => {
    t = await startTestApp('audit');
    await seedTwoAgencies(t.dataSource);
    supervisor = await login(t.app, 'supervisor');
    discipline = await login(t.app, 'discipline');
    admin1 = await login(t.app, 'admin1');
    await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: supervisor, body: { phone: '13712345678' } });
    await call(t.app, 'PATCH', '/api/registry/officers/O2', { token: supervisor, body: { phone: '13787654321' } });
    await call(t.app, 'POST', '/api/registry/enterprises', { token: supervisor, body: { creditCode: SHOP, name: '老王烩面馆', industry: 'catering', region: '410204', phone: '13912345678', creditGrade: 'B' } });
  });
  afterAll(() => t.close());

  it('exports officers with phones masked by default, and records who, what, how many rows and from where', async () => {
    const answer = await download(supervisor, '/api/exchange/export/officers');
    expect(answer.statusCode).toBe(200);
    const officers = answer.body.trim().split('\n').map((line) => JSON.parse(line));
    expect(officers.map((o: { phone: string }) => o.phone)).toEqual(['137****5678', '137****4321']);
    expect(answer.body).not.toContain('13712345678');

    const [entry] = (await newest()).items;
    expect(entry).toMatchObject({ actor: expect.stringMatching(/^user:\d+:supervisor$/), action: 'export', resource: 'exchange/officers', rows: 2, purpose: null, address: '127.0.0.1' });
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('gives phones in clear only with a purpose stated in Chinese, and records the purpose', async () => {
    const before = await entries();
    for (const url of ['/api/exchange/export/officers?unmasked=true', `/api/exchange/export/officers?unmasked=true&purpose=${encodeURIComponent('工作需要')}`, '/api/exchange/export/officers?unmasked=true&purpose=migration']) {
      const refused = await call(t.app, 'GET', url, { token: supervisor });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'purpose' })]);
    }
    expect(await entries()).toBe(before);

    const answer = await download(supervisor, `/api/exchange/export/officers?unmasked=true&purpose=${encodeURIComponent(`  ${PURPOSE} `)}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('13712345678');
    expect((await newest()).items[0]).toMatchObject({ action: 'export-unmasked', resource: 'exchange/officers', purpose: PURPOSE, rows: 2 });
  });

  it('records the console\'s Excel exports with their filters and rows', async () => {
    const answer = await download(admin1, '/api/supervision/export/cases?status=active');
    expect(answer.statusCode).toBe(200);
    expect((await newest()).items[0]).toMatchObject({ actor: expect.stringMatching(/:admin1$/), action: 'export', resource: 'supervision/cases', filter: { status: 'active' }, rows: 0 });
    await download(supervisor, '/api/supervision/export/satisfaction?months=6');
    expect((await newest()).items[0]).toMatchObject({ resource: 'supervision/satisfaction', filter: { months: 6 } });
  });

  it('records the nightly report\'s findings workbook and report file', async () => {
    const asOf = shanghaiDate(Date.now() - 86_400_000);
    await call(t.app, 'POST', '/api/anomaly/runs', { token: supervisor, body: { asOf } });
    for (let i = 0; i < 120 && (await call(t.app, 'GET', `/api/anomaly/runs/${asOf}`, { token: supervisor })).body.status !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await download(admin1, `/api/anomaly/reports/${asOf}/findings/export?rule=repeated-inspection`)).statusCode).toBe(200);
    expect((await newest()).items[0]).toMatchObject({ actor: expect.stringMatching(/:admin1$/), resource: `anomaly/${asOf}/findings`, filter: { rule: 'repeated-inspection', agencyId: 'A1' }, rows: 0 });
    expect((await download(discipline, `/api/anomaly/reports/${asOf}/file`)).statusCode).toBe(200);
    expect((await newest()).items[0]).toMatchObject({ actor: expect.stringMatching(/:discipline$/), action: 'export', resource: `anomaly/${asOf}/file` });
  });

  it('records the command line\'s export, phones in clear, as the command line\'s from this host with its purpose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mashang-audit-export-'));
    const result = await runExportCommand(t.dataSource, testPhoneCipher(), dir, '与省平台交换全部数据');
    expect(result.unreadablePhones).toBe(0);
    expect(readFileSync(join(dir, 'officers.jsonl'), 'utf8')).toContain('13712345678');
    const [entry] = (await newest('&actor=cli')).items;
    expect(entry).toMatchObject({
      actor: 'cli', action: 'export-unmasked', resource: 'exchange', purpose: '与省平台交换全部数据', address: hostname(),
      rows: Object.values(result.counts).reduce((sum, n) => sum + n, 0), filter: { dir, files: { officers: 2, enterprises: 1, agencies: 2 } },
    });
  });

  it('lets only the discipline inspectors read it, filtered by actor, action and days, a page at a time', async () => {
    for (const token of [supervisor, admin1]) expect((await call(t.app, 'GET', '/api/audit', { token })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/audit/verify', { token: supervisor })).status).toBe(403);

    const all = await newest();
    expect(all.total).toBe(await entries());
    expect(all.items.map((e: { seq: number }) => e.seq)).toEqual([...all.items.map((e: { seq: number }) => e.seq)].sort((a, b) => b - a));
    const unmasked = await newest('&action=export-unmasked&actor=supervisor');
    expect(unmasked.items.map((e: { purpose: string }) => e.purpose)).toEqual([PURPOSE]);
    expect((await newest(`&from=${today()}&to=${today()}`)).total).toBe(all.total);
    expect((await newest(`&from=${tomorrow()}`)).total).toBe(0);
    const second = (await call(t.app, 'GET', '/api/audit?page=2&pageSize=1', { token: discipline })).body;
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: all.total, items: [all.items[1]] });
    expect((await call(t.app, 'GET', '/api/audit?from=2026-02-31', { token: discipline })).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/audit?action=delete', { token: discipline })).status).toBe(400);
  });

  it('shows an edited entry: the hash chain breaks there', async () => {
    expect((await call(t.app, 'GET', '/api/audit/verify', { token: discipline })).body).toEqual({ intact: true, entries: await entries(), firstBreak: null });
    await t.dataSource.query("UPDATE audit_log SET purpose = '随便看看' WHERE seq = 2");
    expect((await call(t.app, 'GET', '/api/audit/verify', { token: discipline })).body).toMatchObject({ intact: false, firstBreak: { seq: 2, reason: 'hash-mismatch' } });
  });
});
