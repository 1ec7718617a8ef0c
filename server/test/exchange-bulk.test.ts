/**
 * The importer's bulk path (empty tables: staging tables loaded in one pass, indexed, swapped in
 * whole), against the usual path (two passes, one transaction) on the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Staging } from '../src/infra/database/staging.js';
import { InspectionRepository } from '../src/modules/inspections/index.js';
import { DEMO_CITY_SIZES, generateDemoCity } from '../src/modules/demo/index.js';
import { ExchangeExporter } from '../src/modules/exchange/exchange-export.js';
import { ExchangeImporter, type ImportOptions, type ImportProgress } from '../src/modules/exchange/exchange-import.js';
import { SMALL_DATASET, writeDataset } from './support/dataset.js';
import { migratedDataSource, testPhoneCipher } from './support/test-app.js';

const REGISTERS = ['agencies', 'officers', 'items', 'enterprises'];
const HISTORY = ['inspections', 'inspection_officers', 'inspection_items', 'cases', 'case_officers', 'ratings'];
const TABLES = [...REGISTERS, ...HISTORY];

/** Text that LOAD DATA's format must escape, in a register's free text and a rating's comment. */
const AWKWARD = 'tab\there, back\\slash, new\nline, \\N, carriage\rreturn';
const AWKWARD_DATASET = {
  ...SMALL_DATASET,
  items: [{ ...SMALL_DATASET.items[0], basis: AWKWARD }, SMALL_DATASET.items[1]],
  ratings: [{ ...SMALL_DATASET.ratings[0], comment: AWKWARD }],
};

const city = mkdtempSync(join(tmpdir(), 'exchange-bulk-'));
const databases: DataSource[] = [];
const fresh = async (name: string) => {
  const ds = await migratedDataSource(name);
  databases.push(ds);
  return ds;
};

async function importInto(ds: DataSource, dir: string, options: Partial<ImportOptions> = {}) {
  const phases = new Set<ImportProgress['phase']>();
  const result = await ExchangeImporter.on(ds, testPhoneCipher(), { actor: 'import:test', batchSize: 50, onProgress: (p) => phases.add(p.phase), ...options }).import(dir);
  return { result, phases: [...phases] };
}

/**
 * Everything an import leaves, comparable between databases: the export (registers hold the time
 * of writing and phones encrypted afresh), the other tables' checksums, the register history
 * without its times, and every table's keys.
 */
async function contents(ds: DataSource) {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-bulk-export-'));
  await ExchangeExporter.on(ds, testPhoneCipher()).export(dir);
  const exported = Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  rmSync(dir, { recursive: true, force: true });
  const checksums = (await ds.query(`CHECKSUM TABLE ${HISTORY.join(', ')}`)).map((r: { Checksum: string }) => String(r.Checksum));
  const history = await ds.query('SELECT id, register, subject_id, action, actor, changes FROM register_history ORDER BY id');
  const indexes: string[] = [];
  for (const table of [...TABLES, 'register_history']) {
    const [created] = await ds.query(`SHOW CREATE TABLE ${table}`);
    indexes.push(...(created['Create Table'] as string).split('\n').filter((l) => /^\s*(PRIMARY |UNIQUE )?KEY /.test(l)).map((l) => `${table}: ${l.trim().replace(/,$/, '')}`));
  }
  return { exported, checksums, history, indexes: indexes.sort() };
}

async function leftovers(ds: DataSource): Promise<string[]> {
  const rows = await ds.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME LIKE '%\\_\\_staged' OR TABLE_NAME LIKE '%\\_\\_replaced')");
  return rows.map((r: { name: string }) => r.name).sort();
}

async function counts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...TABLES, 'register_history']) out[table] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return out;
}
const empty = Object.fromEntries([...TABLES, 'register_history'].map((t) => [t, 0]));

beforeAll(async () => {
  await generateDemoCity(city, { ...DEMO_CITY_SIZES.tiny, seed: 11, asOf: '2026-11-20' });
}, 120_000);
afterAll(async () => {
  for (const ds of databases) await ds.destroy();
  rmSync(city, { recursive: true, force: true });
});

