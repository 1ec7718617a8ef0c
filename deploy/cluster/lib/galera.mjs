// Three MariaDB nodes in one Galera cluster on loopback: every write is certified on all of them
// before its commit returns, so losing a node loses nothing committed. State transfers use rsync
// (a node that was away briefly catches up incrementally, IST, from the others' write-set cache).
import fs from 'node:fs';
import path from 'node:path';
import { findBin, isRoot, osUser, rmQuiet, run, runToLog, secs, sleep, tail } from '../../lib/services/common.mjs';
import { CHECK_PASSWORD, CHECK_USER, CLUSTER_NAME, DATABASE, DB_PASSWORD, DB_USER } from './layout.mjs';
import { clearPidFile, killPart, runningPid, spawnDetached, stopPart, waitUntil } from './processes.mjs';

// MySQL 8's default, which production runs with: SQL that only MariaDB accepts fails here too.
const SQL_MODE = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
const PROVIDERS = ['/usr/lib/galera/libgalera_smm.so', '/usr/lib/libgalera_smm.so', '/usr/lib64/galera-4/libgalera_smm.so'];
const SYNC_TIMEOUT_MS = 15 * 60_000; // a full state transfer of a large database takes a while
const STOP_TIMEOUT_MS = 120_000;

export function galeraBins() {
  return {
    server: findBin('mariadbd', 'mysqld'),
    installDb: findBin('mariadb-install-db', 'mysql_install_db'),
    client: findBin('mariadb', 'mysql'),
    rsync: findBin('rsync'),
    sstScript: findBin('wsrep_sst_rsync'),
    provider: PROVIDERS.find((p) => fs.existsSync(p)) ?? null,
  };
}

export function missingGalera(bins) {
  return Object.entries(bins).filter(([, v]) => !v).map(([k]) => k);
}

/**
 * As root the nodes run as the `mysql` account, as the Debian package runs them: the rsync daemon
 * that receives a state transfer drops root for `nobody`, who could not write a root-owned data dir.
 */
async function runAs() {
  if (!isRoot()) return null;
  return (await run('id', ['-u', 'mysql'])).code === 0 ? 'mysql' : 'root';
}

function chownTo(user, dir) {
  if (!user || user === 'root') return Promise.resolve();
  return run('chown', ['-R', `${user}:${user}`, dir]).then((r) => {
    if (r.code !== 0) throw new Error(`chown ${user} ${dir} failed: ${r.stderr}`);
  });
}

function clientArgs(node) {
  return ['--no-defaults', `--socket=${node.socket}`, `--user=${osUser()}`, '--batch', '--skip-column-names'];
}

export function nodeQuery(bins, node, sql, timeoutMs = 10_000) {
  return run(bins.client, [...clientArgs(node), '-e', sql], { timeoutMs });
}

/** The node's Galera state ('Synced', 'Donor/Desynced', 'Joining' …) and the cluster's size, or null when it does not answer. */
export async function nodeState(bins, node) {
  const r = await nodeQuery(bins, node, "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready', 'wsrep_cluster_status', 'wsrep_last_committed')", 5_000);
  if (r.code !== 0) return null;
  const v = Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split('\t')).map(([k, val]) => [k.toLowerCase(), val]));
  return { state: v.wsrep_local_state_comment, size: Number(v.wsrep_cluster_size), ready: v.wsrep_ready === 'ON', primary: v.wsrep_cluster_status === 'Primary', lastCommitted: Number(v.wsrep_last_committed) };
}

function bufferPool() {
  return process.env.CLUSTER_DB_BUFFER_POOL || '256M';
}

