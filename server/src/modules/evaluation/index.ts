/**
 * evaluation/ — 短信评价: the SMS invite after an inspection, the enterprise's rating page, reminders
 * and delivery receipts.
 * Owns: ratings, rating_invites, rating_invite_agencies, sms_messages, sms_outbox.
 */
export { EvaluationModule } from './evaluation.module.js';
export { RatingRepository, type ImportedRating } from './rating.repository.js';
