import { createReadStream, existsSync, statSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DataSource, QueryRunner } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { diffFields, REGISTER_FIELDS, RegisterHistoryRepository, type HistoryEvent } from '../registry/index.js';
import {
  EXCHANGE_KINDS,
  recordKey,
  validateRecord,
  type AgencyRecord,
  type CaseRecord,
  type EnterpriseRecord,
  type ExchangeKind,
  type InspectionRecord,
  type ItemRecord,
  type OfficerRecord,
  type RatingRecord,
} from './records/index.js';
import { FingerprintSet } from './fingerprint-set.js';

export interface ImportProblem {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface ImportProgress {
  phase: 'validate' | 'write';
  file: string;
  lines: number;
  /** 0–100 over both phases, by bytes read. */
  percent: number;
}

export interface ImportResult {
  ok: boolean;
  /** The first `maxProblems` problems, in file order. */
  problems: ImportProblem[];
  problemCount: number;
  /** Lines read per file (all of them were written when ok). */
  counts: Partial<Record<ExchangeKind, number>>;
}

export interface ImportOptions {
  /** Who the register history names, e.g. `import:/data/2026-11`. */
  actor: string;
  batchSize?: number;
  maxProblems?: number;
  onProgress?: (progress: ImportProgress) => void;
}

type AnyRecord = AgencyRecord | OfficerRecord | ItemRecord | EnterpriseRecord | InspectionRecord | CaseRecord | RatingRecord;

const fileName = (kind: ExchangeKind) => `${kind}.jsonl`;

/**
 * Imports an exchange-format folder: first validates every line of every file (formats,
 * uniqueness, references) without writing, then — only if nothing is wrong — upserts it all in
 * one transaction, in batches. Files are streamed line by line in both passes.
 */
export class ExchangeImporter {
  private readonly batchSize: number;
  private readonly maxProblems: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly phones: PhoneCipher,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxProblems = options.maxProblems ?? 1000;
  }

  async import(dir: string): Promise<ImportResult> {
    const present = EXCHANGE_KINDS.filter((kind) => existsSync(join(dir, fileName(kind))));
    const totalBytes = present.reduce((sum, kind) => sum + statSync(join(dir, fileName(kind))).size, 0) || 1;
    const validation = await this.validate(dir, present, totalBytes);
    if (validation.problemCount > 0) return { ok: false, ...validation };
    await this.write(dir, present, totalBytes);
    return { ok: true, ...validation };
  }

  // ---- pass 1: validate ---------------------------------------------------------------------

