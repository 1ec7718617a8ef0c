#!/usr/bin/env node
// Local MariaDB + Redis for development and tests, without Docker or systemd.
// 本地开发/测试用的 MariaDB 与 Redis（无需 Docker 或 systemd）。
//
// Plain Node ESM, Node built-ins only (it runs before `npm install` has happened).
//
//   import { ensureServices, ensureChromium } from './lib/local-services.mjs';
//   const { databaseUrl, redisUrl, stop } = await ensureServices({ purpose: 'dev', log: console.log });
//   process.on('SIGINT', async () => { await stop(); process.exit(130); });
//
// CLI:
//   node deploy/lib/local-services.mjs up dev|test       start (or reuse), print URLs, exit leaving them running
//   node deploy/lib/local-services.mjs down dev|test     stop them (by pid file)
//   node deploy/lib/local-services.mjs status dev|test   show what is running
//
// Data lives in deploy/.data/<purpose>/ (git-ignored). Ports (127.0.0.1 only):
//   dev  MariaDB 3307, Redis 6380      test MariaDB 3308, Redis 6381
// Override with LOCAL_DB_PORT / LOCAL_REDIS_PORT. If DATABASE_URL / REDIS_URL are set,
// those services are used as they are and never touched.

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_ROOT = path.join(REPO_ROOT, 'deploy', '.data');

const PROFILES = {
  dev: { dbPort: 3307, redisPort: 6380, database: 'mashang' },
  test: { dbPort: 3308, redisPort: 6381, database: 'mashang_test' },
};
const DB_USER = 'mashang';
const DB_PASSWORD = 'mashang';

const MARIADB_READY_TIMEOUT_MS = 30_000;
const REDIS_READY_TIMEOUT_MS = 30_000;
const MARIADB_STOP_TIMEOUT_MS = 60_000;
const REDIS_STOP_TIMEOUT_MS = 30_000;
const LOCK_TIMEOUT_MS = 15 * 60_000; // an apt install may run under the lock

const BIN_DIRS_EXTRA = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || 'root';
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const defaultLog = (m) => process.stderr.write(`[local-services] ${m}\n`);

// ---------------------------------------------------------------------------
// small helpers

function findBin(...names) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter).filter(Boolean), ...BIN_DIRS_EXTRA];
  for (const name of names) {
    for (const dir of dirs) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {
        /* keep looking */
      }
    }
  }
  return null;
}

/** Run a command, capture output. Never rejects; resolves { code, stdout, stderr }. */
function run(cmd, args, { timeoutMs = 0, env, input } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ code: -1, stdout: '', stderr: String(e?.message ?? e) });
      return;
    }
    let stdout = '';
    let stderr = '';
    let timer = null;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + String(e?.message ?? e) });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr });
    });
    if (timeoutMs) {
      timer = setTimeout(() => {
        try {
          child.kill('SIGKILL');
        } catch {
          /* gone */
        }
      }, timeoutMs);
    }
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Run a command with stdout+stderr appended to a log file. Resolves the exit code. */
function runToLog(cmd, args, logFile, { env } = {}) {
  return new Promise((resolve) => {
    const fd = fs.openSync(logFile, 'a');
    let child;
    try {
      child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', fd, fd] });
    } catch (e) {
      fs.closeSync(fd);
      fs.appendFileSync(logFile, `${e?.message ?? e}\n`);
      resolve(-1);
      return;
    }
    fs.closeSync(fd);
    child.on('error', (e) => {
      fs.appendFileSync(logFile, `${e?.message ?? e}\n`);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? -1));
  });
}

function tail(file, lines = 25) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n').trimEnd();
  } catch {
    return '(no log)';
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  // A zombie (exited, not yet reaped by a parent that is not us) counts as dead.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no /proc: trust kill(0) */
  }
  return true;
}

