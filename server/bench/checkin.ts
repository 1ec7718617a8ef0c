/**
 * bench/checkin: the on-site check-in endpoint (auth + plan match + write + trail entry) under 64
 * concurrent connections, next to a bare Fastify + mysql2 endpoint doing one indexed query on the
 * same database, in one run. For context it also runs the check-in's own match query bare. Each
 * server runs in processes of its own, as many for one as for the other (`--processes`, by default one
 * per core, as the API runs: API_PROCESSES); the load generator (autocannon) runs here. The endpoints
 * take turns for several short rounds, so the neighbours' load on a shared machine falls on all of them.
 *
 *   npm run bench:checkin -w server -- [--rounds 3] [--seconds 5] [--connections 64] [--officers 500] [--processes N] [--database NAME]
 *
 * Needs DATABASE_URL (a user that may create databases; the bench works in database NAME, by default
 * mashang_bench_checkin) and REDIS_URL. BENCH_APP_NODE_ARGS passes node options to the app's process
 * only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 *
 * `--target URL` checks in at a deployment that is already running instead (deploy/cluster's nginx,
 * or one of its instances): DATABASE_URL is then the database it serves, where the bench adds an
 * agency of its own with its officers, enterprises and coded plans (nothing there is changed or
 * removed), and JWT_SECRET is the deployment's. The bare endpoints run here on that database.
 * `--server-pids` and `--database-pids` (comma-separated) name its processes on this machine, for the
 * CPU each request costs (deploy/cluster/cluster.mjs pids api,nginx / pids db,haproxy).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { createPool } from 'mysql2/promise';
import { buildCreditCode, shanghaiDate, type SessionUser } from '@mashang/shared';
import { createApp } from '../src/app.factory.js';
import { serveInProcesses } from '../src/infra/cluster/serve-in-processes.js';
import { loadConfig } from '../src/infra/config/config.js';
import { recreateDatabase } from '../src/infra/database/data-source.js';
import { openDatabase } from '../src/database.js';
import { PlanProgressRepository } from '../src/modules/plans/index.js';
import { TrailRepository } from '../src/modules/trail/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const textOption = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0';
const PHONE_KEY = 'b7'.repeat(32);
// The app's own pool size (dataSourceOptions), so both sides get the same connections.
const POOL_SIZE = 20;
// Both servers run with the node options the API runs with in production (deploy/Dockerfile, deploy/start.mjs).
const SERVER_NODE_ARGS = ['--max-semi-space-size=32'];

async function serveOne(kind: 'app' | 'bare', databaseUrl: string): Promise<void> {
  let port: number;
  if (kind === 'app') {
    const app = await createApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET, PHONE_ENCRYPTION_KEY: PHONE_KEY, LOG_LEVEL: 'error', MIGRATE_ON_START: 'false' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as { port: number }).port;
    // A normal exit, so a --cpu-prof profile gets written.
    process.once('SIGUSR2', () => void app.close().finally(() => process.exit(0)));
  } else {
    const pool = createPool({ uri: databaseUrl, connectionLimit: POOL_SIZE, timezone: 'Z' });
    const server = Fastify();
    server.get('/bare', async (request) => {
      const [rows] = await pool.query('SELECT id, lead_plan_id, inspection_date FROM plans WHERE id = ?', [(request.query as { id: string }).id]);
      return (rows as unknown[])[0] ?? null;
    });
    // For context: the check-in's match query for one check-in alone, bare (the read a check-in cannot avoid).
    // The statements are only built here, so the repositories need no connection.
    const plans = new PlanProgressRepository(null as never);
    const trailTail = new TrailRepository(null as never).tailExpression('p.id');
    server.get('/bare-match', async (request) => {
      const { officer, code, from, to } = request.query as Record<string, string>;
      const [sql, values] = plans.checkInMatchStatement({ officerIds: [officer], creditCodes: [code], from, to }, trailTail);
      const [rows] = await pool.query(sql, values);
      return rows;
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    port = (server.server.address() as { port: number }).port;
  }
  process.stdout.write(`listening ${port}\n`);
}

/** The server in `processes` processes on one port (serveInProcesses, as the API runs them). */
function serve(kind: 'app' | 'bare', databaseUrl: string, processes: number): Promise<void> {
  return serveInProcesses(processes, () => serveOne(kind, databaseUrl), { log: () => undefined, error: (message) => process.stderr.write(`${message}\n`) });
}

