import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import type { Tx } from '../../infra/database/tx.js';
import { diffFields, REGISTER_FIELDS, type HistoryEvent } from './register-history.js';
import type { RegisterHistoryRepository } from './register-history.repository.js';
import type { RegisterName } from './register-history.entity.js';
import type { RegisterRow, RegisterRowsRepository } from './register-rows.repository.js';

/**
 * Imported register rows are compared with what is stored, so only real changes are written and each
 * one lands in the register history (an import of an export writes nothing at all). An imported row
 * carries its phone in clear (`phone`); it is compared with the stored phone decrypted, and encrypted
 * only when the row is written, since two encryptions of one phone differ.
 */
export class RegisterImports {
  constructor(
    private readonly rows: RegisterRowsRepository,
    private readonly history: RegisterHistoryRepository,
    private readonly phones: PhoneCipher,
  ) {}

  /** Writes the rows of a batch (keyed by `keyOf`) that differ from what is stored, with their history. */
  async importBatch(register: RegisterName, batch: RegisterRow[], keyOf: (row: RegisterRow) => string, actor: string, tx: Tx): Promise<void> {
    const columns = Object.keys(batch[0]).filter((c) => c !== 'phone');
    const hasPhone = 'phone' in batch[0];
    const stored = await this.rows.stored(register, batch.map(keyOf), tx);
    const events: HistoryEvent[] = [];
    const changed: RegisterRow[] = [];
    for (const row of batch) {
      const key = keyOf(row);
      const before = stored.get(key);
      const storedPhone = before && hasPhone ? this.phones.comparable(before.phone_cipher as string | null) : null;
      const same = before && columns.every((c) => String(before[c] ?? '') === String(row[c] ?? '')) && (!hasPhone || (storedPhone ?? '') === (row.phone ?? ''));
      if (same) continue;
      const { phone, ...columnsOnly } = row;
      changed.push(hasPhone ? { ...columnsOnly, phone_cipher: this.phones.encrypt(phone as string | null) } : row);
      const view = (r: RegisterRow, p: unknown) => registerView(register, r, p);
      events.push({ register, subjectId: key, action: before ? 'update' : 'create', changes: diffFields(before ? view(before, storedPhone) : null, view(row, phone), REGISTER_FIELDS[register]) });
    }
    if (!changed.length) return;
    await this.rows.upsert(register, changed, tx);
    await this.history.append(actor, events, new Date(), tx);
  }

  /** The tables an import of a register fills: its own and the history. */
  importTables(register: RegisterName): string[] {
    return [this.rows.importTable(register), this.history.importTable()];
  }

  /**
   * A batch of an import into an empty register (the bulk path, into staging copies): nothing is
   * stored to compare with, so every row is written and recorded as created, as importBatch would.
   */
  async stageBatch(register: RegisterName, batch: RegisterRow[], keyOf: (row: RegisterRow) => string, actor: string, stage: StagedTables): Promise<void> {
    const hasPhone = 'phone' in batch[0];
    const rows: RegisterRow[] = [];
    const events: HistoryEvent[] = [];
    for (const row of batch) {
      const { phone, ...columnsOnly } = row;
      rows.push(hasPhone ? { ...columnsOnly, phone_cipher: this.phones.encrypt(phone as string | null) } : row);
      events.push({ register, subjectId: keyOf(row), action: 'create', changes: diffFields(null, registerView(register, row, phone), REGISTER_FIELDS[register]) });
    }
    await this.rows.stage(register, rows, stage);
    await this.history.stage(actor, events, new Date(), stage);
  }
}

/** A stored or incoming register row in the API's field names, its phone given in clear, for the history diff. */
function registerView(register: RegisterName, row: RegisterRow, phone: unknown): Record<string, unknown> {
  switch (register) {
    case 'agency':
      return { name: row.name, kind: row.kind, region: row.region };
    case 'officer':
      return { agencyId: row.agency_id, name: row.name, certNo: row.cert_no, phone, certExpires: row.cert_expires ?? null };
    case 'item':
      return { agencyId: row.agency_id, name: row.name, basis: row.basis, noDisturb: Boolean(Number(row.no_disturb)) };
    case 'enterprise':
      return { name: row.name, industry: row.industry, region: row.region, phone, creditGrade: row.credit_grade, lowTouch: Boolean(Number(row.low_touch)) };
  }
}