function rmQuiet(p) {
  try {
    fs.rmSync(p, { force: true, recursive: true });
  } catch {
    /* ignore */
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function parsePort(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${value} is not a valid port / ${name}=${value} 不是合法端口`);
  return n;
}

function layout(purpose) {
  const base = path.join(DATA_ROOT, purpose);
  let mariadbSocket = path.join(base, 'mariadb.sock');
  // Unix socket paths are limited to ~107 bytes; fall back to a stable path in the temp dir.
  if (Buffer.byteLength(mariadbSocket) > 100) {
    const h = crypto.createHash('sha1').update(base).digest('hex').slice(0, 12);
    mariadbSocket = path.join(os.tmpdir(), `mashang-${h}-${purpose}-mariadb.sock`);
  }
  return {
    base,
    lock: path.join(base, '.lock'),
    mariadbDir: path.join(base, 'mariadb'),
    mariadbInitMarker: path.join(base, 'mariadb.initialized'),
    mariadbSocket,
    mariadbPid: path.join(base, 'mariadb.pid'),
    mariadbLog: path.join(base, 'mariadb.log'),
    mariadbInstallLog: path.join(base, 'mariadb-install.log'),
    redisDir: path.join(base, 'redis'),
    redisPid: path.join(base, 'redis.pid'),
    redisLog: path.join(base, 'redis.log'),
  };
}

function checkPurpose(purpose) {
  if (!Object.hasOwn(PROFILES, purpose)) {
    throw new Error(`purpose must be 'dev' or 'test', got ${JSON.stringify(purpose)}`);
  }
}

const inProcessLocks = new Map(); // lock file -> tail of the promise chain (calls within one process)

/** Inter-process lock on deploy/.data/<purpose>/.lock so two runs do not start two servers. */
function withLock(file, log, fn) {
  const prev = inProcessLocks.get(file) ?? Promise.resolve();
  const next = prev.then(
    () => withFileLock(file, log, fn),
    () => withFileLock(file, log, fn),
  );
  const settled = next.catch(() => {});
  inProcessLocks.set(file, settled);
  settled.then(() => {
    if (inProcessLocks.get(file) === settled) inProcessLocks.delete(file);
  });
  return next;
}

async function withFileLock(file, log, fn) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(file);
      // Calls within this process are serialised above, so our own pid here is a leftover too.
      if (!holder || !pidAlive(holder) || holder === process.pid) {
        // Stale lock (holder died) — take it over. Re-check to narrow the race.
        await sleep(50);
        if (readPid(file) === holder) rmQuiet(file);
        continue;
      }
      if (!announced) {
        log(`waiting for another process (pid ${holder}) that is starting the same services…`);
        announced = true;
      }
      if (Date.now() - t0 > LOCK_TIMEOUT_MS) {
        throw new Error(`timed out waiting for lock ${file} held by pid ${holder} / 等待锁超时`);
      }
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPid(file) === process.pid) rmQuiet(file);
  }
}

// ---------------------------------------------------------------------------
// installing packages

function privilegePrefix() {
  if (isRoot()) return [];
  const sudo = findBin('sudo');
  if (sudo && spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore' }).status === 0) return [sudo, '-n'];
  return null;
}

async function aptInstall(packages, { log, why }) {
  const prefix = privilegePrefix();
  const aptGet = findBin('apt-get');
  if (prefix === null || !aptGet) {
    return false;
  }
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  const aptLog = path.join(DATA_ROOT, 'apt-install.log');
  const envCmd = ['env', 'DEBIAN_FRONTEND=noninteractive'];
  const lockOpt = ['-o', 'DPkg::Lock::Timeout=600'];
  const exec = async (args) => {
    const [cmd, ...rest] = [...prefix, ...envCmd, aptGet, ...lockOpt, ...args];
    for (let attempt = 1; ; attempt++) {
      const before = fs.existsSync(aptLog) ? fs.statSync(aptLog).size : 0;
      const code = await runToLog(cmd, rest, aptLog);
      if (code === 0) return;
      const out = fs.readFileSync(aptLog, 'utf8').slice(before);
      // Another apt/dpkg is running (e.g. unattended upgrades): wait and retry.
      if (/Could not get lock|Unable to acquire the dpkg|is another process using it/i.test(out) && attempt < 60) {
        await sleep(10_000);
        continue;
      }
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${code}); see ${aptLog}:\n${tail(aptLog, 15)}`);
    }
  };
  const t0 = Date.now();
  log(`${why}: installing ${packages.join(' ')} with apt-get${prefix.length ? ' (sudo)' : ''} — output in ${path.relative(REPO_ROOT, aptLog)}`);
  await exec(['update']);
  await exec(['install', '-y', ...packages]);
  log(`installed ${packages.join(' ')} in ${secs(t0)}`);
  return true;
}