function start(kind: 'app' | 'bare', databaseUrl: string, processes: number): Promise<{ child: ChildProcess; port: number }> {
  const nodeArgs = [...SERVER_NODE_ARGS, ...(kind === 'app' && process.env.BENCH_APP_NODE_ARGS ? process.env.BENCH_APP_NODE_ARGS.split(' ') : [])];
  // Workers are started with the primary's node options (cluster's default execArgv).
  const child = spawn(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), '--serve', kind, databaseUrl, String(processes)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

/** A process's parent pid and CPU seconds so far, from Linux /proc; null where that cannot be read. */
function processStat(pid: number): { parent: number; cpu: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
}

/** A server's worker processes. */
function childrenOf(pid: number | undefined): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name) && processStat(Number(name))?.parent === pid).map(Number);
}

/** CPU seconds processes and their children (a server's worker processes) have used so far, or null. */
function cpuSeconds(pids: number | undefined | number[]): number | null {
  const list = Array.isArray(pids) ? pids : [pids];
  let sum = 0;
  for (const pid of list) {
    const own = pid ? processStat(pid) : null;
    if (!own) return null;
    sum += childrenOf(pid).reduce((total, child) => total + (processStat(child)?.cpu ?? 0), own.cpu);
  }
  return sum;
}

/** `--server-pids 1,2,3`: a deployment's processes (`--target`), whose CPU counts as the server's or the database's. */
const pidsOption = (name: string): number[] | undefined => textOption(name)?.split(',').map(Number).filter((n) => n > 0);

