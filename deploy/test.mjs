// `npm test`: every test against a real MariaDB and Redis (local ones from the OS packages unless
// DATABASE_URL and REDIS_URL are set) and a real Chromium; builds what the tests open.
// `npm run test:unit` (`--unit`): the unit tier only — shared, the mini-program's logic and the
// server's src/ tests, whose services run with their repositories replaced: no database, no browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureServices } from './lib/local-services.mjs';
import { runOnSupportedNode } from './lib/node-runtime.mjs';
import { buildH5, ensureInstalled, H5_DIR, log, REPO_ROOT, run, runStatus } from './lib/workspace.mjs';

// Jest require()s the ES-module-only dependencies from Node 24.9 on.
await runOnSupportedNode({ minimum: '24.9' });
const unitOnly = process.argv.includes('--unit');
ensureInstalled();
run('npx', ['tsc', '-p', 'shared/tsconfig.build.json']);
if (!unitOnly) {
  buildH5({ force: true });
  log('building the WeChat mini-program and checking package sizes…');
  run('npm', ['run', 'build:weapp', '-w', 'miniapp']);
  run('npm', ['run', 'check:size', '-w', 'miniapp']);
}

const services = unitOnly ? { stop: async () => {} } : await ensureServices({ purpose: 'test', log });
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'mashang-test-'));
const env = {
  ...process.env,
  ...(unitOnly ? {} : { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, CHROMIUM_PATH: process.env.CHROMIUM_PATH || (await ensureChromium({ log })), H5_DIR }),
  // The server's suites run in one process (in band); each file's app and modules stay in Jest's ESM
  // registry until the end, more than Node's default heap holds with every suite: give it room.
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --max-old-space-size=12288`.trim(),
};
const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2).filter((arg) => arg !== '--unit');
const suites = [
  { name: 'shared', cwd: path.join(REPO_ROOT, 'shared') },
  { name: 'miniapp', cwd: path.join(REPO_ROOT, 'miniapp') },
  // The server's unit tier is its src/ tests; test/ holds the database, queue and browser tier.
  { name: 'server', cwd: path.join(REPO_ROOT, 'server'), args: unitOnly ? ['--roots', '<rootDir>/src'] : ['--runInBand', '--forceExit'] },
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
