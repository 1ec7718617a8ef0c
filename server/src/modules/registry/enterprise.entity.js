var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
let Enterprise = class Enterprise {
    /** 统一社会信用代码 (GB 32100-2015). */
    creditCode;
    name;
    industry;
    region;
    phoneCipher;
    /** A best … D worst. */
    creditGrade;
    /** On the 无感监管 list. */
    lowTouch;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryColumn({ name: 'credit_code', type: 'char', length: 18 }),
    __metadata("design:type", String)
], Enterprise.prototype, "creditCode", void 0);
__decorate([
    Column({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Enterprise.prototype, "name", void 0);
__decorate([
    Column({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Enterprise.prototype, "industry", void 0);
__decorate([
    Column({ type: 'char', length: 6 }),
    __metadata("design:type", String)
], Enterprise.prototype, "region", void 0);
__decorate([
    Column({ name: 'phone_cipher', type: 'varchar', length: 128, nullable: true }),
    __metadata("design:type", Object)
], Enterprise.prototype, "phoneCipher", void 0);
__decorate([
    Column({ name: 'credit_grade', type: 'char', length: 1 }),
    __metadata("design:type", String)
], Enterprise.prototype, "creditGrade", void 0);
__decorate([
    Column({ name: 'low_touch', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], Enterprise.prototype, "lowTouch", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Enterprise.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Enterprise.prototype, "updatedAt", void 0);
Enterprise = __decorate([
    Entity('enterprises'),
    Index('idx_enterprises_region', ['region']),
    Index('idx_enterprises_name', ['name'])
], Enterprise);
export { Enterprise };
