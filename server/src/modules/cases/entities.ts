import { CaseOfficer } from './case-officer.entity.js';
import { CaseProcedure } from './case-procedure.entity.js';
import { Case } from './case.entity.js';
import { CoerciveMeasure } from './coercive-measure.entity.js';
import { DiscretionBenchmarkRow } from './discretion/discretion-benchmark.entity.js';
import { LegalReview } from './legal-review.entity.js';
import { PartySubmission } from './party-submission.entity.js';

export const CASES_ENTITIES = [Case, CaseOfficer, CaseProcedure, PartySubmission, CoerciveMeasure, LegalReview, DiscretionBenchmarkRow];
