#!/usr/bin/env node
// Local MariaDB + Redis for development and tests, without Docker or systemd.
// 本地开发/测试用的 MariaDB 与 Redis（无需 Docker 或 systemd）。
//
// Plain Node ESM. Node built-ins, except the Redis client (ioredis), which `npm install` brings;
// `npm start` and `npm test` install before they get here. One module per service under services/.
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

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { aptInstall } from './services/apt.mjs';
import { checkPurpose, defaultLog, layout, parsePort, pidAlive, PROFILES, readPid, stopPid, withLock } from './services/common.mjs';
import { databaseUrl, MARIADB_STOP_TIMEOUT_MS, mariadbBins, setupDatabase, startMariadb, stopMariadbByPidFile } from './services/mariadb.mjs';
import { loadRedisClient, REDIS_STOP_TIMEOUT_MS, redisBins, startRedis, stopRedisByPidFile } from './services/redis.mjs';

export { ensureChromium } from './services/chromium.mjs';

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

  // Before starting anything: without the client the Redis it starts could not be checked.
  if (needRedis) await loadRedisClient();

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
    databaseUrl: envDb || databaseUrl(dbPort, profile.database),
    redisUrl: envRedis || `redis://127.0.0.1:${redisPort}`,
    stop,
  };
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
