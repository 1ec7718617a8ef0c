// `npm start`: the whole system on this machine — local MariaDB + Redis unless DATABASE_URL and
// REDIS_URL are set, migrations, the demo city on first run, the API with its Bull workers, the
// H5 pages. Ctrl-C stops what it started; the data stays for the next run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setUpDemoDay } from './lib/demo-day.mjs';
import { ensureServices } from './lib/local-services.mjs';
import { runOnSupportedNode } from './lib/node-runtime.mjs';
import { buildH5, buildServer, ensureInstalled, H5_DIR, localSecrets, log, REPO_ROOT, run } from './lib/workspace.mjs';

await runOnSupportedNode();
ensureInstalled();
buildServer();
buildH5();
const services = await ensureServices({ purpose: 'dev', log });
const port = process.env.PORT || '3000';
const env = {
  ...process.env,
  ...localSecrets('dev'),
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  PORT: port,
  H5_DIR: process.env.H5_DIR || H5_DIR,
  // Uploaded inspection documents stay with the local data, not in the system's temp folder.
  DOCUMENT_DIR: process.env.DOCUMENT_DIR || path.join(REPO_ROOT, 'deploy', '.data', 'dev', 'documents'),
};
const cli = path.join(REPO_ROOT, 'server', 'dist', 'src', 'cli.js');
try {
  run(process.execPath, [cli, 'migrate'], { env });
  log('loading the demo city on first run (a minute)…');
  run(process.execPath, [cli, 'demo', '--if-empty'], { env });
} catch (error) {
  log(String(error.message ?? error));
  await services.stop();
  process.exit(1);
}

// A larger young generation: the API allocates briefly per request, and the default one is collected several times more often.
const server = spawn(process.execPath, ['--max-semi-space-size=32', path.join(REPO_ROOT, 'server', 'dist', 'src', 'main.js')], { env, stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
setTimeout(() => {
  process.stdout.write(`
  码上入企 is running
    H5 (officers, enterprises)  ${base}/h5/
    API                         ${base}/api   (health: ${base}/api/health, OpenAPI: ${base}/api/docs)
    database                    ${services.databaseUrl.replace(/:[^:@/]+@/, ':***@')}
    redis                       ${services.redisUrl}
  Demo logins (password demo1234): supervisor, discipline, admin1 (agency admin), officer1, officer2, bizofficer (营商环境局: visits, 陪同执法)
  The enterprise's port: ${base}/e (the demo enterprise and its phone are printed with the demo day)
  Ctrl-C stops it; the data stays for the next run.
`);
}, 1500).unref();
if (!process.env.NO_DEMO_DAY) setUpDemoDay(base, log).catch((error) => log(`demo day not set up: ${error.message}`));

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
  await services.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));
server.on('exit', (code) => shutdown(code ?? 1));
