// Runs `npm start`, `npm test` and `npm run cli` on Node 24 LTS where the system Node is too old:
// it fetches Node 24 once from the npm registry (package node-<platform>-<arch>) into the
// git-ignored deploy/.data/ and re-runs the calling script under it. Node built-ins only: this runs
// before `npm install` has happened.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNTIME_MAJOR = 24;
const RUNTIME_DIR = path.join(REPO_ROOT, 'deploy', '.data', `node-${RUNTIME_MAJOR}`);
const RUNTIME_NODE = path.join(RUNTIME_DIR, 'bin', 'node');
const RUNTIME_PACKAGE = `node-${process.platform}-${process.arch}@${RUNTIME_MAJOR}`;
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Whether version ("v24.9.0" or "24.9.0") is at least minimum ("22.12"). */
function atLeast(version, minimum) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}

function runtimeVersion() {
  if (!fs.existsSync(RUNTIME_NODE)) return null;
  const result = spawnSync(RUNTIME_NODE, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : null;
}

function fail(message, minimum) {
  process.stderr.write(
    `[mashang] ${message}\nInstall Node ${RUNTIME_MAJOR} LTS (at least ${minimum}) and run again.\n` +
      `[mashang] 无法获取 Node ${RUNTIME_MAJOR}，请安装 Node ${RUNTIME_MAJOR} LTS（至少 ${minimum}）后重试。\n`,
  );
  process.exit(1);
}

/** npm pack + tar into a scratch folder, then one rename, so a half-finished download is never used. */
function fetchRuntime(minimum) {
  const scratch = fs.mkdtempSync(path.join(path.dirname(RUNTIME_DIR), `.node-${RUNTIME_MAJOR}-`));
  try {
    const pack = spawnSync('npm', ['pack', RUNTIME_PACKAGE, '--pack-destination', scratch, '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = pack.status === 0 ? pack.stdout.trim().split('\n').pop() : '';
    if (!tarball) throw new Error(`npm pack ${RUNTIME_PACKAGE} failed (exit ${pack.status ?? pack.error?.message}).`);
    const unpacked = path.join(scratch, 'package');
    fs.mkdirSync(unpacked);
    const untar = spawnSync('tar', ['-xzf', path.join(scratch, tarball), '-C', unpacked, '--strip-components=1'], { stdio: 'inherit' });
    if (untar.status !== 0 || !fs.existsSync(path.join(unpacked, 'bin', 'node'))) throw new Error(`unpacking ${tarball} failed.`);
    try {
      fs.renameSync(unpacked, RUNTIME_DIR);
    } catch (error) {
      // Another run fetched it at the same time; theirs is as good as ours.
      if (!runtimeVersion()) throw error;
    }
    const fetched = runtimeVersion();
    if (!fetched || !atLeast(fetched, minimum)) throw new Error(`${RUNTIME_NODE} does not run as Node ${minimum} or later (${fetched ?? 'no version'}).`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Re-runs this script under the runtime and mirrors its exit; signals sent to this process are passed on. */
function reExec() {
  const child = spawn(RUNTIME_NODE, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    // `npm`, `npx` and the `node` of npm scripts spawned below resolve to the runtime too.
    env: { ...process.env, PATH: `${path.dirname(RUNTIME_NODE)}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of FORWARDED_SIGNALS) process.removeListener(s, forward);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

/**
 * Resolves at once on Node `minimum` or later. Otherwise it starts the calling script again under
 * Node 24 (fetched on first use) and never settles: this process exits with that run's exit code.
 *
 * The default, 22.12: file-type needs Node 22 (the AWS SDK warns below it), and 22.12 is the first 22
 * that require()s the ES-module-only ones (content-disposition, cookie) without a flag.
 */
export function runOnSupportedNode({ minimum = '22.12' } = {}) {
  if (atLeast(process.versions.node, minimum)) return Promise.resolve();
  const relativeDir = `${path.relative(REPO_ROOT, RUNTIME_DIR)}/`;
  const cached = runtimeVersion();
  if (cached && atLeast(cached, minimum)) {
    process.stderr.write(`[mashang] Node ${process.versions.node} is older than ${minimum}: running under Node ${cached} from ${relativeDir}\n`);
  } else {
    process.stderr.write(`[mashang] Node ${process.versions.node} is older than ${minimum}: fetching Node ${RUNTIME_MAJOR} (npm package ${RUNTIME_PACKAGE}, about 50 MB) into ${relativeDir} once and running under it\n`);
    fs.mkdirSync(path.dirname(RUNTIME_DIR), { recursive: true });
    fs.rmSync(RUNTIME_DIR, { recursive: true, force: true });
    try {
      fetchRuntime(minimum);
    } catch (error) {
      fail(error.message, minimum);
    }
  }
  reExec();
  return new Promise(() => {});
}