function nodeArgs(bins, l, node, user, { bootstrap }) {
  const peers = l.galera.map((n) => `127.0.0.1:${n.gcomm}`).join(',');
  return [
    '--no-defaults',
    `--datadir=${node.dataDir}`,
    `--socket=${node.socket}`,
    `--port=${node.port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${node.pidFile}`,
    ...(user ? [`--user=${user}`] : []),
    `--innodb-buffer-pool-size=${bufferPool()}`,
    // Durability comes from the other nodes holding every committed write set; each node flushes its log once a second.
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-autoinc-lock-mode=2',
    '--binlog-format=ROW',
    '--default-storage-engine=InnoDB',
    '--max-connections=500',
    '--max-allowed-packet=256M',
    // A bulk import streams several tables at once, on connections of their own. Here a commit waits
    // while another table's index build runs in total order isolation (minutes, at a province's size),
    // and the other streams pause meanwhile: longer than the default 30 s the server waits for a
    // LOAD DATA LOCAL client's next packet.
    '--net-read-timeout=600',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--default-time-zone=+00:00',
    `--sql-mode=${SQL_MODE}`,
    '--skip-name-resolve',
    '--wsrep-on=ON',
    `--wsrep-provider=${bins.provider}`,
    `--wsrep-cluster-name=${CLUSTER_NAME}`,
    `--wsrep-cluster-address=gcomm://${peers}`,
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=127.0.0.1:${node.gcomm}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${node.gcomm};ist.recv_addr=127.0.0.1:${node.ist};gcache.size=256M`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=127.0.0.1:${node.sst}`,
    // The donor is desynced while it serves a transfer (blocked, for rsync): take it from the node
    // least likely to be the writer (HAProxy prefers db1, then db2); any other when that one is away.
    `--wsrep-sst-donor=${l.galera.filter((n) => n !== node).reverse().map((n) => n.name).join(',')},`,
    // Refuse what Galera cannot replicate safely: a table without a primary key, a non-InnoDB table.
    '--wsrep-mode=REQUIRED_PRIMARY_KEY,STRICT_REPLICATION',
    ...(bootstrap ? ['--wsrep-new-cluster'] : []),
  ];
}

async function initFirstNode(bins, node, user, log) {
  rmQuiet(node.dataDir);
  fs.mkdirSync(node.dataDir, { recursive: true });
  await chownTo(user, node.dir);
  const t0 = Date.now();
  const args = ['--no-defaults', `--datadir=${node.dataDir}`, '--auth-root-authentication-method=socket', `--auth-root-socket-user=${osUser()}`, '--skip-test-db', '--skip-name-resolve', ...(user ? [`--user=${user}`] : [])];
  const code = await runToLog(bins.installDb, args, node.log);
  if (code !== 0) throw new Error(`mariadb-install-db failed for ${node.name} (exit ${code}); log ${node.log}:\n${tail(node.log)}`);
  log(`${node.name}: data directory initialised in ${secs(t0)}`);
}

const initialised = (node) => fs.existsSync(path.join(node.dataDir, 'mysql'));

function grastate(node) {
  try {
    const text = fs.readFileSync(path.join(node.dataDir, 'grastate.dat'), 'utf8');
    return { seqno: Number(/seqno:\s*(-?\d+)/.exec(text)?.[1] ?? -1), safe: /safe_to_bootstrap:\s*1/.test(text) };
  } catch {
    return null;
  }
}

/** The position a node crashed at, read from InnoDB (`--wsrep-recover`), or -1. */
async function recoveredSeqno(bins, l, node, user) {
  const logFile = path.join(node.dir, 'recover.log');
  rmQuiet(logFile);
  const args = nodeArgs(bins, l, node, user, { bootstrap: false }).filter((a) => !a.startsWith('--wsrep-new-cluster'));
  const r = await run(bins.server, [...args, '--wsrep-recover', `--log-error=${logFile}`], { timeoutMs: 120_000 });
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : r.stderr;
  return Number(/Recovered position: [0-9a-f-]+:(-?\d+)/.exec(text)?.[1] ?? -1);
}

/**
 * The node to start a stopped cluster from: the one Galera marked safe (the last to leave), or
 * else the one holding the latest committed write set, which is then marked safe.
 */
