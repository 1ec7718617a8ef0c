import { createPool, type Pool, type PoolConnection } from 'mysql2/promise';

/** One statement of a script and its values, which the driver escapes; values never go into the text by hand. */
export type Statement = [sql: string, values?: unknown[]];

const BEGIN = 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION';

/**
 * A transaction whose statements travel several to a round trip. Under load each round trip costs
 * milliseconds of waiting (the event loop, the database's threads), so a write of seven statements
 * one by one takes several times as long as the same write in two scripts. The begin statements ride
 * on the first script and COMMIT on the last. Should a statement fail, the rest of its script is not
 * run and the transaction stays open: the caller rolls back.
 */
export class ScriptedTransaction {
  private begun = false;
  private ended = false;

  constructor(private readonly connection: PoolConnection) {}

  /** Runs the statements in one round trip; one result per statement (rows for a SELECT, a header otherwise). */
  async run(statements: Statement[]): Promise<unknown[]> {
    const prefix = this.begun ? [] : [BEGIN];
    this.begun = true;
    return this.send([...prefix, ...statements.map(([sql, values]) => this.connection.format(sql, values ?? []))], prefix.length ? 2 : 0);
  }

  /** Runs the statements and commits, in one round trip. */
  async commit(statements: Statement[] = []): Promise<unknown[]> {
    const results = await this.run([...statements, ['COMMIT']]);
    this.ended = true;
    return results.slice(0, -1);
  }

  /** Undoes what ran, if anything did and it was not committed. */
  async rollback(): Promise<void> {
    if (!this.begun || this.ended) return;
    this.ended = true;
    await this.connection.query('ROLLBACK');
  }

  private async send(sql: string[], skip: number): Promise<unknown[]> {
    const [results] = await this.connection.query(sql.join(';\n'));
    return (sql.length === 1 ? [results] : (results as unknown[])).slice(skip);
  }
}

/**
 * Connections that accept several statements per round trip (the client's multi-statement flag,
 * honoured by MySQL, MariaDB and TiDB). Kept apart from the main pool so that only code built for it
 * (scripts of escaped statements) ever runs on such a connection.
 */
export class MultiStatementPool {
  private readonly pool: Pool;

  /** `session`: statements each new connection runs first (session settings for the scripts it will carry). */
  constructor(databaseUrl: string, size: number, session: string[] = []) {
    // The same session settings as the main pool (dataSourceOptions): UTC instants, big numbers as strings.
    // No caller stack captured per query (`trace`): on a hot path that costs more than the script's own formatting.
    this.pool = createPool({
      uri: databaseUrl, connectionLimit: size, maxIdle: size, multipleStatements: true, trace: false,
      timezone: 'Z', charset: 'utf8mb4_unicode_ci', supportBigNumbers: true, bigNumberStrings: true, enableKeepAlive: true,
    });
    // Queued on the new connection ahead of anything the pool hands it out for; a connection whose
    // settings fail is closed, so what it was handed out for fails with the error rather than run without them.
    if (session.length) this.pool.pool.on('connection', (connection) => connection.query(session.join(';\n'), (error) => error && connection.destroy()));
  }

  /**
   * Runs `work` in a READ COMMITTED transaction. `work` ends it with `commit`; if it returns without
   * committing or throws, the transaction is rolled back. A connection whose rollback fails is dropped.
   */
  async transaction<T>(work: (tx: ScriptedTransaction) => Promise<T>): Promise<T> {
    const connection = await this.pool.getConnection();
    const tx = new ScriptedTransaction(connection);
    let healthy = true;
    try {
      return await work(tx);
    } finally {
      await tx.rollback().catch(() => (healthy = false));
      if (healthy) connection.release();
      else connection.destroy();
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

