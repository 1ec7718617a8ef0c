#!/usr/bin/env node
// The health check HAProxy asks before sending connections to a Galera node (the role of Percona's
// clustercheck): HTTP 200 when the node is synced, ready and in the primary component, 503 otherwise.
// A node that answers on its port can still be joining, donating or cut off from the others; only a
// synced node may take writes. Run one per database host:
//
//   node deploy/cluster/lib/galera-check.mjs <listen port> <node port> [user] [password]
import http from 'node:http';

const [listenPort, nodePort, user = 'clustercheck', password = 'clustercheck'] = process.argv.slice(2);
if (!Number(listenPort) || !Number(nodePort)) {
  process.stderr.write('usage: galera-check.mjs <listen port> <node port> [user] [password]\n');
  process.exit(2);
}
const { createConnection } = await import('mysql2/promise');

async function nodeHealth() {
  let connection;
  try {
    connection = await createConnection({ host: '127.0.0.1', port: Number(nodePort), user, password, connectTimeout: 1_500 });
    const [rows] = await connection.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state', 'wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_status')",
    );
    const v = Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
    // 4 = Synced. A donor (2) serving an rsync transfer is blocked, so it is no writer either.
    const ok = v.wsrep_local_state === '4' && v.wsrep_ready === 'ON' && v.wsrep_cluster_status === 'Primary';
    return { ok, text: `${v.wsrep_local_state_comment}, ready ${v.wsrep_ready}, ${v.wsrep_cluster_status}` };
  } catch (error) {
    return { ok: false, text: `not answering: ${error.code ?? error.message}` };
  } finally {
    connection?.destroy();
  }
}

const server = http.createServer(async (request, response) => {
  const { ok, text } = await nodeHealth();
  response.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain', connection: 'close' });
  response.end(`${text}\n`);
});
server.listen(Number(listenPort), '127.0.0.1', () => process.stdout.write(`galera check for 127.0.0.1:${nodePort} on 127.0.0.1:${listenPort}\n`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
