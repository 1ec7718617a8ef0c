import { Inject, Injectable } from '@nestjs/common';
import { invalid } from '../../infra/errors/domain-error.js';
import { Transactions, type Tx } from '../../infra/database/tx.js';
import { EnterpriseRepository } from '../registry/index.js';

/** The enterprise as a change to its plans reads it, locked for the change. */
export type LockedEnterprise = NonNullable<Awaited<ReturnType<EnterpriseRepository['find']>>>;

/**
 * Runs changes to one enterprise's plans one after another: filings, moves, cancellations and code
 * issuing each lock the enterprise row first. READ COMMITTED makes every read after the lock see what
 * the previous holder committed (under REPEATABLE READ MySQL fixes the snapshot at the first read,
 * TiDB at BEGIN).
 */
@Injectable()
export class EnterpriseSerial {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
  ) {}

  run<T>(creditCode: string, work: (tx: Tx, enterprise: LockedEnterprise) => Promise<T>): Promise<T> {
    return this.transactions.run(async (tx) => {
      await this.enterprises.lock([creditCode], tx);
      const enterprise = await this.enterprises.find({ creditCode }, tx);
      if (!enterprise) throw invalid('creditCode', '企业不在企业名录中');
      return work(tx, enterprise);
    }, 'READ COMMITTED');
  }
}
