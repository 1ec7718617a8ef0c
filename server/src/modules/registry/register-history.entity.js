var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
/** Append-only: one row per create or change of a register entry, with who made it. */
let RegisterHistory = class RegisterHistory {
    id;
    register;
    subjectId;
    action;
    /** `user:<id>:<username>` for API edits, `import:<folder>` for imports. */
    actor;
    /** JSON: { field: { from, to } }; phones appear masked. */
    changes;
    at;
};
__decorate([
    PrimaryGeneratedColumn({ type: 'bigint' }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "id", void 0);
__decorate([
    Column({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "register", void 0);
__decorate([
    Column({ name: 'subject_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "subjectId", void 0);
__decorate([
    Column({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "action", void 0);
__decorate([
    Column({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "actor", void 0);
__decorate([
    Column({ type: 'text' }),
    __metadata("design:type", String)
], RegisterHistory.prototype, "changes", void 0);
__decorate([
    Column({ type: 'datetime', precision: 3 }),
    __metadata("design:type", Date)
], RegisterHistory.prototype, "at", void 0);
RegisterHistory = __decorate([
    Entity('register_history'),
    Index('idx_register_history_subject', ['register', 'subjectId', 'id'])
], RegisterHistory);
export { RegisterHistory };
