import { InspectionCode } from './inspection-code.entity.js';
import { JointScenario } from './joint-scenario.entity.js';
import { PlanAccompaniment } from './plan-accompaniment.entity.js';
import { PlanEvent } from './plan-event.entity.js';
import { PlanItem, PlanOfficer } from './plan-member.entity.js';
import { Plan } from './plan.entity.js';
import { ReviewEvent, ReviewRequest } from './review-request.entity.js';

export const PLANS_ENTITIES = [Plan, PlanOfficer, PlanItem, PlanEvent, InspectionCode, JointScenario, ReviewRequest, ReviewEvent, PlanAccompaniment];
