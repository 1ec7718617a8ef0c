import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { addDays, isCalendarDate, SHANGHAI_OFFSET_MS, type AuditChainCheck, type AuditEntryView, type AuditLogQuery, type Page } from '@mashang/shared';
import { Transactions } from '../../infra/database/tx.js';
import { invalid } from '../../infra/errors/domain-error.js';
import { AuditChainWalk } from './audit-chain.js';
import { AuditLogRepository, type AuditFilter, type AuditRecord } from './audit-log.repository.js';

/** Entries read per page when the chain is checked. */
const WALK_PAGE = 1000;

/** The start of a day in Asia/Shanghai (YYYY-MM-DD), as an instant. */
const shanghaiMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);

/**
 * The audit log (审计日志): every export and every read of phones in clear is appended here, with who,
 * when, what, how many rows, the stated purpose and the address; the discipline inspectors read it.
 */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(
    @Inject(AuditLogRepository) private readonly entries: AuditLogRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  /** The log on one data source, for the command line and tests. */
  static on(dataSource: DataSource): AuditLog {
    return new AuditLog(new AuditLogRepository(dataSource), new Transactions(dataSource));
  }

  /** Appends an entry in a transaction of its own. */
  async record(record: AuditRecord, at = new Date()): Promise<void> {
    // READ COMMITTED: the tail's locking read takes no gap lock, so concurrent appends queue on the tail row only.
    await this.transactions.run((tx) => this.entries.append(record, at, tx), 'READ COMMITTED');
  }

  /**
   * `write` (an export streamed to `out`, answering its row count), recorded once it has ended: with
   * its rows, or with none when it broke off part way (what left before still left). The export writes
   * through a stream of its own that never ends `out` (ExcelJS ends the stream it is given), so the
   * caller ends the response only after the entry is recorded; a failed record fails the export.
   */
  audited(record: Omit<AuditRecord, 'rows'>, write: (out: Writable) => Promise<number>): (out: Writable) => Promise<number> {
    return async (out) => {
      const through = new PassThrough();
      const gone = () => through.destroy(new Error('the response closed before the export ended'));
      out.once('close', gone).once('error', gone);
      // A writer waiting for 'drain' on a stream that closed would wait for ever: stop waiting for it then.
      const broken = new Promise<never>((_, reject) => through.once('error', reject));
      broken.catch(() => undefined);
      through.pipe(out, { end: false });
      let rows: number;
      try {
        rows = await Promise.race([write(through), broken]);
        if (!through.writableEnded) through.end();
        await Promise.race([finished(through), broken]);
      } catch (error) {
        await this.record({ ...record, rows: null, filter: { ...record.filter, incomplete: true } }).catch((e) => this.logger.error(`an export that broke off was not recorded: ${(e as Error).message}`));
        throw error;
      } finally {
        out.off('close', gone).off('error', gone);
        through.unpipe(out);
      }
      await this.record({ ...record, rows });
      return rows;
    };
  }

  async list(query: AuditLogQuery & { page: number; pageSize: number }): Promise<Page<AuditEntryView>> {
    for (const field of ['from', 'to'] as const) if (query[field] !== undefined && !isCalendarDate(query[field])) throw invalid(field, '须为有效日期 YYYY-MM-DD');
    const filter: AuditFilter = {
      actor: query.actor?.trim() || undefined,
      action: query.action,
      since: query.from ? shanghaiMidnight(query.from) : undefined,
      before: query.to ? shanghaiMidnight(addDays(query.to, 1)) : undefined,
    };
    const { rows, total } = await this.entries.page(filter, query);
    return {
      items: rows.map((e) => ({
        seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, resource: e.resource, filter: JSON.parse(e.filter) as Record<string, unknown>,
        purpose: e.purpose, rows: e.rows, address: e.address,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Recomputes the whole chain a page at a time and names its first broken link. */
  async verify(): Promise<AuditChainCheck> {
    const total = await this.entries.count();
    const walk = new AuditChainWalk();
    for (let after = 0; ;) {
      const page = await this.entries.after(after, WALK_PAGE);
      if (!page.length || !walk.feed(page)) break;
      after = page[page.length - 1].seq;
    }
    return walk.result(total);
  }
}
