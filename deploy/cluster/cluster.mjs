#!/usr/bin/env node
// The system beyond one machine, on loopback: three MariaDB Galera nodes behind HAProxy, Redis with
// two replicas and three Sentinels, N stateless API/worker instances and nginx in front. From the
// Debian packages (installed with apt when missing), no Docker or systemd. Guide: deploy/cluster/README.md.
//
//   node deploy/cluster/cluster.mjs up [--api N] [--db-nodes 1|2|3] [--no-build] [--no-demo]
//        start (or complete) it; --db-nodes leaves the later Galera nodes stopped (they join at the next up)
//   node deploy/cluster/cluster.mjs status                                   what runs where
//   node deploy/cluster/cluster.mjs down                                     stop everything; data is kept
//   node deploy/cluster/cluster.mjs kill|start <part>                        db1…db3, redis1…redis3,
//        redis-master, sentinel1…3, api1…N, haproxy, nginx (kill = SIGKILL, as a crash)
//   node deploy/cluster/cluster.mjs env                                      DATABASE_URL etc. for the CLI
//   node deploy/cluster/cluster.mjs pids db,haproxy,redis,api,nginx          their pids, comma-separated
//
// Data: deploy/.data/cluster/ or CLUSTER_DATA_DIR. Ports: CLUSTER_DB_PORT (3430…), CLUSTER_REDIS_PORT
// (6430…), CLUSTER_SENTINEL_PORT (26430…), CLUSTER_HTTP_PORT (nginx 8430, instances 8431…).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall } from '../lib/services/apt.mjs';
import { defaultLog, pidAlive, readPid, withLock } from '../lib/services/common.mjs';
import { apiBuilt, apiDown, apiEnv, apiHealthy, apiUp, killApi, startApi } from './lib/api.mjs';
import { galeraBins, galeraDown, galeraUp, killNode, missingGalera, nodeState, startNode } from './lib/galera.mjs';
import { haproxyBin, haproxyDown, haproxyUp, killHaproxy } from './lib/haproxy.mjs';
import { clusterDatabaseUrl, clusterLayout, clusterSecrets, SENTINEL_MASTER, sentinelList } from './lib/layout.mjs';
import { killNginx, nginxBin, nginxDown, nginxUp } from './lib/nginx.mjs';
import { runningPid } from './lib/processes.mjs';
import { currentMasterPort, killRedisNode, nodeRole, redisDown, redisHaBins, redisUp, startRedisNode, startSentinel } from './lib/redis-ha.mjs';

export const log = (m) => process.stderr.write(`[cluster] ${m}\n`);

/** API instances whose directories exist (a cluster once started with more than asked for now). */
function instancesOnDisk(base) {
  try {
    return fs.readdirSync(base).filter((d) => /^api\d+$/.test(d)).length;
  } catch {
    return 0;
  }
}

export function layoutFor(apiInstances) {
  const base = clusterLayout().base;
  return clusterLayout({ apiInstances: apiInstances ?? Math.max(instancesOnDisk(base), 3) });
}

const PACKAGES = { server: 'mariadb-server', provider: 'galera-4', rsync: 'rsync', redis: 'redis-server', sentinel: 'redis-sentinel', haproxy: 'haproxy', nginx: 'nginx' };

function missingPackages() {
  const g = missingGalera(galeraBins());
  const r = redisHaBins();
  const missing = new Set();
  if (g.some((k) => ['server', 'installDb', 'client', 'sstScript'].includes(k))) missing.add(PACKAGES.server);
  if (g.includes('provider')) missing.add(PACKAGES.provider);
  if (g.includes('rsync')) missing.add(PACKAGES.rsync);
  if (!r.server) missing.add(PACKAGES.redis);
  if (!r.sentinel) missing.add(PACKAGES.sentinel);
  if (!haproxyBin()) missing.add(PACKAGES.haproxy);
  if (!nginxBin()) missing.add(PACKAGES.nginx);
  return [...missing];
}

async function ensurePackages() {
  const missing = missingPackages();
  if (!missing.length) return;
  if (!(await aptInstall(missing, { log, why: 'the cluster needs them' }))) {
    throw new Error(`missing ${missing.join(', ')}: install them (sudo apt-get install -y ${missing.join(' ')}) and run this again`);
  }
  const still = missingPackages();
  if (still.length) throw new Error(`apt-get ran but ${still.join(', ')} is still missing`);
}

