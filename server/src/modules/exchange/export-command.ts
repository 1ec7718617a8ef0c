import { hostname } from 'node:os';
import { AUDIT_RESOURCES, CLI_ACTOR } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { AuditLog } from '../audit/index.js';
import { ExchangeExporter } from './exchange-export.js';
import type { ExchangeKind } from './records/index.js';

export interface ExportCommandResult {
  counts: Partial<Record<ExchangeKind, number>>;
  /** Phones left out because no configured key reads them (importing the folder would erase them). */
  unreadablePhones: number;
}

/**
 * `npm run cli -- export DIR --purpose 用途`: the whole database in the exchange format, phones in
 * clear (the operator's round trip: importing it changes nothing). Recorded in the audit log as the
 * command line's, from this host, with the purpose (checked by the caller) and the rows of every
 * file — also when it breaks off, with what was written by then.
 */
export async function runExportCommand(dataSource: DataSource, phones: PhoneCipher, dir: string, purpose: string, onProgress?: (kind: ExchangeKind, rows: number) => void): Promise<ExportCommandResult> {
  const exporter = ExchangeExporter.on(dataSource, phones);
  const written: Partial<Record<ExchangeKind, number>> = {};
  const record = (complete: boolean) => AuditLog.on(dataSource).record({
    actor: CLI_ACTOR, action: 'export-unmasked', resource: AUDIT_RESOURCES.exchange(), filter: { dir, files: written, ...(complete ? {} : { incomplete: true }) },
    purpose, rows: Object.values(written).reduce((sum, n) => sum + n, 0), address: hostname(),
  });
  try {
    Object.assign(written, await exporter.export(dir, (kind, rows) => {
      written[kind] = rows;
      onProgress?.(kind, rows);
    }));
  } catch (error) {
    await record(false);
    throw error;
  }
  await record(true);
  return { counts: written, unreadablePhones: exporter.unreadablePhones };
}
