import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { retryOnLockConflict } from './lock-conflicts.js';

/** Where a repository's statements run: a transaction's manager, or the pool's (`dataSource.manager`). */
export type Tx = EntityManager;

export type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * The base of every repository. A method that may run inside a transaction takes the caller's `tx`
 * last and runs on the pool without it; the service that opens the transaction decides its bounds.
 */
export abstract class BaseRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  protected db(tx?: Tx): Tx {
    return tx ?? this.dataSource.manager;
  }
}

/**
 * Opens transactions for services: the statements inside belong to repositories. A transaction the
 * database rolls back as a lock conflict (a deadlock, or on Galera a write set that lost
 * certification to another node's) is run again from the start, a few times: `work` must do nothing
 * outside the transaction that a second run would repeat.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return retryOnLockConflict(() => (isolation ? this.dataSource.transaction(isolation, work) : this.dataSource.transaction(work)));
  }
}

/** Whether the database answers, for the health check. */
@Injectable()
export class DatabasePing {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ping(): Promise<unknown> {
    return this.dataSource.query('SELECT 1');
  }
}