// ---------------------------------------------------------------------------
// MariaDB

function mariadbBins() {
  return {
    server: findBin('mariadbd', 'mysqld'),
    installDb: findBin('mariadb-install-db', 'mysql_install_db'),
    client: findBin('mariadb', 'mysql'),
  };
}

function redisBins() {
  return { server: findBin('redis-server') };
}

function clientArgs(l) {
  return ['--no-defaults', `--socket=${l.mariadbSocket}`, `--user=${osUser()}`, '--batch', '--skip-column-names'];
}

async function mariadbQuery(bins, l, sql, timeoutMs = 10_000) {
  return run(bins.client, [...clientArgs(l), '-e', sql], { timeoutMs });
}

function bufferPoolSize() {
  // 1G as asked for, but never more than a quarter of the machine's memory.
  const quarterMb = Math.floor(os.totalmem() / 4 / 1024 / 1024);
  const mb = Math.max(128, Math.min(1024, Math.floor(quarterMb / 128) * 128));
  return `${mb}M`;
}

async function initMariadb(bins, l, log) {
  if (fs.existsSync(l.mariadbInitMarker) && fs.existsSync(path.join(l.mariadbDir, 'mysql'))) return false;
  // No marker: never initialised, or a previous initialisation did not finish — start clean.
  rmQuiet(l.mariadbDir);
  fs.mkdirSync(l.mariadbDir, { recursive: true });
  const t0 = Date.now();
  log(`initialising MariaDB data directory ${path.relative(REPO_ROOT, l.mariadbDir)}…`);
  const args = [
    '--no-defaults',
    `--datadir=${l.mariadbDir}`,
    '--auth-root-authentication-method=socket',
    `--auth-root-socket-user=${osUser()}`,
    '--skip-test-db',
    '--skip-name-resolve',
    ...(isRoot() ? ['--user=root'] : []),
  ];
  const code = await runToLog(bins.installDb, args, l.mariadbInstallLog);
  if (code !== 0 || !fs.existsSync(path.join(l.mariadbDir, 'mysql'))) {
    throw new Error(
      `MariaDB initialisation failed (exit ${code}); log ${l.mariadbInstallLog}:\n${tail(l.mariadbInstallLog)}\n` +
        `MariaDB 数据目录初始化失败，请查看上面的日志。`,
    );
  }
  fs.writeFileSync(l.mariadbInitMarker, `${new Date().toISOString()}\n`);
  log(`MariaDB data directory initialised in ${secs(t0)}`);
  return true;
}

/** Is our own mariadbd (pid file alive, answering on our socket) already running? Returns its pid or null. */
async function runningMariadb(bins, l) {
  const pid = readPid(l.mariadbPid);
  if (!pid || !pidAlive(pid)) return null;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!cmdline.includes(`--datadir=${l.mariadbDir}`)) return null; // pid reused by something else
  } catch {
    /* no /proc: fall through to the socket check */
  }
  return pid;
}

async function waitMariadb(bins, l, { child, timeoutMs, pid }) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`mariadbd exited with code ${child.exitCode} during start-up; log ${l.mariadbLog}:\n${tail(l.mariadbLog)}\nMariaDB 启动失败，请查看上面的日志。`);
    }
    if (!child && pid && !pidAlive(pid)) {
      throw new Error(`mariadbd (pid ${pid}) is gone; log ${l.mariadbLog}:\n${tail(l.mariadbLog)}`);
    }
    if (fs.existsSync(l.mariadbSocket)) {
      last = await mariadbQuery(bins, l, 'SELECT @@port', 5_000);
      if (last.code === 0) return Number(last.stdout.trim());
    }
    if (Date.now() > deadline) {
      throw new Error(
        `MariaDB did not accept connections on ${l.mariadbSocket} within ${timeoutMs / 1000} s` +
          (last ? ` (client: ${last.stderr.trim()})` : '') +
          `; log ${l.mariadbLog}:\n${tail(l.mariadbLog)}\nMariaDB 在规定时间内未就绪，请查看上面的日志。`,
      );
    }
    await sleep(100);
  }
}

