/** Ratings: an enterprise's rating of one agency's inspection. */
import { RATING_PROBLEMS, RATING_VERDICTS, type RatingProblem, type RatingRecord } from '@mashang/shared';
import {
  elementPath,
  EXCHANGE_LIMITS,
  enumSpec,
  enumValue,
  fail,
  hasFieldErrors,
  idValue,
  intValue,
  iso,
  R_ARRAY,
  R_STRING,
  tooLong,
  type ExchangeObject,
} from './fields.js';
import { timestampValue } from './timestamps.js';

/** In canonical order: a record's flags are normalised to this order. */

const E_VERDICT = enumSpec(RATING_VERDICTS);
const E_FLAG = enumSpec(RATING_PROBLEMS);
const FLAG_ORDER: ReadonlyMap<string, number> = new Map(RATING_PROBLEMS.map((f, i) => [f, i]));
const R_SCORE = 'must be an integer from 1 to 5';
const R_LONG_COMMENT = tooLong(EXCHANGE_LIMITS.comment);

function flagsValue(v: unknown, field: string): RatingProblem[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(field, R_ARRAY);
  const n = v.length;
  if (n === 0) return [];
  let ok = true;
  let seen = 0;
  let sorted = true;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const e = v[i];
    const order = typeof e === 'string' ? FLAG_ORDER.get(e) : undefined;
    if (order === undefined) {
      fail(elementPath(field, i), E_FLAG.reason);
      ok = false;
      continue;
    }
    if (seen & (1 << order)) {
      fail(elementPath(field, i), `duplicates ${e}`);
      ok = false;
      continue;
    }
    seen |= 1 << order;
    if (order < last) sorted = false;
    last = order;
  }
  if (!ok) return undefined;
  if (sorted) return v.slice() as RatingProblem[];
  const out: RatingProblem[] = [];
  for (let k = 0; k < RATING_PROBLEMS.length; k++) if (seen & (1 << k)) out.push(RATING_PROBLEMS[k]);
  return out;
}

/** Reads a rating (called through validateRecord, which clears and takes the field errors). */
export function validateRating(o: Record<string, unknown>): RatingRecord | undefined {
  const inspectionId = idValue(o.inspectionId, 'inspectionId');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const language = intValue(o.language, 'language', 1, 5, R_SCORE);
  const procedure = intValue(o.procedure, 'procedure', 1, 5, R_SCORE);
  const manner = intValue(o.manner, 'manner', 1, 5, R_SCORE);
  const fairness = intValue(o.fairness, 'fairness', 1, 5, R_SCORE);
  const verdict = enumValue(o.verdict, 'verdict', E_VERDICT);
  const flags = flagsValue(o.flags, 'flags');
  let comment: string | null | undefined = null;
  const c = o.comment;
  if (c !== undefined && c !== null) {
    if (typeof c !== 'string') comment = fail('comment', R_STRING);
    else if (c.length > EXCHANGE_LIMITS.comment) comment = fail('comment', R_LONG_COMMENT);
    else if (c.length > 0) comment = c; // an empty comment is no comment
  }
  const ratedAt = timestampValue(o.ratedAt, 'ratedAt');
  if (hasFieldErrors()) return undefined;
  return {
    inspectionId: inspectionId!,
    agencyId: agencyId!,
    language: language!,
    procedure: procedure!,
    manner: manner!,
    fairness: fairness!,
    verdict: verdict!,
    flags: flags!,
    comment: comment!,
    ratedAt: ratedAt!,
  };
}

export function serialiseRating(r: RatingRecord): ExchangeObject {
  const o: ExchangeObject = {
    inspectionId: r.inspectionId,
    agencyId: r.agencyId,
    language: r.language,
    procedure: r.procedure,
    manner: r.manner,
    fairness: r.fairness,
    verdict: r.verdict,
  };
  if (r.flags.length > 0) o.flags = r.flags.slice();
  if (r.comment !== null) o.comment = r.comment;
  o.ratedAt = iso(r.ratedAt);
  return o;
}
