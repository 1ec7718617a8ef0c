import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Connection, ResultSetHeader } from 'mysql2/promise';

/**
 * Writes rows into one table that nothing else reads yet (a staging table), as fast as the server
 * takes them: streamed through `LOAD DATA LOCAL INFILE` where the server allows it, otherwise as
 * multi-row INSERTs. Rows go in the order written (the caller writes them in primary-key order, so
 * the clustered index only ever grows at its end). One statement is in flight at a time; the caller
 * writes rows, and awaits `flush()` whenever `due` is true, which holds memory to a few megabytes.
 */
export interface TableLoader {
  /** Rows written so far. */
  readonly rows: number;
  /** Whether enough is buffered that the caller should await `flush()`. */
  readonly due: boolean;
  write(row: readonly unknown[]): void;
  flush(): Promise<void>;
  /** Sends what is buffered and waits until every row is stored (and checked: none skipped or changed). */
  end(): Promise<void>;
  /** Stops loading (what was sent may or may not be stored: the table is about to be dropped). */
  abort(): Promise<void>;
}

/** Text handed to the stream at a time. */
const CHUNK_CHARS = 1 << 20;
/**
 * A LOAD DATA statement ends after this many bytes and the next begins: the table does not need one
 * statement, and a Galera write set (wsrep_max_ws_size) or a TiDB transaction stays bounded.
 */
const STATEMENT_BYTES = 128 << 20;
/** Socket backlog beyond which the writer waits for the server to read (mysql2 does not apply backpressure to an infile stream). */
const SOCKET_BACKLOG = 8 << 20;
/** INSERT fallback: rows and bytes per statement (under the smallest max_allowed_packet, MariaDB's 16 MB). */
const INSERT_ROWS = 2000;
const INSERT_BYTES = 4 << 20;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPED = /[\\\t\n\r\0]/g;

const lastDates: (Date | null)[] = [null, null];
const lastTexts = ['', ''];

/** One value in LOAD DATA's default text format (tab-separated, backslash escapes, \N for NULL); instants as UTC DATETIME text. */
export function loadDataField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c]) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) {
    // A record's instants recur on its member rows (an inspection's start on each officer and item row).
    if (value === lastDates[0]) return lastTexts[0];
    if (value === lastDates[1]) return lastTexts[1];
    const iso = value.toISOString();
    const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    lastDates[1] = lastDates[0];
    lastTexts[1] = lastTexts[0];
    lastDates[0] = value;
    lastTexts[0] = text;
    return text;
  }
  throw new TypeError(`cannot load a ${typeof value} value`);
}

const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Streams rows into `LOAD DATA LOCAL INFILE` statements on its own connection. */
export class LoadDataLoader implements TableLoader {
  rows = 0;
  private text = '';
  private textRows = 0;
  private statement: { stream: Readable; bytes: number; rows: number; done: Promise<void> } | null = null;
  private failure: unknown = null;
  private readonly sql: string;

  constructor(private readonly connection: Connection, private readonly table: string, columns: readonly string[]) {
    // Autocommitted statements: the table is not visible to anyone until it is swapped in, so no transaction is needed.
    this.sql = `LOAD DATA LOCAL INFILE '${table}.tsv' INTO TABLE ${quoteName(table)} CHARACTER SET utf8mb4
      FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.map(quoteName).join(', ')})`;
  }

  get due(): boolean {
    return this.text.length >= CHUNK_CHARS;
  }

  write(row: readonly unknown[]): void {
    let line = loadDataField(row[0]);
    for (let i = 1; i < row.length; i++) line += `\t${loadDataField(row[i])}`;
    this.text += `${line}\n`;
    this.textRows++;
    this.rows++;
  }

  async flush(): Promise<void> {
    this.throwIfFailed();
    if (!this.text) return;
    const statement = this.statement ?? this.begin();
    const chunk = Buffer.from(this.text, 'utf8');
    statement.rows += this.textRows;
    this.text = '';
    this.textRows = 0;
    statement.bytes += chunk.length;
    statement.stream.push(chunk);
    if (statement.bytes >= STATEMENT_BYTES) await this.endStatement();
    else await this.drained(statement.done);
  }

  async end(): Promise<void> {
    await this.flush();
    await this.endStatement();
  }

  async abort(): Promise<void> {
    const statement = this.statement;
    this.statement = null;
    this.text = '';
    this.textRows = 0;
    if (!statement) return;
    statement.stream.push(null);
    await statement.done.catch(() => undefined);
  }

  private begin(): NonNullable<LoadDataLoader['statement']> {
    const stream = new Readable({ read() {} });
    const sent = { stream, bytes: 0, rows: 0, done: Promise.resolve() };
    sent.done = this.connection
      .query({ sql: this.sql, infileStreamFactory: () => stream })
      .then(([result]) => this.check(result as ResultSetHeader, sent.rows));
    // Surfaced by the next flush or end, not as an unhandled rejection.
    sent.done.catch((error) => (this.failure ??= error));
    this.statement = sent;
    return sent;
  }

  private async endStatement(): Promise<void> {
    const statement = this.statement;
    if (!statement) return;
    this.statement = null;
    statement.stream.push(null);
    await statement.done;
  }

  /** Waits while the socket holds more than SOCKET_BACKLOG unsent bytes (or until the statement ends). */
  private async drained(done: Promise<void>): Promise<void> {
    const socket = (this.connection as unknown as { connection: { stream: NodeJS.WritableStream & { writableLength: number } } }).connection.stream;
    if (socket.writableLength > SOCKET_BACKLOG) await Promise.race([once(socket, 'drain'), done]);
    this.throwIfFailed();
  }

  /** Every row sent must be stored as sent: LOAD DATA LOCAL turns errors (a duplicate key, a value too long) into skips and warnings. */
  private async check(result: ResultSetHeader, sent: number): Promise<void> {
    const stored = result.affectedRows;
    if (stored === sent && !result.warningStatus) return;
    const [warnings] = await this.connection.query('SHOW WARNINGS LIMIT 3');
    const said = (warnings as { Message: string }[]).map((w) => w.Message).join('; ');
    throw new Error(`loading ${this.table}: ${stored} of ${sent} rows stored${said ? `: ${said}` : ''}`);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/** Multi-row INSERTs on its own connection, one statement in flight while the next is gathered. */
export class InsertLoader implements TableLoader {
  rows = 0;
  private batch: unknown[][] = [];
  private bytes = 0;
  private inflight: Promise<unknown> = Promise.resolve();
  private readonly sql: string;

  constructor(private readonly connection: Connection, table: string, columns: readonly string[]) {
    this.sql = `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES ?`;
  }

  get due(): boolean {
    return this.batch.length >= INSERT_ROWS || this.bytes >= INSERT_BYTES;
  }

  write(row: readonly unknown[]): void {
    this.batch.push(row as unknown[]);
    for (const value of row) this.bytes += typeof value === 'string' ? value.length * 3 + 3 : 12;
    this.rows++;
  }

  async flush(): Promise<void> {
    await this.inflight;
    if (!this.batch.length) return;
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    this.inflight = this.connection.query(this.sql, [batch]);
    this.inflight.catch(() => undefined); // surfaced by the next flush or end
  }

  async end(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  async abort(): Promise<void> {
    this.batch = [];
    await this.inflight.catch(() => undefined);
  }
}
