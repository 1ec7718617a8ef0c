// Steps shared by `npm start`, `npm test` and `npm run cli`: install, build, secrets.
// Node built-ins only: this runs before `npm install` has happened.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const H5_DIR = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5');

export function log(message) {
  process.stderr.write(`[mashang] ${message}\n`);
}

/** Runs a command in the repo root, inheriting output; throws on a non-zero exit. */
export function run(command, args, { env = process.env, cwd = REPO_ROOT } = {}) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/** Like run, but resolves with the exit code instead of throwing (for test runners). */
export function runStatus(command, args, { env = process.env, cwd = REPO_ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `npm install` when node_modules is missing or older than the lockfile (npm ci fails on this registry). */
export function ensureInstalled() {
  const marker = path.join(REPO_ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(REPO_ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && (!fs.existsSync(lock) || fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs)) return;
  log('installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

export function buildServer() {
  log('building shared and server…');
  run('npx', ['tsc', '-p', 'shared/tsconfig.build.json']);
  run('npx', ['tsc', '-p', 'server/tsconfig.build.json']);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the H5 app when it is missing or older than its sources (or always with force). */
export function buildH5({ force = false } = {}) {
  const index = path.join(H5_DIR, 'index.html');
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'miniapp', 'src')), newestMtime(path.join(REPO_ROOT, 'shared', 'src')));
  if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  log('building the H5 app (Taro)…');
  run('npm', ['run', 'build:h5', '-w', 'miniapp']);
}

/**
 * Keys for a local run, made once and kept in the ignored data folder, so phones encrypted
 * yesterday still decrypt today. Production sets them in the environment.
 */
export function localSecrets(purpose) {
  const file = path.join(REPO_ROOT, 'deploy', '.data', purpose, 'secrets.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secrets = { JWT_SECRET: crypto.randomBytes(36).toString('base64url'), PHONE_ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex') };
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    JWT_SECRET: process.env.JWT_SECRET || stored.JWT_SECRET,
    PHONE_ENCRYPTION_KEY: process.env.PHONE_ENCRYPTION_KEY || stored.PHONE_ENCRYPTION_KEY,
  };
}
