/** Enterprises' ratings of inspections: mostly content, less so with one planted agency and after repeated inspections. */
import { RATING_PROBLEMS, type RatingProblem } from '@mashang/shared';
import { KINDS } from '../data/agency-kinds.js';
import { COMPLAINTS, PRAISE } from '../data/rating-comments.js';
import type { Calendar } from './calendar.js';
import type { JsonlWriter } from './jsonl-writer.js';
import type { Agency } from './registers.js';
import type { Rng } from './rng.js';
import { S_FREQUENCY, S_REPEATED } from './scenarios.js';

export class RatingWriter {
  /** Ratings written. */
  count = 0;
  /** A busy agency: the first district-level one when there are any, else the second. */
  readonly lowSatisfactionAgency: number;

  constructor(
    readonly out: JsonlWriter,
    private readonly calendar: Calendar,
    agencyCount: number,
  ) {
    this.lowSatisfactionAgency = agencyCount > KINDS.length ? KINDS.length : 1;
  }

  make(a: Agency, inspectionId: string, finishMs: number, scenario: number, rng: Rng): void {
    const ratedAt = finishMs + (3600 + rng.int(72 * 3600)) * 1000;
    if (ratedAt > this.calendar.endMs) return;
    const unhappy =
      a.index === this.lowSatisfactionAgency ? 0.3 : scenario === S_REPEATED || scenario === S_FREQUENCY ? 0.5 : 0.025;
    const disapprove = rng.chance(unhappy);
    const score = (): number => {
      const x = rng.next();
      if (disapprove) return x < 0.25 ? 1 : x < 0.65 ? 2 : x < 0.95 ? 3 : 4;
      return x < 0.6 ? 5 : x < 0.92 ? 4 : 3;
    };
    const language = score();
    const procedure = score();
    const manner = score();
    const fairness = score();
    let flags: RatingProblem[] = [];
    let comment: string | null = null;
    if (disapprove) {
      let mask = 0;
      if (scenario === S_REPEATED || scenario === S_FREQUENCY) mask |= 1;
      const count = rng.chance(0.7) ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const x = rng.next();
        mask |= x < 0.3 ? 1 : x < 0.45 ? 2 : x < 0.7 ? 4 : 8;
      }
      flags = RATING_PROBLEMS.filter((_, k) => mask & (1 << k));
      if (rng.chance(0.7)) comment = rng.pick(COMPLAINTS[31 - Math.clz32(mask & -mask)]);
    } else if (rng.chance(0.15)) {
      comment = rng.pick(PRAISE);
    }
    this.count++;
    this.out.push('ratings', {
      inspectionId,
      agencyId: a.id,
      language,
      procedure,
      manner,
      fairness,
      verdict: disapprove ? 'disapprove' : 'approve',
      flags,
      comment,
      ratedAt: new Date(ratedAt),
    });
  }
}
