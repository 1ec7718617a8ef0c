import { CaseAttachment } from './case-attachment.entity.js';
import { CreditRecord } from './credit-record.entity.js';

export const SUPERVISION_ENTITIES = [CaseAttachment, CreditRecord];
