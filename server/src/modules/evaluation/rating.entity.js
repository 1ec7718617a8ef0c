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
/** An enterprise's rating of one agency's conduct in one inspection. */
let Rating = class Rating {
    inspectionId;
    agencyId;
    /** 执法语言是否文明, 1–5 */
    language;
    /** 执法程序是否规范 */
    procedure;
    /** 执法方式是否柔性 */
    manner;
    /** 执法结果是否公平 */
    fairness;
    /** approve | disapprove */
    verdict;
    /** Comma-separated subset of repeated, inaction, excessive, other. */
    flags;
    comment;
    ratedAt;
};
__decorate([
    PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Rating.prototype, "inspectionId", void 0);
__decorate([
    PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Rating.prototype, "agencyId", void 0);
__decorate([
    Column({ name: 'language_score', type: 'tinyint' }),
    __metadata("design:type", Number)
], Rating.prototype, "language", void 0);
__decorate([
    Column({ name: 'procedure_score', type: 'tinyint' }),
    __metadata("design:type", Number)
], Rating.prototype, "procedure", void 0);
__decorate([
    Column({ name: 'manner_score', type: 'tinyint' }),
    __metadata("design:type", Number)
], Rating.prototype, "manner", void 0);
__decorate([
    Column({ name: 'fairness_score', type: 'tinyint' }),
    __metadata("design:type", Number)
], Rating.prototype, "fairness", void 0);
__decorate([
    Column({ type: 'varchar', length: 10 }),
    __metadata("design:type", String)
], Rating.prototype, "verdict", void 0);
__decorate([
    Column({ type: 'varchar', length: 64, default: '' }),
    __metadata("design:type", String)
], Rating.prototype, "flags", void 0);
__decorate([
    Column({ type: 'varchar', length: 2000, nullable: true }),
    __metadata("design:type", Object)
], Rating.prototype, "comment", void 0);
__decorate([
    Column({ name: 'rated_at', type: 'datetime', precision: 3 }),
    __metadata("design:type", Date)
], Rating.prototype, "ratedAt", void 0);
Rating = __decorate([
    Entity('ratings'),
    Index('idx_ratings_agency_rated', ['agencyId', 'ratedAt'])
], Rating);
export { Rating };
