import { createReadStream, existsSync, statSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CaseRecord, InspectionRecord, OfficerRecord, RatingRecord } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import { Staging } from '../../infra/database/staging.js';
import { Transactions, type Tx } from '../../infra/database/tx.js';
import { CaseRepository } from '../cases/index.js';
import { RatingRepository } from '../evaluation/index.js';
import { InspectionRepository } from '../inspections/index.js';
import { RegisterHistoryRepository, RegisterImports, RegisterRowsRepository } from '../registry/index.js';
import {
  EXCHANGE_KINDS,
  recordKey,
  validateRecord,
  type ExchangeKind,
} from './records/index.js';
import { FingerprintSet } from './fingerprint-set.js';
import { importTables, registerRows, StagedWrites, type AnyRecord } from './staged-writes.js';

export interface ImportProblem {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface ImportProgress {
  /**
   * `validate` then `write` (two passes over the files, into the tables in one transaction); or,
   * on the bulk path, `load` (one pass: validated and loaded into staging tables) then `index`.
   */
  phase: 'validate' | 'write' | 'load' | 'index';
  /** The file being read, or the table whose indexes were just built. */
  file: string;
  lines: number;
  /** 0–100 over all phases: by bytes read, then (`index`) by tables indexed. */
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
  /**
   * The bulk path (staging tables swapped in whole) when every table the import fills is empty:
   * `auto` (default) for datasets of BULK_MIN_BYTES or more, `on` whatever the size, `off` never.
   */
  bulk?: 'auto' | 'on' | 'off';
  /** Bulk path: LOAD DATA LOCAL INFILE where the server allows it (default), or false for INSERT statements. */
  loadData?: boolean;
}

/** Below this, the bulk path's fixed costs (creating, indexing and swapping tables) outweigh what it saves. */
export const BULK_MIN_BYTES = 32 << 20;
/** Share of the bulk path's progress given to the load pass (the rest to the index builds). */
const LOAD_SHARE = 0.85;

/** What validation does with each valid record and at the end of each file, when nothing is wrong so far. */
interface ValidationHooks {
  phase: ImportProgress['phase'];
  /** The share of the progress the pass covers. */
  share: number;
  onRecord?: (kind: ExchangeKind, record: AnyRecord) => Promise<void> | undefined;
  onFileEnd?: (kind: ExchangeKind) => Promise<void>;
}

const fileName = (kind: ExchangeKind) => `${kind}.jsonl`;

/** What an import writes through: each table's owner. */
export interface ImportTargets {
  transactions: Transactions;
  registers: RegisterRowsRepository;
  registerImports: RegisterImports;
  inspections: InspectionRepository;
  cases: CaseRepository;
  ratings: RatingRepository;
  staging: Staging;
}

/**
 * Imports an exchange-format folder, all or nothing, streaming every file line by line.
 *
 * Usually: first validates every line of every file (formats, uniqueness, references) without
 * writing, then — only if nothing is wrong — upserts it all in one transaction, in batches, through
 * each table's owner.
 *
 * The bulk path, when every table the import fills is empty (a region arriving with years of
 * history): one pass validates the lines and loads them, through the same owners, into staging
 * tables without secondary indexes; the indexes are built after (by sorting), and all staging
 * tables are swapped in by one RENAME TABLE. On any problem the staging tables are dropped, so
 * nothing is imported either way; an interrupted load leaves the tables as they were.
 */
export class ExchangeImporter {
  private readonly batchSize: number;
  private readonly maxProblems: number;

  constructor(
    private readonly targets: ImportTargets,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxProblems = options.maxProblems ?? 1000;
  }

  /** The importer on one data source, for the CLI, the demo loader, benchmarks and tests. */
  static on(dataSource: DataSource, phones: PhoneCipher, options: ImportOptions): ExchangeImporter {
    const registers = new RegisterRowsRepository(dataSource);
    return new ExchangeImporter({
      transactions: new Transactions(dataSource),
      registers,
      registerImports: new RegisterImports(registers, new RegisterHistoryRepository(dataSource), phones),
      inspections: new InspectionRepository(dataSource),
      cases: new CaseRepository(dataSource),
      ratings: new RatingRepository(dataSource),
      staging: new Staging(dataSource),
    }, options);
  }

  async import(dir: string): Promise<ImportResult> {
    const present = EXCHANGE_KINDS.filter((kind) => existsSync(join(dir, fileName(kind))));
    const totalBytes = present.reduce((sum, kind) => sum + statSync(join(dir, fileName(kind))).size, 0) || 1;
    const stage = await this.openStaging(present, totalBytes);
    if (stage) return this.importStaged(dir, present, totalBytes, stage);
    const validation = await this.validate(dir, present, totalBytes, { phase: 'validate', share: 0.5 });
    if (validation.problemCount > 0) return { ok: false, ...validation };
    await this.write(dir, present, totalBytes);
    return { ok: true, ...validation };
  }

