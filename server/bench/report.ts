/**
 * bench/report: the nightly anomaly report (rule set v2) on a generated demo city, next to the bare
 * SQL scans no rule set can avoid — one grouped pass over each table the rules read — in one run on
 * one database server. Prints both times, their ratio, and the process's peak RSS and heap while
 * the report runs (it streams, so memory should stay flat whatever the size).
 *
 *   npm run bench:report -w server -- [--inspections 10000000 | --size tiny|city|million|province] [--reuse] [--database NAME] [--data DIR]
 *
 * Default: the province (10 million inspections). Cases and ratings follow the province the issue
 * describes: about one case per ten inspections and three ratings per ten (1 M and 3 M at 10 M).
 * Needs DATABASE_URL: a user that may create databases.
 * `--reuse` keeps a dataset of the same size imported by an earlier run (database NAME, default
 * mashang_bench_report) and only empties what the report writes, so the report can be timed again
 * without the import; its pending migrations are run first. `--data DIR` keeps the generated files
 * there and imports them again on the next run with the same DIR (another database server, say).
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PhoneCipher } from '../src/infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../src/infra/crypto/phone-keys.js';
import { recreateDatabase } from '../src/infra/database/data-source.js';
import { openDatabase } from '../src/database.js';
import { AnomalyReporter } from '../src/modules/analytics/anomaly-reporter.js';
import { DEMO_CITY_SIZES, demoCitySize, generateDemoCity, type DemoCitySize } from '../src/modules/demo/index.js';
import { ExchangeImporter } from '../src/modules/exchange/exchange-import.js';

const AS_OF = '2026-11-20';
/** Shares of inspections with a case record and with a rating: 1 M cases and 3 M ratings at 10 M. */
const CASES_RATIO = 0.95;
const RATINGS_RATIO = 0.3;
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const preset = flag('--size') as keyof typeof DEMO_CITY_SIZES | undefined;
if (preset && !(preset in DEMO_CITY_SIZES)) throw new Error(`--size must be one of ${Object.keys(DEMO_CITY_SIZES).join(', ')}`);
const size: DemoCitySize = preset ? DEMO_CITY_SIZES[preset] : flag('--inspections') ? demoCitySize(Number(flag('--inspections'))) : DEMO_CITY_SIZES.province;
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (a user that may create databases)');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const databaseName = flag('--database') ?? 'mashang_bench_report';
const databaseUrl = new URL(base);
databaseUrl.pathname = `/${databaseName}`;
let dataSource = args.includes('--reuse') ? await openDatabase(databaseUrl.toString(), { migrate: true, poolSize: 4 }).catch(() => null) : null;
const [existing] = dataSource
  ? await dataSource.query('SELECT (SELECT COUNT(*) FROM inspections) AS inspections, (SELECT COUNT(*) FROM ratings) AS ratings')
  : [{ inspections: 0, ratings: 0 }];