async function startMariadb(bins, l, port, log) {
  const t0 = Date.now();
  const existing = await runningMariadb(bins, l);
  if (existing) {
    const actualPort = await waitMariadb(bins, l, { pid: existing, timeoutMs: MARIADB_READY_TIMEOUT_MS });
    if (actualPort !== port) {
      throw new Error(
        `our MariaDB (pid ${existing}) is already running on port ${actualPort}, not ${port}; ` +
          `run "node deploy/lib/local-services.mjs down ${path.basename(l.base)}" first / 本地 MariaDB 已在端口 ${actualPort} 运行，请先执行 down。`,
      );
    }
    log(`MariaDB already running (pid ${existing}) on 127.0.0.1:${port} — reusing it (${secs(t0)})`);
    return { pid: existing, started: false, child: null };
  }
  // Stale pid file / socket from a crash.
  rmQuiet(l.mariadbPid);
  rmQuiet(l.mariadbSocket);
  rmQuiet(`${l.mariadbSocket}.lock`);
  if (!(await portFree(port))) {
    throw new Error(
      `port ${port} on 127.0.0.1 is already in use by another program, so the local MariaDB cannot start. ` +
        `Set LOCAL_DB_PORT to a free port, or DATABASE_URL to an existing server.\n` +
        `端口 ${port} 已被其他程序占用，无法启动本地 MariaDB。请设置 LOCAL_DB_PORT 为空闲端口，或设置 DATABASE_URL 使用已有数据库。`,
    );
  }
  await initMariadb(bins, l, log);
  const args = [
    '--no-defaults',
    `--datadir=${l.mariadbDir}`,
    `--socket=${l.mariadbSocket}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${l.mariadbPid}`,
    `--log-error=${l.mariadbLog}`,
    `--innodb-buffer-pool-size=${bufferPoolSize()}`,
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=500',
    '--max-allowed-packet=256M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--default-time-zone=+00:00',
    '--skip-name-resolve',
    '--skip-log-bin',
    ...(isRoot() ? ['--user=root'] : []),
  ];
  fs.appendFileSync(l.mariadbLog, `\n--- ${new Date().toISOString()} starting: ${bins.server} ${args.join(' ')}\n`);
  const fd = fs.openSync(l.mariadbLog, 'a');
  // detached: own process group, so a Ctrl-C in the terminal does not hit the server; the caller stops it.
  const child = spawn(bins.server, args, { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  child.on('error', () => {});
  child.unref();
  try {
    await waitMariadb(bins, l, { child, timeoutMs: MARIADB_READY_TIMEOUT_MS });
  } catch (e) {
    await stopPid(child.pid, 'MariaDB', MARIADB_STOP_TIMEOUT_MS, () => {});
    throw e;
  }
  log(`MariaDB started (pid ${child.pid}) on 127.0.0.1:${port} in ${secs(t0)}`);
  return { pid: child.pid, started: true, child };
}

async function setupDatabase(bins, l, database, purpose) {
  const users = [`'${DB_USER}'@'127.0.0.1'`, `'${DB_USER}'@'localhost'`];
  const sql = [
    `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ...users.map((u) => `CREATE USER IF NOT EXISTS ${u} IDENTIFIED BY '${DB_PASSWORD}'`),
    ...users.map((u) => `ALTER USER ${u} IDENTIFIED BY '${DB_PASSWORD}'`),
    ...users.map((u) => `GRANT ALL PRIVILEGES ON \`${database}\`.* TO ${u}`),
    // Test runs create extra databases named mashang_test_* (the \_ matches a literal underscore).
    ...(purpose === 'test' ? users.map((u) => `GRANT ALL PRIVILEGES ON \`${database.replace(/_/g, '\\_')}%\`.* TO ${u}`) : []),
    // mariadb-install-db adds a proxy grant for root@<hostname>, which --skip-name-resolve warns about
    // on every privilege reload. This server only ever serves 127.0.0.1 and the socket.
    "DELETE FROM mysql.proxies_priv WHERE Host NOT IN ('localhost', '127.0.0.1', '::1')",
    'FLUSH PRIVILEGES',
  ].join(';\n');
  const r = await mariadbQuery(bins, l, sql, 30_000);
  if (r.code !== 0) {
    throw new Error(`creating database/user in local MariaDB failed: ${r.stderr.trim()} / 创建数据库或用户失败`);
  }
}

// ---------------------------------------------------------------------------
// Redis (spoken to with a minimal RESP client so redis-cli is not required)

function redisCommand(port, args, timeoutMs = 2_000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    const done = (err, val) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(val);
    };
    const timer = setTimeout(() => done(new Error('redis: timeout')), timeoutMs);
    sock.on('error', (e) => done(e));
    sock.on('connect', () => {
      let out = `*${args.length}\r\n`;
      for (const a of args) out += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
      sock.write(out);
    });
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const parsed = parseResp(buf, 0);
      if (parsed) done(parsed.value instanceof Error ? parsed.value : null, parsed.value);
    });
    sock.on('close', () => done(new Error('redis: connection closed')));
  });
}

