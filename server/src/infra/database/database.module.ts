import { Global, Module } from '@nestjs/common';
import { DatabasePing, Transactions } from './tx.js';

/** Transactions for every module's services, and the health check's ping (the data source itself comes from TypeOrmModule). */
@Global()
@Module({ providers: [Transactions, DatabasePing], exports: [Transactions, DatabasePing] })
export class DatabaseModule {}
