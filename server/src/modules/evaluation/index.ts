/**
 * evaluation/ — 短信评价: SMS rating invites after finished inspections, the enterprise's public rating
 * page, delivery receipts, and what agencies see of their invites; the SMS provider every module sends through.
 * Owns: ratings, rating_invites, rating_invite_agencies, sms_messages, sms_outbox.
 */
export { EvaluationModule } from './evaluation.module.js';
export { RatingRepository } from './rating.repository.js';
export { RatingInviteRepository, type InvitedAgency } from './rating-invite.repository.js';
export { SmsOutboxRepository } from './sms-outbox.repository.js';
export { RatingInvitations } from './inviting/rating-invitations.js';
export { SmsSender } from './sms-sender.js';
// The provider layer (Aliyun, Tencent, the local outbox), for other messages than rating invites.
export { SMS_PROVIDER, type OutgoingSms, type SendOutcome, type SmsProvider } from './providers/sms-provider.js';
export { POOR_SCORE, ratingDedupeKey } from './rating-flags.js';
export { credentialHash, parseCredential } from './rating-token.js';
