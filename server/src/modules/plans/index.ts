/**
 * plans/ — 事前报备: inspection plans, their merging into joint inspections, inspection codes,
 * joint-supervision scenarios and review requests (异议复查).
 * Owns: plans, plan_officers, plan_items, plan_events, inspection_codes, joint_scenarios,
 * review_requests, review_events, plan_accompaniments (陪同执法). Plans of a visit kind are visits
 * that are not inspections (回访、服务走访).
 */
export { PlansModule } from './plans.module.js';
export { LateCodes, type LateCode } from './late-code.js';
export { PlanRepository, type PlanMember } from './plan.repository.js';
export { InspectionCodeRepository } from './inspection-code.repository.js';
export { LiveCodes, type LiveCode } from './inspection-codes/live-codes.js';
export { PlanProgressRepository, type PlanArrival, type PlanMatchQuery, type PlanMatchRow, type PlanProgress } from './plan-progress.repository.js';
export { FilePlan } from './filing/file-plan.js';
export { AccompanimentRepository, type Accompaniment } from './accompaniment.repository.js';
export { AccompanyingNames } from './visits/accompanying-names.js';
export { IssueCode } from './inspection-codes/issue-code.js';
export { EnterpriseSerial, type LockedEnterprise } from './enterprise-serial.js';
export { Regrouping } from './merging/regroup.js';
