var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var QueuesModule_1;
import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { QueueName } from './queues.js';
/** Bull on the configured Redis; `BULL_PREFIX` keeps test runs apart on a shared Redis. */
let QueuesModule = QueuesModule_1 = class QueuesModule {
    static forRoot(redisUrl) {
        const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
        return {
            module: QueuesModule_1,
            imports: [BullModule.forRoot({ url: redisUrl, prefix: process.env.BULL_PREFIX || 'bull' }), queues],
            exports: [queues],
        };
    }
};
QueuesModule = QueuesModule_1 = __decorate([
    Global(),
    Module({})
], QueuesModule);
export { QueuesModule };