function parseResp(buf, at) {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[at]);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: next };
      if (buf.length < next + n + 2) return null;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = Number(line);
      const items = [];
      let pos = next;
      for (let i = 0; i < n; i++) {
        const item = parseResp(buf, pos);
        if (!item) return null;
        items.push(item.value);
        pos = item.end;
      }
      return { value: items, end: pos };
    }
    default:
      return { value: new Error(`redis: unexpected reply ${line}`), end: next };
  }
}

async function redisPing(port) {
  try {
    return (await redisCommand(port, ['PING'])) === 'PONG';
  } catch {
    return false;
  }
}

async function redisDirOf(port) {
  try {
    const r = await redisCommand(port, ['CONFIG', 'GET', 'dir']);
    return Array.isArray(r) ? r[1] : null;
  } catch {
    return null;
  }
}

function samePath(a, b) {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

async function waitRedis(l, port, { child, pid, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`redis-server exited with code ${child.exitCode} during start-up; log ${l.redisLog}:\n${tail(l.redisLog)}\nRedis 启动失败，请查看上面的日志。`);
    }
    if (!child && pid && !pidAlive(pid)) {
      throw new Error(`redis-server (pid ${pid}) is gone; log ${l.redisLog}:\n${tail(l.redisLog)}`);
    }
    if (await redisPing(port)) return;
    if (Date.now() > deadline) {
      throw new Error(`Redis did not answer PING on 127.0.0.1:${port} within ${timeoutMs / 1000} s; log ${l.redisLog}:\n${tail(l.redisLog)}\nRedis 在规定时间内未就绪。`);
    }
    await sleep(50);
  }
}

