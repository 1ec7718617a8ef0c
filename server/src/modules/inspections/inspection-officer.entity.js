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
/** Officers on an inspection, in the order they were listed. */
let InspectionOfficer = class InspectionOfficer {
    inspectionId;
    officerId;
    position;
};
__decorate([
    PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], InspectionOfficer.prototype, "inspectionId", void 0);
__decorate([
    PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], InspectionOfficer.prototype, "officerId", void 0);
__decorate([
    Column({ type: 'smallint' }),
    __metadata("design:type", Number)
], InspectionOfficer.prototype, "position", void 0);
InspectionOfficer = __decorate([
    Entity('inspection_officers'),
    Index('idx_inspection_officers_officer', ['officerId'])
], InspectionOfficer);
export { InspectionOfficer };
