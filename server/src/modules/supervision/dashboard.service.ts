import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, FLAG_AGE_BUCKETS, shanghaiDate, type DashboardView, type SessionUser } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { agencyScope } from '../auth/scope.js';

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

/** Monitoring for the supervisor: every agency; an agency admin sees the same figures for its own agency only. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private checkInColumns: Promise<boolean> | null = null;

  async dashboard(user: SessionUser, months: number, now = new Date()): Promise<DashboardView> {
    const scope = agencyScope(user);
    const [today, byMonth, satisfaction, inspectionRate, openFlagsByAge] = await Promise.all([
      this.today(scope, now),
      this.byMonth(scope, months, now),
      this.satisfaction(scope, now),
      this.inspectionRate(scope, now),
      this.openFlagsByAge(scope, now),
    ]);
    return { asOf: now.toISOString(), today, ...byMonth, satisfaction, inspectionRate, openFlagsByAge };
  }

  /** Inspections in progress today: checked in and not finished; before check-ins are recorded, the plans dated today. */
  private async today(scope: string | null, now: Date): Promise<DashboardView['today']> {
    this.checkInColumns ??= this.dataSource
      .query("SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'plans' AND column_name IN ('checked_in_at', 'finished_at')")
      .then(([r]: { n: number }[]) => Number(r.n) === 2);
    const date = shanghaiDate(now);
    const checkedIn = await this.checkInColumns;
    const where = checkedIn
      ? "p.status = 'active' AND p.checked_in_at >= ? AND p.checked_in_at < ? AND p.finished_at IS NULL"
      : "p.status = 'active' AND p.inspection_date = ?";
    const params: unknown[] = checkedIn ? [shanghaiMidnight(date), shanghaiMidnight(addDays(date, 1))] : [date];
    if (scope) params.push(scope);
    const rows: { agency_id: string; name: string | null; n: number }[] = await this.dataSource.query(
      `SELECT p.agency_id, a.name, COUNT(*) AS n FROM plans p LEFT JOIN agencies a ON a.id = p.agency_id WHERE ${where}${scope ? ' AND p.agency_id = ?' : ''} GROUP BY p.agency_id, a.name ORDER BY n DESC, p.agency_id`,
      params,
    );
    const byAgency = rows.map((r) => ({ agencyId: r.agency_id, agencyName: r.name ?? r.agency_id, count: Number(r.n) }));
    return { basis: checkedIn ? 'checked-in' : 'planned', total: byAgency.reduce((sum, r) => sum + r.count, 0), byAgency };
  }

  /** Inspection records per agency and month, and joint vs single per month, from one pass over the months asked for. */
  private async byMonth(scope: string | null, count: number, now: Date): Promise<Pick<DashboardView, 'inspectionsByMonth' | 'jointVsSingle'>> {
    const months = lastMonths(shanghaiDate(now), count);
    const from = new Date(`${months[0]}-01T00:00:00+08:00`);
    const rows: { agency_id: string; name: string | null; month: string; n: number; joint: number }[] = await this.dataSource.query(
      `SELECT m.agency_id, a.name, m.month, m.n, m.joint FROM (
         SELECT agency_id, DATE_FORMAT(DATE_ADD(started_at, INTERVAL 8 HOUR), '%Y-%m') AS month, COUNT(*) AS n, SUM(joint_id IS NOT NULL) AS joint
         FROM inspections WHERE started_at >= ?${scope ? ' AND agency_id = ?' : ''} GROUP BY agency_id, month
       ) m LEFT JOIN agencies a ON a.id = m.agency_id`,
      scope ? [from, scope] : [from],
    );
    const series = new Map<string, { agencyId: string; agencyName: string; counts: number[] }>();
    const joint = months.map(() => 0);
    const single = months.map(() => 0);
    for (const row of rows) {
      const index = months.indexOf(row.month);
      if (index < 0) continue;
      const entry = series.get(row.agency_id) ?? { agencyId: row.agency_id, agencyName: row.name ?? row.agency_id, counts: months.map(() => 0) };
      entry.counts[index] += Number(row.n);
      series.set(row.agency_id, entry);
      joint[index] += Number(row.joint);
      single[index] += Number(row.n) - Number(row.joint);
    }
    const total = (s: { counts: number[] }) => s.counts.reduce((a, b) => a + b, 0);
    return {
      inspectionsByMonth: { months, series: [...series.values()].sort((a, b) => total(b) - total(a) || a.agencyId.localeCompare(b.agencyId)) },
      jointVsSingle: { months, joint, single },
    };
  }

  private async satisfaction(scope: string | null, now: Date): Promise<DashboardView['satisfaction']> {
    const rows: { agency_id: string; name: string | null; n: number; mean: string | number; approve: number }[] = await this.dataSource.query(
      `SELECT r.agency_id, a.name, COUNT(*) AS n, AVG((r.language_score + r.procedure_score + r.manner_score + r.fairness_score) / 4) AS mean,
         SUM(r.verdict = 'approve') AS approve
       FROM ratings r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.rated_at >= ?${scope ? ' AND r.agency_id = ?' : ''}
       GROUP BY r.agency_id, a.name`,
      scope ? [new Date(now.getTime() - YEAR_MS), scope] : [new Date(now.getTime() - YEAR_MS)],
    );
    return rows
      .map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.name ?? r.agency_id,
        ratings: Number(r.n),
        meanScore: Math.round(Number(r.mean) * 100) / 100,
        approveRate: Math.round((Number(r.approve) / Number(r.n)) * 10_000) / 10_000,
      }))
      .sort((a, b) => a.approveRate - b.approveRate || a.meanScore - b.meanScore || a.agencyId.localeCompare(b.agencyId));
  }

  private async inspectionRate(scope: string | null, now: Date): Promise<DashboardView['inspectionRate']> {
    const [[{ inspected }], [{ registered }]] = await Promise.all([
      this.dataSource.query(`SELECT COUNT(DISTINCT credit_code) AS inspected FROM inspections WHERE started_at >= ?${scope ? ' AND agency_id = ?' : ''}`, scope ? [new Date(now.getTime() - YEAR_MS), scope] : [new Date(now.getTime() - YEAR_MS)]),
      this.dataSource.query('SELECT COUNT(*) AS registered FROM enterprises'),
    ]);
    const rate = Number(registered) ? Math.round((Number(inspected) / Number(registered)) * 10_000) / 10_000 : 0;
    return { inspected: Number(inspected), registered: Number(registered), rate };
  }

  private async openFlagsByAge(scope: string | null, now: Date): Promise<DashboardView['openFlagsByAge']> {
    const today = shanghaiDate(now);
    // Bucket i holds cases raised on or before today − minDays(i), and after the next bucket's bound.
    const bounds = FLAG_AGE_BUCKETS.slice(1).map((b) => shanghaiMidnight(addDays(today, 1 - b.minDays)));
    const cases = bounds.map((_, i) => `WHEN created_at >= ? THEN ${i}`).join(' ');
    const rows: { bucket: number; n: number }[] = await this.dataSource.query(
      `SELECT CASE ${cases} ELSE ${bounds.length} END AS bucket, COUNT(*) AS n FROM flagged_cases WHERE status <> 'closed'${scope ? ' AND agency_id = ?' : ''} GROUP BY bucket`,
      scope ? [...bounds, scope] : bounds,
    );
    return FLAG_AGE_BUCKETS.map((b, i) => ({ bucket: b.label, count: Number(rows.find((r) => Number(r.bucket) === i)?.n ?? 0) }));
  }
}
