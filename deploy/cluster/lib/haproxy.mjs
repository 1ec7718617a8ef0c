// HAProxy in front of the Galera nodes, sending every connection to one node at a time (single
// writer): the app's row locks (SELECT … FOR UPDATE, the enterprise lock every plan change takes)
// hold only within a node, so writers on several nodes could both pass a check the other's write
// would fail. The writer is the first node in order that its health check (galera-check.mjs) calls
// synced: db1, else db2, else db3. Sessions on a node marked down are closed; when db1 comes back,
// the sessions on the others are closed too, so two nodes never take writes at once (the clients
// reconnect, to db1). A rejoining node takes its state from the last node in that order
// (--wsrep-sst-donor in galera.mjs), so the writer is not the one desynced to serve it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBin, run, secs, tail } from '../../lib/services/common.mjs';
import { CHECK_PASSWORD, CHECK_USER } from './layout.mjs';
import { killPart, runningPid, spawnDetached, stopPart, waitUntil } from './processes.mjs';

const CHECK_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'galera-check.mjs');

export function haproxyBin() {
  return findBin('haproxy');
}

function config(l) {
  const servers = l.galera.map((n, i) =>
    `  server ${n.name} 127.0.0.1:${n.port} check port ${n.checkPort}${i ? ' backup' : ' on-marked-up shutdown-backup-sessions'}`);
  return `# Written by deploy/cluster; changes are overwritten at the next start.
global
  maxconn 4000
  log stderr format raw local0 notice
  # echo "show servers state galera-writer" | socat - UNIX:${l.haproxy.dir}/haproxy.sock
  stats socket ${path.join(l.haproxy.dir, 'haproxy.sock')} mode 600 level admin

defaults
  mode tcp
  log global
  option dontlognull
  timeout connect 2s
  # Pooled connections stay open between requests.
  timeout client 8h
  timeout server 8h
  timeout check 2s

listen galera-writer
  bind 127.0.0.1:${l.haproxy.port}
  option httpchk GET /
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
${servers.join('\n')}
`;
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startCheck(node, log) {
  if (runningPid(node.checkPid, `${node.dir}/check`)) return;
  const child = spawnDetached(process.execPath, [CHECK_SCRIPT, String(node.checkPort), String(node.port), CHECK_USER, CHECK_PASSWORD], { dir: `${node.dir}/check`, log: node.checkLog, pidFile: node.checkPid });
  await waitUntil(`${node.name} health check`, () => portAnswers(node.checkPort), { child, timeoutMs: 15_000, log: node.checkLog, tail });
  log(`${node.name} health check on 127.0.0.1:${node.checkPort}`);
}

export async function haproxyUp(l, log) {
  for (const node of l.galera) await startCheck(node, log);
  if (runningPid(l.haproxy.pidFile, l.haproxy.dir)) return;
  const t0 = Date.now();
  fs.mkdirSync(l.haproxy.dir, { recursive: true });
  fs.writeFileSync(l.haproxy.conf, config(l));
  const check = await run(haproxyBin(), ['-c', '-q', '-f', l.haproxy.conf], { timeoutMs: 15_000 });
  if (check.code !== 0) throw new Error(`haproxy refused its configuration ${l.haproxy.conf}:\n${check.stdout}${check.stderr}`);
  // -db: stay in the foreground (we detach it ourselves) and log to stderr.
  const child = spawnDetached(haproxyBin(), ['-db', '-f', l.haproxy.conf], { dir: l.haproxy.dir, log: l.haproxy.log, pidFile: l.haproxy.pidFile });
  await waitUntil('haproxy', () => portAnswers(l.haproxy.port), { child, timeoutMs: 15_000, log: l.haproxy.log, tail });
  log(`haproxy on 127.0.0.1:${l.haproxy.port} → the writing Galera node (${secs(t0)})`);
}

export async function haproxyDown(l, log) {
  await stopPart('haproxy', l.haproxy.pidFile, l.haproxy.dir, 10_000, log);
  for (const node of l.galera) await stopPart(`${node.name} health check`, node.checkPid, `${node.dir}/check`, 5_000, log);
}

export function killHaproxy(l, log) {
  return killPart('haproxy', l.haproxy.pidFile, l.haproxy.dir, log);
}
