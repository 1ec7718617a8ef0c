import type { Tx } from './tx.js';

type Row = Record<string, any>;

/** A table read in key order, a page at a time (the exchange export's scans). */
export interface KeysetTable {
  table: string;
  /** The columns to read. */
  columns: string;
  /** The columns that order and resume the scan (the primary key). */
  keys: string[];
}

/** The next page of `spec` after the key `after` (the first page when null). */
export function keysetPage(db: Tx, spec: KeysetTable, after: unknown[] | null, limit: number): Promise<Row[]> {
  const keys = spec.keys.join(', ');
  const where = after ? `WHERE (${keys}) > (${spec.keys.map(() => '?').join(', ')})` : '';
  return db.query(`SELECT ${spec.columns} FROM ${spec.table} ${where} ORDER BY ${keys} LIMIT ${Number(limit)}`, after ?? []);
}

/** An ordered member list per owner, kept in a table of (owner, member, position, …) rows. */
export interface MemberTable {
  table: string;
  owner: string;
  member: string;
  /** Columns copied from the owner onto each member row. */
  ownerValues?: string[];
}

/** The owners' members in position order. */
export async function membersOf(db: Tx, spec: MemberTable, ownerIds: string[]): Promise<Map<string, string[]>> {
  const byOwner = new Map<string, string[]>();
  if (!ownerIds.length) return byOwner;
  const rows: Row[] = await db.query(
    `SELECT ${spec.owner} AS owner, ${spec.member} AS member FROM ${spec.table} WHERE ${spec.owner} IN (?) ORDER BY ${spec.owner}, position`,
    [ownerIds],
  );
  for (const row of rows) {
    const list = byOwner.get(row.owner) ?? [];
    list.push(row.member);
    byOwner.set(row.owner, list);
  }
  return byOwner;
}

/**
 * Sets an ordered member list per owner, each member row with the owner's values of `ownerValues`.
 * Stale members are deleted only when some owner already existed: a batch of new owners needs just the insert.
 */
export async function replaceMembers(
  db: Tx,
  spec: MemberTable,
  owners: [owner: string, members: string[], ownerValues?: unknown[]][],
  ownersExisted: boolean,
): Promise<void> {
  const pairs = owners.flatMap(([owner, members, ownerValues = []]) => members.map((member, position) => [owner, member, position, ...ownerValues]));
  if (ownersExisted) {
    const keep = pairs.map(([owner, member]) => [owner, member]);
    await db.query(
      `DELETE FROM ${spec.table} WHERE ${spec.owner} IN (?)${keep.length ? ` AND (${spec.owner}, ${spec.member}) NOT IN (?)` : ''}`,
      keep.length ? [owners.map(([owner]) => owner), keep] : [owners.map(([owner]) => owner)],
    );
  }
  if (!pairs.length) return;
  const columns = ['position', ...(spec.ownerValues ?? [])];
  await db.query(
    `INSERT INTO ${spec.table} (${spec.owner}, ${spec.member}, ${columns.join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
    [pairs],
  );
}

/** Whether a multi-row insert met existing rows: `Records: 1000  Duplicates: 3  Warnings: 0` in its info. */
export function hadDuplicates(result: unknown): boolean {
  const info = (result as { info?: string })?.info ?? '';
  const match = /Duplicates:\s*(\d+)/.exec(info);
  return match ? Number(match[1]) > 0 : true;
}

/**
 * An owner's members with their positions, in key order (for a bulk load in primary-key order). JS
 * string order is the binary collation's for everything outside the astral planes; where it is not,
 * the rows are loaded all the same, only slower.
 */
export function membersInKeyOrder(members: readonly string[]): [member: string, position: number][] {
  const pairs = members.map((member, position): [string, number] => [member, position]);
  return pairs.length > 1 ? pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : pairs;
}
