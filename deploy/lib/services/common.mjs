// Helpers shared by the local services: where their data lives, the profiles, processes, pid files
// and the lock that keeps two runs from starting two servers. Node built-ins only.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DATA_ROOT = path.join(REPO_ROOT, 'deploy', '.data');

export const PROFILES = {
  dev: { dbPort: 3307, redisPort: 6380, database: 'mashang' },
  test: { dbPort: 3308, redisPort: 6381, database: 'mashang_test' },
};

const LOCK_TIMEOUT_MS = 15 * 60_000; // an apt install may run under the lock

const BIN_DIRS_EXTRA = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin'];

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
export const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || 'root';
  }
};
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
export const defaultLog = (m) => process.stderr.write(`[local-services] ${m}\n`);

export function findBin(...names) {
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
export function run(cmd, args, { timeoutMs = 0, env, input } = {}) {
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
export function runToLog(cmd, args, logFile, { env } = {}) {
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

export function tail(file, lines = 25) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n').trimEnd();
  } catch {
    return '(no log)';
  }
}

export function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function pidAlive(pid) {
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

export function rmQuiet(p) {
  try {
    fs.rmSync(p, { force: true, recursive: true });
  } catch {
    /* ignore */
  }
}

export function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export function parsePort(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${value} is not a valid port / ${name}=${value} 不是合法端口`);
  return n;
}

export function samePath(a, b) {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

export function layout(purpose) {
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

export function checkPurpose(purpose) {
  if (!Object.hasOwn(PROFILES, purpose)) {
    throw new Error(`purpose must be 'dev' or 'test', got ${JSON.stringify(purpose)}`);
  }
}

const inProcessLocks = new Map(); // lock file -> tail of the promise chain (calls within one process)

/** Inter-process lock on deploy/.data/<purpose>/.lock so two runs do not start two servers. */
export function withLock(file, log, fn) {
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

/** SIGTERM (graceful for both mariadbd and redis-server), wait for exit, SIGKILL as a last resort. */
export async function stopPid(pid, name, timeoutMs, log) {
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
