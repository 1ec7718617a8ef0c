/**
 * bench/import: the exchange import of the demo city's inspections next to a bare mysql2
 * batch-insert loop writing the same rows (inspections and their officer and item rows) into the
 * same tables, in one run on one database server.
 *
 *   npm run bench:import -w server -- [--inspections 1000000]
 *
 * Needs DATABASE_URL: a user that may create databases.
 */
import 'reflect-metadata';
import { createReadStream, mkdtempSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createConnection } from 'mysql2/promise';
import { PhoneCipher } from '../src/infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../src/infra/crypto/phone-keys.js';
import { recreateDatabase } from '../src/infra/database/data-source.js';
import { openDatabase } from '../src/database.js';
import { demoCitySize, generateDemoCity } from '../src/modules/demo/index.js';
import { ExchangeImporter } from '../src/modules/exchange/exchange-import.js';

const args = process.argv.slice(2);
const inspections = Number(args[args.indexOf('--inspections') + 1] || 1_000_000) || 1_000_000;
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (npm run bench:import does it for the local set-up)');

const freshDatabase = (name: string) => recreateDatabase(base!, name);

/** Live JS heap plus buffers, in MB: what the importer holds (RSS also counts what V8 has not returned yet). */
function heldMb(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return Math.round((heapUsed + arrayBuffers) / 1024 / 1024);
}
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const phones = new PhoneCipher(singlePhoneKey(Buffer.alloc(32, 7)));
const dir = mkdtempSync(join(tmpdir(), 'mashang-bench-import-'));
const registersDir = join(dir, 'registers');
mkdirSync(registersDir);

console.log(`generating the demo city with ${inspections.toLocaleString()} inspections…`);
let t = Date.now();
await generateDemoCity(dir, { ...demoCitySize(inspections), seed: 7 });
console.log(`  generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
for (const kind of ['agencies', 'officers', 'items', 'enterprises']) renameSync(join(dir, `${kind}.jsonl`), join(registersDir, `${kind}.jsonl`));
rmSync(join(dir, 'cases.jsonl'), { force: true });
rmSync(join(dir, 'ratings.jsonl'), { force: true });

// ---- ours: the importer, registers first (untimed), then the inspections file
const ours = await openDatabase(await freshDatabase('mashang_bench_import'), { migrate: true, poolSize: 2 });
await ExchangeImporter.on(ours, phones, { actor: 'bench' }).import(registersDir);
collectGarbage();
const heldBefore = heldMb();
let heldPeak = heldBefore;
const sampler = setInterval(() => (heldPeak = Math.max(heldPeak, heldMb())), 50);
t = Date.now();
const result = await ExchangeImporter.on(ours, phones, { actor: 'bench' }).import(dir);
const oursSeconds = (Date.now() - t) / 1000;
clearInterval(sampler);
if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems.slice(0, 5))}`);
const rows = result.counts.inspections ?? 0;
const [{ tableRows }] = await ours.query(
  'SELECT (SELECT COUNT(*) FROM inspections) + (SELECT COUNT(*) FROM inspection_officers) + (SELECT COUNT(*) FROM inspection_items) AS tableRows',
);
await ours.destroy();

// ---- baseline: the same lines parsed and batch-inserted into the same three tables, no checks
const bareUrl = await freshDatabase('mashang_bench_bare');
const migrated = await openDatabase(bareUrl, { migrate: true, poolSize: 1 });
await migrated.destroy();
const bare = await createConnection({ uri: bareUrl, timezone: 'Z' });
t = Date.now();
await bare.beginTransaction();
let batch: unknown[][] = [];
let officers: unknown[][] = [];
let items: unknown[][] = [];
const flush = async () => {
  if (!batch.length) return;
  await bare.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [batch]);
  if (officers.length) await bare.query('INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) VALUES ?', [officers]);
  if (items.length) await bare.query('INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) VALUES ?', [items]);
  batch = [];
  officers = [];
  items = [];
};
for await (const line of createInterface({ input: createReadStream(join(dir, 'inspections.jsonl')), crlfDelay: Infinity })) {
  if (!line) continue;
  const r = JSON.parse(line);
  const startedAt = new Date(r.startedAt);
  const finishedAt = new Date(r.finishedAt);
  batch.push([r.id, r.agencyId, r.creditCode, r.trigger, r.jointId ?? null, startedAt, finishedAt, r.coded ? 1 : 0, r.codedAt ? new Date(r.codedAt) : null, r.result]);
  r.officerIds.forEach((id: string, i: number) => officers.push([r.id, id, i, r.agencyId, r.creditCode, startedAt, finishedAt]));
  r.itemIds.forEach((id: string, i: number) => items.push([r.id, id, i, r.trigger, startedAt]));
  if (batch.length >= 1000) await flush();
}
await flush();
await bare.commit();
const bareSeconds = (Date.now() - t) / 1000;
await bare.end();
rmSync(dir, { recursive: true, force: true });

const oursRate = rows / oursSeconds;
const bareRate = rows / bareSeconds;
console.log(`
rows (inspections)            ${rows.toLocaleString()} (${Number(tableRows).toLocaleString()} table rows with officer and item rows)
exchange import (validate + write, with officer/item member rows)
                              ${oursSeconds.toFixed(1)} s  ${Math.round(oursRate).toLocaleString()} rows/s
bare mysql2 batch inserts     ${bareSeconds.toFixed(1)} s  ${Math.round(bareRate).toLocaleString()} rows/s
table rows/s (import)         ${Math.round(Number(tableRows) / oursSeconds).toLocaleString()}
ratio (import / bare)         ${(oursRate / bareRate).toFixed(2)}
heap + buffers during import  ${heldBefore} MB before, ${heldPeak} MB peak (garbage included)`);
