var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
let Agency = class Agency {
    id;
    name;
    /** Industry authority; agencies of one kind are "the same industry". */
    kind;
    region;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryColumn({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Agency.prototype, "id", void 0);
__decorate([
    Column({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Agency.prototype, "name", void 0);
__decorate([
    Column({ type: 'varchar', length: 32 }),
    __metadata("design:type", String)
], Agency.prototype, "kind", void 0);
__decorate([
    Column({ type: 'char', length: 6 }),
    __metadata("design:type", String)
], Agency.prototype, "region", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Agency.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Agency.prototype, "updatedAt", void 0);
Agency = __decorate([
    Entity('agencies')
], Agency);
export { Agency };
