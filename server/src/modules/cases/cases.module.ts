import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';

/** Penalty cases: imported and exported in the exchange format, read by the views that show them. */
@Module({ providers: [CaseRepository], exports: [CaseRepository] })
export class CasesModule {}