/** The database server's pid when it runs on this machine (its pid file is readable), else undefined. */
async function databasePid(databaseUrl: string): Promise<number | undefined> {
  const ds = await openDatabase(databaseUrl, { migrate: false, poolSize: 1 });
  try {
    const [{ file }] = await ds.query('SELECT @@pid_file AS file');
    return Number(readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  } finally {
    await ds.destroy();
  }
}

/**
 * One endpoint's measurements over the rounds: requests, seconds, latencies per round, and the CPU
 * time of the server's process, the database server and this load generator. On a machine shared with
 * other work the rates move with the neighbours; the CPU each request costs moves much less.
 */
class Tally {
  requests = 0;
  seconds = 0;
  failures = 0;
  readonly p50: number[] = [];
  readonly p99: number[] = [];
  private readonly cpu = { server: 0 as number | null, db: 0 as number | null, driver: 0 };

  constructor(readonly name: string) {}

  async measure(run: () => Promise<autocannon.Result>, serverPid: number | undefined | number[], dbPid: number | undefined | number[]): Promise<void> {
    const before = { server: cpuSeconds(serverPid), db: cpuSeconds(dbPid), driver: process.cpuUsage() };
    const result = await run();
    const used = (from: number | null, to: number | null, sum: number | null) => (from === null || to === null || sum === null ? null : sum + to - from);
    this.cpu.server = used(before.server, cpuSeconds(serverPid), this.cpu.server);
    this.cpu.db = used(before.db, cpuSeconds(dbPid), this.cpu.db);
    const driver = process.cpuUsage(before.driver);
    this.cpu.driver += (driver.user + driver.system) / 1e6;
    this.requests += result.requests.total;
    this.seconds += result.duration;
    this.failures += result.non2xx + result.errors;
    this.p50.push(result.latency.p50);
    this.p99.push(result.latency.p99);
  }

  get rate(): number {
    return this.requests / this.seconds;
  }

  /** CPU µs per request, server + database + load generator; null when a process could not be read. */
  cpuPerRequest(): { server: number | null; db: number | null; driver: number; total: number | null } {
    const per = (value: number | null) => (value === null ? null : (value * 1e6) / this.requests);
    const [server, db, driver] = [per(this.cpu.server), per(this.cpu.db), per(this.cpu.driver)!];
    return { server, db, driver, total: server === null || db === null ? null : server + db + driver };
  }

  /** The worst round's p99: a bad minute is not averaged away. */
  get p99Worst(): number {
    return Math.max(...this.p99);
  }

  line(): string {
    const cpu = this.cpuPerRequest();
    const micro = (value: number | null) => (value === null ? '   –' : value.toFixed(0).padStart(4));
    return `${this.name.padEnd(44)} ${this.rate.toFixed(0).padStart(8)} req/s   p50 ${Math.max(...this.p50)} / p99 ${this.p99Worst} ms (worst round)   failed ${this.failures}` +
      `   CPU µs/request: server ${micro(cpu.server)}, database ${micro(cpu.db)}, load ${micro(cpu.driver)}`;
  }
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

/**
 * Ids of the seeded rows: plain in the bench's own database; in a deployment's (`--target`), tagged
 * with a run tag so they join whatever is there. Letters of GB 11714 only, so credit codes stay valid.
 */
function seedIds(tag: string | null) {
  return {
    agency: tag ? `BENCH-${tag}` : 'A1',
    item: tag ? `BENCH-${tag}-I1` : 'I1',
    officer: (i: number) => (tag ? `BENCH-${tag}-O${i}` : `O${i}`),
    username: (i: number) => (tag ? `bench-${tag}-${i}` : `officer${i}`),
    creditCode: (i: number) => buildCreditCode('91410202', tag ? `${tag}${String(i).padStart(6, '0')}` : `MA${String(i).padStart(6, '0')}`),
  };
}

async function seed(databaseUrl: string, officers: number, { tag = null as string | null, jwtSecret = JWT_SECRET } = {}): Promise<{ users: { token: string; creditCode: string; officerId: string }[]; planIds: string[] }> {
  const ds = await openDatabase(databaseUrl, { migrate: !tag, poolSize: 2 });
  const ids = seedIds(tag);
  const today = shanghaiDate(new Date());
  const tomorrowEnd = new Date(Date.parse(`${today}T00:00:00+08:00`) + 2 * 86_400_000);
  await ds.query("INSERT INTO agencies (id, name, kind, region) VALUES (?, '市市场监督管理局', 'market', '410202')", [ids.agency]);
  await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES (?, ?, '食品经营许可检查', '《食品安全法》第三十五条')", [ids.item, ids.agency]);
  // A deployment's users table has rows already: the ids come from it.
  const [{ next }] = await ds.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM users');
  const firstUser = tag ? Number(next) : 1;
  const users: { token: string; creditCode: string; officerId: string }[] = [];
  const planIds: string[] = [];
  const rows = { officers: [] as unknown[][], users: [] as unknown[][], sessions: [] as unknown[][], enterprises: [] as unknown[][], plans: [] as unknown[][], planOfficers: [] as unknown[][], planItems: [] as unknown[][], codes: [] as unknown[][] };
  for (let i = 0; i < officers; i += 1) {
    const officerId = ids.officer(i);
    const userId = firstUser + i;
    const creditCode = ids.creditCode(i);
    const planId = randomUUID();
    rows.officers.push([officerId, ids.agency, `执法人员${i}`, `豫C${String(i).padStart(7, '0')}`]);
    rows.users.push([userId, ids.username(i), 'x', 'officer', `执法人员${i}`, ids.agency, officerId]);
    rows.enterprises.push([creditCode, `企业${i}`, 'catering', '410204', 'C']);
    rows.plans.push([planId, `JH${tag ?? ''}${i}`, ids.agency, creditCode, today, 'complaint', '投诉', 'active', new Date(), userId, planId, today]);
    rows.planOfficers.push([planId, officerId, 0]);
    rows.planItems.push([planId, ids.item, 0]);
    rows.codes.push([randomBytes(15).toString('base64url'), planId, new Date(), userId, tomorrowEnd]);
    const user: SessionUser = { id: userId, username: ids.username(i), role: 'officer' as SessionUser['role'], displayName: `执法人员${i}`, agencyId: ids.agency, officerId };
    // Each officer signed in: a session of its own, named by the token, as a login makes it.
    const sessionId = randomUUID();
    rows.sessions.push([sessionId, userId, new Date(), new Date(Date.now() + 3_600_000)]);
    users.push({ token: jwt.sign({ user }, jwtSecret, { subject: String(userId), expiresIn: 3600, jwtid: sessionId }), creditCode, officerId });
    planIds.push(planId);
  }
  await ds.query('INSERT INTO officers (id, agency_id, name, cert_no) VALUES ?', [rows.officers]);
  await ds.query('INSERT INTO users (id, username, password_hash, role, display_name, agency_id, officer_id) VALUES ?', [rows.users]);
  await ds.query('INSERT INTO user_sessions (id, user_id, created_at, expires_at) VALUES ?', [rows.sessions]);
  await ds.query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES ?', [rows.enterprises]);
  await ds.query('INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, reason, status, filed_at, filed_by, lead_plan_id, inspection_date) VALUES ?', [rows.plans]);
  await ds.query('INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ?', [rows.planOfficers]);
  await ds.query('INSERT INTO plan_items (plan_id, item_id, position) VALUES ?', [rows.planItems]);
  await ds.query('INSERT INTO inspection_codes (token, lead_plan_id, issued_at, issued_by, expires_at) VALUES ?', [rows.codes]);
  await ds.destroy();
  return { users, planIds };
}

async function drive(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base || !process.env.REDIS_URL) throw new Error('set DATABASE_URL and REDIS_URL (a database user that may create databases)');
  const seconds = option('--seconds', 5);
  const rounds = option('--rounds', 3);
  const connections = option('--connections', 64);
  const officers = option('--officers', 500);
  const processes = option('--processes', availableParallelism());
  const target = textOption('--target');
  if (target && !process.env.JWT_SECRET) throw new Error('--target needs JWT_SECRET: the deployment\'s (deploy/cluster/cluster.mjs env prints it)');
  // In a deployment's database the seeded rows carry a run tag (two letters a credit code may hold).
  const letters = 'ABCDEFGHJKLMNPQRTUWXY';
  const tag = target ? Array.from(randomBytes(2), (b) => letters[b % letters.length]).join('') : null;
  const databaseUrl = target ? base : await recreateDatabase(base, textOption('--database') ?? 'mashang_bench_checkin');
  console.log(`seeding ${officers} officers, each with a coded plan for today${target ? ` (agency BENCH-${tag}), checking in at ${target}` : ''}…`);
  const { users, planIds } = await seed(databaseUrl, officers, { tag, jwtSecret: target ? process.env.JWT_SECRET : JWT_SECRET });
  process.env.BULL_PREFIX = `bench-checkin-${process.pid}`;
  const app = target ? { child: { pid: undefined } as ChildProcess, port: 0 } : await start('app', databaseUrl, processes);
  const bare = await start('bare', databaseUrl, processes);
  let sent = 0;
  // The load generator shares the machine's cores with the servers: each request's parts are made once.
  const checkInHeaders = users.map((user) => ({ 'content-type': 'application/json', authorization: `Bearer ${user.token}` }));
  const checkIn = (duration: number) => load({
    url: target ?? `http://127.0.0.1:${app.port}`, connections, duration,
    requests: [{
      method: 'POST', path: '/api/onsite/check-in',
      setupRequest: (request) => {
        const i = (sent += 1) % users.length;
        // The database is new for each run, so a counter makes the idempotency keys unique.
        return { ...request, headers: checkInHeaders[i], body: `{"creditCode":"${users[i].creditCode}","clientKey":"bench-${sent}"}` };
      },
    }],
  });
  const query = (duration: number) => load({
    url: `http://127.0.0.1:${bare.port}`, connections, duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/bare?id=${planIds[(sent += 1) % planIds.length]}` }) }],
  });
  const day = shanghaiDate(new Date());
  const shift = (days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const match = (duration: number) => load({
    url: `http://127.0.0.1:${bare.port}`, connections, duration,
    requests: [{
      method: 'GET',
      setupRequest: (request) => {
        const user = users[(sent += 1) % users.length];
        return { ...request, path: `/bare-match?officer=${user.officerId}&code=${user.creditCode}&from=${shift(-7)}&to=${shift(7)}` };
      },
    }],
  });
  try {
    console.log('warming up…');
    await query(3);
    await match(2);
    await checkIn(3);
    // The endpoints take turns, round by round, so a noisy minute on a shared machine falls on all of them.
    console.log(`measuring ${rounds} rounds of ${seconds} s per endpoint at ${connections} connections, each server in ${processes} processes…`);
    const dbPid = pidsOption('--database-pids') ?? (await databasePid(databaseUrl));
    const bareTally = new Tally('bare Fastify + mysql2, one indexed query');
    const matchTally = new Tally('bare Fastify + mysql2, the check-in match query');
    const ourTally = new Tally(target ? `check-in at ${target}` : 'check-in (auth + match + write + trail)');
    for (let round = 0; round < rounds; round += 1) {
      await bareTally.measure(() => query(seconds), bare.child.pid, dbPid);
      await matchTally.measure(() => match(seconds), bare.child.pid, dbPid);
      await ourTally.measure(() => checkIn(seconds), pidsOption('--server-pids') ?? app.child.pid, dbPid);
    }
    const check = await openDatabase(databaseUrl, { migrate: false, poolSize: 1 });
    const [{ n }] = await check.query('SELECT COUNT(*) AS n FROM checkins WHERE plan_id IN (?)', [planIds]);
    await check.destroy();
    for (const tally of [bareTally, matchTally, ourTally]) console.log(tally.line());
    console.log(`ratio check-in / bare: ${(ourTally.rate / bareTally.rate).toFixed(2)} (target ≥ 0.50), check-in p99 ${ourTally.p99Worst} ms (target < 50 ms)`);
    console.log(`ratio check-in / bare match query: ${(ourTally.rate / matchTally.rate).toFixed(2)}`);
    const [bareCpu, ourCpu] = [bareTally.cpuPerRequest().total, ourTally.cpuPerRequest().total];
    if (bareCpu !== null && ourCpu !== null) console.log(`ratio of CPU per request, bare / check-in (server + database + load): ${(bareCpu / ourCpu).toFixed(2)}`);
    console.log(`check-ins recorded: ${Number(n).toLocaleString()}`);
  } finally {
    // The app's processes end normally, so a --cpu-prof profile gets written.
    if (!target) for (const pid of [...childrenOf(app.child.pid), app.child.pid!]) process.kill(pid, 'SIGUSR2');
    bare.child.kill();
  }
}

if (args[0] === '--serve') await serve(args[1] as 'app' | 'bare', args[2], Number(args[3]));
else await drive();