/** Builds the server (and shared) unless told not to; the instances run server/dist. */
async function build(noBuild) {
  const { buildServer, ensureInstalled } = await import('../lib/workspace.mjs');
  if (noBuild && apiBuilt()) return;
  ensureInstalled();
  buildServer();
}

async function loadDemo(l) {
  const { run } = await import('../lib/workspace.mjs');
  const env = { ...apiEnv(l), LOG_LEVEL: 'warn' };
  log('loading the demo city on first run (a few minutes on three nodes)…');
  run(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'dist', 'src', 'cli.js'), 'demo', '--if-empty'], { env });
}

/** Starts whatever part of the cluster is not running; resolves its layout. */
export async function clusterUp({ apiInstances = 3, dbNodes = 3, noBuild = false, demo = true, env: extraEnv = {} } = {}) {
  const l = clusterLayout({ apiInstances });
  fs.mkdirSync(l.base, { recursive: true });
  await withLock(l.lock, log, async () => {
    await ensurePackages();
    await build(noBuild);
    clusterSecrets(l);
    await galeraUp(galeraBins(), l, log, { nodes: dbNodes });
    await haproxyUp(l, log);
    await redisUp(redisHaBins(), l, log);
    await apiUp(l, { env: apiEnv(l, extraEnv), log });
    await nginxUp(l, log);
  });
  if (demo) await loadDemo(l);
  return l;
}

export async function clusterDown() {
  const l = layoutFor();
  if (!fs.existsSync(l.base)) return;
  await withLock(l.lock, log, async () => {
    await nginxDown(l, log);
    await apiDown(l, log);
    await redisDown(l, log);
    await haproxyDown(l, log);
    await galeraDown(l, log);
  });
}

/** One part by name: its kind and the layout entry. */
function part(l, name) {
  const find = (list) => list.find((p) => p.name === name);
  if (find(l.galera)) return { kind: 'db', p: find(l.galera) };
  if (find(l.redis)) return { kind: 'redis', p: find(l.redis) };
  if (find(l.sentinels)) return { kind: 'sentinel', p: find(l.sentinels) };
  if (find(l.api)) return { kind: 'api', p: find(l.api) };
  if (name === 'haproxy' || name === 'nginx') return { kind: name };
  return null;
}

async function resolveName(l, name) {
  if (name !== 'redis-master') return name;
  const port = await currentMasterPort(l);
  const node = l.redis.find((r) => r.port === port);
  if (!node) throw new Error('the Sentinels name no master');
  return node.name;
}

/** Kills one part with SIGKILL, as a crash would. Resolves the name of what was killed. */
export async function killByName(name, l = layoutFor()) {
  const resolved = await resolveName(l, name);
  const found = part(l, resolved);
  if (!found) throw new Error(`no part named ${name}`);
  const { kind, p } = found;
  if (kind === 'db') await killNode(p, log);
  else if (kind === 'redis' || kind === 'sentinel') await killRedisNode(p, log);
  else if (kind === 'api') await killApi(p, log);
  else if (kind === 'haproxy') await killHaproxy(l, log);
  else await killNginx(l, log);
  return resolved;
}

/** Starts one part again and waits until it serves (a Galera node: synced; an instance: healthy). */
export async function startByName(name, l = layoutFor(), { env = {} } = {}) {
  const found = part(l, name);
  if (!found) throw new Error(`no part named ${name}`);
  const { kind, p } = found;
  if (kind === 'db') await startNode(galeraBins(), l, p, { log });
  else if (kind === 'redis') await startRedisNode(redisHaBins(), l, p, log);
  else if (kind === 'sentinel') await startSentinel(redisHaBins(), l, p, log);
  else if (kind === 'api') await startApi(l, p, { env: apiEnv(l, env), log });
  else if (kind === 'haproxy') await haproxyUp(l, log);
  else await nginxUp(l, log);
}

