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
/** An administrative penalty case (立案 → 决定 → 结案, or 撤销). */
let Case = class Case {
    id;
    agencyId;
    creditCode;
    inspectionId;
    /** Violation clause code. */
    cause;
    /** light | general | severe */
    discretionLevel;
    /** In fen. */
    fine;
    /** filed | decided | closed | revoked */
    status;
    filedAt;
    decidedAt;
    closedAt;
    revokedAt;
    /** JSON list of {from, to, at}; text rather than JSON so MySQL, MariaDB and TiDB store it alike. */
    causeChanges;
    /** Approved extension of the 90-day limit. */
    extendedDays;
    coercive;
};
__decorate([
    PrimaryColumn({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Case.prototype, "id", void 0);
__decorate([
    Column({ name: 'agency_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Case.prototype, "agencyId", void 0);
__decorate([
    Column({ name: 'credit_code', type: 'char', length: 18 }),
    __metadata("design:type", String)
], Case.prototype, "creditCode", void 0);
__decorate([
    Column({ name: 'inspection_id', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], Case.prototype, "inspectionId", void 0);
__decorate([
    Column({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Case.prototype, "cause", void 0);
__decorate([
    Column({ name: 'discretion_level', type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], Case.prototype, "discretionLevel", void 0);
__decorate([
    Column({ type: 'bigint' }),
    __metadata("design:type", String)
], Case.prototype, "fine", void 0);
__decorate([
    Column({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], Case.prototype, "status", void 0);
__decorate([
    Column({ name: 'filed_at', type: 'datetime', precision: 3 }),
    __metadata("design:type", Date)
], Case.prototype, "filedAt", void 0);
__decorate([
    Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }),
    __metadata("design:type", Object)
], Case.prototype, "decidedAt", void 0);
__decorate([
    Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }),
    __metadata("design:type", Object)
], Case.prototype, "closedAt", void 0);
__decorate([
    Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }),
    __metadata("design:type", Object)
], Case.prototype, "revokedAt", void 0);
__decorate([
    Column({ name: 'cause_changes', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Case.prototype, "causeChanges", void 0);
__decorate([
    Column({ name: 'extended_days', type: 'int', default: 0 }),
    __metadata("design:type", Number)
], Case.prototype, "extendedDays", void 0);
__decorate([
    Column({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], Case.prototype, "coercive", void 0);
Case = __decorate([
    Entity('cases'),
    Index('idx_cases_agency_filed', ['agencyId', 'filedAt']),
    Index('idx_cases_enterprise', ['creditCode']),
    Index('idx_cases_cause_decided', ['cause', 'discretionLevel', 'decidedAt']),
    Index('idx_cases_inspection', ['inspectionId'])
], Case);
export { Case };
