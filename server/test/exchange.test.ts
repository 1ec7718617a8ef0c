import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { DataSource } from 'typeorm';
import { ExchangeExporter } from '../src/modules/exchange/exchange-export.js';
import { ExchangeImporter } from '../src/modules/exchange/exchange-import.js';
import { migratedDataSource, testPhoneCipher } from './support/test-app.js';
import { SMALL_DATASET, writeDataset } from './support/dataset.js';

const TABLES = ['agencies', 'officers', 'items', 'enterprises', 'inspections', 'inspection_officers', 'inspection_items', 'cases', 'case_officers', 'ratings', 'register_history'];

describe('exchange format import/export', () => {
  let dataSource: DataSource;
  const importer = () => ExchangeImporter.on(dataSource, testPhoneCipher(), { actor: 'import:test', batchSize: 2 });
  const exporter = () => ExchangeExporter.on(dataSource, testPhoneCipher(), 2);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)])));
  const checksums = async () => JSON.stringify(await dataSource.query(`CHECKSUM TABLE ${TABLES.join(', ')}`));

  beforeAll(async () => {
    dataSource = await migratedDataSource('exchange');
  });
  afterAll(() => dataSource.destroy());

  it('refuses a dataset with any bad line and imports nothing, naming file:line: field: reason', async () => {
    const dir = writeDataset({
      ...SMALL_DATASET,
      enterprises: [...SMALL_DATASET.enterprises, { ...SMALL_DATASET.enterprises[0], creditCode: '91440300708461136U' }],
      inspections: [
        ...SMALL_DATASET.inspections,
        '{"id": "X9", broken',
        { ...SMALL_DATASET.inspections[2], id: 'X1' },
        { ...SMALL_DATASET.inspections[2], id: 'X4', officerIds: ['O1', 'GHOST'] },
      ],
      ratings: [{ ...SMALL_DATASET.ratings[0], inspectionId: 'NOPE' }],
    });
    const result = await importer().import(dir);
    expect(result.ok).toBe(false);
    const lines = result.problems.map((p) => `${p.file}:${p.line}: ${p.field}`);
    expect(lines).toEqual([
      'enterprises.jsonl:3: creditCode',
      'inspections.jsonl:4: (line)',
      'inspections.jsonl:5: id',
      'inspections.jsonl:6: officerIds[1]',
      'ratings.jsonl:1: inspectionId',
    ]);
    expect(result.problems[2].reason).toBe('duplicate of an earlier line');
    expect(await counts()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  });

  it('imports a valid dataset in full, phones encrypted, members in order', async () => {
    const result = await importer().import(writeDataset(SMALL_DATASET));
    expect(result).toMatchObject({ ok: true, problemCount: 0, counts: { agencies: 2, officers: 3, items: 2, enterprises: 2, inspections: 3, cases: 1, ratings: 1 } });
    expect(await counts()).toMatchObject({ inspections: 3, inspection_officers: 4, inspection_items: 2, case_officers: 1, register_history: 9 });
    const [officer] = await dataSource.query("SELECT phone_cipher FROM officers WHERE id = 'O1'");
    expect(officer.phone_cipher).not.toContain('13812345678');
    const members = await dataSource.query("SELECT officer_id FROM inspection_officers WHERE inspection_id = 'X1' ORDER BY position");
    expect(members.map((m: { officer_id: string }) => m.officer_id)).toEqual(['O2', 'O1']);
  });

  it('exports what it imported, and importing the export changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mashang-export-'));
    await exporter().export(dir);
    expect(readdirSync(dir).sort()).toEqual(['agencies.jsonl', 'cases.jsonl', 'enterprises.jsonl', 'inspections.jsonl', 'items.jsonl', 'officers.jsonl', 'ratings.jsonl']);
    const inspections = readFileSync(join(dir, 'inspections.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(inspections[0]).toMatchObject({ id: 'X1', officerIds: ['O2', 'O1'], jointId: 'J1', startedAt: '2026-03-01T09:30:00.000+08:00' });
    expect(inspections[2]).toMatchObject({ id: 'X3', startedAt: '2026-04-03T07:10:00.000+08:00', codedAt: '2026-04-04T08:00:00.000+08:00' });
    const officers = readFileSync(join(dir, 'officers.jsonl'), 'utf8');
    expect(officers).toContain('13812345678');
    // v1.1: the certificate's last day goes out as it came in, and only where known.
    const byId = new Map(officers.trim().split('\n').map((l) => JSON.parse(l)).map((o: { id: string }) => [o.id, o]));
    expect(byId.get('O2')).toMatchObject({ certExpires: '2027-06-30' });
    expect(byId.get('O1')).not.toHaveProperty('certExpires');

    const before = { counts: await counts(), checksums: await checksums() };
    const result = await importer().import(dir);
    expect(result.ok).toBe(true);
    expect({ counts: await counts(), checksums: await checksums() }).toEqual(before);
  });

  it('upserts: changed registers are updated with history, changed member lists replaced', async () => {
    const dir = writeDataset({
      enterprises: [{ ...SMALL_DATASET.enterprises[0], creditGrade: 'C' }],
      inspections: [{ ...SMALL_DATASET.inspections[0], officerIds: ['O1'], result: 'rectify', startedAt: '2026-03-02T09:30:00.000+08:00', finishedAt: '2026-03-02T11:00:00.000+08:00' }],
    });
    const result = await importer().import(dir);
    expect(result.ok).toBe(true);
    const [enterprise] = await dataSource.query("SELECT credit_grade FROM enterprises WHERE credit_code = '91440300708461136T'");
    expect(enterprise.credit_grade).toBe('C');
    const [history] = await dataSource.query("SELECT actor, changes FROM register_history WHERE subject_id = '91440300708461136T' ORDER BY id DESC LIMIT 1");
    expect(history.actor).toBe('import:test');
    expect(JSON.parse(history.changes)).toEqual({ creditGrade: { from: 'B', to: 'C' } });
    // The officer kept is moved with the inspection: officer rows carry its times.
    const members = await dataSource.query("SELECT officer_id, started_at, finished_at FROM inspection_officers WHERE inspection_id = 'X1'");
    expect(members).toEqual([{ officer_id: 'O1', started_at: new Date('2026-03-02T01:30:00Z'), finished_at: new Date('2026-03-02T03:00:00Z') }]);
    // So are its items: item rows carry its trigger and start.
    const items = await dataSource.query("SELECT trigger_type, started_at FROM inspection_items WHERE inspection_id = 'X1'");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toEqual({ trigger_type: SMALL_DATASET.inspections[0].trigger, started_at: new Date('2026-03-02T01:30:00Z') });
  });

  it('a reference may point at what is already in the database', async () => {
    const result = await importer().import(writeDataset({ ratings: [{ ...SMALL_DATASET.ratings[0], inspectionId: 'X2', agencyId: 'A2', verdict: 'approve', flags: [] }] }));
    expect(result.ok).toBe(true);
    expect((await counts()).ratings).toBe(2);
  });

  it('treats ids as opaque: ids differing only in case are different records', async () => {
    const result = await importer().import(writeDataset({ agencies: [{ id: 'case-a', name: '甲', kind: 'market', region: '410202' }, { id: 'CASE-A', name: '乙', kind: 'market', region: '410202' }] }));
    expect(result.ok).toBe(true);
    const rows = await dataSource.query("SELECT id, name FROM agencies WHERE id IN ('case-a', 'CASE-A') ORDER BY id");
    expect(rows).toEqual([{ id: 'CASE-A', name: '乙' }, { id: 'case-a', name: '甲' }]);
  });
});
