// Installing missing OS packages with apt-get, as root or with passwordless sudo.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_ROOT, findBin, isRoot, REPO_ROOT, runToLog, secs, sleep, tail } from './common.mjs';

function privilegePrefix() {
  if (isRoot()) return [];
  const sudo = findBin('sudo');
  if (sudo && spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore' }).status === 0) return [sudo, '-n'];
  return null;
}

/** Resolves false when apt-get or the privileges to run it are missing; throws when it fails. */
export async function aptInstall(packages, { log, why }) {
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

export function debPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) return null; // not a dpkg system: unknown
  return r.status === 0 && r.stdout.includes('install ok installed');
}
