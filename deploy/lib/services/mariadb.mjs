// The local MariaDB: a private data directory, started detached on 127.0.0.1, with the app's
// database and user. Spoken to through the `mariadb` client over its Unix socket as the OS user.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBin, isRoot, osUser, pidAlive, portFree, readPid, REPO_ROOT, rmQuiet, run, runToLog, secs, sleep, stopPid, tail } from './common.mjs';

const DB_USER = 'mashang';
const DB_PASSWORD = 'mashang';
// MySQL 8's default, which production runs with: SQL that only MariaDB accepts fails here too.
const SQL_MODE = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

const MARIADB_READY_TIMEOUT_MS = 30_000;
export const MARIADB_STOP_TIMEOUT_MS = 60_000;

export function mariadbBins() {
  return {
    server: findBin('mariadbd', 'mysqld'),
    installDb: findBin('mariadb-install-db', 'mysql_install_db'),
    client: findBin('mariadb', 'mysql'),
  };
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

export async function startMariadb(bins, l, port, log) {
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
    `--sql-mode=${SQL_MODE}`,
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

export async function setupDatabase(bins, l, database, purpose) {
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
    // A server started before the mode was set keeps running when reused; new connections get it.
    `SET GLOBAL sql_mode = '${SQL_MODE}'`,
  ].join(';\n');
  const r = await mariadbQuery(bins, l, sql, 30_000);
  if (r.code !== 0) {
    throw new Error(`creating database/user in local MariaDB failed: ${r.stderr.trim()} / 创建数据库或用户失败`);
  }
}

export async function stopMariadbByPidFile(l, log) {
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

export function databaseUrl(port, database) {
  return `mysql://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${port}/${database}`;
}
