import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';

/** Administrative cases as the exchange format has them. */
@Module({ providers: [CaseRepository], exports: [CaseRepository] })
export class CasesModule {}