  // ---- the bulk path ------------------------------------------------------------------------

  private async openStaging(kinds: ExchangeKind[], totalBytes: number): Promise<StagedTables | null> {
    const mode = this.options.bulk ?? 'auto';
    if (mode === 'off' || (mode === 'auto' && totalBytes < BULK_MIN_BYTES) || !kinds.length) return null;
    const tables = importTables(this.targets, kinds);
    let indexed = 0;
    const onIndexed = (table: string) => this.progress('index', table, 0, LOAD_SHARE + ((1 - LOAD_SHARE) * ++indexed) / tables.length);
    return this.targets.staging.open(tables, { loadData: this.options.loadData, onIndexed });
  }

  /** One pass: validated lines are loaded into the staging tables until a problem turns up; swapped in only if none did. */
  private async importStaged(dir: string, kinds: ExchangeKind[], totalBytes: number, stage: StagedTables): Promise<ImportResult> {
    const writes = new StagedWrites(this.targets, stage, this.options.actor, this.batchSize, kinds);
    try {
      const validation = await this.validate(dir, kinds, totalBytes, {
        phase: 'load',
        share: LOAD_SHARE,
        onRecord: (kind, record) => writes.add(kind, record),
        onFileEnd: (kind) => writes.finish(kind),
      });
      if (validation.problemCount > 0) {
        await stage.discard();
        return { ok: false, ...validation };
      }
      if (!(await stage.swap())) {
        // A table received rows while loading: the bulk path no longer applies, the usual write does.
        await stage.discard();
        await this.write(dir, kinds, totalBytes);
      }
      this.progress('index', '', 0, 1);
      return { ok: true, ...validation };
    } catch (error) {
      await stage.discard().catch(() => undefined);
      throw error;
    }
  }

  // ---- pass 1: validate ---------------------------------------------------------------------

  private async validate(dir: string, kinds: ExchangeKind[], totalBytes: number, hooks: ValidationHooks) {
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
      for (const id of await this.targets.inspections.existingIds([...pendingInspectionRefs.keys()])) pendingInspectionRefs.delete(id);
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
      this.progress(hooks.phase, file, 0, (bytesBefore / totalBytes) * hooks.share);
      const lines = await this.eachLine(join(dir, file), (text, line, bytesRead) => {
        if (line % 50_000 === 0) this.progress(hooks.phase, file, line, ((bytesBefore + bytesRead) / totalBytes) * hooks.share);
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
        const resolving = pendingInspectionRefs.size >= 2000 ? resolvePending() : undefined;
        // Written only while everything read so far is right: after the first problem the pass only validates.
        const written = hooks.onRecord && problemCount === 0 ? hooks.onRecord(kind, record) : undefined;
        if (resolving && written) return Promise.all([resolving, written]).then(() => undefined);
        return resolving ?? written;
      });
      await resolvePending();
      if (hooks.onFileEnd && problemCount === 0) await hooks.onFileEnd(kind);
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
    const keys = async (register: 'agency' | 'officer' | 'item' | 'enterprise') => {
      const set = new FingerprintSet();
      for (const key of await this.targets.registers.keys(register)) set.add(key);
      return set;
    };
    return { agencies: await keys('agency'), officers: await keys('officer'), items: await keys('item'), enterprises: await keys('enterprise') };
  }

  // ---- pass 2: write ------------------------------------------------------------------------

  private async write(dir: string, kinds: ExchangeKind[], totalBytes: number): Promise<void> {
    await this.targets.transactions.run(async (tx) => {
      // One batch is written while the next is read and parsed, so Node and the database work at once.
      let inflight: Promise<void> = Promise.resolve();
      const submit = async (kind: ExchangeKind, batch: AnyRecord[]) => {
        await inflight;
        inflight = this.writeBatch(tx, kind, batch);
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
      } catch (error) {
        // The batch in flight ends before the transaction rolls back.
        await inflight.catch(() => undefined);
        throw error;
      }
    });
    this.progress('write', '', 0, 1);
  }

  private writeBatch(tx: Tx, kind: ExchangeKind, batch: AnyRecord[]): Promise<void> {
    const registers = registerRows(kind, batch);
    if (registers) {
      const { register, rows, key } = registers;
      return this.targets.registerImports.importBatch(register, rows, (row) => String(row[key]), this.options.actor, tx);
    }
    switch (kind) {
      case 'inspections':
        // Officer rows carry their inspection's agency, enterprise and times (the report's officer pass reads them alone);
        // item rows its trigger and start (the report finds an item's planned inspections in its window from them).
        return this.targets.inspections.upsertMany(batch as InspectionRecord[], tx);
      case 'cases':
        return this.targets.cases.upsertMany(batch as CaseRecord[], tx);
      default:
        return this.targets.ratings.upsertMany(batch as RatingRecord[], tx);
    }
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
