import { createConnection, type Connection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { InsertLoader, LoadDataLoader, type TableLoader } from './table-loader.js';

export interface StagingOptions {
  /** Use LOAD DATA LOCAL INFILE where the server allows it (default); false: multi-row INSERTs always. */
  loadData?: boolean;
  /** Told when a table's secondary indexes are built. */
  onIndexed?: (table: string) => void;
}

/** Index builds at once: two keep both cores of a small server busy while the import's own process idles. */
const INDEX_BUILDS = 2;

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const staged = (table: string) => `${table}__staged`;
const replaced = (table: string) => `${table}__replaced`;

interface SecondaryKey {
  name: string;
  /** The key's definition as SHOW CREATE TABLE prints it, e.g. KEY `idx` (`a`,`b`). */
  definition: string;
}

/** The secondary keys of a table from its SHOW CREATE TABLE text; null when it has foreign keys (the bulk path leaves such tables to the usual one). */
function secondaryKeys(createTable: string): SecondaryKey[] | null {
  if (/\bFOREIGN KEY\b/i.test(createTable)) return null;
  const keys: SecondaryKey[] = [];
  for (const line of createTable.split('\n')) {
    const match = /^\s*((?:UNIQUE |FULLTEXT |SPATIAL )?KEY `((?:[^`]|``)+)` .*?),?$/.exec(line);
    if (match) keys.push({ name: match[2].replace(/``/g, '`'), definition: match[1] });
  }
  return keys;
}

