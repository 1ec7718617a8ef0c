// Redis with two replicas and three Sentinels on loopback. The Sentinels agree (quorum 2) that the
// master is gone and promote a replica; clients ask them where the master is (REDIS_SENTINELS).
// Every node keeps an append-only file, so a restarted node comes back with its data.
import fs from 'node:fs';
import { findBin, secs, sleep, tail } from '../../lib/services/common.mjs';
import { loadRedisClient } from '../../lib/services/redis.mjs';
import { SENTINEL_MASTER } from './layout.mjs';
import { killPart, runningPid, spawnDetached, stopPart, waitUntil } from './processes.mjs';

const READY_TIMEOUT_MS = 60_000;

export function redisHaBins() {
  return { server: findBin('redis-server'), sentinel: findBin('redis-sentinel') };
}

async function command(port, ...args) {
  const Redis = await loadRedisClient();
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, connectTimeout: 1_000, commandTimeout: 2_000, enableReadyCheck: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return await client.call(...args);
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

/** The master's port as the Sentinels know it (the first that answers), or null. */
export async function currentMasterPort(l) {
  for (const s of l.sentinels) {
    const reply = await command(s.port, 'SENTINEL', 'get-master-addr-by-name', SENTINEL_MASTER);
    if (Array.isArray(reply)) return Number(reply[1]);
  }
  return null;
}

/** The node's role ('master' / 'slave') and, for a replica, whether its link to the master is up. */
export async function nodeRole(port) {
  const info = await command(port, 'INFO', 'replication');
  if (typeof info !== 'string') return null;
  const field = (name) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
  return { role: field('role'), linkUp: field('master_link_status') === 'up', replicas: Number(field('connected_slaves') ?? 0) };
}

function nodeConfig(node) {
  return [
    '# Written by deploy/cluster at the first start; the Sentinels rewrite the replication lines.',
    `port ${node.port}`,
    'bind 127.0.0.1',
    'protected-mode yes',
    `dir ${node.dir}`,
    'daemonize no',
    `pidfile ${node.pidFile}`,
    // Queued Bull jobs survive a restart: AOF, fsync every second, no RDB snapshots.
    'appendonly yes',
    'appendfsync everysec',
    'save ""',
    'maxmemory-policy noeviction',
    'replica-read-only yes',
    '',
  ].join('\n');
}

function sentinelConfig(l, s, masterPort) {
  return [
    '# Written by deploy/cluster at the first start; the Sentinel keeps its state here.',
    `port ${s.port}`,
    'bind 127.0.0.1',
    `dir ${s.dir}`,
    'daemonize no',
    `pidfile ${s.pidFile}`,
    `sentinel monitor ${SENTINEL_MASTER} 127.0.0.1 ${masterPort} 2`,
    // Loopback: a master silent for 2 s is down. Across machines give it longer (README).
    `sentinel down-after-milliseconds ${SENTINEL_MASTER} 2000`,
    `sentinel failover-timeout ${SENTINEL_MASTER} 10000`,
    `sentinel parallel-syncs ${SENTINEL_MASTER} 1`,
    '',
  ].join('\n');
}

/**
 * Starts one Redis node. A node that comes back while the Sentinels name another master starts as
 * that master's replica, so it never serves its stale data as a second master.
 */
export async function startRedisNode(bins, l, node, log) {
  if (runningPid(node.pidFile, node.dir)) return false;
  const t0 = Date.now();
  fs.mkdirSync(node.dir, { recursive: true });
  const fresh = !fs.existsSync(node.conf);
  if (fresh) {
    const replicaOf = node === l.redis[0] ? '' : `replicaof 127.0.0.1 ${l.redis[0].port}\n`;
    fs.writeFileSync(node.conf, nodeConfig(node) + replicaOf);
  }
  const master = fresh ? null : await currentMasterPort(l);
  const args = [node.conf, ...(master && master !== node.port ? ['--replicaof', '127.0.0.1', String(master)] : [])];
  const child = spawnDetached(bins.server, args, { dir: node.dir, log: node.log, pidFile: node.pidFile });
  await waitUntil(node.name, async () => (await command(node.port, 'PING')) === 'PONG', { child, timeoutMs: READY_TIMEOUT_MS, log: node.log, tail });
  const role = await nodeRole(node.port);
  log(`${node.name} on 127.0.0.1:${node.port} as ${role?.role === 'master' ? 'master' : 'replica'} (${secs(t0)})`);
  return true;
}

export async function startSentinel(bins, l, s, log) {
  if (runningPid(s.pidFile, s.dir)) return false;
  fs.mkdirSync(s.dir, { recursive: true });
  if (!fs.existsSync(s.conf)) fs.writeFileSync(s.conf, sentinelConfig(l, s, l.redis[0].port));
  const child = bins.sentinel
    ? spawnDetached(bins.sentinel, [s.conf], { dir: s.dir, log: s.log, pidFile: s.pidFile })
    : spawnDetached(bins.server, [s.conf, '--sentinel'], { dir: s.dir, log: s.log, pidFile: s.pidFile });
  await waitUntil(s.name, async () => (await command(s.port, 'PING')) === 'PONG', { child, timeoutMs: READY_TIMEOUT_MS, log: s.log, tail });
  log(`${s.name} on 127.0.0.1:${s.port}`);
  return true;
}

/** Waits until the Sentinels name a master that answers as one, with `replicas` replicas linked. */
export async function waitForMaster(l, { replicas = 0, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = await currentMasterPort(l);
    const role = port ? await nodeRole(port) : null;
    if (role?.role === 'master' && role.replicas >= replicas) return port;
    if (Date.now() > deadline) throw new Error(`no Redis master with ${replicas} replicas within ${timeoutMs / 1000} s (Sentinels name ${port ?? 'none'})`);
    await sleep(250);
  }
}

export async function redisUp(bins, l, log) {
  // A cluster started before: the Sentinels first, so each node learns whether it is still the master.
  const restarted = fs.existsSync(l.sentinels[0].conf);
  if (restarted) for (const s of l.sentinels) await startSentinel(bins, l, s, log);
  const known = await currentMasterPort(l);
  const order = [...l.redis].sort((a, b) => Number(b.port === known) - Number(a.port === known));
  for (const node of order) await startRedisNode(bins, l, node, log);
  if (!restarted) for (const s of l.sentinels) await startSentinel(bins, l, s, log);
  await waitForMaster(l, { replicas: 2 });
}

export async function redisDown(l, log) {
  for (const s of l.sentinels) await stopPart(s.name, s.pidFile, s.dir, 10_000, log);
  for (const node of l.redis) await stopPart(node.name, node.pidFile, node.dir, 30_000, log);
}

export function killRedisNode(node, log) {
  return killPart(node.name, node.pidFile, node.dir, log);
}