async function startRedis(bins, l, port, log) {
  const t0 = Date.now();
  const pid = readPid(l.redisPid);
  if (pid && pidAlive(pid)) {
    // Ours only if whatever answers on the port serves our data dir.
    const dir = await redisDirOf(port);
    if (dir && samePath(dir, l.redisDir)) {
      await waitRedis(l, port, { pid, timeoutMs: REDIS_READY_TIMEOUT_MS });
      log(`Redis already running (pid ${pid}) on 127.0.0.1:${port} — reusing it (${secs(t0)})`);
      return { pid, started: false, child: null };
    }
    if (!dir) {
      // Maybe still loading its AOF, or running on another port.
      let cwd = null;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        /* no /proc */
      }
      if (cwd && samePath(cwd, l.redisDir)) {
        throw new Error(
          `our Redis (pid ${pid}) is running but not answering on port ${port}; ` +
            `run "node deploy/lib/local-services.mjs down ${path.basename(l.base)}" first / 本地 Redis 已运行但端口不符，请先执行 down。`,
        );
      }
    }
  }
  rmQuiet(l.redisPid);
  if (!(await portFree(port))) {
    throw new Error(
      `port ${port} on 127.0.0.1 is already in use by another program, so the local Redis cannot start. ` +
        `Set LOCAL_REDIS_PORT to a free port, or REDIS_URL to an existing server.\n` +
        `端口 ${port} 已被其他程序占用，无法启动本地 Redis。请设置 LOCAL_REDIS_PORT 为空闲端口，或设置 REDIS_URL 使用已有 Redis。`,
    );
  }
  fs.mkdirSync(l.redisDir, { recursive: true });
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', l.redisDir,
    // AOF: queued Bull jobs must survive a Redis restart. No RDB snapshots.
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    '--maxmemory-policy', 'noeviction',
    '--pidfile', l.redisPid,
    '--logfile', l.redisLog,
  ];
  fs.appendFileSync(l.redisLog, `\n--- ${new Date().toISOString()} starting: ${bins.server} ${args.map((a) => (a === '' ? "''" : a)).join(' ')}\n`);
  const fd = fs.openSync(l.redisLog, 'a');
  const child = spawn(bins.server, args, { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  child.on('error', () => {});
  child.unref();
  try {
    await waitRedis(l, port, { child, timeoutMs: REDIS_READY_TIMEOUT_MS });
  } catch (e) {
    await stopPid(child.pid, 'Redis', REDIS_STOP_TIMEOUT_MS, () => {});
    throw e;
  }
  log(`Redis started (pid ${child.pid}) on 127.0.0.1:${port} in ${secs(t0)}`);
  return { pid: child.pid, started: true, child };
}

// ---------------------------------------------------------------------------
// stopping

/** SIGTERM (graceful for both mariadbd and redis-server), wait for exit, SIGKILL as a last resort. */
async function stopPid(pid, name, timeoutMs, log) {
  if (!pid || !pidAlive(pid)) return false;
  const t0 = Date.now();
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  while (pidAlive(pid)) {
    if (Date.now() - t0 > timeoutMs) {
      log(`${name} (pid ${pid}) did not stop within ${timeoutMs / 1000} s — killing it`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await sleep(200);
      break;
    }
    await sleep(50);
  }
  log(`${name} stopped (pid ${pid}, ${secs(t0)})`);
  return true;
}

async function stopMariadbByPidFile(l, log) {
  const pid = readPid(l.mariadbPid);
  if (!pid || !pidAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!cmdline.includes(`--datadir=${l.mariadbDir}`)) return false;
  } catch {
    /* no /proc */
  }
  return stopPid(pid, 'MariaDB', MARIADB_STOP_TIMEOUT_MS, log);
}

async function stopRedisByPidFile(l, log) {
  const pid = readPid(l.redisPid);
  if (!pid || !pidAlive(pid)) return false;
  try {
    if (!samePath(fs.readlinkSync(`/proc/${pid}/cwd`), l.redisDir)) return false;
  } catch {
    /* no /proc */
  }
  return stopPid(pid, 'Redis', REDIS_STOP_TIMEOUT_MS, log);
}

/**
 * Stop the local servers of a purpose by pid file, whoever started them (used by `down`).
 * Resolves { mariadb: boolean, redis: boolean } — whether each was running and got stopped.
 */
export async function stopLocalServices({ purpose, log = defaultLog } = {}) {
  checkPurpose(purpose);
  const l = layout(purpose);
  if (!fs.existsSync(l.base)) return { mariadb: false, redis: false };
  return withLock(l.lock, log, async () => {
    const [mariadb, redis] = await Promise.all([stopMariadbByPidFile(l, log), stopRedisByPidFile(l, log)]);
    return { mariadb, redis };
  });
}

// ---------------------------------------------------------------------------
// public API

async function ensureBinaries(needDb, needRedis, log) {
  const missing = () => {
    const m = [];
    if (needDb) {
      const b = mariadbBins();
      if (!b.server) m.push('mariadbd');
      if (!b.installDb) m.push('mariadb-install-db');
      if (!b.client) m.push('mariadb (client)');
    }
    if (needRedis && !redisBins().server) m.push('redis-server');
    return m;
  };
  let m = missing();
  if (m.length === 0) return;
  const pkgs = [...(needDb ? ['mariadb-server'] : []), ...(needRedis ? ['redis-server'] : [])];
  const installed = await aptInstall(pkgs, { log, why: `missing ${m.join(', ')}` });
  if (!installed) {
    throw new Error(
      `Missing ${m.join(', ')} and cannot install them automatically (need root, passwordless sudo, and apt-get).\n` +
        `Install them yourself — on Debian/Ubuntu: sudo apt-get install -y ${pkgs.join(' ')} — ` +
        `or point the app at existing servers by setting DATABASE_URL (mysql://user:pass@host:3306/db) and REDIS_URL (redis://host:6379).\n` +
        `缺少 ${m.join('、')}，且无法自动安装（需要 root 或免密 sudo 以及 apt-get）。\n` +
        `请手动安装（Debian/Ubuntu：sudo apt-get install -y ${pkgs.join(' ')}），` +
        `或设置环境变量 DATABASE_URL（mysql://用户:密码@主机:3306/库名）和 REDIS_URL（redis://主机:6379）使用已有服务。`,
    );
  }
  m = missing();
  if (m.length) {
    throw new Error(`apt-get installed ${pkgs.join(' ')} but ${m.join(', ')} still cannot be found / 安装后仍找不到 ${m.join('、')}`);
  }
}

/**
 * Make sure a MySQL-compatible database and a Redis are available.
 *
 * @param {{ purpose: 'dev' | 'test', log?: (line: string) => void }} options
 * @returns {Promise<{ databaseUrl: string, redisUrl: string, stop: () => Promise<void> }>}
 *   `stop()` shuts down only the servers this call started (not configured or reused ones);
 *   it is idempotent and safe to call from a SIGINT handler.
 */
export async function ensureServices({ purpose, log = defaultLog } = {}) {
  checkPurpose(purpose);
  const envDb = process.env.DATABASE_URL || '';
  const envRedis = process.env.REDIS_URL || '';
  if (envDb && envRedis) {
    log('using DATABASE_URL and REDIS_URL from the environment');
    return { databaseUrl: envDb, redisUrl: envRedis, stop: async () => {} };
  }
  const profile = PROFILES[purpose];
  const dbPort = parsePort(process.env.LOCAL_DB_PORT, profile.dbPort, 'LOCAL_DB_PORT');
  const redisPort = parsePort(process.env.LOCAL_REDIS_PORT, profile.redisPort, 'LOCAL_REDIS_PORT');
  const needDb = !envDb;
  const needRedis = !envRedis;
  if (envDb) log('using DATABASE_URL from the environment');
  if (envRedis) log('using REDIS_URL from the environment');

  const l = layout(purpose);
  fs.mkdirSync(l.base, { recursive: true });

  const started = []; // { name, pid, timeoutMs }
  let stopping = null;
  const stop = () => {
    stopping ??= Promise.all(started.map((s) => stopPid(s.pid, s.name, s.timeoutMs, log))).then(() => undefined);
    return stopping;
  };

  await withLock(l.lock, log, async () => {
    await ensureBinaries(needDb, needRedis, log);
    try {
      const tasks = [];
      if (needDb) {
        const bins = mariadbBins();
        tasks.push(
          (async () => {
            const m = await startMariadb(bins, l, dbPort, log);
            if (m.started) started.push({ name: 'MariaDB', pid: m.pid, timeoutMs: MARIADB_STOP_TIMEOUT_MS });
            await setupDatabase(bins, l, profile.database, purpose);
          })(),
        );
      }
      if (needRedis) {
        tasks.push(
          (async () => {
            const r = await startRedis(redisBins(), l, redisPort, log);
            if (r.started) started.push({ name: 'Redis', pid: r.pid, timeoutMs: REDIS_STOP_TIMEOUT_MS });
          })(),
        );
      }
      const results = await Promise.allSettled(tasks);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (e) {
      await stop(); // do not leave half of the pair running
      throw e;
    }
  });

  return {
    databaseUrl: envDb || `mysql://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${dbPort}/${profile.database}`,
    redisUrl: envRedis || `redis://127.0.0.1:${redisPort}`,
    stop,
  };
}

const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

function debPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) return null; // not a dpkg system: unknown
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Path of a Chromium for headless tests: $CHROMIUM_PATH if set and present, else /usr/bin/chromium,
 * installing Debian's `chromium` and `fonts-noto-cjk` (so Chinese text renders) when missing.
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function ensureChromium({ log = defaultLog } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  if (fromEnv) log(`CHROMIUM_PATH=${fromEnv} does not exist — falling back to /usr/bin/chromium`);
  const chromium = '/usr/bin/chromium';
  if (fs.existsSync(chromium)) {
    if (debPackageInstalled(CJK_FONT_PACKAGE) === false) {
      try {
        const ok = await aptInstall([CJK_FONT_PACKAGE], { log, why: 'Chinese fonts missing' });
        if (!ok) log(`warning: ${CJK_FONT_PACKAGE} is not installed, Chinese text may render as boxes / 未安装中文字体`);
      } catch (e) {
        log(`warning: could not install ${CJK_FONT_PACKAGE}: ${e.message}`);
      }
    }
    return chromium;
  }
  const ok = await aptInstall(['chromium', CJK_FONT_PACKAGE], { log, why: 'Chromium not found' });
  if (!ok || !fs.existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}${ok ? ' even after apt-get install chromium' : ''} and cannot be installed automatically ` +
        `(need root or passwordless sudo, and apt-get). Install it — on Debian: sudo apt-get install -y chromium ${CJK_FONT_PACKAGE} — ` +
        `or set CHROMIUM_PATH to an existing Chromium/Chrome binary.\n` +
        `未找到 Chromium（${chromium}），且无法自动安装（需要 root 或免密 sudo 以及 apt-get）。` +
        `请执行 sudo apt-get install -y chromium ${CJK_FONT_PACKAGE}，或设置 CHROMIUM_PATH 指向已安装的 Chromium/Chrome。`,
    );
  }
  return chromium;
}

// ---------------------------------------------------------------------------
// CLI

async function status(purpose) {
  const l = layout(purpose);
  const profile = PROFILES[purpose];
  const m = readPid(l.mariadbPid);
  const r = readPid(l.redisPid);
  const dbPort = parsePort(process.env.LOCAL_DB_PORT, profile.dbPort, 'LOCAL_DB_PORT');
  const redisPort = parsePort(process.env.LOCAL_REDIS_PORT, profile.redisPort, 'LOCAL_REDIS_PORT');
  console.log(`MariaDB: ${m && pidAlive(m) ? `running (pid ${m})` : 'stopped'}  port ${dbPort}  data ${path.relative(process.cwd(), l.mariadbDir)}`);
  console.log(`Redis:   ${r && pidAlive(r) ? `running (pid ${r})` : 'stopped'}  port ${redisPort}  data ${path.relative(process.cwd(), l.redisDir)}`);
}

async function main(argv) {
  const [cmd, purpose] = argv;
  const usage = 'usage: node deploy/lib/local-services.mjs up|down|status dev|test';
  if (!['up', 'down', 'status'].includes(cmd) || !Object.hasOwn(PROFILES, purpose ?? '')) {
    console.error(usage);
    return 2;
  }
  if (cmd === 'up') {
    const { databaseUrl, redisUrl } = await ensureServices({ purpose });
    console.log(`DATABASE_URL=${databaseUrl}`);
    console.log(`REDIS_URL=${redisUrl}`);
    return 0;
  }
  if (cmd === 'down') {
    const r = await stopLocalServices({ purpose });
    if (!r.mariadb && !r.redis) defaultLog(`no local ${purpose} services were running`);
    return 0;
  }
  await status(purpose);
  return 0;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    },
  );
}
