import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StagedTables, type StagingOptions } from './staged-tables.js';

/** Opens staged tables for services (the bulk path of imports); the rows they load come from the tables' repositories. */
@Injectable()
export class Staging {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Staging tables for `tables`, or null when one of them is not empty. */
  open(tables: readonly string[], options?: StagingOptions): Promise<StagedTables | null> {
    return StagedTables.open(this.dataSource, tables, options);
  }
}
