/**
 * bench/import: the exchange import of a region's history — inspections (with their officer and item
 * rows), cases (with their officers) and ratings — into an empty database, next to a bare mysql2
 * batch-insert loop writing the same rows into the same tables, in one run on one database server.
 *
 *   npm run bench:import -w server -- [--inspections 1000000 | --size million|province] [--data DIR] [--prefix mashang_bench] [--bulk auto|off] [--skip-bare]
 *
 * The dataset is the demo city at that size with the province's shares (about one case per ten
 * inspections, three ratings per ten: 1 M cases and 3 M ratings at 10 M). Its registers are imported
 * first (timed apart), then the rest: on empty tables that takes the importer's bulk path (`--bulk off`:
 * the usual path, validation then one transaction, for comparison). `--data DIR`
 * keeps the generated files in DIR and reuses them on the next run. Databases `<prefix>_import` and
 * `<prefix>_bare` are created and dropped again (at 10 M each holds ~12 GB while it lives).
 * Prints each side's time and rate, their ratio, the load average next to each timing, CPU seconds of
 * this process and of the database server (when it runs on this machine), and the importer's memory.
 * Needs DATABASE_URL: a user that may create databases.
 */
import 'reflect-metadata';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createConnection, type Connection } from 'mysql2/promise';
import { PhoneCipher } from '../src/infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../src/infra/crypto/phone-keys.js';
import { recreateDatabase } from '../src/infra/database/data-source.js';
import { openDatabase } from '../src/database.js';
import { DEMO_CITY_SIZES, demoCitySize, generateDemoCity, type DemoCitySize } from '../src/modules/demo/index.js';
import { ExchangeImporter, type ImportProgress } from '../src/modules/exchange/exchange-import.js';

const AS_OF = '2026-11-20';
const CASES_RATIO = 0.95;
const RATINGS_RATIO = 0.3;
const REGISTERS = ['agencies', 'officers', 'items', 'enterprises'];
const HISTORY = ['inspections', 'cases', 'ratings'];

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const preset = flag('--size') as keyof typeof DEMO_CITY_SIZES | undefined;
if (preset && !(preset in DEMO_CITY_SIZES)) throw new Error(`--size must be one of ${Object.keys(DEMO_CITY_SIZES).join(', ')}`);
const size: DemoCitySize = preset ? DEMO_CITY_SIZES[preset] : demoCitySize(Number(flag('--inspections') ?? 1_000_000));
const prefix = flag('--prefix') ?? 'mashang_bench';
const bulk = (flag('--bulk') ?? 'auto') as 'auto' | 'off';
if (!['auto', 'off'].includes(bulk)) throw new Error('--bulk must be auto or off');
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (a user that may create databases)');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const phones = new PhoneCipher(singlePhoneKey(Buffer.alloc(32, 7)));

