import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';

/** Penalty cases: their repository, for the modules that show cases. */
@Module({ providers: [CaseRepository], exports: [CaseRepository] })
export class CasesModule {}
