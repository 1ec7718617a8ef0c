import type { AgencyRecord, CaseRecord, EnterpriseRecord, InspectionRecord, ItemRecord, OfficerRecord, RatingRecord } from '@mashang/shared';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import type { RegisterRow } from '../registry/index.js';
import type { ImportTargets } from './exchange-import.js';
import type { ExchangeKind } from './records/index.js';

export type AnyRecord = AgencyRecord | OfficerRecord | ItemRecord | EnterpriseRecord | InspectionRecord | CaseRecord | RatingRecord;
type RegisterName = 'agency' | 'officer' | 'item' | 'enterprise';

/** A register kind's batch as register rows (database column names, the phone in clear), with the register and its key column. */
export function registerRows(kind: ExchangeKind, batch: AnyRecord[]): { register: RegisterName; rows: RegisterRow[]; key: string } | null {
  switch (kind) {
    case 'agencies':
      return { register: 'agency', key: 'id', rows: (batch as AgencyRecord[]).map((r) => ({ id: r.id, name: r.name, kind: r.kind, region: r.region })) };
    case 'officers':
      return {
        register: 'officer', key: 'id',
        rows: (batch as OfficerRecord[]).map((r) => ({ id: r.id, agency_id: r.agencyId, name: r.name, cert_no: r.certNo, phone: r.phone, cert_expires: r.certExpires })),
      };
    case 'items':
      return {
        register: 'item', key: 'id',
        rows: (batch as ItemRecord[]).map((r) => ({ id: r.id, agency_id: r.agencyId, name: r.name, basis: r.basis, no_disturb: r.noDisturb ? 1 : 0 })),
      };
    case 'enterprises':
      return {
        register: 'enterprise', key: 'credit_code',
        rows: (batch as EnterpriseRecord[]).map((r) => ({
          credit_code: r.creditCode, name: r.name, industry: r.industry, region: r.region, phone: r.phone, credit_grade: r.creditGrade, low_touch: r.lowTouch ? 1 : 0,
        })),
      };
    default:
      return null;
  }
}

const REGISTER_OF: Partial<Record<ExchangeKind, RegisterName>> = { agencies: 'agency', officers: 'officer', items: 'item', enterprises: 'enterprise' };

/** The tables an import of these kinds fills, each once, from their owners. */
export function importTables(targets: ImportTargets, kinds: readonly ExchangeKind[]): string[] {
  const tables = kinds.flatMap((kind) => tablesOf(targets, kind));
  return [...new Set(tables)];
}

function tablesOf(targets: ImportTargets, kind: ExchangeKind): string[] {
  const register = REGISTER_OF[kind];
  if (register) return targets.registerImports.importTables(register);
  if (kind === 'inspections') return targets.inspections.importTables();
  if (kind === 'cases') return targets.cases.importTables();
  return targets.ratings.importTables();
}

/**
 * The bulk path's writes: valid records, as validation passes them, in batches through each
 * table's owner into the staging tables. A kind's tables are finished (their index builds queued)
 * when its file ends — except the register history, which every register kind writes, and which is
 * finished with the last of them.
 */
export class StagedWrites {
  private batch: AnyRecord[] = [];
  private readonly historyTable: string | null;
  private registersLeft: number;

  constructor(
    private readonly targets: ImportTargets,
    private readonly stage: StagedTables,
    private readonly actor: string,
    private readonly batchSize: number,
    kinds: readonly ExchangeKind[],
  ) {
    const registerKinds = kinds.filter((kind) => REGISTER_OF[kind]);
    this.registersLeft = registerKinds.length;
    this.historyTable = registerKinds.length ? tablesOf(targets, registerKinds[0])[1] : null;
  }

  /** Adds a record; returns a promise (to await before the next) when a batch went out. */
  add(kind: ExchangeKind, record: AnyRecord): Promise<void> | undefined {
    this.batch.push(record);
    return this.batch.length >= this.batchSize ? this.flush(kind) : undefined;
  }

  /** The kind's file has ended: its last batch goes out and its tables are finished. */
  async finish(kind: ExchangeKind): Promise<void> {
    await this.flush(kind);
    let tables = tablesOf(this.targets, kind);
    if (REGISTER_OF[kind] && --this.registersLeft > 0) tables = tables.filter((t) => t !== this.historyTable);
    await this.stage.finish(tables);
  }

  private async flush(kind: ExchangeKind): Promise<void> {
    if (!this.batch.length) return;
    const batch = this.batch;
    this.batch = [];
    const registers = registerRows(kind, batch);
    if (registers) {
      const { register, rows, key } = registers;
      return this.targets.registerImports.stageBatch(register, rows, (row) => String(row[key]), this.actor, this.stage);
    }
    if (kind === 'inspections') return this.targets.inspections.stageMany(batch as InspectionRecord[], this.stage);
    if (kind === 'cases') return this.targets.cases.stageMany(batch as CaseRecord[], this.stage);
    return this.targets.ratings.stageMany(batch as RatingRecord[], this.stage);
  }
}
