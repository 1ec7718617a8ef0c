/**
 * Penalty cases of inspections (and now and then one without): the clause, discretion level,
 * fine and course of each, with a few revoked, overtime, cause-changed and far-off fines planted
 * so the case rules have findings, and the cases other plants ask for (see CASE_PLANT).
 */
import type { CaseRecord, CauseChange, DiscretionLevel, PenaltyCaseStatus } from '@mashang/shared';
import { DAY_MS, DAYS, WINDOW_START, type Calendar } from './calendar.js';
import type { JsonlWriter } from './jsonl-writer.js';
import { pad } from './pad.js';
import type { Agency, Registers } from './registers.js';
import type { Rng } from './rng.js';

/** What a case is planted for. */
export const CASE_PLANT = {
  none: 0,
  /** One of the 同案不同罚 group: the agency's most common clause, general level, decided in the window. */
  penaltyGroup: 1,
  /** The same, fined far from the rest. */
  penaltyOutlier: 2,
  /** Decided in the window, neither revoked nor overdue (the out-of-jurisdiction case). */
  decided: 3,
  /** 趋利性执法: mostly severe, decided in the 90 days ending at asOf. */
  surge: 4,
  /** The surge agency's case decided in the same 90 days a year earlier, the period it is compared with. */
  surgeBaseline: 5,
  /** An enterprise's case of the agency's most common clause, general or severe … */
  repeatEarlier: 6,
  /** … and its repeat offence months later, light (人情案 signal). */
  repeatLighter: 7,
} as const;
export type CasePlant = (typeof CASE_PLANT)[keyof typeof CASE_PLANT];

/** Natural days back from asOf (day DAYS - 1) of the fine-surge periods: the last 90 days, and the same 90 a year earlier. */
const SURGE_DAYS_BACK: Partial<Record<CasePlant, [number, number]>> = { [CASE_PLANT.surge]: [89, 0], [CASE_PLANT.surgeBaseline]: [454, 365] };

export class CaseWriter {
  /** Cases written. */
  count = 0;
  revoked = 0;
  overtime = 0;
  causeChanged = 0;
  fineOutliers = 0;

  constructor(
    readonly out: JsonlWriter,
    private readonly calendar: Calendar,
    private readonly registers: Registers,
    private readonly idWidth: number,
  ) {}

