import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { serialiseRecord, type ExchangeKind } from './records/index.js';

type Row = Record<string, any>;

interface ExportSource {
  kind: ExchangeKind;
  /** Keyset pagination: the columns that order and resume the scan. */
  keyColumns: string[];
  select: string;
  toRecord: (row: Row, members: Map<string, string[]>[]) => unknown;
  /** Ordered member lists (officers, items) fetched per page. */
  members?: { table: string; owner: string; member: string }[];
}

const bool = (value: unknown) => Boolean(Number(value));

/**
 * Writes the database back in the exchange format, one file per kind, streaming pages of rows in
 * key order with bounded memory. Importing the result changes nothing.
 */
export class ExchangeExporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly phones: PhoneCipher,
    private readonly pageSize = 5000,
  ) {}

  async export(dir: string, onProgress?: (kind: ExchangeKind, rows: number) => void): Promise<Partial<Record<ExchangeKind, number>>> {
    mkdirSync(dir, { recursive: true });
    const counts: Partial<Record<ExchangeKind, number>> = {};
    for (const source of this.sources()) {
      const out = createWriteStream(join(dir, `${source.kind}.jsonl`), { encoding: 'utf8' });
      try {
        counts[source.kind] = await this.writeKind(source.kind, out, (rows) => onProgress?.(source.kind, rows));
      } finally {
        out.end();
        await once(out, 'close');
      }
    }
    return counts;
  }

  /** Writes one kind's JSON Lines to `out` (left open), honouring back-pressure; returns the row count. */
  async writeKind(kind: ExchangeKind, out: Writable, onProgress?: (rows: number) => void): Promise<number> {
    const source = this.sources().find((s) => s.kind === kind)!;
    let written = 0;
    let after: unknown[] | null = null;
    const keys = source.keyColumns.join(', ');
  for (;;) {
      const where = after ? `WHERE (${keys}) > (${source.keyColumns.map(() => '?').join(', ')})` : '';
      const rows: Row[] = await this.dataSource.query(`SELECT ${source.select} ${where} ORDER BY ${keys} LIMIT ${this.pageSize}`, after ?? []);
      if (!rows.length) break;
      const members = await Promise.all((source.members ?? []).map((m) => this.membersOf(m, rows.map((r) => r.id))));
      let chunk = '';
        for (const row of rows) chunk += `${JSON.stringify(serialiseRecord(source.kind, source.toRecord(row, members) as never))}\n`;
      if (!out.write(chunk)) await once(out, 'drain');
      written += rows.length;
      onProgress?.(written);
      const last = rows[rows.length - 1];
      after = source.keyColumns.map((column) => last[column]);
    }
    return written;
  }

  private async membersOf(spec: { table: string; owner: string; member: string }, ownerIds: string[]): Promise<Map<string, string[]>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${spec.owner} AS owner, ${spec.member} AS member FROM ${spec.table} WHERE ${spec.owner} IN (?) ORDER BY ${spec.owner}, position`,
      [ownerIds],
    );
    const byOwner = new Map<string, string[]>();
    for (const row of rows) {
      const list = byOwner.get(row.owner) ?? [];
      list.push(row.member);
      byOwner.set(row.owner, list);
    }
    return byOwner;
  }

  private sources(): ExportSource[] {
    const phone = (cipher: string | null) => this.phones.decrypt(cipher);
    return [
      { kind: 'agencies', keyColumns: ['id'], select: 'id, name, kind, region FROM agencies', toRecord: (r) => ({ id: r.id, name: r.name, kind: r.kind, region: r.region }) },
      {
        kind: 'officers',
        keyColumns: ['id'],
        select: 'id, agency_id, name, cert_no, phone_cipher FROM officers',
        toRecord: (r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, certNo: r.cert_no, phone: phone(r.phone_cipher) }),
      },
      {
        kind: 'items',
        keyColumns: ['id'],
        select: 'id, agency_id, name, basis, no_disturb FROM items',
        toRecord: (r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, basis: r.basis, noDisturb: bool(r.no_disturb) }),
      },
      {
        kind: 'enterprises',
        keyColumns: ['credit_code'],
        select: 'credit_code, name, industry, region, phone_cipher, credit_grade, low_touch FROM enterprises',
        toRecord: (r) => ({ creditCode: r.credit_code, name: r.name, industry: r.industry, region: r.region, phone: phone(r.phone_cipher), creditGrade: r.credit_grade, lowTouch: bool(r.low_touch) }),
      },
      {
        kind: 'inspections',
        keyColumns: ['id'],
        select: 'id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result FROM inspections',
        members: [
          { table: 'inspection_officers', owner: 'inspection_id', member: 'officer_id' },
          { table: 'inspection_items', owner: 'inspection_id', member: 'item_id' },
        ],
        toRecord: (r, [officers, items]) => ({
          id: r.id,
          agencyId: r.agency_id,
          officerIds: officers.get(r.id) ?? [],
          creditCode: r.credit_code,
          itemIds: items.get(r.id) ?? [],
          trigger: r.trigger_type,
          jointId: r.joint_id,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          coded: bool(r.coded),
          codedAt: r.coded_at,
          result: r.result,
        }),
      },
      {
        kind: 'cases',
        keyColumns: ['id'],
        select: 'id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive FROM cases',
        members: [{ table: 'case_officers', owner: 'case_id', member: 'officer_id' }],
        toRecord: (r, [officers]) => ({
          id: r.id,
          agencyId: r.agency_id,
          officerIds: officers.get(r.id) ?? [],
          creditCode: r.credit_code,
          inspectionId: r.inspection_id,
          cause: r.cause,
          discretionLevel: r.discretion_level,
          fine: Number(r.fine),
          status: r.status,
          filedAt: r.filed_at,
          decidedAt: r.decided_at,
          closedAt: r.closed_at,
          revokedAt: r.revoked_at,
          causeChanges: r.cause_changes ? JSON.parse(r.cause_changes).map((c: { from: string; to: string; at: string }) => ({ ...c, at: new Date(c.at) })) : [],
          extendedDays: Number(r.extended_days),
          coercive: bool(r.coercive),
        }),
      },
      {
        kind: 'ratings',
        keyColumns: ['inspection_id', 'agency_id'],
        select: 'inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at FROM ratings',
        toRecord: (r) => ({
          inspectionId: r.inspection_id,
          agencyId: r.agency_id,
          language: Number(r.language_score),
          procedure: Number(r.procedure_score),
          manner: Number(r.manner_score),
          fairness: Number(r.fairness_score),
          verdict: r.verdict,
          flags: r.flags ? String(r.flags).split(',') : [],
          comment: r.comment,
          ratedAt: r.rated_at,
        }),
      },
    ];
  }
}
