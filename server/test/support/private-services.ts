import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';

/** A port nothing listens on now; `preferred` (from the environment) when set. */
export async function freePort(preferred?: string): Promise<number> {
  if (preferred) return Number(preferred);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A server of the test's own, a child process it can kill and start again on the same port and data:
 * for the fault tests, which must never touch the shared services.
 */
export abstract class PrivateServer {
  protected child: ChildProcess | null = null;
  readonly dir: string;

  constructor(private readonly kind: string, readonly port: number) {
    this.dir = mkdtempSync(join(tmpdir(), `mashang-${kind}-`));
  }

  async start(): Promise<void> {
    this.child = spawn(this.command, this.args(), { stdio: 'ignore' });
    await until(() => this.answers(), 30_000, `${this.kind} on port ${this.port}`);
  }

  /** Stops it at once, as a crash would (SIGKILL). */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Stops it cleanly (SIGTERM). */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  protected abstract readonly command: string;
  protected abstract args(): string[];
  protected abstract answers(): Promise<boolean>;
}

/** redis-server writing every change to its append-only file before answering. */
export class PrivateRedis extends PrivateServer {
  protected readonly command = 'redis-server';

  constructor(port: number) {
    super('redis', port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  protected args(): string[] {
    return ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'yes'];
  }

  protected async answers(): Promise<boolean> {
    const client = new Redis(this.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  }
}

/**
 * mariadbd on an empty data directory of its own, without grant tables (any user, no password, on
 * 127.0.0.1 only), with MySQL 8's sql_mode as the shared server has.
 */
export class PrivateMariadb extends PrivateServer {
  protected readonly command = 'mariadbd';
  private initialised = false;

  constructor(port: number) {
    super('mariadb', port);
  }

  /** The first start creates the data directory; InnoDB survives a crash only after its first checkpoint, so it is stopped cleanly once. */
  override async start(): Promise<void> {
    await super.start();
    if (this.initialised) return;
    this.initialised = true;
    await this.stop();
    await super.start();
  }

  /** The URL of database `name` on it. */
  url(name = ''): string {
    return `mysql://test@127.0.0.1:${this.port}/${name}`;
  }

  protected args(): string[] {
    return [
      '--no-defaults', `--datadir=${this.dir}`, `--socket=${join(this.dir, 'mariadb.sock')}`, `--port=${this.port}`, '--bind-address=127.0.0.1',
      '--skip-grant-tables', '--skip-name-resolve', '--skip-log-bin', `--log-error=${join(this.dir, 'error.log')}`, '--innodb-buffer-pool-size=64M',
      '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--default-time-zone=+00:00',
      '--sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ];
  }

  protected async answers(): Promise<boolean> {
    const connection = await createConnection({ uri: this.url(), connectTimeout: 1000 });
    await connection.end();
    return true;
  }
}
