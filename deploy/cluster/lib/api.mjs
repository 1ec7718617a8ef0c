// The stateless API/worker instances: each is `node server/dist/src/main.js` on a port of its own,
// with the database through HAProxy and Redis through the Sentinels. Every instance runs the HTTP
// API and the Bull workers; whatever they share lives in the database and Redis.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, secs, tail } from '../../lib/services/common.mjs';
import { clusterDatabaseUrl, clusterSecrets, SENTINEL_MASTER, sentinelList } from './layout.mjs';
import { killPart, runningPid, spawnDetached, stopPart, waitUntil } from './processes.mjs';

const MAIN = path.join(REPO_ROOT, 'server', 'dist', 'src', 'main.js');
const H5 = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5');
// Migrations of a large database run before an instance serves (deploy/README.md, "Upgrading").
const READY_TIMEOUT_MS = 20 * 60_000;

/**
 * The instances' environment: the caller's (SMS_*, RATING_*, ANOMALY_* … pass through), then what
 * the cluster decides. REDIS_URL is dropped: with REDIS_SENTINELS it would only name a password.
 */
export function apiEnv(l, overrides = {}) {
  const env = {
    ...process.env,
    ...clusterSecrets(l),
    DATABASE_URL: clusterDatabaseUrl(l),
    REDIS_SENTINELS: sentinelList(l),
    REDIS_SENTINEL_NAME: SENTINEL_MASTER,
    API_PROCESSES: process.env.CLUSTER_API_PROCESSES || '1',
    MIGRATE_ON_START: 'true',
    PUBLIC_BASE_URL: `http://127.0.0.1:${l.nginx.port}`,
    TRUSTED_PROXIES: '127.0.0.1',
    // One folder for every instance on this machine; across machines an S3-compatible store (README).
    DOCUMENT_DIR: path.join(l.shared, 'documents'),
    IMPORT_SPOOL_DIR: path.join(l.shared, 'imports'),
    ...(fs.existsSync(path.join(H5, 'index.html')) ? { H5_DIR: H5 } : {}),
    ...overrides,
  };
  delete env.REDIS_URL;
  return env;
}

async function healthy(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export function apiBuilt() {
  return fs.existsSync(MAIN);
}

export async function startApi(l, instance, { env, log }) {
  if (runningPid(instance.pidFile, instance.dir)) return false;
  const t0 = Date.now();
  const child = spawnDetached(process.execPath, ['--max-semi-space-size=32', MAIN], {
    dir: instance.dir, log: instance.log, pidFile: instance.pidFile, env: { ...env, PORT: String(instance.port) },
  });
  await waitUntil(instance.name, () => healthy(instance.port), { child, timeoutMs: READY_TIMEOUT_MS, log: instance.log, tail });
  log(`${instance.name} serving on 127.0.0.1:${instance.port} (${secs(t0)})`);
  return true;
}

/** Starts the instances together: at a first start they race for the migrations, which run once. */
export async function apiUp(l, { env, log }) {
  await Promise.all(l.api.map((instance) => startApi(l, instance, { env, log })));
}

export async function apiDown(l, log) {
  await Promise.all(l.api.map((i) => stopPart(i.name, i.pidFile, i.dir, 30_000, log)));
}

export function stopApi(instance, log) {
  return stopPart(instance.name, instance.pidFile, instance.dir, 30_000, log);
}

export function killApi(instance, log) {
  return killPart(instance.name, instance.pidFile, instance.dir, log);
}

export { healthy as apiHealthy };
