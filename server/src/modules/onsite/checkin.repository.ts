import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { MultiStatementPool, type ScriptedTransaction, type Statement } from '../../infra/database/multi-statement-pool.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { insertedOnce } from './client-key.js';

/** An officer's arrival as recorded. */
export interface CheckinRecord {
  planId: string;
  officerId: string;
  userId: number;
  creditCode: string;
  at: Date;
  receivedAt: Date;
  latitude: number | null;
  longitude: number | null;
  clientKey: string;
}

const INSERT = 'INSERT INTO checkins (plan_id, officer_id, user_id, credit_code, at, received_at, latitude, longitude, client_key) VALUES ?';
const values = (c: CheckinRecord) => [c.planId, c.officerId, c.userId, c.creditCode, c.at, c.receivedAt, c.latitude, c.longitude, c.clientKey];

/**
 * Every statement on `checkins`, and the connections that carry the check-ins' scripted transactions
 * (several statements to a round trip: the batched check-in is the hot path).
 */
@Injectable()
export class CheckinRepository extends BaseRepository implements OnModuleDestroy {
  private scriptPool?: MultiStatementPool;

  /** The statement that records check-ins, for a caller's script. */
  insertStatement(checkins: CheckinRecord[]): Statement {
    return [INSERT, [checkins.map(values)]];
  }

  /** Records one check-in; false when its idempotency key is recorded already. */
  insertOnce(checkin: CheckinRecord, tx: Tx): Promise<boolean> {
    return insertedOnce(() => tx.query(INSERT, [[values(checkin)]]));
  }

  async hasKey(userId: number, clientKey: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM checkins WHERE user_id = ? AND client_key = ?', [userId, clientKey]);
    return rows.length > 0;
  }

  /**
   * Runs `work` in a READ COMMITTED transaction of scripts (see MultiStatementPool), on connections of
   * their own to the main pool's database, opened on first use.
   */
  scriptedTransaction<T>(work: (tx: ScriptedTransaction) => Promise<T>): Promise<T> {
    if (!this.scriptPool) {
      // MariaDB caches a correlated subquery's answers for the statement; the match's trail-tail probe never
      // asks twice, so the cache only costs: a quarter of the match read's database time.
      const session = this.dataSource.options.type === 'mariadb' ? ["SET SESSION optimizer_switch = 'subquery_cache=off'"] : [];
      this.scriptPool = new MultiStatementPool((this.dataSource.options as { url: string }).url, 6, session);
    }
    return this.scriptPool.transaction(work);
  }

  async onModuleDestroy(): Promise<void> {
    await this.scriptPool?.end();
  }
}
