// `npm test`: every test against a real MariaDB and Redis (local ones from the OS packages unless
// DATABASE_URL and REDIS_URL are set) and a real Chromium; builds what the tests open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureServices } from './lib/local-services.mjs';
import { runOnSupportedNode } from './lib/node-runtime.mjs';
import { buildH5, ensureInstalled, H5_DIR, log, REPO_ROOT, run, runStatus } from './lib/workspace.mjs';

// Jest require()s the ES-module-only dependencies from Node 24.9 on.
await runOnSupportedNode({ minimum: '24.9' });
ensureInstalled();
run('npx', ['tsc', '-p', 'shared/tsconfig.build.json']);
buildH5({ force: true });
log('building the WeChat mini-program and checking package sizes…');
run('npm', ['run', 'build:weapp', '-w', 'miniapp']);
run('npm', ['run', 'check:size', '-w', 'miniapp']);

const services = await ensureServices({ purpose: 'test', log });
const chromium = process.env.CHROMIUM_PATH || (await ensureChromium({ log }));
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'mashang-test-'));
const env = {
  ...process.env,
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  CHROMIUM_PATH: chromium,
  H5_DIR,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
};
const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
const suites = [
  { name: 'shared', cwd: path.join(REPO_ROOT, 'shared') },
  { name: 'miniapp', cwd: path.join(REPO_ROOT, 'miniapp') },
  { name: 'server', cwd: path.join(REPO_ROOT, 'server'), args: ['--runInBand', '--forceExit'] },
];

let failedRuns = 0;
let passed = 0;
let failed = 0;
try {
  for (const suite of suites) {
    log(`tests: ${suite.name}`);
    const report = path.join(reports, `${suite.name}.json`);
    const code = await runStatus(process.execPath, [jest, ...(suite.args ?? []), '--json', `--outputFile=${report}`, ...extra], { cwd: suite.cwd, env });
    if (code !== 0) failedRuns++;
    if (fs.existsSync(report)) {
      const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
      passed += summary.numPassedTests;
      failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    }
  }
} finally {
  await services.stop();
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failedRuns || failed || passed === 0 ? 1 : 0);
