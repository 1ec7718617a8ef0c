import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The module runs in real processes: its source, compiled on the spot, next to a server that answers with its pid.
const dir = mkdtempSync(join(tmpdir(), 'serve-in-processes-'));
const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'serve-in-processes.ts'), 'utf8');
writeFileSync(join(dir, 'serve-in-processes.mjs'), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText);
writeFileSync(join(dir, 'server.mjs'), `
import { createServer } from 'node:http';
import { serveInProcesses } from './serve-in-processes.mjs';
const log = { log: (m) => process.stderr.write(m + '\\n'), error: (m) => process.stderr.write(m + '\\n') };
serveInProcesses(2, async () => {
  if (process.env.FAIL_TO_START) throw new Error('no database');
  await new Promise((resolve) => createServer((_, res) => res.end(String(process.pid))).listen(Number(process.env.PORT), '127.0.0.1', resolve));
}, log).catch(() => process.exit(1));
`);

const getPid = (port: number) => new Promise<number>((resolve, reject) => {
  // A new connection each time, so the primary hands each to a worker in turn.
  const req = request({ port, host: '127.0.0.1', path: '/', agent: false }, (res) => {
    let body = '';
    res.on('data', (chunk) => (body += chunk)).on('end', () => resolve(Number(body)));
  });
  // A connection handed to a worker at the moment it was killed is never answered.
  req.setTimeout(1_000, () => req.destroy(new Error('no answer')));
  req.on('error', reject).end();
});

async function servingPids(port: number, expected: number): Promise<Set<number>> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const pids = new Set<number>();
    for (let i = 0; i < 8; i += 1) pids.add(await getPid(port).catch(() => 0));
    pids.delete(0);
    if (pids.size >= expected) return pids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${expected} processes answered`);
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('serveInProcesses', () => {
  let port = 43_000 + (process.pid % 1000);

  it('serves from two processes on one port, replaces one that dies, and stops them all on SIGTERM', async () => {
    port += 1;
    const primary = spawn(process.execPath, [join(dir, 'server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
    const exited = exitOf(primary);
    try {
      const first = [...(await servingPids(port, 2))];
      expect(first).not.toContain(primary.pid);

      process.kill(first[0], 'SIGKILL');
      const after = await servingPids(port, 2);
      expect(after.has(first[0])).toBe(false);
      expect(after.has(first[1])).toBe(true);

      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The workers exit on their own once the primary has; on a busy machine that takes a moment.
      for (let waited = 0; waited < 5_000 && [...after].some(alive); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect([...after].filter(alive)).toEqual([]);
    } finally {
      primary.kill('SIGKILL');
    }
  });

  it('exits 1 when a process fails before serving, instead of restarting it for ever', async () => {
    port += 1;
    const primary = spawn(process.execPath, [join(dir, 'server.mjs')], { env: { ...process.env, PORT: String(port), FAIL_TO_START: '1' }, stdio: 'ignore' });
    expect(await exitOf(primary)).toBe(1);
  });
});