export async function clusterStatus(l = layoutFor()) {
  const lines = [];
  const alive = (pidFile, dir) => (runningPid(pidFile, dir) ? 'running' : 'stopped');
  const bins = galeraBins();
  for (const n of l.galera) {
    const s = runningPid(n.pidFile, n.dir) ? await nodeState(bins, n) : null;
    lines.push(`${n.name.padEnd(10)} ${alive(n.pidFile, n.dir).padEnd(8)} 127.0.0.1:${n.port}  ${s ? `${s.state}, cluster of ${s.size}, last committed ${s.lastCommitted}` : ''}`);
  }
  lines.push(`${'haproxy'.padEnd(10)} ${alive(l.haproxy.pidFile, l.haproxy.dir).padEnd(8)} 127.0.0.1:${l.haproxy.port}  DATABASE_URL=${clusterDatabaseUrl(l)}`);
  const master = await currentMasterPort(l);
  for (const r of l.redis) {
    const role = runningPid(r.pidFile, r.dir) ? await nodeRole(r.port) : null;
    lines.push(`${r.name.padEnd(10)} ${alive(r.pidFile, r.dir).padEnd(8)} 127.0.0.1:${r.port}  ${role ? (role.role === 'master' ? `master, ${role.replicas} replicas` : `replica${role.linkUp ? '' : ' (link down)'}`) : ''}${r.port === master ? '  ← the Sentinels\' master' : ''}`);
  }
  for (const s of l.sentinels) lines.push(`${s.name.padEnd(10)} ${alive(s.pidFile, s.dir).padEnd(8)} 127.0.0.1:${s.port}`);
  for (const a of l.api) lines.push(`${a.name.padEnd(10)} ${alive(a.pidFile, a.dir).padEnd(8)} 127.0.0.1:${a.port}  ${runningPid(a.pidFile, a.dir) ? ((await apiHealthy(a.port)) ? 'healthy' : 'not healthy') : ''}`);
  lines.push(`${'nginx'.padEnd(10)} ${alive(l.nginx.pidFile, l.nginx.dir).padEnd(8)} http://127.0.0.1:${l.nginx.port}`);
  lines.push(`data: ${l.base}`);
  return lines.join('\n');
}

function envLines(l) {
  return [
    `DATABASE_URL=${clusterDatabaseUrl(l)}`,
    `REDIS_SENTINELS=${sentinelList(l)}`,
    `REDIS_SENTINEL_NAME=${SENTINEL_MASTER}`,
    ...Object.entries(clusterSecrets(l)).map(([k, v]) => `${k}=${v}`),
  ].join('\n');
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  const option = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'up') {
    const n = Number(option('--api') ?? 3);
    if (!Number.isInteger(n) || n < 1 || n > 19) throw new Error('--api must be 1–19');
    const dbNodes = Number(option('--db-nodes') ?? 3);
    if (![1, 2, 3].includes(dbNodes)) throw new Error('--db-nodes must be 1, 2 or 3');
    const l = await clusterUp({ apiInstances: n, dbNodes, noBuild: rest.includes('--no-build'), demo: !rest.includes('--no-demo') });
    console.log(`\n${await clusterStatus(l)}\n\n  the app: http://127.0.0.1:${l.nginx.port}/h5/  (API /api)\n  stop it: node deploy/cluster/cluster.mjs down`);
    return 0;
  }
  if (cmd === 'down') {
    await clusterDown();
    return 0;
  }
  if (cmd === 'status') {
    console.log(await clusterStatus());
    return 0;
  }
  if (cmd === 'env') {
    console.log(envLines(layoutFor()));
    return 0;
  }
  if (cmd === 'pids' && rest[0]) {
    const l = layoutFor();
    const kinds = {
      db: l.galera.map((n) => [n.pidFile, n.dir]),
      haproxy: [[l.haproxy.pidFile, l.haproxy.dir]],
      redis: [...l.redis, ...l.sentinels].map((r) => [r.pidFile, r.dir]),
      api: l.api.map((a) => [a.pidFile, a.dir]),
      nginx: [[l.nginx.pidFile, l.nginx.dir]],
    };
    console.log(rest[0].split(',').flatMap((k) => kinds[k] ?? []).map(([file, dir]) => runningPid(file, dir)).filter(Boolean).join(','));
    return 0;
  }
  if ((cmd === 'kill' || cmd === 'start') && rest[0]) {
    if (cmd === 'kill') await killByName(rest[0]);
    else await startByName(rest[0]);
    return 0;
  }
  console.error('usage: node deploy/cluster/cluster.mjs up [--api N] [--db-nodes N] [--no-build] [--no-demo] | status | down | env | pids <kinds> | kill <part> | start <part>');
  return 2;
}

const invokedDirectly = (() => {
  try {
    return fs.realpathSync(process.argv[1] ?? '') === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    },
  );
}

