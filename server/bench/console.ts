/**
 * bench/console: the supervision console's case list and dashboard at 100,000 flagged cases, with
 * the demo city loaded, timed through the whole app (Fastify inject: routing, guard, validation,
 * service, serialisation) next to a bare mysql2 query answering the same question on the same
 * tables, in one run on one database server.
 *
 *   npm run bench:console -w server -- [--cases 100000] [--runs 30] [--size city|million] [--database mashang_bench_console]
 *
 * Needs DATABASE_URL (a user that may create databases) and REDIS_URL.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '@mashang/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection, type Connection } from 'mysql2/promise';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/infra/config/config.js';
import { PhoneCipher } from '../src/infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../src/infra/crypto/phone-keys.js';
import { recreateDatabase } from '../src/infra/database/data-source.js';
import { openDatabase } from '../src/database.js';
import { loadDemoCity } from '../src/modules/demo/index.js';
import { yearPeriods } from '../src/modules/supervision/dashboard/yearly-figures.js';
import { encodeCursor } from '../src/modules/supervision/queue/cursor.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || fallback) || fallback;
const CASES = option('cases', 100_000);
const RUNS = option('runs', 30);
const SIZE = args.includes('--size') ? args[args.indexOf('--size') + 1] : 'city';
if (SIZE !== 'city' && SIZE !== 'million') throw new Error('--size: city or million');
const DATABASE = args.includes('--database') ? args[args.indexOf('--database') + 1] : 'mashang_bench_console';
const BUDGET_MS = 300;
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (and REDIS_URL)');

const PHONE_KEY = 'b4'.repeat(32);
const url = await recreateDatabase(base, DATABASE);
const dataSource = await openDatabase(url, { migrate: true, poolSize: 4 });
let t = Date.now();
console.log('loading the demo city…');
const city = await loadDemoCity(dataSource, new PhoneCipher(singlePhoneKey(Buffer.from(PHONE_KEY, 'hex'))), { size: SIZE });
console.log(`  ${JSON.stringify(city.counts)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);

// ---- 100,000 flagged cases over agencies, sources, statuses and two years of ages
t = Date.now();
const agencies: string[] = (await dataSource.query('SELECT id FROM agencies ORDER BY id')).map((r: { id: string }) => r.id);
const officers: { id: string; agency_id: string }[] = await dataSource.query('SELECT id, agency_id FROM officers ORDER BY id');
const enterprises: string[] = (await dataSource.query('SELECT credit_code FROM enterprises ORDER BY credit_code')).map((r: { credit_code: string }) => r.credit_code);
const SOURCES = ['rating', 'rating', 'rating', 'anomaly', 'anomaly', 'review', 'alone', 'emergency-code', 'objection', 'complaint'];
const STATUSES = ['closed', 'closed', 'closed', 'closed', 'open', 'open', 'assigned', 'investigating', 'rectifying', 'answered', 'referred'];
const SEVERITIES = ['low', 'medium', 'high'];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const now = Date.now();
const today = shanghaiDate(now);
for (let done = 0; done < CASES; ) {
  const cases: unknown[][] = [];
  const events: unknown[][] = [];
  for (let i = 0; i < 2_000 && done < CASES; i++, done++) {
    const id = randomUUID();
    const officer = pick(officers);
    const source = pick(SOURCES);
    const status = pick(STATUSES);
    // Skewed towards recent cases, as a real queue is.
    const created = new Date(now - Math.floor(random() ** 2 * 730 * 86_400_000));
    const deadline = status === 'open' || status === 'closed' ? null : addDays(shanghaiDate(created), 5 + Math.floor(random() * 40));
    cases.push([
      id, `bench:${done}`, source, source === 'anomaly' ? 'officer-workload-outlier' : null, 'inspection', `B${done}`, officer.agency_id, pick(enterprises), officer.id, null,
      pick(SEVERITIES), `监督案件 ${done}`, '{}', status, status === 'closed' ? pick(['unfounded', 'rectified', 'disciplined', 'fabricated']) : null, deadline, created, created,
      status === 'closed' ? created : null,
    ]);
    events.push([id, 'raised', 'system:bench', '{}', created]);
  }
  await dataSource.query(
    `INSERT INTO flagged_cases (id, dedupe_key, source, rule, subject_type, subject_id, agency_id, credit_code, officer_id, inspection_id, severity, title, evidence, status,
       conclusion, deadline, created_at, updated_at, closed_at) VALUES ?`,
    [cases],
  );
  await dataSource.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES ?', [events]);
}
await dataSource.query('ANALYZE TABLE flagged_cases, flagged_case_events, inspections, ratings, enterprises, plans');
console.log(`  ${CASES.toLocaleString()} flagged cases inserted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
await dataSource.destroy();

// ---- the app, on the same database
process.env.BULL_PREFIX = `bench-console-${process.pid}`;
const app: NestFastifyApplication = await createApp(
  loadConfig({ DATABASE_URL: url, REDIS_URL: process.env.REDIS_URL, JWT_SECRET: 'bench-secret-bench-secret-bench-secret', PHONE_ENCRYPTION_KEY: PHONE_KEY, LOG_LEVEL: 'error', H5_DIR: '' }),
);
await app.init();
await app.getHttpAdapter().getInstance().ready();
const login = async (username: string) => JSON.parse((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo1234' } })).body).token as string;
const tokens = { supervisor: await login('supervisor'), admin1: await login('admin1') };
const bare: Connection = await createConnection({ uri: url, timezone: 'Z' });

// Query values the scenarios use.
const [deep] = await bare.query('SELECT created_at, id FROM flagged_cases ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?', [Math.floor(CASES * 0.8)]) as unknown as [{ created_at: Date; id: string }[]];
const deepCursor = encodeCursor(new Date(deep[0].created_at).toISOString(), deep[0].id);
const [[enterprise]] = await bare.query(
  "SELECT e.credit_code, e.name FROM enterprises e JOIN flagged_cases f ON f.credit_code = e.credit_code GROUP BY e.credit_code, e.name ORDER BY COUNT(*) DESC LIMIT 1",
) as unknown as [{ credit_code: string; name: string }[]];
const nameFragment = enterprise.name.slice(2, 6);
const midnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

interface Scenario {
  name: string;
  url: string;
  token: keyof typeof tokens;
  /** The same question asked of MySQL directly: the page (and its count) without joins, names or checks. */
  bare: [string, unknown[]][];
}
const page = (where: string, params: unknown[], order = 'created_at DESC, id DESC'): [string, unknown[]][] => [
  [`SELECT COUNT(*) FROM flagged_cases ${where ? `WHERE ${where}` : ''}`, params],
  [`SELECT * FROM flagged_cases ${where ? `WHERE ${where}` : ''} ORDER BY ${order} LIMIT 21`, params],
];
const yearAgo = new Date(now - 365 * 86_400_000);
const monthsFrom = midnight(`${addDays(today, -335).slice(0, 7)}-01`);
const dashboardBare = (agency?: string): [string, unknown[]][] => {
  const a = agency ? ' AND agency_id = ?' : '';
  const p = agency ? [agency] : [];
  return [
    [`SELECT agency_id, COUNT(*) FROM plans WHERE status = 'active' AND inspection_date = ?${a} GROUP BY agency_id`, [today, ...p]],
    [`SELECT agency_id, DATE_FORMAT(DATE_ADD(started_at, INTERVAL 8 HOUR), '%Y-%m') AS m, COUNT(*), SUM(joint_id IS NOT NULL) FROM inspections WHERE started_at >= ?${a} GROUP BY agency_id, m`, [monthsFrom, ...p]],
    [`SELECT agency_id, COUNT(*), AVG(language_score + procedure_score + manner_score + fairness_score), SUM(verdict = 'approve') FROM ratings WHERE rated_at >= ?${a} GROUP BY agency_id`, [yearAgo, ...p]],
    [`SELECT COUNT(DISTINCT credit_code) FROM inspections WHERE started_at >= ?${a}`, [yearAgo, ...p]],
    ['SELECT COUNT(*) FROM enterprises', []],
    [`SELECT created_at >= ? AS recent, COUNT(*) FROM flagged_cases WHERE status <> 'closed'${a} GROUP BY recent`, [midnight(addDays(today, -3)), ...p]],
  ];
};
const A = agencies[0];
// The dashboard's yearly sections, for this year: the bare question is the plainest pass over the same rows.
const thisYear = Number(today.slice(0, 4));
const { current, previous } = yearPeriods(thisYear, today)!;
const periods = { from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to };
const yearOnYearBare = (agency?: string): [string, unknown[]][] => [[
  `SELECT agency_id, COUNT(*) FROM inspections WHERE ((started_at >= ? AND started_at < ?) OR (started_at >= ? AND started_at < ?))${agency ? ' AND agency_id = ?' : ''} GROUP BY agency_id`,
  [periods.previousFrom, periods.previousTo, periods.from, periods.to, ...(agency ? [agency] : [])],
]];
const visitsBare: [string, unknown[]][] = [
  ['SELECT COUNT(*) FROM (SELECT credit_code FROM inspections WHERE started_at >= ? AND started_at < ? GROUP BY credit_code) v', [periods.from, periods.to]],
  ['SELECT COUNT(*) FROM enterprises', []],
];
const satisfactionBare: [string, unknown[]][] = [['SELECT COUNT(*) FROM ratings WHERE rated_at >= ? AND rated_at < ?', [periods.from, periods.to]]];
const scenarios: Scenario[] = [
  { name: 'case list, first page', url: '/api/supervision/cases?status=active', token: 'supervisor', bare: page("status <> 'closed'", []) },
  { name: 'case list, all statuses', url: '/api/supervision/cases', token: 'supervisor', bare: page('', []) },
  { name: 'filter: source=rating', url: '/api/supervision/cases?source=rating', token: 'supervisor', bare: page('source = ?', ['rating']) },
  { name: 'filter: agency + status', url: `/api/supervision/cases?agencyId=${A}&status=investigating`, token: 'supervisor', bare: page('agency_id = ? AND status = ?', [A, 'investigating']) },
  {
    name: 'filter: overdue', url: '/api/supervision/cases?overdue=true', token: 'supervisor',
    bare: page("status <> 'closed' AND ((deadline IS NOT NULL AND deadline < ?) OR (deadline IS NULL AND created_at < ?))", [today, midnight(addDays(today, -3))]),
  },
  { name: 'filter: older than 30 days', url: '/api/supervision/cases?minAgeDays=31', token: 'supervisor', bare: page('created_at < ?', [midnight(addDays(today, -30))]) },
  { name: 'sort: deadline', url: '/api/supervision/cases?status=active&sort=deadline', token: 'supervisor', bare: page("status <> 'closed' AND deadline IS NOT NULL", [], 'deadline, id') },
  {
    name: `deep page (${Math.floor(CASES * 0.8).toLocaleString()} in)`, url: `/api/supervision/cases?cursor=${deepCursor}`, token: 'supervisor',
    bare: [['SELECT COUNT(*) FROM flagged_cases', []], ['SELECT * FROM flagged_cases ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET ?', [Math.floor(CASES * 0.8)]]],
  },
  {
    name: 'search: enterprise name', url: `/api/supervision/cases?q=${encodeURIComponent(nameFragment)}`, token: 'supervisor',
    bare: page('credit_code IN (SELECT credit_code FROM enterprises WHERE name LIKE ?)', [`%${nameFragment}%`]),
  },
  {
    name: 'search: credit code prefix', url: `/api/supervision/cases?q=${enterprise.credit_code.slice(0, 12)}`, token: 'supervisor',
    bare: page('credit_code LIKE ?', [`${enterprise.credit_code.slice(0, 12)}%`]),
  },
  { name: 'agency admin: own queue', url: '/api/supervision/cases?status=active', token: 'admin1', bare: page("agency_id = ? AND status <> 'closed'", ['A001']) },
  { name: 'dashboard (supervisor)', url: '/api/supervision/dashboard', token: 'supervisor', bare: dashboardBare() },
  { name: 'dashboard (agency admin)', url: '/api/supervision/dashboard', token: 'admin1', bare: dashboardBare('A001') },
  { name: 'year on year (supervisor)', url: `/api/supervision/dashboard/year-on-year?year=${thisYear}`, token: 'supervisor', bare: yearOnYearBare() },
  { name: 'year on year (agency admin)', url: `/api/supervision/dashboard/year-on-year?year=${thisYear}`, token: 'admin1', bare: yearOnYearBare('A001') },
  { name: 'visits per enterprise', url: `/api/supervision/dashboard/visits-per-enterprise?year=${thisYear}`, token: 'supervisor', bare: visitsBare },
  { name: 'satisfaction by month', url: `/api/supervision/dashboard/satisfaction-trend?year=${thisYear}`, token: 'supervisor', bare: satisfactionBare },
];

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
};
const time = async (fn: () => Promise<void>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

console.log(`\n${SIZE} demo city, ${CASES.toLocaleString()} flagged cases, ${RUNS} runs each after 3 warm-ups; app = through Fastify inject, bare = mysql2 on the same tables\n`);
console.log(`${'scenario'.padEnd(34)} ${'app median'.padStart(10)} ${'app p95'.padStart(8)} ${'bare median'.padStart(11)} ${'bare p95'.padStart(8)} ${'ratio'.padStart(6)}`);
let over = 0;
for (const scenario of scenarios) {
  const callApp = async () => {
    const answer = await app.inject({ method: 'GET', url: scenario.url, headers: { authorization: `Bearer ${tokens[scenario.token]}` } });
    if (answer.statusCode !== 200) throw new Error(`${scenario.name}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
  };
  const callBare = async () => {
    for (const [sql, params] of scenario.bare) await bare.query(sql, params);
  };
  for (let i = 0; i < 3; i++) {
    await callApp();
    await callBare();
  }
  const appSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    appSamples.push(await time(callApp));
    bareSamples.push(await time(callBare));
  }
  const a = stats(appSamples);
  const b = stats(bareSamples);
  if (a.p95 > BUDGET_MS) over++;
  console.log(
    `${scenario.name.padEnd(34)} ${a.median.toFixed(1).padStart(10)} ${a.p95.toFixed(1).padStart(8)} ${b.median.toFixed(1).padStart(11)} ${b.p95.toFixed(1).padStart(8)} ${(a.median / b.median).toFixed(2).padStart(6)}`,
  );
}
console.log(`\nbudget ${BUDGET_MS} ms (p95, server side): ${over ? `${over} scenario(s) over` : 'every scenario within'}`);
await bare.end();
await app.close();
process.exit(over ? 1 : 0);
