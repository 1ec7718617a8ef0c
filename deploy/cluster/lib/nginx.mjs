// nginx in front of the API instances: one address for phones and browsers, requests spread over the
// instances. A request that cannot reach an instance (refused, or it died before answering a
// connection) goes to the next; one already sent to an instance that then failed is not replayed
// unless its method is idempotent: the phone's offline queue replays it with its idempotency key.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findBin, secs, tail } from '../../lib/services/common.mjs';
import { killPart, runningPid, spawnDetached, stopPart, waitUntil } from './processes.mjs';

export function nginxBin() {
  return findBin('nginx');
}

function config(l) {
  const dir = l.nginx.dir;
  const upstreams = l.api.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=2s;`).join('\n');
  return `# Written by deploy/cluster; changes are overwritten at the next start.
daemon off;
worker_processes 1;
pid ${l.nginx.pidFile};
error_log ${l.nginx.log} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${path.join(dir, 'tmp', 'body')};
  proxy_temp_path ${path.join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${path.join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${path.join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${path.join(dir, 'tmp', 'scgi')};
  # The server sets its own limits (documents, exchange files).
  client_max_body_size 0;
  upstream api {
${upstreams}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${l.nginx.port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # The server believes it from 127.0.0.1 only (TRUSTED_PROXIES).
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 1s;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
    }
  }
}
`;
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function nginxUp(l, log) {
  if (runningPid(l.nginx.pidFile, l.nginx.dir)) return;
  const t0 = Date.now();
  fs.mkdirSync(path.join(l.nginx.dir, 'tmp'), { recursive: true });
  fs.writeFileSync(l.nginx.conf, config(l));
  const child = spawnDetached(nginxBin(), ['-p', l.nginx.dir, '-c', l.nginx.conf], { dir: l.nginx.dir, log: path.join(l.nginx.dir, 'nginx.out'), pidFile: l.nginx.pidFile, ownPidFile: true });
  await waitUntil('nginx', () => listening(l.nginx.port), { child, timeoutMs: 15_000, log: l.nginx.log, tail });
  fs.writeFileSync(l.nginx.pidFile, `${child.pid}\n`);
  log(`nginx on http://127.0.0.1:${l.nginx.port} → ${l.api.length} API instance(s) (${secs(t0)})`);
}

export function nginxDown(l, log) {
  return stopPart('nginx', l.nginx.pidFile, l.nginx.dir, 10_000, log);
}

export function killNginx(l, log) {
  return killPart('nginx', l.nginx.pidFile, l.nginx.dir, log);
}
