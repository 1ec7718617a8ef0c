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
let Officer = class Officer {
    id;
    agencyId;
    name;
    /** 执法证号 */
    certNo;
    /** Encrypted (PhoneCipher); never stored or logged in clear. */
    phoneCipher;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryColumn({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Officer.prototype, "id", void 0);
__decorate([
    Column({ name: 'agency_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Officer.prototype, "agencyId", void 0);
__decorate([
    Column({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Officer.prototype, "name", void 0);
__decorate([
    Column({ name: 'cert_no', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Officer.prototype, "certNo", void 0);
__decorate([
    Column({ name: 'phone_cipher', type: 'varchar', length: 128, nullable: true }),
    __metadata("design:type", Object)
], Officer.prototype, "phoneCipher", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Officer.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], Officer.prototype, "updatedAt", void 0);
Officer = __decorate([
    Entity('officers'),
    Index('idx_officers_agency', ['agencyId'])
], Officer);
export { Officer };
