import { ANALYTICS_ENTITIES } from './modules/analytics/entities.js';
import { AUDIT_ENTITIES } from './modules/audit/entities.js';
import { AUTH_ENTITIES } from './modules/auth/entities.js';
import { CAMPAIGNS_ENTITIES } from './modules/campaigns/entities.js';
import { DRAWS_ENTITIES } from './modules/draws/entities.js';
import { CASES_ENTITIES } from './modules/cases/entities.js';
import { EVALUATION_ENTITIES } from './modules/evaluation/entities.js';
import { FLAGS_ENTITIES } from './modules/flags/entities.js';
import { INSPECTIONS_ENTITIES } from './modules/inspections/entities.js';
import { OFFSITE_ENTITIES } from './modules/offsite/entities.js';
import { ONSITE_ENTITIES } from './modules/onsite/entities.js';
import { OUTBOX_ENTITIES } from './modules/outbox/entities.js';
import { PLANS_ENTITIES } from './modules/plans/entities.js';
import { PORT_ENTITIES } from './modules/port/entities.js';
import { REGISTRY_ENTITIES } from './modules/registry/entities.js';
import { SUPERVISION_ENTITIES } from './modules/supervision/entities.js';
import { TRAIL_ENTITIES } from './modules/trail/entities.js';

/** Every module's entities, assembled for the app, the CLI, the tests and the migration check. */
export const ENTITIES = [
  ...REGISTRY_ENTITIES,
  ...AUTH_ENTITIES,
  ...INSPECTIONS_ENTITIES,
  ...CASES_ENTITIES,
  ...EVALUATION_ENTITIES,
  ...PLANS_ENTITIES,
  ...TRAIL_ENTITIES,
  ...ONSITE_ENTITIES,
  ...FLAGS_ENTITIES,
  ...SUPERVISION_ENTITIES,
  ...ANALYTICS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...DRAWS_ENTITIES,
  ...OUTBOX_ENTITIES,
  ...PORT_ENTITIES,
  ...OFFSITE_ENTITIES,
  ...CAMPAIGNS_ENTITIES,
];