async function bootstrapNode(bins, l, user, log) {
  const safe = l.galera.find((n) => grastate(n)?.safe);
  if (safe) return safe;
  let best = null;
  for (const node of l.galera.filter(initialised)) {
    const seqno = Math.max(grastate(node)?.seqno ?? -1, await recoveredSeqno(bins, l, node, user));
    log(`${node.name}: last committed write set ${seqno}`);
    if (!best || seqno > best.seqno) best = { node, seqno };
  }
  if (!best) return null;
  const file = path.join(best.node.dataDir, 'grastate.dat');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/safe_to_bootstrap:\s*0/, 'safe_to_bootstrap: 1'));
  log(`${best.node.name} holds the latest write set: the cluster starts from it`);
  return best.node;
}

/** Starts one node (bootstrapping a new cluster, or joining the running one) and waits until it is synced. */
export async function startNode(bins, l, node, { bootstrap = false, log }) {
  const t0 = Date.now();
  if (runningPid(node.pidFile, node.dir)) return false;
  const user = await runAs();
  fs.mkdirSync(node.dataDir, { recursive: true });
  await chownTo(user, node.dir);
  rmQuiet(node.socket);
  clearPidFile(node.pidFile);
  const child = spawnDetached(bins.server, nodeArgs(bins, l, node, user, { bootstrap }), { dir: node.dir, log: node.log, pidFile: node.pidFile, ownPidFile: true });
  await waitUntil(`${node.name} (mariadbd)`, async () => {
    const s = await nodeState(bins, node);
    return Boolean(s && s.state === 'Synced' && s.ready && s.primary);
  }, { child, timeoutMs: SYNC_TIMEOUT_MS, log: node.log, tail });
  const s = await nodeState(bins, node);
  log(`${node.name} synced on 127.0.0.1:${node.port} (cluster of ${s?.size}) in ${secs(t0)}`);
  return true;
}

/** The app's database and user, and the health agents' user; made once, replicated by Galera. */
async function setupUsers(bins, node) {
  const hosts = ['127.0.0.1', 'localhost'];
  const sql = [
    `CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ...hosts.flatMap((h) => [
      `CREATE USER IF NOT EXISTS '${DB_USER}'@'${h}' IDENTIFIED BY '${DB_PASSWORD}'`,
      // mashang and mashang_* (the benchmarks make databases of their own)
      `GRANT ALL PRIVILEGES ON \`${DATABASE}%\`.* TO '${DB_USER}'@'${h}'`,
      `CREATE USER IF NOT EXISTS '${CHECK_USER}'@'${h}' IDENTIFIED BY '${CHECK_PASSWORD}'`,
    ]),
    "DELETE FROM mysql.proxies_priv WHERE Host NOT IN ('localhost', '127.0.0.1', '::1')",
    'FLUSH PRIVILEGES',
  ].join(';\n');
  const r = await nodeQuery(bins, node, sql, 30_000);
  if (r.code !== 0) throw new Error(`creating the database and users on ${node.name} failed: ${r.stderr.trim()}`);
}

/**
 * Brings the nodes up: a new cluster from db1, or a stopped one from its most advanced node; running
 * nodes are kept. `nodes` < 3 leaves the later ones stopped, to join (by state transfer) at a later
 * `up` or `start`: a province's history is imported into one node, not applied by three.
 */
export async function galeraUp(bins, l, log, { nodes = l.galera.length } = {}) {
  const running = l.galera.filter((n) => runningPid(n.pidFile, n.dir));
  const user = await runAs();
  if (!running.length) {
    let first = l.galera.some(initialised) ? await bootstrapNode(bins, l, user, log) : null;
    const fresh = !first;
    if (fresh) {
      first = l.galera[0];
      await initFirstNode(bins, first, user, log);
    }
    await startNode(bins, l, first, { bootstrap: true, log });
    if (fresh) await setupUsers(bins, first);
  }
  for (const node of l.galera.slice(0, nodes)) await startNode(bins, l, node, { log });
}

export async function stopNode(l, node, log) {
  return stopPart(node.name, node.pidFile, node.dir, STOP_TIMEOUT_MS, log);
}

export function killNode(node, log) {
  return killPart(node.name, node.pidFile, node.dir, log);
}

/** Stops the nodes one after another: the last to leave is the one Galera marks safe to start from. */
export async function galeraDown(l, log) {
  for (const node of [...l.galera].reverse()) {
    if (await stopNode(l, node, log)) await sleep(500);
  }
}