describe('bulk import into an empty database', () => {
  let usual: Awaited<ReturnType<typeof contents>>;

  beforeAll(async () => {
    const ds = await fresh('exchange_bulk_usual');
    const { result, phases } = await importInto(ds, city, { bulk: 'off' });
    expect(result.ok).toBe(true);
    expect(phases).toEqual(['validate', 'write']);
    usual = await contents(ds);
  }, 120_000);

  it.each([
    ['LOAD DATA LOCAL INFILE', true],
    ['multi-row INSERTs', false],
  ])('takes the bulk path (%s) and leaves exactly what the usual path leaves', async (_how, loadData) => {
    const ds = await fresh(`exchange_bulk_${loadData ? 'infile' : 'insert'}`);
    const { result, phases } = await importInto(ds, city, { bulk: 'on', loadData });
    expect(result).toMatchObject({ ok: true, problemCount: 0 });
    expect(phases).toEqual(['load', 'index']);
    expect(await contents(ds)).toEqual(usual);
    expect(await leftovers(ds)).toEqual([]);
  }, 120_000);

  it('writes text that needs escaping as it came, like the usual path', async () => {
    const [bulk, plain] = [await fresh('exchange_bulk_text'), await fresh('exchange_bulk_text_usual')];
    expect((await importInto(bulk, writeDataset(AWKWARD_DATASET), { bulk: 'on' })).phases).toContain('load');
    expect((await importInto(plain, writeDataset(AWKWARD_DATASET), { bulk: 'off' })).result.ok).toBe(true);
    const [item] = await bulk.query("SELECT basis FROM items WHERE id = 'I1'");
    const [rating] = await bulk.query('SELECT comment FROM ratings');
    expect([item.basis, rating.comment]).toEqual([AWKWARD, AWKWARD]);
    expect(await contents(bulk)).toEqual(await contents(plain));
  });

  it('takes the usual path when a table it fills has rows, and upserts as ever', async () => {
    const ds = await fresh('exchange_bulk_nonempty');
    expect((await importInto(ds, writeDataset(SMALL_DATASET), { bulk: 'on' })).phases).toEqual(['load', 'index']);
    const again = await importInto(ds, writeDataset({ inspections: [{ ...SMALL_DATASET.inspections[0], result: 'rectify' }] }), { bulk: 'on' });
    expect(again).toMatchObject({ result: { ok: true }, phases: ['validate', 'write'] });
    expect((await ds.query("SELECT result FROM inspections WHERE id = 'X1'"))[0].result).toBe('rectify');
    // Auto: a small dataset is not worth the staging tables.
    const small = await fresh('exchange_bulk_auto');
    expect((await importInto(small, writeDataset(SMALL_DATASET))).phases).toEqual(['validate', 'write']);
  });

  it('imports nothing when the last file has a problem, and says where', async () => {
    const ds = await fresh('exchange_bulk_problem');
    const dir = mkdtempSync(join(tmpdir(), 'exchange-bulk-bad-'));
    await generateDemoCity(dir, { ...DEMO_CITY_SIZES.tiny, seed: 11, asOf: '2026-11-20' });
    const lines = readFileSync(join(dir, 'ratings.jsonl'), 'utf8').trim().split('\n').length;
    appendFileSync(join(dir, 'ratings.jsonl'), `${JSON.stringify({ inspectionId: 'NOPE', agencyId: 'A001', language: 5, procedure: 5, manner: 5, fairness: 5, verdict: 'approve', ratedAt: '2026-01-01T10:00:00+08:00' })}\n`);
    const { result, phases } = await importInto(ds, dir, { bulk: 'on' });
    expect(phases).toContain('load');
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual([`ratings.jsonl:${lines + 1}: inspectionId`]);
    expect(await counts(ds)).toEqual(empty);
    expect(await leftovers(ds)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports nothing when it fails after loading, before the swap', async () => {
    const ds = await fresh('exchange_bulk_failure');
    const failing = (p: ImportProgress) => {
      if (p.phase === 'index' && p.file === 'inspections') throw new Error('stopped');
    };
    await expect(importInto(ds, city, { bulk: 'on', onProgress: failing })).rejects.toThrow('stopped');
    expect(await counts(ds)).toEqual(empty);
    expect(await leftovers(ds)).toEqual([]);
  }, 120_000);

  it('an interrupted load leaves the tables as they were; the next import clears what it left', async () => {
    const ds = await fresh('exchange_bulk_interrupted');
    // A load that stops half-way (the process dies): staging tables with rows, never swapped or dropped.
    const stage = (await new Staging(ds).open(['inspections', 'inspection_officers', 'inspection_items']))!;
    await new InspectionRepository(ds).stageMany([{ ...SMALL_DATASET.inspections[0], startedAt: new Date(), finishedAt: new Date(), codedAt: null, jointId: null }] as never, stage);
    await stage.finish(['inspections']);
    expect(await leftovers(ds)).toEqual(['inspection_items__staged', 'inspection_officers__staged', 'inspections__staged']);
    expect(await counts(ds)).toEqual(empty);

    const { result, phases } = await importInto(ds, city, { bulk: 'on' });
    expect(result.ok).toBe(true);
    expect(phases).toEqual(['load', 'index']);
    expect(await leftovers(ds)).toEqual([]);
    expect((await counts(ds)).inspections).toBe(result.counts.inspections);
  }, 120_000);

  it('keeps the rows a table receives while the load runs', async () => {
    const ds = await fresh('exchange_bulk_concurrent');
    let written = false;
    const meanwhile = (p: ImportProgress) => {
      if (p.phase !== 'index' || written) return;
      written = true;
      void ds.query("INSERT INTO agencies (id, name, kind, region) VALUES ('LIVE', '新设机构', 'market', '410202')");
    };
    const { result } = await importInto(ds, writeDataset(SMALL_DATASET), { bulk: 'on', onProgress: meanwhile });
    expect(result.ok).toBe(true);
    expect((await ds.query('SELECT id FROM agencies ORDER BY id')).map((r: { id: string }) => r.id)).toEqual(['A1', 'A2', 'LIVE']);
    expect(await counts(ds)).toMatchObject({ inspections: 3, inspection_officers: 4, register_history: 9 });
    expect(await leftovers(ds)).toEqual([]);
  });
});