// ---- the dataset: registers/ apart from the history files
const dir = flag('--data') ?? mkdtempSync(join(tmpdir(), 'mashang-bench-import-'));
const registersDir = join(dir, 'registers');
if (!existsSync(join(dir, 'inspections.jsonl'))) {
  console.log(`generating the demo city: ${size.inspections.toLocaleString()} inspections, ${size.enterprises.toLocaleString()} enterprises…`);
  const t = Date.now();
  await generateDemoCity(dir, { ...size, seed: 7, asOf: AS_OF, casesRatio: CASES_RATIO, ratingsRatio: RATINGS_RATIO });
  mkdirSync(registersDir, { recursive: true });
  for (const kind of REGISTERS) renameSync(join(dir, `${kind}.jsonl`), join(registersDir, `${kind}.jsonl`));
  console.log(`  generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
} else {
  console.log(`reusing the dataset in ${dir}`);
}

/** The database server's CPU seconds so far, when it runs on this machine (Linux /proc); null otherwise. */
async function databaseCpu(connection: Connection): Promise<() => number | null> {
  try {
    const [[{ file }]] = (await connection.query('SELECT @@pid_file AS file')) as unknown as [{ file: string }[]];
    const pid = Number(readFileSync(file, 'utf8').trim());
    return () => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    };
  } catch {
    return () => null;
  }
}

interface Timing {
  seconds: number;
  loadBefore: string;
  loadAfter: string;
  nodeCpu: number;
  dbCpu: number | null;
}

/** Wall time, load average at start and end, CPU seconds of this process and of the database server. */
async function timed<T>(cpuOfDb: () => number | null, work: () => Promise<T>): Promise<Timing & { result: T }> {
  const loadBefore = load();
  const db0 = cpuOfDb();
  const node0 = process.cpuUsage();
  const t = Date.now();
  const result = await work();
  const seconds = (Date.now() - t) / 1000;
  const node = process.cpuUsage(node0);
  const db1 = cpuOfDb();
  return { result, seconds, loadBefore, loadAfter: load(), nodeCpu: (node.user + node.system) / 1e6, dbCpu: db0 === null || db1 === null ? null : db1 - db0 };
}

const TABLES = ['inspections', 'inspection_officers', 'inspection_items', 'cases', 'case_officers', 'ratings'];
async function tableRows(connection: Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [[{ n }]] = (await connection.query(`SELECT COUNT(*) AS n FROM ${table}`)) as unknown as [{ n: number }[]];
    counts[table] = Number(n);
  }
  return counts;
}
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function dropDatabase(name: string): Promise<void> {
  const admin = new URL(base!);
  admin.pathname = '/';
  const connection = await createConnection(admin.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

// ---- ours: registers first (timed apart), then the history into empty tables
const oursName = `${prefix}_import`;
const ours = await openDatabase(await recreateDatabase(base, oursName), { migrate: true, poolSize: 4 });
const probe = await createConnection({ uri: (ours.options as { url: string }).url });
const cpuOfDb = await databaseCpu(probe);
const registers = await timed(cpuOfDb, () => ExchangeImporter.on(ours, phones, { actor: 'bench' }).import(registersDir));
if (!registers.result.ok) throw new Error(`registers refused: ${JSON.stringify(registers.result.problems.slice(0, 5))}`);
console.log(`registers imported in ${registers.seconds.toFixed(1)} s (load ${registers.loadBefore} → ${registers.loadAfter}): ${JSON.stringify(registers.result.counts)}`);

const memory = { rss: 0, held: 0 };
const sample = () => {
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  memory.rss = Math.max(memory.rss, rss);
  memory.held = Math.max(memory.held, heapUsed + arrayBuffers);
};
sample();
const before = { ...memory };
const sampler = setInterval(sample, 100);
let lastStep = -1;
const started = Date.now();
const onProgress = (p: ImportProgress) => {
  const step = Math.floor(p.percent / 10);
  if (step === lastStep && p.phase !== 'index') return;
  lastStep = step;
  console.log(`  ${String(Math.round(p.percent)).padStart(3)}% ${p.phase.padEnd(6)} ${p.file.padEnd(20)} ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  load ${load()}`);
};
const imported = await timed(cpuOfDb, () => ExchangeImporter.on(ours, phones, { actor: 'bench', onProgress, bulk }).import(dir));
clearInterval(sampler);
sample();
if (!imported.result.ok) throw new Error(`import refused: ${JSON.stringify(imported.result.problems.slice(0, 5))}`);
const oursRows = await tableRows(probe);
await probe.end();
await ours.destroy();
await dropDatabase(oursName);

// ---- baseline: the same lines parsed and batch-inserted into the same tables (all their indexes), no checks, one transaction
async function bareLoop(connection: Connection): Promise<void> {
  await connection.beginTransaction();
  const insert = (table: string, columns: string) => {
    let rows: unknown[][] = [];
    return {
      push: (row: unknown[]) => rows.push(row),
      size: () => rows.length,
      flush: async () => {
        if (rows.length) await connection.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows]);
        rows = [];
      },
    };
  };
  const date = (s: string | null | undefined) => (s ? new Date(s) : null);
  const tables = {
    inspections: insert('inspections', 'id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result, officer_count'),
    inspection_officers: insert('inspection_officers', 'inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at'),
    inspection_items: insert('inspection_items', 'inspection_id, item_id, position, trigger_type, started_at'),
    cases: insert('cases', 'id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive'),
    case_officers: insert('case_officers', 'case_id, officer_id, position'),
    ratings: insert('ratings', 'inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at'),
  };
  const toRows: Record<string, (r: any) => void> = {
    inspections: (r) => {
      const startedAt = new Date(r.startedAt);
      const finishedAt = new Date(r.finishedAt);
      tables.inspections.push([r.id, r.agencyId, r.creditCode, r.trigger, r.jointId ?? null, startedAt, finishedAt, r.coded ? 1 : 0, date(r.codedAt), r.result, r.officerIds.length]);
      r.officerIds.forEach((id: string, i: number) => tables.inspection_officers.push([r.id, id, i, r.agencyId, r.creditCode, startedAt, finishedAt]));
      r.itemIds.forEach((id: string, i: number) => tables.inspection_items.push([r.id, id, i, r.trigger, startedAt]));
    },
    cases: (r) => {
      tables.cases.push([
        r.id, r.agencyId, r.creditCode, r.inspectionId ?? null, r.cause, r.discretionLevel, r.fine, r.status, date(r.filedAt), date(r.decidedAt), date(r.closedAt), date(r.revokedAt),
        r.causeChanges?.length ? JSON.stringify(r.causeChanges) : null, r.extendedDays ?? 0, r.coercive ? 1 : 0,
      ]);
      r.officerIds.forEach((id: string, i: number) => tables.case_officers.push([r.id, id, i]));
    },
    ratings: (r) => tables.ratings.push([r.inspectionId, r.agencyId, r.language, r.procedure, r.manner, r.fairness, r.verdict, (r.flags ?? []).join(','), r.comment ?? null, new Date(r.ratedAt)]),
  };
  for (const kind of HISTORY) {
    const file = join(dir, `${kind}.jsonl`);
    let lines = 0;
    for await (const line of createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
      if (!line) continue;
      toRows[kind](JSON.parse(line));
      if (++lines % 1000 === 0) for (const table of Object.values(tables)) await table.flush();
      if (lines % 1_000_000 === 0) console.log(`  bare: ${kind} ${lines.toLocaleString()} lines, ${((Date.now() - bareStarted) / 1000).toFixed(0)} s  load ${load()}`);
    }
    for (const table of Object.values(tables)) await table.flush();
  }
  await connection.commit();
}

let bare: Timing | null = null;
let bareRows: Record<string, number> = {};
const bareStarted = Date.now();
if (!args.includes('--skip-bare')) {
  const bareName = `${prefix}_bare`;
  const migrated = await openDatabase(await recreateDatabase(base, bareName), { migrate: true, poolSize: 1 });
  const bareConnection = await createConnection({ uri: (migrated.options as { url: string }).url, timezone: 'Z' });
  await migrated.destroy();
  bare = await timed(cpuOfDb, () => bareLoop(bareConnection));
  bareRows = await tableRows(bareConnection);
  await bareConnection.end();
  await dropDatabase(bareName);
}
if (!flag('--data')) rmSync(dir, { recursive: true, force: true });

const rows = sum(oursRows);
const inspections = oursRows.inspections;
const line = (name: string, t: Timing) =>
  `${name.padEnd(30)}${t.seconds.toFixed(1).padStart(7)} s  ${Math.round(inspections / t.seconds).toLocaleString().padStart(8)} inspections/s  ${Math.round(rows / t.seconds).toLocaleString().padStart(9)} table rows/s\n` +
  `${''.padEnd(30)}load ${t.loadBefore} → ${t.loadAfter}; CPU s: node ${t.nodeCpu.toFixed(0)}, database server ${t.dbCpu === null ? 'n/a' : t.dbCpu.toFixed(0)}`;
console.log(`
registers (before, apart)     ${registers.seconds.toFixed(1)} s  (load ${registers.loadBefore} → ${registers.loadAfter})
dataset                       ${inspections.toLocaleString()} inspections, ${oursRows.cases.toLocaleString()} cases, ${oursRows.ratings.toLocaleString()} ratings: ${rows.toLocaleString()} table rows
                              (${Object.entries(oursRows).map(([t, n]) => `${t} ${n.toLocaleString()}`).join(', ')})
${line(bulk === 'off' ? 'exchange import (usual path)' : 'exchange import (bulk path)', imported)}
${bare ? line('bare mysql2 batch inserts', bare) : 'bare loop                     skipped'}
${bare ? `ratio (import rate / bare)    ${(bare.seconds / imported.seconds).toFixed(2)}${sum(bareRows) === rows ? '' : `  (bare wrote ${sum(bareRows).toLocaleString()} rows!)`}` : ''}
importer memory               RSS ${mb(before.rss)} MB before, ${mb(memory.rss)} MB peak; heap + buffers ${mb(before.held)} MB before, ${mb(memory.held)} MB peak (garbage included)`);
