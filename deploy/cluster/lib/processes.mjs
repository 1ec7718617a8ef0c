// Starting, finding and stopping the cluster's processes. Each runs detached with its output in a log
// file and its pid in a file. It starts in its part's directory with MASHANG_CLUSTER_PART (that
// directory) in its environment: either tells our process from another that took over a stale pid
// (Redis and nginx rewrite the memory /proc shows as their environment; they keep the directory).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { pidAlive, readPid, rmQuiet, sleep, stopPid } from '../../lib/services/common.mjs';

const MARK = 'MASHANG_CLUSTER_PART';

/** Whether `pid` is a process we started for the part whose directory is `dir`. */
export function isOurs(pid, dir) {
  if (!pid || !pidAlive(pid)) return false;
  try {
    if (fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${MARK}=${dir}`)) return true;
    const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    return cwd === dir || cwd.startsWith(`${dir}/`);
  } catch {
    return false;
  }
}

/** The part's running process, from its pid file, or null. */
export function runningPid(pidFile, dir) {
  const pid = readPid(pidFile);
  return isOurs(pid, dir) ? pid : null;
}

/**
 * Starts `bin args` detached (its own process group, so a Ctrl-C in the terminal does not reach it),
 * output appended to `log`. Writes the pid file unless the program writes its own.
 */
export function spawnDetached(bin, args, { dir, log, pidFile, env = process.env, ownPidFile = false }) {
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(log, `\n--- ${new Date().toISOString()} starting: ${bin} ${args.join(' ')}\n`);
  const fd = fs.openSync(log, 'a');
  const child = spawn(bin, args, { cwd: dir, detached: true, stdio: ['ignore', fd, fd], env: { ...env, [MARK]: dir } });
  fs.closeSync(fd);
  child.on('error', () => {});
  child.unref();
  if (!ownPidFile) fs.writeFileSync(pidFile, `${child.pid}\n`);
  return child;
}

/** Polls `ready` until it resolves true; throws with the log's tail when the process dies or time runs out. */
export async function waitUntil(what, ready, { child, pid, timeoutMs, log, tail }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} during start-up; log ${log}:\n${tail(log)}`);
    if (!child && pid && !pidAlive(pid)) throw new Error(`${what} (pid ${pid}) is gone; log ${log}:\n${tail(log)}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; log ${log}:\n${tail(log)}`);
    await sleep(200);
  }
}

/** A graceful stop (SIGTERM, then SIGKILL after `timeoutMs`) of the part's process, if it runs. */
export async function stopPart(name, pidFile, dir, timeoutMs, log) {
  const pid = runningPid(pidFile, dir);
  if (!pid) return false;
  await stopPid(pid, name, timeoutMs, log);
  return true;
}

/** Kills the part's process outright, as a crash would (the fault test's way of stopping things). */
export async function killPart(name, pidFile, dir, log) {
  const pid = runningPid(pidFile, dir);
  if (!pid) return false;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && pidAlive(pid); i++) await sleep(50);
  log(`${name} killed (pid ${pid})`);
  return true;
}

export function clearPidFile(pidFile) {
  rmQuiet(pidFile);
}