const SECONDARY_KEY = /^\s*(?:UNIQUE |FULLTEXT |SPATIAL )?KEY `/;

/**
 * The CREATE TABLE statement of a table's staging copy, from the table's SHOW CREATE TABLE text:
 * named `as`, without its secondary keys, with its engine named. Not CREATE TABLE … LIKE: MariaDB
 * Galera nodes running with wsrep_mode=STRICT_REPLICATION refuse it (error 4165, "Galera
 * replication not supported"), as LIKE names no engine.
 */
export function stagingDefinition(createTable: string, as: string): string {
  const lines = createTable.split('\n');
  const head = /^CREATE TABLE `(?:[^`]|``)+` \($/.exec(lines[0]);
  let close = lines.length - 1;
  while (close > 0 && !lines[close].startsWith(')')) close -= 1;
  if (!head || close < 2) throw new Error(`unexpected SHOW CREATE TABLE text: ${lines[0]}`);
  const columnsAndKeys = lines.slice(1, close).map((line) => line.replace(/,$/, '')).filter((line) => !SECONDARY_KEY.test(line));
  return [`CREATE TABLE ${quote(as)} (`, columnsAndKeys.join(',\n'), ...lines.slice(close)].join('\n');
}

/**
 * Tables loaded apart and swapped in together: the bulk path of an import into empty tables.
 *
 * Each target gets a staging copy without its secondary indexes (`<table>__staged`), which the caller
 * fills in primary-key order, so the clustered index only grows at its end. When a table's rows are
 * all in, its secondary indexes are added in one ALTER TABLE, which the database builds by sorting —
 * instead of inserting every row into every index, which turns into random reads once the indexes
 * outgrow the buffer pool. One RENAME TABLE then swaps every staging table for its (still empty)
 * target at once (atomic on MySQL 8, MariaDB 10.6+ and TiDB). Until then the targets are untouched:
 * an import stopped half-way leaves only staging tables, which the next bulk load drops first.
 *
 * Works on MySQL 8, MariaDB (Galera too: no LOCK TABLES, every table keeps its primary key, and each
 * LOAD DATA statement is bounded) and TiDB. Loads and index builds run on connections of their own,
 * not the application's pool. No session setting is changed: a staging table has no secondary or
 * foreign keys while it loads, so unique_checks and foreign_key_checks would save nothing.
 */
export class StagedTables {
  private readonly loaders = new Map<string, { connection: Connection; loader: TableLoader }>();
  private readonly keys = new Map<string, SecondaryKey[]>();
  /** Tables waiting for their index builds, and the builds running (each on a connection of its own). */
  private readonly waiting: string[] = [];
  private readonly building = new Map<Promise<void>, number>();
  private indexFailure: unknown = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly admin: Connection,
    readonly tables: readonly string[],
    /** Whether rows travel by LOAD DATA LOCAL INFILE (else INSERT statements). */
    readonly loadData: boolean,
    private readonly options: StagingOptions,
  ) {}

  /**
   * Staging tables for `tables`, or null when one of them has rows already (or foreign keys): the
   * bulk path is for empty targets only.
   */
  static async open(dataSource: DataSource, tables: readonly string[], options: StagingOptions = {}): Promise<StagedTables | null> {
    const url = databaseUrl(dataSource);
    const admin = await connect(url);
    try {
      const creates = new Map<string, { keys: SecondaryKey[]; definition: string }>();
      for (const table of tables) {
        const [rows] = await admin.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
        if ((rows as unknown[]).length) return close(admin, null);
        const [[created]] = (await admin.query(`SHOW CREATE TABLE ${quote(table)}`)) as unknown as [Record<string, string>[]];
        const keys = secondaryKeys(created['Create Table']);
        if (!keys) return close(admin, null);
        creates.set(table, { keys, definition: stagingDefinition(created['Create Table'], staged(table)) });
      }
      const stage = new StagedTables(url, admin, tables, options.loadData !== false && (await localInfileAllowed(admin)), options);
      await stage.create(creates);
      return stage;
    } catch (error) {
      await admin.end().catch(() => undefined);
      throw error;
    }
  }

  /** The loader of a staging table (its own connection, opened on first use). */
  async loader(table: string, columns: readonly string[]): Promise<TableLoader> {
    const open = this.loaders.get(table);
    if (open) return open.loader;
    if (!this.keys.has(table)) throw new Error(`${table} is not staged`);
    const connection = await connect(this.url);
    const loader = this.loadData ? new LoadDataLoader(connection, staged(table), columns) : new InsertLoader(connection, staged(table), columns);
    this.loaders.set(table, { connection, loader });
    return loader;
  }

  /** Flushes the loaders that have enough buffered: the caller awaits this between batches. */
  async flushDue(): Promise<void> {
    for (const { loader } of this.loaders.values()) if (loader.due) await loader.flush();
  }

  /**
   * The rows of these tables are all written: waits for their loads to end, then queues their
   * index builds, which run while the caller goes on loading other tables.
   */
  async finish(tables: readonly string[]): Promise<void> {
    for (const table of tables) {
      const open = this.loaders.get(table);
      if (open) {
        await open.loader.end();
        this.loaders.delete(table);
        await open.connection.end();
      }
      this.waiting.push(table);
    }
    this.startIndexBuilds();
    if (this.indexFailure) throw this.indexFailure;
  }

  /**
   * Waits for the index builds, then swaps every staging table in for its target in one RENAME
   * TABLE. False, with nothing swapped, when a target received rows meanwhile (the caller writes
   * another way). Rows that reach a target between that check and the rename are carried over into
   * the new table (an imported row wins over one with the same key).
   */
  async swap(): Promise<boolean> {
    await this.indexesBuilt();
    for (const table of this.tables) {
      const [rows] = await this.admin.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
      if ((rows as unknown[]).length) return false;
    }
    await this.admin.query(`RENAME TABLE ${this.tables.map((t) => `${quote(t)} TO ${quote(replaced(t))}, ${quote(staged(t))} TO ${quote(t)}`).join(', ')}`);
    for (const table of this.tables) {
      const [rows] = await this.admin.query(`SELECT 1 FROM ${quote(replaced(table))} LIMIT 1`);
      if ((rows as unknown[]).length) await this.carryOver(table);
    }
    await this.admin.query(`DROP TABLE ${this.tables.map((t) => quote(replaced(t))).join(', ')}`);
    await this.close();
    return true;
  }

  /** Stops every load and drops the staging tables: the targets stay as they were. */
  async discard(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.waiting.length = 0;
    for (const { loader } of this.loaders.values()) await loader.abort();
    // An index build of a table being dropped is not worth waiting for.
    for (const thread of this.building.values()) await this.admin.query(`KILL QUERY ${Number(thread)}`).catch(() => undefined);
    await this.indexesBuilt().catch(() => undefined);
    try {
      await this.admin.query(`DROP TABLE IF EXISTS ${this.tables.map((t) => quote(staged(t))).join(', ')}`);
    } finally {
      await this.close();
    }
  }

  private async create(creates: Map<string, { keys: SecondaryKey[]; definition: string }>): Promise<void> {
    // Left by an import that was stopped: staging tables nobody reads, or emptied targets already swapped out.
    await this.admin.query(`DROP TABLE IF EXISTS ${this.tables.flatMap((t) => [staged(t), replaced(t)]).map(quote).join(', ')}`);
    for (const [table, { keys, definition }] of creates) {
      await this.admin.query(definition);
      this.keys.set(table, keys);
    }
  }

  /**
   * Starts waiting index builds, INDEX_BUILDS at a time: a build (one ALTER TABLE) runs on one
   * thread of the server, and the loads have ended or are ending while they run.
   */
  private startIndexBuilds(): void {
    while (this.building.size < INDEX_BUILDS && this.waiting.length && !this.closed) {
      const table = this.waiting.shift()!;
      const build: Promise<void> = this.addIndexes(table, (thread) => this.building.set(build, thread))
        .catch((error) => void (this.indexFailure ??= error))
        .finally(() => {
          this.building.delete(build);
          this.startIndexBuilds();
        });
      this.building.set(build, 0);
    }
  }

  /** Waits until no index build runs or waits; throws the first that failed. */
  private async indexesBuilt(): Promise<void> {
    while (this.building.size) await Promise.all(this.building.keys());
    if (this.indexFailure) throw this.indexFailure;
  }

  /** All of a table's secondary indexes in one statement: one scan of the table, each index built by sorting. */
  private async addIndexes(table: string, onThread: (thread: number) => void): Promise<void> {
    const secondary = this.keys.get(table) ?? [];
    if (secondary.length) {
      const connection = await connect(this.url);
      try {
        onThread(connection.threadId);
        if (!this.closed) await connection.query(`ALTER TABLE ${quote(staged(table))} ${secondary.map((k) => `ADD ${k.definition}`).join(', ')}`);
      } finally {
        await connection.end().catch(() => undefined);
      }
    }
    if (!this.closed) this.options.onIndexed?.(table);
  }

  private async carryOver(table: string): Promise<void> {
    const [columns] = await this.admin.query(
      "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%auto_increment%' ORDER BY ORDINAL_POSITION",
      [table],
    );
    const list = (columns as { name: string }[]).map((c) => quote(c.name)).join(', ');
    await this.admin.query(`INSERT IGNORE INTO ${quote(table)} (${list}) SELECT ${list} FROM ${quote(replaced(table))}`);
  }

  private async close(): Promise<void> {
    this.closed = true;
    for (const { connection } of this.loaders.values()) await connection.end().catch(() => undefined);
    this.loaders.clear();
    await this.admin.end().catch(() => undefined);
  }
}

function databaseUrl(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('staged tables need the data source to be configured by URL');
  return url;
}

/** A connection of the staging work's own, with the application pool's settings (UTC instants, utf8mb4, big numbers as strings). */
function connect(url: string): Promise<Connection> {
  return createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci', supportBigNumbers: true, bigNumberStrings: true, enableKeepAlive: true });
}

async function close<T>(connection: Connection, value: T): Promise<T> {
  await connection.end();
  return value;
}

/** Whether the server takes LOAD DATA LOCAL INFILE (MySQL 8 ships with it off); a server without the variable is taken at its word that it does not. */
async function localInfileAllowed(connection: Connection): Promise<boolean> {
  try {
    const [[row]] = (await connection.query('SELECT @@GLOBAL.local_infile AS allowed')) as unknown as [{ allowed: unknown }[]];
    return Number(row.allowed) === 1 || String(row.allowed).toUpperCase() === 'ON';
  } catch {
    return false;
  }
}
