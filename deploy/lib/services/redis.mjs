// The local Redis: append-only file in a private directory, started detached on 127.0.0.1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findBin, pidAlive, portFree, readPid, rmQuiet, samePath, secs, sleep, stopPid, tail } from './common.mjs';

const REDIS_READY_TIMEOUT_MS = 30_000;
export const REDIS_STOP_TIMEOUT_MS = 30_000;

export function redisBins() {
  return { server: findBin('redis-server') };
}

let RedisClient = null;

/** ioredis comes with the server's dependencies, so `npm install` has to have run first. */
export async function loadRedisClient() {
  if (RedisClient) return RedisClient;
  try {
    RedisClient = (await import('ioredis')).default;
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Error(
      'the Redis client (ioredis) is not installed yet: run "npm install" first (npm start and npm test do it themselves).\n' +
        'Redis 客户端（ioredis）尚未安装，请先执行 npm install（npm start 和 npm test 会自动执行）。',
    );
  }
  return RedisClient;
}

/** One command on a fresh connection that neither retries nor queues; resolves null when it fails. */
async function redisCommand(port, command, ...args) {
  const Redis = await loadRedisClient();
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    // A server still loading its AOF answers with an error, which counts as not ready yet.
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await client.call(command, ...args);
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

async function redisPing(port) {
  return (await redisCommand(port, 'PING')) === 'PONG';
}

async function redisDirOf(port) {
  const reply = await redisCommand(port, 'CONFIG', 'GET', 'dir');
  return Array.isArray(reply) ? reply[1] : null;
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

export async function startRedis(bins, l, port, log) {
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

export async function stopRedisByPidFile(l, log) {
  const pid = readPid(l.redisPid);
  if (!pid || !pidAlive(pid)) return false;
  try {
    if (!samePath(fs.readlinkSync(`/proc/${pid}/cwd`), l.redisDir)) return false;
  } catch {
    /* no /proc */
  }
  return stopPid(pid, 'Redis', REDIS_STOP_TIMEOUT_MS, log);
}
