import { CaseOfficer } from './case-officer.entity.js';
import { Case } from './case.entity.js';

export const CASES_ENTITIES = [Case, CaseOfficer];
