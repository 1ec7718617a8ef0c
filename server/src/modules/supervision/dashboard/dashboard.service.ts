import { Inject, Injectable } from '@nestjs/common';
import { addDays, AGENCY_AGGREGATE_MIN_RATINGS, FLAG_AGE_BUCKETS, shanghaiDate, type DashboardView, type SessionUser } from '@mashang/shared';
import { agencyScope } from '../../auth/index.js';
import { RatingRepository } from '../../evaluation/index.js';
import { FlaggedCaseQueueRepository } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { PlanRepository } from '../../plans/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';

const YEAR_MS = 365 * 86_400_000;
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The last `count` calendar months ending with the one `today` is in, oldest first (YYYY-MM). */
export function lastMonths(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Monitoring for the supervisor: every agency; an agency admin sees the same figures for its own agency
 * only, its satisfaction only once it rests on AGENCY_AGGREGATE_MIN_RATINGS ratings.
 */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(RatingRepository) private readonly ratings: RatingRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(FlaggedCaseQueueRepository) private readonly flags: FlaggedCaseQueueRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  /** Every figure read in parallel, then the agencies' names in one look-up. */
  async dashboard(user: SessionUser, months: number, now = new Date()): Promise<DashboardView> {
    const scope = agencyScope(user);
    const today = shanghaiDate(now);
    const yearAgo = new Date(now.getTime() - YEAR_MS);
    const monthList = lastMonths(today, months);
    // Bucket i holds cases raised on or before today − minDays(i), and after the next bucket's bound.
    const ageBounds = FLAG_AGE_BUCKETS.slice(1).map((b) => shanghaiMidnight(addDays(today, 1 - b.minDays)));
    const [underWay, monthly, satisfaction, inspected, registered, openByAge] = await Promise.all([
      // Inspections in progress today: checked in today and not finished.
      this.plans.inProgressByAgency(shanghaiMidnight(today), shanghaiMidnight(addDays(today, 1)), scope),
      this.inspections.countsByAgencyMonth(new Date(`${monthList[0]}-01T00:00:00+08:00`), scope),
      this.ratings.satisfactionByAgency(yearAgo, scope),
      this.inspections.enterprisesInspectedSince(yearAgo, scope),
      this.enterprises.total(),
      this.flags.openCountsByAge(ageBounds, scope),
    ]);
    // An agency sees its satisfaction over enough ratings that no one enterprise's rating shows through.
    const satisfactionShown = scope === null ? satisfaction : satisfaction.filter((r) => r.ratings >= AGENCY_AGGREGATE_MIN_RATINGS);
    const names = await this.agencies.namesOf([...underWay, ...monthly, ...satisfactionShown].map((r) => r.agencyId));
    const nameOf = (agencyId: string) => names.get(agencyId) ?? agencyId;

    const byAgency = underWay.map((r) => ({ agencyId: r.agencyId, agencyName: nameOf(r.agencyId), count: r.count }));
    return {
      asOf: now.toISOString(),
      today: { basis: 'checked-in', total: byAgency.reduce((sum, r) => sum + r.count, 0), byAgency },
      ...byMonth(monthList, monthly, nameOf),
      satisfaction: satisfactionShown
        .map((r) => ({
          agencyId: r.agencyId,
          agencyName: nameOf(r.agencyId),
          ratings: r.ratings,
          meanScore: Math.round(r.meanScore * 100) / 100,
          approveRate: Math.round((r.approved / r.ratings) * 10_000) / 10_000,
        }))
        .sort((a, b) => a.approveRate - b.approveRate || a.meanScore - b.meanScore || a.agencyId.localeCompare(b.agencyId)),
      inspectionRate: { inspected, registered, rate: registered ? Math.round((inspected / registered) * 10_000) / 10_000 : 0 },
      openFlagsByAge: FLAG_AGE_BUCKETS.map((b, i) => ({ bucket: b.label, count: openByAge[i] })),
    };
  }
}

/** Inspection records per agency and month, and joint vs single per month. */
function byMonth(
  months: string[], rows: { agencyId: string; month: string; count: number; joint: number }[], nameOf: (agencyId: string) => string,
): Pick<DashboardView, 'inspectionsByMonth' | 'jointVsSingle'> {
  const series = new Map<string, { agencyId: string; agencyName: string; counts: number[] }>();
  const joint = months.map(() => 0);
  const single = months.map(() => 0);
  for (const row of rows) {
    const index = months.indexOf(row.month);
    if (index < 0) continue;
    const entry = series.get(row.agencyId) ?? { agencyId: row.agencyId, agencyName: nameOf(row.agencyId), counts: months.map(() => 0) };
    entry.counts[index] += row.count;
    series.set(row.agencyId, entry);
    joint[index] += row.joint;
    single[index] += row.count - row.joint;
  }
  const total = (s: { counts: number[] }) => s.counts.reduce((a, b) => a + b, 0);
  return {
    inspectionsByMonth: { months, series: [...series.values()].sort((a, b) => total(b) - total(a) || a.agencyId.localeCompare(b.agencyId)) },
    jointVsSingle: { months, joint, single },
  };
}
