// `npm run cli -- <command>`: the server's CLI (import, export, demo, migrate, report) against
// DATABASE_URL/REDIS_URL when set, otherwise against the local set-up that `npm start` uses.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureServices } from './lib/local-services.mjs';
import { runOnSupportedNode } from './lib/node-runtime.mjs';
import { buildServer, ensureInstalled, localSecrets, log, REPO_ROOT } from './lib/workspace.mjs';

await runOnSupportedNode();
const args = process.argv.slice(2);
ensureInstalled();
buildServer();
const services = await ensureServices({ purpose: 'dev', log });
const env = { ...process.env, ...localSecrets('dev'), DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
// Paths given by the user are relative to where npm was run, not to the server folder.
const cwd = process.env.INIT_CWD || process.cwd();
// The folder of import/export is the first argument after the command that is no option's value.
const folder = ['import', 'export'].includes(args[0]) ? args.findIndex((arg, i) => i > 0 && !arg.startsWith('--') && !args[i - 1].startsWith('--')) : -1;
const resolved = args.map((arg, i) => (i === folder || args[i - 1] === '--out' ? path.resolve(cwd, arg) : arg));
const child = spawn(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'src', 'cli.js'), ...resolved], { env, stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await services.stop();
process.exit(code);
