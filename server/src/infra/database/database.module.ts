import { Global, Module } from '@nestjs/common';
import { Staging } from './staging.js';
import { DatabasePing, Transactions } from './tx.js';

/** Transactions (and staged tables for bulk loads) for every module's services, and the health check's ping (the data source itself comes from TypeOrmModule). */
@Global()
@Module({ providers: [Transactions, Staging, DatabasePing], exports: [Transactions, Staging, DatabasePing] })
export class DatabaseModule {}
