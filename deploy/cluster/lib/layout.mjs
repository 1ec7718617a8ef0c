// Where each part of the loopback cluster listens and keeps its data. One machine stands in for
// several: every port is on 127.0.0.1 and every node has a directory of its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_ROOT } from '../../lib/services/common.mjs';

export const CLUSTER_NAME = 'mashang';
/** The Redis master's name the Sentinels watch (REDIS_SENTINEL_NAME). */
export const SENTINEL_MASTER = 'mashang';
export const DATABASE = 'mashang';
export const DB_USER = 'mashang';
export const DB_PASSWORD = 'mashang';
/** Galera's health agents log in as this user (no privileges: it only reads status variables). */
export const CHECK_USER = 'clustercheck';
export const CHECK_PASSWORD = 'clustercheck';

const int = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${value} is not a valid port`);
  return n;
};

/** The cluster's layout: ports from CLUSTER_* variables (defaults below), data under CLUSTER_DATA_DIR. */
export function clusterLayout({ apiInstances = 3 } = {}) {
  const base = path.resolve(process.env.CLUSTER_DATA_DIR || path.join(DATA_ROOT, 'cluster'));
  const dbBase = int('CLUSTER_DB_PORT', 3430);
  const redisBase = int('CLUSTER_REDIS_PORT', 6430);
  const sentinelBase = int('CLUSTER_SENTINEL_PORT', 26430);
  const httpBase = int('CLUSTER_HTTP_PORT', 8430);
  const galera = [0, 1, 2].map((i) => {
    const name = `db${i + 1}`;
    const dir = path.join(base, name);
    return {
      name,
      dir,
      dataDir: path.join(dir, 'data'),
      // Unix socket paths are limited to ~107 bytes.
      socket: socketPath(dir, name),
      pidFile: path.join(dir, 'mariadbd.pid'),
      log: path.join(dir, 'mariadbd.log'),
      port: dbBase + i,
      gcomm: dbBase + 3 + i,
      ist: dbBase + 6 + i,
      sst: dbBase + 9 + i,
      checkPort: dbBase + 20 + i,
      checkPid: path.join(dir, 'check.pid'),
      checkLog: path.join(dir, 'check.log'),
    };
  });
  const redis = [0, 1, 2].map((i) => {
    const name = `redis${i + 1}`;
    const dir = path.join(base, name);
    return { name, dir, port: redisBase + i, conf: path.join(dir, 'redis.conf'), pidFile: path.join(dir, 'redis.pid'), log: path.join(dir, 'redis.log') };
  });
  const sentinels = [0, 1, 2].map((i) => {
    const name = `sentinel${i + 1}`;
    const dir = path.join(base, name);
    return { name, dir, port: sentinelBase + i, conf: path.join(dir, 'sentinel.conf'), pidFile: path.join(dir, 'sentinel.pid'), log: path.join(dir, 'sentinel.log') };
  });
  const api = Array.from({ length: apiInstances }, (_, i) => {
    const name = `api${i + 1}`;
    const dir = path.join(base, name);
    return { name, dir, port: httpBase + 1 + i, pidFile: path.join(dir, 'api.pid'), log: path.join(dir, 'api.log') };
  });
  return {
    base,
    lock: path.join(base, '.lock'),
    secrets: path.join(base, 'secrets.json'),
    shared: path.join(base, 'shared'),
    galera,
    haproxy: { dir: path.join(base, 'haproxy'), port: dbBase + 15, conf: path.join(base, 'haproxy', 'haproxy.cfg'), pidFile: path.join(base, 'haproxy', 'haproxy.pid'), log: path.join(base, 'haproxy', 'haproxy.log') },
    redis,
    sentinels,
    api,
    nginx: { dir: path.join(base, 'nginx'), port: httpBase, conf: path.join(base, 'nginx', 'nginx.conf'), pidFile: path.join(base, 'nginx', 'nginx.pid'), log: path.join(base, 'nginx', 'error.log') },
  };
}

function socketPath(dir, name) {
  const socket = path.join(dir, 'mariadbd.sock');
  if (Buffer.byteLength(socket) <= 100) return socket;
  const h = crypto.createHash('sha1').update(dir).digest('hex').slice(0, 12);
  return path.join('/tmp', `mashang-cluster-${h}-${name}.sock`);
}

/** The app's database through the proxy that sends every connection to the one writing node. */
export function clusterDatabaseUrl(l, database = DATABASE) {
  return `mysql://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${l.haproxy.port}/${database}`;
}

export function sentinelList(l) {
  return l.sentinels.map((s) => `127.0.0.1:${s.port}`).join(',');
}

/** Keys made once for this cluster and kept with its data, so phones encrypted yesterday still decrypt. */
export function clusterSecrets(l) {
  if (!fs.existsSync(l.secrets)) {
    fs.mkdirSync(l.base, { recursive: true });
    const secrets = {
      JWT_SECRET: crypto.randomBytes(36).toString('base64url'),
      PHONE_ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
      PHONE_INDEX_KEY: crypto.randomBytes(32).toString('hex'),
    };
    fs.writeFileSync(l.secrets, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return JSON.parse(fs.readFileSync(l.secrets, 'utf8'));
}