  private async validate(dir: string, kinds: ExchangeKind[], totalBytes: number) {
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const report = (problem: ImportProblem) => {
      problemCount++;
      if (problems.length < this.maxProblems) problems.push(problem);
    };
    const known = await this.loadRegisterKeys();
    const inspectionIds = new FingerprintSet();
    const pendingInspectionRefs = new Map<string, { file: string; line: number; field: string }[]>();
    const resolvePending = async () => {
      if (!pendingInspectionRefs.size) return;
      const ids = [...pendingInspectionRefs.keys()];
      const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM inspections WHERE id IN (?)', [ids]);
      for (const row of rows) pendingInspectionRefs.delete(row.id);
      for (const [id, places] of pendingInspectionRefs) {
        for (const place of places) report({ ...place, reason: `inspection ${id} does not exist in the dataset or the database` });
      }
      pendingInspectionRefs.clear();
    };
    const refInspection = (id: string, file: string, line: number, field: string) => {
      if (inspectionIds.has(id)) return;
      const places = pendingInspectionRefs.get(id) ?? [];
      places.push({ file, line, field });
      pendingInspectionRefs.set(id, places);
    };

    const counts: Partial<Record<ExchangeKind, number>> = {};
    let bytesBefore = 0;
    for (const kind of kinds) {
      const file = fileName(kind);
      const seen = kind === 'inspections' ? inspectionIds : new FingerprintSet();
      const firstLineOfKey = kind === 'inspections' || kind === 'cases' || kind === 'ratings' ? null : new Map<string, number>();
      const lines = await this.eachLine(join(dir, file), (text, line, bytesRead) => {
        if (line % 50_000 === 0) this.progress('validate', file, line, (bytesBefore + bytesRead) / totalBytes / 2);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          report({ file, line, field: '(line)', reason: 'not valid JSON' });
          return;
        }
        const result = validateRecord(kind, value);
        if (!result.ok) {
          for (const error of result.errors) report({ file, line, field: error.field, reason: error.reason });
          return;
        }
        const record = result.record as AnyRecord;
        const key = recordKey(kind, record as never);
        if (!seen.add(key)) {
          const first = firstLineOfKey?.get(key);
          report({ file, line, field: kind === 'enterprises' ? 'creditCode' : kind === 'ratings' ? 'inspectionId+agencyId' : 'id', reason: `duplicate of ${first ? `line ${first}` : 'an earlier line'}` });
          return;
        }
        firstLineOfKey?.set(key, line);
        this.checkReferences(kind, record, known, (field, reason) => report({ file, line, field, reason }), (id, field) => refInspection(id, file, line, field));
        if (pendingInspectionRefs.size >= 2000) return resolvePending();
      });
      await resolvePending();
      if (kind in known) for (const key of firstLineOfKey!.keys()) known[kind as keyof typeof known].add(key);
      counts[kind] = lines;
      bytesBefore += statSync(join(dir, file)).size;
    }
    return { problems, problemCount, counts };
  }

  private checkReferences(
    kind: ExchangeKind,
    record: AnyRecord,
    known: RegisterKeys,
    report: (field: string, reason: string) => void,
    refInspection: (id: string, field: string) => void,
  ): void {
    const agency = (id: string, field = 'agencyId') => known.agencies.has(id) || report(field, `agency ${id} does not exist`);
    const officers = (ids: string[]) => ids.forEach((id, i) => known.officers.has(id) || report(`officerIds[${i}]`, `officer ${id} does not exist`));
    const enterprise = (code: string) => known.enterprises.has(code) || report('creditCode', `enterprise ${code} does not exist`);
    switch (kind) {
      case 'officers':
      case 'items':
        agency((record as OfficerRecord).agencyId);
        break;
      case 'inspections': {
        const r = record as InspectionRecord;
        agency(r.agencyId);
        officers(r.officerIds);
        r.itemIds.forEach((id, i) => known.items.has(id) || report(`itemIds[${i}]`, `item ${id} does not exist`));
        enterprise(r.creditCode);
        break;
      }
      case 'cases': {
        const r = record as CaseRecord;
        agency(r.agencyId);
        officers(r.officerIds);
        enterprise(r.creditCode);
        if (r.inspectionId) refInspection(r.inspectionId, 'inspectionId');
        break;
      }
      case 'ratings': {
        const r = record as RatingRecord;
        agency(r.agencyId);
        refInspection(r.inspectionId, 'inspectionId');
        break;
      }
    }
  }

  /** The keys of the stored registers, as fingerprints (a province has millions of enterprises). */
  private async loadRegisterKeys(): Promise<RegisterKeys> {
    const ids = async (sql: string) => {
      const keys = new FingerprintSet();
      for (const row of (await this.dataSource.query(sql)) as { k: string }[]) keys.add(row.k);
      return keys;
    };
    return {
      agencies: await ids('SELECT id AS k FROM agencies'),
      officers: await ids('SELECT id AS k FROM officers'),
      items: await ids('SELECT id AS k FROM items'),
      enterprises: await ids('SELECT credit_code AS k FROM enterprises'),
    };
  }

  // ---- pass 2: write ------------------------------------------------------------------------

  private async write(dir: string, kinds: ExchangeKind[], totalBytes: number): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // One batch is written while the next is read and parsed, so Node and the database work at once.
    let inflight: Promise<void> = Promise.resolve();
    const submit = async (kind: ExchangeKind, batch: AnyRecord[]) => {
      await inflight;
      inflight = this.writeBatch(runner, kind, batch);
      inflight.catch(() => undefined); // surfaced by the next await, not as an unhandled rejection
    };
    try {
      let bytesBefore = 0;
      for (const kind of kinds) {
        const file = fileName(kind);
        let batch: AnyRecord[] = [];
        await this.eachLine(join(dir, file), async (text, line, bytesRead) => {
          const result = validateRecord(kind, JSON.parse(text));
          if (!result.ok) throw new Error(`${file}:${line} changed between validation and import`);
          batch.push(result.record as AnyRecord);
          if (batch.length >= this.batchSize) {
            await submit(kind, batch);
            batch = [];
            this.progress('write', file, line, 0.5 + (bytesBefore + bytesRead) / totalBytes / 2);
          }
        });
        if (batch.length) await submit(kind, batch);
        await inflight;
        bytesBefore += statSync(join(dir, file)).size;
      }
      await runner.commitTransaction();
      this.progress('write', '', 0, 1);
    } catch (error) {
      await inflight.catch(() => undefined);
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private writeBatch(runner: QueryRunner, kind: ExchangeKind, batch: AnyRecord[]): Promise<void> {
    switch (kind) {
      case 'agencies':
        return this.upsertRegister(runner, 'agency', 'agencies', 'id', batch as AgencyRecord[], (r) => ({ id: r.id, name: r.name, kind: r.kind, region: r.region }), (r) => r.id);
      case 'officers':
        return this.upsertRegister(runner, 'officer', 'officers', 'id', batch as OfficerRecord[], (r) => ({ id: r.id, agency_id: r.agencyId, name: r.name, cert_no: r.certNo, phone_cipher: this.phones.encrypt(r.phone) }), (r) => r.id);
      case 'items':
        return this.upsertRegister(runner, 'item', 'items', 'id', batch as ItemRecord[], (r) => ({ id: r.id, agency_id: r.agencyId, name: r.name, basis: r.basis, no_disturb: r.noDisturb ? 1 : 0 }), (r) => r.id);
      case 'enterprises':
        return this.upsertRegister(
          runner,
          'enterprise',
          'enterprises',
          'credit_code',
          batch as EnterpriseRecord[],
          (r) => ({ credit_code: r.creditCode, name: r.name, industry: r.industry, region: r.region, phone_cipher: this.phones.encrypt(r.phone), credit_grade: r.creditGrade, low_touch: r.lowTouch ? 1 : 0 }),
          (r) => r.creditCode,
        );
      case 'inspections':
        return this.upsertInspections(runner, batch as InspectionRecord[]);
      case 'cases':
        return this.upsertCases(runner, batch as CaseRecord[]);
      case 'ratings':
        return this.upsertRatings(runner, batch as RatingRecord[]);
    }
  }

  /**
   * Registers are compared with what is stored, so only real changes are written and each one
   * lands in the register history (import of an export writes nothing at all).
   */
  private async upsertRegister<R extends AnyRecord>(
    runner: QueryRunner,
    register: HistoryEvent['register'],
    table: string,
    keyColumn: string,
    batch: R[],
    toRow: (record: R) => Record<string, string | number | null>,
    keyOf: (record: R) => string,
  ): Promise<void> {
    const rows = batch.map(toRow);
    const columns = Object.keys(rows[0]);
    const stored = new Map<string, Record<string, unknown>>();
    const existing: Record<string, unknown>[] = await runner.query(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${keyColumn} IN (?)`, [batch.map(keyOf)]);
    for (const row of existing) stored.set(String(row[keyColumn]), row);

    const events: HistoryEvent[] = [];
    const changedRows: unknown[][] = [];
    batch.forEach((record, i) => {
      const key = keyOf(record);
      const before = stored.get(key);
      const row = rows[i];
      if (before && columns.every((c) => String(before[c] ?? '') === String(row[c] ?? ''))) return;
      changedRows.push(columns.map((c) => row[c]));
      const view = (r: Record<string, unknown>) => registerView(register, r, this.phones);
      events.push({ register, subjectId: key, action: before ? 'update' : 'create', changes: diffFields(before ? view(before) : null, view(row), REGISTER_FIELDS[register]) });
    });
    if (!changedRows.length) return;
    await runner.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${columns.filter((c) => c !== keyColumn).map((c) => `${c} = VALUES(${c})`).join(', ')}`,
      [changedRows],
    );
    await new RegisterHistoryRepository(this.dataSource).append(this.options.actor, events, new Date(), runner.manager);
  }

  private async upsertInspections(runner: QueryRunner, batch: InspectionRecord[]): Promise<void> {
    const result = await runner.query(
      `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?
       ON DUPLICATE KEY UPDATE agency_id = VALUES(agency_id), credit_code = VALUES(credit_code), trigger_type = VALUES(trigger_type),
         joint_id = VALUES(joint_id), started_at = VALUES(started_at), finished_at = VALUES(finished_at), coded = VALUES(coded),
         coded_at = VALUES(coded_at), result = VALUES(result)`,
      [batch.map((r) => [r.id, r.agencyId, r.creditCode, r.trigger, r.jointId, r.startedAt, r.finishedAt, r.coded ? 1 : 0, r.codedAt, r.result])],
    );
    const replacing = hadDuplicates(result);
    // Officer rows carry their inspection's agency, enterprise and times (the report's officer pass reads them alone);
    // item rows its trigger and start (the report finds an item's planned inspections in its window from them).
    await this.replaceMembers(runner, 'inspection_officers', 'inspection_id', 'officer_id', batch.map((r) => [r.id, r.officerIds, [r.agencyId, r.creditCode, r.startedAt, r.finishedAt]]), replacing,
      ['agency_id', 'credit_code', 'started_at', 'finished_at']);
    await this.replaceMembers(runner, 'inspection_items', 'inspection_id', 'item_id', batch.map((r) => [r.id, r.itemIds, [r.trigger, r.startedAt]]), replacing,
      ['trigger_type', 'started_at']);
  }

  private async upsertCases(runner: QueryRunner, batch: CaseRecord[]): Promise<void> {
    const result = await runner.query(
      `INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive) VALUES ?
       ON DUPLICATE KEY UPDATE agency_id = VALUES(agency_id), credit_code = VALUES(credit_code), inspection_id = VALUES(inspection_id),
         cause = VALUES(cause), discretion_level = VALUES(discretion_level), fine = VALUES(fine), status = VALUES(status),
         filed_at = VALUES(filed_at), decided_at = VALUES(decided_at), closed_at = VALUES(closed_at), revoked_at = VALUES(revoked_at),
         cause_changes = VALUES(cause_changes), extended_days = VALUES(extended_days), coercive = VALUES(coercive)`,
      [
        batch.map((r) => [
          r.id, r.agencyId, r.creditCode, r.inspectionId, r.cause, r.discretionLevel, r.fine, r.status, r.filedAt, r.decidedAt, r.closedAt, r.revokedAt,
          r.causeChanges.length ? JSON.stringify(r.causeChanges.map((c) => ({ from: c.from, to: c.to, at: new Date(c.at).toISOString() }))) : null,
          r.extendedDays, r.coercive ? 1 : 0,
        ]),
      ],
    );
    await this.replaceMembers(runner, 'case_officers', 'case_id', 'officer_id', batch.map((r) => [r.id, r.officerIds]), hadDuplicates(result));
  }

  private async upsertRatings(runner: QueryRunner, batch: RatingRecord[]): Promise<void> {
    await runner.query(
      `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES ?
       ON DUPLICATE KEY UPDATE language_score = VALUES(language_score), procedure_score = VALUES(procedure_score), manner_score = VALUES(manner_score),
         fairness_score = VALUES(fairness_score), verdict = VALUES(verdict), flags = VALUES(flags), comment = VALUES(comment), rated_at = VALUES(rated_at)`,
      [batch.map((r) => [r.inspectionId, r.agencyId, r.language, r.procedure, r.manner, r.fairness, r.verdict, r.flags.join(','), r.comment, r.ratedAt])],
    );
  }

  /**
   * Sets an ordered member list (officers, items) per owner, each member row with the owner's values
   * of `ownerValueColumns`. Stale members are deleted only when some owner already existed: a batch
   * of new records needs just the insert.
   */
  private async replaceMembers(
    runner: QueryRunner,
    table: string,
    ownerColumn: string,
    memberColumn: string,
    owners: [owner: string, members: string[], ownerValues?: unknown[]][],
    ownersExisted: boolean,
    ownerValueColumns: string[] = [],
  ): Promise<void> {
    const pairs = owners.flatMap(([owner, members, ownerValues = []]) => members.map((member, position) => [owner, member, position, ...ownerValues]));
    if (ownersExisted) {
      const keep = pairs.map(([owner, member]) => [owner, member]);
      await runner.query(
        `DELETE FROM ${table} WHERE ${ownerColumn} IN (?)${keep.length ? ` AND (${ownerColumn}, ${memberColumn}) NOT IN (?)` : ''}`,
        keep.length ? [owners.map(([owner]) => owner), keep] : [owners.map(([owner]) => owner)],
      );
    }
    if (!pairs.length) return;
    const columns = ['position', ...ownerValueColumns];
    await runner.query(
      `INSERT INTO ${table} (${ownerColumn}, ${memberColumn}, ${columns.join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
      [pairs],
    );
  }

  // ---- reading ------------------------------------------------------------------------------

  /** Calls `onLine` for every non-blank line (1-based numbers), awaiting it when it returns a promise. */
  private async eachLine(path: string, onLine: (text: string, line: number, bytesRead: number) => void | Promise<void>): Promise<number> {
    const stream: ReadStream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    let count = 0;
    for await (const text of lines) {
      line++;
      if (!text.trim()) continue;
      count++;
      const pending = onLine(line === 1 ? text.replace(/^\uFEFF/, '') : text, line, stream.bytesRead);
      if (pending) await pending;
    }
    return count;
  }

  private progress(phase: ImportProgress['phase'], file: string, lines: number, fraction: number): void {
    this.options.onProgress?.({ phase, file, lines, percent: Math.min(100, Math.round(fraction * 1000) / 10) });
  }
}

interface RegisterKeys {
  agencies: FingerprintSet;
  officers: FingerprintSet;
  items: FingerprintSet;
  enterprises: FingerprintSet;
}

/** `Records: 1000  Duplicates: 3  Warnings: 0` — MySQL's and MariaDB's info for multi-row inserts. */
function hadDuplicates(result: unknown): boolean {
  const info = (result as { info?: string })?.info ?? '';
  const match = /Duplicates:\s*(\d+)/.exec(info);
  return match ? Number(match[1]) > 0 : true;
}

/** A stored or incoming register row in the API's field names, phones in clear, for the history diff. */
function registerView(register: HistoryEvent['register'], row: Record<string, unknown>, phones: PhoneCipher): Record<string, unknown> {
  const phone = 'phone_cipher' in row ? phones.decrypt(row.phone_cipher as string | null) : undefined;
  switch (register) {
    case 'agency':
      return { name: row.name, kind: row.kind, region: row.region };
    case 'officer':
      return { agencyId: row.agency_id, name: row.name, certNo: row.cert_no, phone };
    case 'item':
      return { agencyId: row.agency_id, name: row.name, basis: row.basis, noDisturb: Boolean(Number(row.no_disturb)) };
    case 'enterprise':
      return { name: row.name, industry: row.industry, region: row.region, phone, creditGrade: row.credit_grade, lowTouch: Boolean(Number(row.low_touch)) };
  }
}
