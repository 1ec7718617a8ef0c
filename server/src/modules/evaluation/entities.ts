import { RatingInvite, RatingInviteAgency, SmsMessage, SmsOutboxEntry } from './rating-invite.entity.js';
import { Rating } from './rating.entity.js';

export const EVALUATION_ENTITIES = [Rating, RatingInvite, RatingInviteAgency, SmsMessage, SmsOutboxEntry];