  /** A case of `a`'s officers on `creditCode`, filed at `filedAt`; `plant` says what it is planted for. */
  make(
    a: Agency,
    officers: number[],
    creditCode: string,
    inspectionId: string | null,
    filedAt: number,
    rng: Rng,
    plant: CasePlant = CASE_PLANT.none,
  ): void {
    const ordinary = plant === CASE_PLANT.none;
    const penaltyGroup = plant === CASE_PLANT.penaltyGroup || plant === CASE_PLANT.penaltyOutlier;
    const repeat = plant === CASE_PLANT.repeatEarlier || plant === CASE_PLANT.repeatLighter;
    const causes = a.kind.causes;
    const c = rng.next();
    const causeIndex = penaltyGroup || repeat ? 0 : Math.min(c < 0.6 ? 0 : c < 0.88 ? 1 : 2, causes.length - 1);
    const cause = causes[causeIndex];
    const l = rng.next();
    const levelIndex =
      penaltyGroup ? 1
      : plant === CASE_PLANT.surge ? (l < 0.6 ? 2 : l < 0.95 ? 1 : 0)
      : plant === CASE_PLANT.repeatEarlier ? (l < 0.5 ? 1 : 2)
      : plant === CASE_PLANT.repeatLighter ? 0
      : l < 0.2 ? 0 : l < 0.87 ? 1 : 2;
    const level: DiscretionLevel = levelIndex === 0 ? 'light' : levelIndex === 1 ? 'general' : 'severe';
    const filedDay = this.calendar.dayOf(filedAt);

    // Traits, by chance, and forced on the first eligible cases until each has a few in the window.
    const revoke =
      ordinary && filedDay >= WINDOW_START && filedDay <= DAYS - 10 && (rng.chance(0.015) || this.revoked < 3);
    const overtime =
      ordinary && !revoke && filedDay >= WINDOW_START - 90 && filedDay <= DAYS - 92 && (rng.chance(0.03) || this.overtime < 3);
    const extension = ordinary && !revoke && !overtime && rng.chance(0.02);
    const change =
      filedDay >= WINDOW_START && filedDay <= DAYS - 10 && (rng.chance(0.025) || this.causeChanged < 3);

    let status: PenaltyCaseStatus;
    let decidedAt: number | null = null;
    let closedAt: number | null = null;
    let revokedAt: number | null = null;
    let fine = 0;
    let extendedDays = 0;
    if (revoke) {
      this.revoked++;
      status = 'revoked';
      revokedAt = Math.min(this.calendar.endMs, filedAt + rng.range(5, 40) * DAY_MS + rng.int(8 * 3600) * 1000);
    } else {
      let decided: number;
      const period = SURGE_DAYS_BACK[plant];
      if (period) {
        // A working hour of a day 10–75 days after filing, inside the period.
        const lo = Math.max(filedDay + 10, DAYS - 1 - period[0]);
        const hi = Math.min(filedDay + 75, DAYS - 1 - period[1]);
        decided = this.calendar.dayZeroMs + rng.range(lo, Math.max(lo, hi)) * DAY_MS + (9 * 3600 + rng.int(8 * 3600)) * 1000;
      } else {
        let days: number;
        if (overtime) {
          this.overtime++;
          days = rng.range(95, 160);
        } else if (extension) {
          extendedDays = 30;
          days = rng.range(92, 118);
        } else {
          days = rng.range(12, 75);
        }
        decided = filedAt + days * DAY_MS + rng.int(8 * 3600) * 1000;
      }
      if (decided > this.calendar.endMs) {
        status = 'filed';
      } else {
        decidedAt = decided;
        const [, , light, general, severe] = cause;
        const base = levelIndex === 0 ? light : levelIndex === 1 ? general : severe;
        let factor = 0.85 + rng.next() * 0.33;
        const decidedDay = this.calendar.dayOf(decided);
        const common = causeIndex === 0 && levelIndex === 1;
        if (plant === CASE_PLANT.penaltyOutlier || (ordinary && decidedDay >= WINDOW_START && common && rng.chance(0.02))) {
          this.fineOutliers++;
          factor = rng.chance(0.7) ? 3 + rng.next() : 0.25 + rng.next() * 0.1;
        }
        const step = base >= 10_000 ? 500 : base >= 1000 ? 100 : 10;
        fine = Math.max(step, Math.round((base * factor) / step) * step) * 100;
        const closing = decided + rng.range(10, 60) * DAY_MS;
        if (closing <= this.calendar.endMs && rng.chance(0.9)) {
          closedAt = closing;
          status = 'closed';
        } else {
          status = 'decided';
        }
      }
    }

    const causeChanges: CauseChange[] = [];
    if (change) {
      const at = filedAt + rng.range(3, 9) * DAY_MS;
      const limit = Math.min(this.calendar.endMs, decidedAt ?? revokedAt ?? this.calendar.endMs);
      if (at <= limit) {
        this.causeChanged++;
        const others = causes.filter((x) => x !== cause);
        // Now and then a change that names the same clause (a correction): not a finding.
        const sameClause = this.causeChanged > 3 && rng.chance(0.1);
        const from = sameClause || others.length === 0 ? cause[0] : rng.pick(others)[0];
        causeChanges.push({ from, to: cause[0], at: new Date(at) });
      }
    }

    const record: CaseRecord = {
      id: `C${pad(++this.count, this.idWidth)}`,
      agencyId: a.id,
      officerIds: officers.map((o) => this.registers.officerId(o)),
      creditCode,
      inspectionId,
      cause: cause[0],
      discretionLevel: level,
      fine,
      status,
      filedAt: new Date(filedAt),
      decidedAt: decidedAt === null ? null : new Date(decidedAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
      causeChanges,
      extendedDays,
      coercive: levelIndex === 2 ? rng.chance(0.4) : levelIndex === 1 ? rng.chance(0.04) : false,
    };
    this.out.push('cases', record);
  }
}