// A dataset generated with other shares (an older run) is generated again.
const sameShape = Number(existing.inspections) === size.inspections && Math.abs(Number(existing.ratings) / size.inspections - RATINGS_RATIO) < 0.02;
let t = Date.now();
if (dataSource && sameShape) {
  console.log(`reusing ${databaseName}: ${size.inspections.toLocaleString()} inspections; emptying the report's outputs…`);
  for (const table of ['anomaly_findings', 'anomaly_runs', 'flagged_case_events', 'flagged_cases', 'inspection_trail']) await dataSource.query(`DELETE FROM ${table}`);
} else {
  await dataSource?.destroy();
  const dir = flag('--data') ?? mkdtempSync(join(tmpdir(), 'mashang-bench-report-'));
  if (existsSync(join(dir, 'inspections.jsonl'))) {
    console.log(`importing the demo city generated earlier in ${dir}`);
  } else {
    mkdirSync(dir, { recursive: true });
    console.log(`generating the demo city: ${size.inspections.toLocaleString()} inspections, ${size.enterprises.toLocaleString()} enterprises, ${size.agencies} agencies…`);
    const generated = await generateDemoCity(dir, { ...size, seed: 7, asOf: AS_OF, casesRatio: CASES_RATIO, ratingsRatio: RATINGS_RATIO });
    console.log(`  generated in ${seconds(Date.now() - t)} s: ${generated.cases.toLocaleString()} cases, ${generated.ratings.toLocaleString()} ratings, ${generated.officers.toLocaleString()} officers`);
  }
  dataSource = await openDatabase(await recreateDatabase(base, databaseName), { migrate: true, poolSize: 4 });
  t = Date.now();
  let lastStep = -1;
  const imported = await ExchangeImporter.on(dataSource, new PhoneCipher(singlePhoneKey(Buffer.alloc(32, 7))), {
    actor: 'bench',
    onProgress: (p) => {
      if (Math.floor(p.percent / 10) !== lastStep) console.log(`  import ${(lastStep = Math.floor(p.percent / 10)) * 10}%`);
    },
  }).import(dir);
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.problems.slice(0, 5))}`);
  console.log(`  imported in ${seconds(Date.now() - t)} s`);
  if (!flag('--data')) rmSync(dir, { recursive: true, force: true });
}
const [counts] = await dataSource.query('SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM ratings) AS ratings');
// Fresh statistics for the optimiser, as a nightly job would find them on a live database.
for (const table of ['inspections', 'inspection_officers', 'inspection_items', 'enterprises', 'cases', 'ratings', 'officers']) await dataSource.query(`ANALYZE TABLE ${table}`);

// ---- baseline: one grouped pass over each table the rules read
const BARE = [
  'SELECT agency_id, trigger_type, COUNT(*) AS n FROM inspections GROUP BY agency_id, trigger_type',
  'SELECT officer_id, COUNT(*) AS n FROM inspection_officers GROUP BY officer_id',
  'SELECT item_id, COUNT(*) AS n FROM inspection_items GROUP BY item_id',
  'SELECT no_disturb, COUNT(*) AS n FROM items GROUP BY no_disturb',
  'SELECT agency_id, COUNT(*) AS n FROM officers GROUP BY agency_id',
  'SELECT credit_grade, COUNT(*) AS n FROM enterprises GROUP BY credit_grade',
  'SELECT agency_id, status, COUNT(*) AS n FROM cases GROUP BY agency_id, status',
  'SELECT agency_id, verdict, COUNT(*) AS n FROM ratings GROUP BY agency_id, verdict',
];
const bareTimes: number[] = [];
for (const sql of BARE) {
  const started = Date.now();
  await dataSource.query(sql);
  bareTimes.push(Date.now() - started);
}
const bareMs = bareTimes.reduce((a, b) => a + b, 0);

// ---- ours: the report as the nightly job runs it (rules, summary, flagged cases)
const memory = { rss: 0, heap: 0 };
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  memory.rss = Math.max(memory.rss, rss);
  memory.heap = Math.max(memory.heap, heapUsed);
};
sample();
const before = { ...memory };
const sampler = setInterval(sample, 50);
const stepTimes: [string, number][] = [];
const ruleTimes: [string, number][] = [];
t = Date.now();
const outcome = await AnomalyReporter.on(dataSource).run(AS_OF, 'bench', { onStepDone: (step, ms) => stepTimes.push([step, ms]), onRuleDone: (rule, ms) => ruleTimes.push([rule, ms]) });
const reportMs = Date.now() - t;
clearInterval(sampler);
sample();
const [{ byRule }] = (await dataSource.query('SELECT summary FROM anomaly_runs WHERE as_of = ?', [AS_OF])).map((r: { summary: string }) => JSON.parse(r.summary));
await dataSource.destroy();

console.log(`
dataset                        ${size.inspections.toLocaleString()} inspections, ${Number(counts.cases).toLocaleString()} cases, ${Number(counts.ratings).toLocaleString()} ratings, ${size.enterprises.toLocaleString()} enterprises
bare grouped scans             ${seconds(bareMs)} s  (${BARE.map((sql, i) => `${sql.split(' FROM ')[1].split(' ')[0]} ${seconds(bareTimes[i])}`).join(', ')})
anomaly report (${Object.keys(byRule).length} rules, summary, flagged cases)
                               ${seconds(reportMs)} s  ${outcome.findings.toLocaleString()} findings, ${outcome.raised.toLocaleString()} flagged cases raised
ratio (report / bare scans)    ${(reportMs / bareMs).toFixed(2)}
per step (two at a time)       ${stepTimes.map(([s, ms]) => `${s} ${seconds(ms)}`).join(', ')}
per rule (own work; in a shared pass, the pass's reading is the step's)
                               ${ruleTimes.map(([r, ms]) => `${r} ${seconds(ms)}`).join(', ')}
findings per rule              ${Object.entries(byRule).map(([r, n]) => `${r} ${n}`).join(', ')}
node memory during the report  RSS ${mb(before.rss)} MB before, ${mb(memory.rss)} MB peak; heap ${mb(before.heap)} MB before, ${mb(memory.heap)} MB peak`);
