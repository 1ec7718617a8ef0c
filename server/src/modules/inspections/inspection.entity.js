var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
/** One agency's record of an on-site inspection (a joint inspection has one per agency, sharing `jointId`). */
let Inspection = class Inspection {
    id;
    agencyId;
    creditCode;
    /** planned | complaint | superior | undercover | emergency | other (`trigger` is reserved in SQL). */
    trigger;
    jointId;
    startedAt;
    finishedAt;
    coded;
    codedAt;
    /** pass | rectify | case */
    result;
};
__decorate([
    PrimaryColumn({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Inspection.prototype, "id", void 0);
__decorate([
    Column({ name: 'agency_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Inspection.prototype, "agencyId", void 0);
__decorate([
    Column({ name: 'credit_code', type: 'char', length: 18 }),
    __metadata("design:type", String)
], Inspection.prototype, "creditCode", void 0);
__decorate([
    Column({ name: 'trigger_type', type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], Inspection.prototype, "trigger", void 0);
__decorate([
    Column({ name: 'joint_id', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], Inspection.prototype, "jointId", void 0);
__decorate([
    Column({ name: 'started_at', type: 'datetime', precision: 3 }),
    __metadata("design:type", Date)
], Inspection.prototype, "startedAt", void 0);
__decorate([
    Column({ name: 'finished_at', type: 'datetime', precision: 3 }),
    __metadata("design:type", Date)
], Inspection.prototype, "finishedAt", void 0);
__decorate([
    Column({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Inspection.prototype, "coded", void 0);
__decorate([
    Column({ name: 'coded_at', type: 'datetime', precision: 3, nullable: true }),
    __metadata("design:type", Object)
], Inspection.prototype, "codedAt", void 0);
__decorate([
    Column({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], Inspection.prototype, "result", void 0);
Inspection = __decorate([
    Entity('inspections'),
    Index('idx_inspections_enterprise_start', ['creditCode', 'startedAt']),
    Index('idx_inspections_agency_start', ['agencyId', 'startedAt']),
    Index('idx_inspections_start', ['startedAt']),
    Index('idx_inspections_joint', ['jointId'])
], Inspection);
export { Inspection };
