/**
 * Penalty cases of inspections (and now and then one without): the clause, discretion level,
 * fine and course of each, with a few revoked, overtime, cause-changed and far-off fines planted
 * so the case rules have findings.
 */
import type { CaseRecord, CauseChange, DiscretionLevel, PenaltyCaseStatus } from '@mashang/shared';
import { DAY_MS, DAYS, WINDOW_START, type Calendar } from './calendar.js';
import type { JsonlWriter } from './jsonl-writer.js';
import { pad } from './pad.js';
import type { Agency, Registers } from './registers.js';
import type { Rng } from './rng.js';

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

  /** `plant`: 0 an ordinary case; 1 a planted case of the common group; 2 the same, fined far from the rest. */
  make(
    a: Agency,
    officers: number[],
    creditCode: string,
    inspectionId: string | null,
    filedAt: number,
    rng: Rng,
    plant = 0,
  ): void {
    const causes = a.kind.causes;
    const c = rng.next();
    const causeIndex = plant > 0 ? 0 : Math.min(c < 0.6 ? 0 : c < 0.88 ? 1 : 2, causes.length - 1);
    const cause = causes[causeIndex];
    const l = rng.next();
    const levelIndex = plant > 0 ? 1 : l < 0.2 ? 0 : l < 0.87 ? 1 : 2;
    const level: DiscretionLevel = levelIndex === 0 ? 'light' : levelIndex === 1 ? 'general' : 'severe';
    const filedDay = this.calendar.dayOf(filedAt);

    // Traits, by chance, and forced on the first eligible cases until each has a few in the window.
    const revoke =
      plant === 0 && filedDay >= WINDOW_START && filedDay <= DAYS - 10 && (rng.chance(0.015) || this.revoked < 3);
    const overtime =
      plant === 0 && !revoke && filedDay >= WINDOW_START - 90 && filedDay <= DAYS - 92 && (rng.chance(0.03) || this.overtime < 3);
    const extension = plant === 0 && !revoke && !overtime && rng.chance(0.02);
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
      const decided = filedAt + days * DAY_MS + rng.int(8 * 3600) * 1000;
      if (decided > this.calendar.endMs) {
        status = 'filed';
      } else {
        decidedAt = decided;
        const [, , light, general, severe] = cause;
        const base = levelIndex === 0 ? light : levelIndex === 1 ? general : severe;
        let factor = 0.85 + rng.next() * 0.33;
        const decidedDay = this.calendar.dayOf(decided);
        const common = causeIndex === 0 && levelIndex === 1;
        if (plant === 2 || (plant === 0 && decidedDay >= WINDOW_START && common && rng.chance(0.02))) {
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
