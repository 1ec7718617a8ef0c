var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
/** A login: console users by password, officers also through WeChat (bound openid). */
let User = class User {
    id;
    username;
    passwordHash;
    role;
    displayName;
    agencyId;
    officerId;
    wechatOpenid;
    active;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn({ type: 'int' }),
    __metadata("design:type", Number)
], User.prototype, "id", void 0);
__decorate([
    Column({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], User.prototype, "username", void 0);
__decorate([
    Column({ name: 'password_hash', type: 'varchar', length: 255 }),
    __metadata("design:type", String)
], User.prototype, "passwordHash", void 0);
__decorate([
    Column({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], User.prototype, "role", void 0);
__decorate([
    Column({ name: 'display_name', type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], User.prototype, "displayName", void 0);
__decorate([
    Column({ name: 'agency_id', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "agencyId", void 0);
__decorate([
    Column({ name: 'officer_id', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "officerId", void 0);
__decorate([
    Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "wechatOpenid", void 0);
__decorate([
    Column({ type: 'boolean', default: true }),
    __metadata("design:type", Boolean)
], User.prototype, "active", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], User.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }),
    __metadata("design:type", Date)
], User.prototype, "updatedAt", void 0);
User = __decorate([
    Entity('users'),
    Index('uq_users_username', ['username'], { unique: true }),
    Index('uq_users_wechat_openid', ['wechatOpenid'], { unique: true })
], User);
export { User };
