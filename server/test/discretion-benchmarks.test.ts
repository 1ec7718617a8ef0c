/**
 * 裁量基准 administration over HTTP and the command line, on a real database: validation refuses with
 * field errors and writes nothing; each change is a version on the clause's trail chain; the JSON
 * Lines import is all or nothing; an export imported again (here or into an empty database) changes
 * nothing and exports the same bytes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { runBenchmarkExport, runBenchmarkImport } from '../src/modules/cases/index.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, migratedDataSource, startTestApp, type TestApp } from './support/test-app.js';

const benchmark = (patch: Record<string, unknown> = {}) => ({
  name: '未按规定建立并遵守进货查验记录制度',
  legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
  ],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
  ...patch,
});
const line = (clause: string, patch: Record<string, unknown> = {}) => JSON.stringify({ clause, ...benchmark(patch) });

describe('discretion benchmarks', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  /** What a refused request must leave as it was: the benchmarks and every trail chain. */
  const state = async (ds: DataSource = t.dataSource) => JSON.stringify(await ds.query('CHECKSUM TABLE discretion_benchmarks, inspection_trail'));
  const put = (clause: string, body: unknown, who = 'supervisor') => call(t.app, 'PUT', `/api/discretion-benchmarks/${encodeURIComponent(clause)}`, { token: tokens[who], body });
  const importText = (text: string, who = 'supervisor', contentType = 'application/x-ndjson') =>
    call(t.app, 'POST', '/api/discretion-benchmarks/import', { token: tokens[who], body: text, headers: { 'content-type': contentType } });
  const exportText = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/discretion-benchmarks/export', headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp('benchmarks');
    await seedTwoAgencies(t.dataSource);
    for (const who of ['supervisor', 'discipline', 'admin1', 'officer1']) tokens[who] = await login(t.app, who);
  });
  afterAll(() => t?.close());

  it('creates a clause’s benchmark for a supervisor; officers and agency admins read it, may not change it', async () => {
    const created = await put('FSL-126', benchmark());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ clause: 'FSL-126', factors: benchmark().factors, updatedBy: 'supervisor' });
    for (const who of ['officer1', 'admin1', 'discipline']) {
      expect((await call(t.app, 'GET', '/api/discretion-benchmarks/FSL-126', { token: tokens[who] })).body.ranges).toEqual(benchmark().ranges);
      expect((await put('FSL-126', benchmark({ name: '改名' }), who)).status).toBe(403);
    }
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks/NOPE-1', { token: tokens.officer1 })).status).toBe(404);
  });

  it('refuses a benchmark that breaks a rule with 400 and field errors, writing nothing', async () => {
    const before = await state();
    const cases: [unknown, string[]][] = [
      [benchmark({ factors: [{ id: 'harm', label: '造成危害后果', points: 4 }, { id: 'harm', label: '造成严重后果', points: 6 }] }), ['factors[1].id']],
      [benchmark({ factors: [{ id: 'Harm Done', label: '造成危害后果', points: 4.5 }] }), ['factors[0].id', 'factors[0].points']],
      [benchmark({ bands: [{ level: 'light', minPoints: 0 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }] }), ['bands[1].minPoints']],
      [benchmark({ bands: [{ level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }] }), ['bands']],
      [benchmark({ ranges: { ...benchmark().ranges, general: { min: 4_000_000, max: 3_500_000 } } }), ['ranges.general.max']],
      [benchmark({ ranges: { ...benchmark().ranges, general: { min: 1_000_000, max: 3_500_000 } } }), ['ranges.general.min']],
      [benchmark({ ranges: { light: benchmark().ranges.light, general: benchmark().ranges.general } }), ['ranges.severe']],
      [{ ...benchmark(), clause: 'FSL-124' }, ['clause']],
      [[], ['(record)']],
    ];
    for (const [body, fields] of cases) {
      const answer = await put('FSL-126', body);
      expect([answer.status, answer.body.error.code, answer.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, 'VALIDATION_FAILED', fields]);
    }
    expect((await put('bad clause', benchmark())).body.error.fields).toEqual([{ field: 'clause', reason: expect.stringMatching(/空格/) }]);
    expect(await state()).toBe(before);
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks/FSL-126', { token: tokens.supervisor })).body.name).toBe(benchmark().name);
  });

  it('keeps every change as a version on the clause’s chain, read newest first with what changed', async () => {
    const edited = benchmark({
      factors: [{ id: 'first-offence', label: '初次违法', points: -3 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }, { id: 'harm', label: '造成危害后果', points: 4 }],
      ranges: { ...benchmark().ranges, severe: { min: 3_500_000, max: 10_000_000 } },
    });
    expect((await put('FSL-126', edited)).status).toBe(200);
    // Saving the same again is no new version.
    expect((await put('FSL-126', edited)).status).toBe(200);
    const history = await call(t.app, 'GET', '/api/discretion-benchmarks/FSL-126/history', { token: tokens.admin1 });
    expect(history.status).toBe(200);
    expect(history.body.intact).toBe(true);
    expect(history.body.entries.map((e: { seq: number; by: string; source: string; changes: string[] }) => [e.seq, e.by, e.source, e.changes])).toEqual([
      [2, 'supervisor', 'edit', ['裁量因素“初次违法”：−2 分 → −3 分', '“从重”档罚款幅度：35,000–75,000 元 → 35,000–100,000 元']],
      [1, 'supervisor', 'edit', ['新建裁量基准']],
    ]);
    expect(history.body.entries[0].benchmark.ranges.severe.max).toBe(10_000_000);
    const [entry] = await t.dataSource.query("SELECT kind, actor FROM inspection_trail WHERE inspection_id = 'benchmark:FSL-126' AND seq = 2");
    expect(entry).toEqual({ kind: 'benchmark-changed', actor: expect.stringMatching(/^user:\d+:supervisor$/) });
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks/FSL-126/history', { token: tokens.officer1 })).status).toBe(403);
  });

  it('lists and searches by clause code (any case) or name', async () => {
    await put('PRL-42', benchmark({ name: '不执行明码标价规定' }));
    const all = await call(t.app, 'GET', '/api/discretion-benchmarks', { token: tokens.officer1 });
    expect(all.body.items.map((i: { clause: string }) => i.clause)).toEqual(['FSL-126', 'PRL-42']);
    expect(all.body.items[0]).toMatchObject({ factorCount: 3, fineFrom: 250_000, fineTo: 10_000_000, updatedBy: 'supervisor' });
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks?q=prl', { token: tokens.officer1 })).body.items.map((i: { clause: string }) => i.clause)).toEqual(['PRL-42']);
    expect((await call(t.app, 'GET', `/api/discretion-benchmarks?q=${encodeURIComponent('明码')}`, { token: tokens.officer1 })).body.total).toBe(1);
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks?q=%25', { token: tokens.officer1 })).body.total).toBe(0);
  });

  it('imports all or nothing: one bad line refuses the file, naming line and field, and writes nothing', async () => {
    const before = await state();
    const file = [line('ADL-58', { name: '发布违法广告' }), line('PRL-42', { name: '改过的名字' }), line('FPL-60', { factors: [{ id: 'harm', label: '后果', points: '4' }] }), '{oops', line('ADL-58')].join('\n');
    const answer = await importText(file);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields.map((f: { field: string; reason: string }) => `${f.field}: ${f.reason}`)).toEqual([
      '3: factors[0].points: 应为整数',
      '4: (line): 不是有效的 JSON',
      '5: clause: 与第 1 行的条款重复',
    ]);
    expect(answer.body.error.message).toMatch(/共 3 处问题/);
    expect(await state()).toBe(before);
    expect((await call(t.app, 'GET', '/api/discretion-benchmarks/ADL-58', { token: tokens.supervisor })).status).toBe(404);
    // Wrong content: not JSON Lines at all.
    expect((await call(t.app, 'POST', '/api/discretion-benchmarks/import', { token: tokens.supervisor, body: { clause: 'X' } })).status).toBe(415);
    expect((await importText('', 'supervisor')).body.error.fields).toEqual([{ field: '1: (file)', reason: '文件中没有裁量基准记录' }]);
    expect((await importText(line('ADL-58'), 'admin1')).status).toBe(403);
    expect(await state()).toBe(before);
  });

  it('imports a clean file, uploaded as a file too: new clauses created, changed ones versioned, the same left alone', async () => {
    const file = `${[line('ADL-58', { name: '发布违法广告' }), line('PRL-42', { name: '不执行明码标价规定', legalBasis: '《中华人民共和国价格法》第四十二条' })].join('\n')}\n`;
    const boundary = 'benchmarkupload';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="基准.jsonl"\r\nContent-Type: application/x-ndjson\r\n\r\n${file}\r\n--${boundary}--\r\n`;
    const answer = await importText(multipart, 'supervisor', `multipart/form-data; boundary=${boundary}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, lines: 2, created: 1, changed: 1, unchanged: 0, problems: [], problemCount: 0 });
    const again = await importText(file);
    expect(again.body).toMatchObject({ ok: true, created: 0, changed: 0, unchanged: 2 });
    const history = await call(t.app, 'GET', '/api/discretion-benchmarks/PRL-42/history', { token: tokens.supervisor });
    expect(history.body.entries.map((e: { source: string; changes: string[] }) => [e.source, e.changes])).toEqual([
      ['import', ['法律依据：《中华人民共和国食品安全法》第一百二十六条 → 《中华人民共和国价格法》第四十二条']],
      ['edit', ['新建裁量基准']],
    ]);
  });

  it('exports JSON Lines that import again as no change, here and into an empty database, and export the same bytes', async () => {
    const exported = await exportText();
    expect(exported.split('\n').filter(Boolean).map((l) => JSON.parse(l).clause)).toEqual(['ADL-58', 'FSL-126', 'PRL-42']);
    expect(exported.startsWith('{"clause":"ADL-58","name":"发布违法广告","legalBasis":')).toBe(true);
    const before = await state();
    expect((await importText(exported)).body).toMatchObject({ ok: true, lines: 3, created: 0, changed: 0, unchanged: 3 });
    expect(await state()).toBe(before);
    expect(await exportText()).toBe(exported);

    const dir = mkdtempSync(join(tmpdir(), 'mashang-benchmarks-'));
    writeFileSync(join(dir, 'in.jsonl'), exported);
    const copy = await migratedDataSource('benchmarks_copy');
    try {
      expect(await runBenchmarkImport(copy, join(dir, 'in.jsonl'))).toMatchObject({ ok: true, created: 3 });
      expect(await runBenchmarkExport(copy, join(dir, 'out.jsonl'))).toBe(3);
      expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(exported);
      const [{ actor }] = await copy.query("SELECT actor FROM inspection_trail WHERE inspection_id = 'benchmark:PRL-42'");
      expect(actor).toBe('cli');
      writeFileSync(join(dir, 'bad.jsonl'), `${line('FSL-126', { name: '' })}\n`);
      const refused = await runBenchmarkImport(copy, join(dir, 'bad.jsonl'));
      expect([refused.ok, refused.problems]).toEqual([false, [{ line: 1, field: 'name', reason: '不能为空' }]]);
    } finally {
      await copy.destroy();
    }
  });
});
