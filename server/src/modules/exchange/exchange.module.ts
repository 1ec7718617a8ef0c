import { Module } from '@nestjs/common';
import { ExchangeController } from './exchange.controller.js';
import { ExchangeProcessor } from './exchange.processor.js';
import { ExchangeService } from './exchange.service.js';

@Module({
  controllers: [ExchangeController],
  providers: [ExchangeService, ExchangeProcessor],
})
export class ExchangeModule {}
