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
/** An inspection item (检查事项) with its legal basis. */
let Item = class Item {
    id;
    agencyId;
    name;
    basis;
    /** On the 无事不扰 list: not inspected on site without a trigger. */
    noDisturb;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryColumn({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Item.prototype, "id", void 0);
__decorate([
    Column({ name: 'agency_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Item.prototype, "agencyId", void 0);
__decorate([
    Column({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Item.prototype, "name", void 0);
__decorate([
    Column({ type: 'varchar', length: 2000 }),
    __metadata("design:type", String)
], Item.prototype, "basis", void 0);
__decorate([
    Column({ name: 'no_disturb', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], Item.prototype, "noDisturb", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Item.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Item.prototype, "updatedAt", void 0);
Item = __decorate([
    Entity('items'),
    Index('idx_items_agency', ['agencyId'])
], Item);
export { Item };
