import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CasesModule } from '../cases/index.js';
import { EvaluationModule } from '../evaluation/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { RegistryModule } from '../registry/index.js';
import { ExchangeController } from './exchange.controller.js';
import { ExchangeProcessor } from './exchange.processor.js';
import { ExchangeService } from './exchange.service.js';
import { ExchangeFileExport } from './file-export.js';

@Module({
  imports: [RegistryModule, InspectionsModule, CasesModule, EvaluationModule, AuditModule],
  controllers: [ExchangeController],
  providers: [ExchangeService, ExchangeFileExport, ExchangeProcessor],
})
export class ExchangeModule {}
