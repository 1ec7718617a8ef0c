import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { CaseRepository } from '../cases/index.js';
import { RatingRepository } from '../evaluation/index.js';
import { InspectionRepository } from '../inspections/index.js';
import { RegisterRowsRepository } from '../registry/index.js';
import { serialiseRecord, type ExchangeKind } from './records/index.js';

type Row = Record<string, any>;

interface ExportSource {
  kind: ExchangeKind;
  /** The columns that order and resume the scan. */
  keyColumns: string[];
  /** The next page after a key, from the table's owner, with the ordered member lists (officers, items) of its rows. */
  page: (after: unknown[] | null, limit: number) => Promise<{ rows: Row[]; members?: Map<string, string[]>[] }>;
  toRecord: (row: Row, members: Map<string, string[]>[]) => unknown;
}

/** Where the export reads from: each table's owner. */
export interface ExportSources {
  registers: RegisterRowsRepository;
  inspections: InspectionRepository;
  cases: CaseRepository;
  ratings: RatingRepository;
}

const bool = (value: unknown) => Boolean(Number(value));

/** How an export shows phones: masked (138****5678) unless asked for in clear. */
export interface ExportOptions {
  unmasked: boolean;
  pageSize?: number;
}

/**
 * Writes the database back in the exchange format, one file per kind, streaming pages of rows in
 * key order with bounded memory. Unmasked, importing the result changes nothing; masked (what HTTP
 * gives by default) its phones are for reading only.
 */
export class ExchangeExporter {
  /** Phones left out of an export in clear because no configured key reads them. */
  unreadablePhones = 0;
  private readonly pageSize: number;

  constructor(
    private readonly from: ExportSources,
    private readonly phones: PhoneCipher,
    private readonly options: ExportOptions,
  ) {
    this.pageSize = options.pageSize ?? 5000;
  }

  /** The exporter on one data source, phones in clear: the command line's round trip, and tests. */
  static on(dataSource: DataSource, phones: PhoneCipher, pageSize?: number): ExchangeExporter {
    return new ExchangeExporter({
      registers: new RegisterRowsRepository(dataSource),
      inspections: new InspectionRepository(dataSource),
      cases: new CaseRepository(dataSource),
      ratings: new RatingRepository(dataSource),
    }, phones, { unmasked: true, pageSize });
  }

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
    for (;;) {
      const { rows, members = [] } = await source.page(after, this.pageSize);
      if (!rows.length) break;
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

  private sources(): ExportSource[] {
    const phone = (cipher: string | null): string | null => {
      if (!this.options.unmasked) return this.phones.masked(cipher);
      const stored = this.phones.read(cipher);
      if (stored.state === 'unreadable') this.unreadablePhones += 1;
      return stored.state === 'clear' ? stored.phone : null;
    };
    const { registers, inspections, cases, ratings } = this.from;
    const register = (name: 'agency' | 'officer' | 'item' | 'enterprise') => async (after: unknown[] | null, limit: number) => ({ rows: await registers.exchangePage(name, after, limit) });
    return [
      { kind: 'agencies', keyColumns: ['id'], page: register('agency'), toRecord: (r) => ({ id: r.id, name: r.name, kind: r.kind, region: r.region }) },
      {
        kind: 'officers',
        keyColumns: ['id'],
        page: register('officer'),
        toRecord: (r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, certNo: r.cert_no, phone: phone(r.phone_cipher), certExpires: r.cert_expires ?? null }),
      },
      {
        kind: 'items',
        keyColumns: ['id'],
        page: register('item'),
        toRecord: (r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, basis: r.basis, noDisturb: bool(r.no_disturb) }),
      },
      {
        kind: 'enterprises',
        keyColumns: ['credit_code'],
        page: register('enterprise'),
        toRecord: (r) => ({ creditCode: r.credit_code, name: r.name, industry: r.industry, region: r.region, phone: phone(r.phone_cipher), creditGrade: r.credit_grade, lowTouch: bool(r.low_touch) }),
      },
      {
        kind: 'inspections',
        keyColumns: ['id'],
        page: async (after, limit) => {
          const { rows, officers, items } = await inspections.exchangePage(after, limit);
          return { rows, members: [officers, items] };
        },
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
        page: async (after, limit) => {
          const { rows, officers } = await cases.exchangePage(after, limit);
          return { rows, members: [officers] };
        },
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
        page: async (after, limit) => ({ rows: await ratings.exchangePage(after, limit) }),
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
