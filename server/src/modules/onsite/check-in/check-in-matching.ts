import { addDays, isVisit, userActor, type SessionUser } from '@mashang/shared';
import type { JobName, JobPayloads } from '../../../infra/queues/queues.js';
import type { PlanArrival, PlanMatchRow, PlanProgress } from '../../plans/index.js';
import type { TrailAppend, TrailTail } from '../../trail/index.js';
import type { CheckinRecord } from '../checkin.repository.js';
import type { CheckInDto } from '../dto/onsite.dto.js';
import { lockingGroup, matchCheckIn, type CheckInCandidate as RuleCandidate, type CheckInMatch } from '../onsite-rules.js';

/** A plan a check-in may be admitted to, with what the answer and the arrival marking need. */
export type CheckInCandidate = RuleCandidate & { planCode: string; checkedInAt: Date | null; codeDueAt: Date | null };

/** A check-in on its way in. */
export interface CheckinAttempt {
  user: SessionUser;
  officerId: string;
  input: CheckInDto;
  at: Date;
  /** The check-in's day in Asia/Shanghai. */
  day: string;
  now: Date;
}

/** The plan a check-in is admitted to, and the late-code deadline it opens (emergencies without a code). */
export interface Admitted {
  plan: CheckInCandidate;
  dueAt: Date | null;
}

/** What recording an admitted check-in writes: the check-in, its trail entry, and the late-code deadline job it opens. */
export interface CheckinWrite {
  checkin: CheckinRecord;
  dueAt: Date | null;
  trail: TrailAppend;
  /** The first check-in of an emergency without a code: its deadline job (one per plan: its job id is the plan's). */
  deadline: JobPayloads[JobName.EmergencyCodeDeadline] | null;
}

/** A plan near one check-in: a match row with its enterprise's name, marked whether the check-in's officer is on it. */
export type CandidateRow = Omit<PlanMatchRow, 'officer_id'> & { name: string; on_plan: number };

/** The trails' tails a match read carries ("seq hash" per plan; none for an empty trail). */
export function trailTails(rows: PlanMatchRow[]): TrailTail[] {
  const tails = new Map<string, TrailTail>();
  for (const row of rows) {
    if (!row.trail_tail || tails.has(row.id)) continue;
    const [seq, hash] = row.trail_tail.split(' ');
    tails.set(row.id, { inspection_id: row.id, seq: Number(seq), hash });
  }
  return [...tails.values()];
}

/**
 * Splits a match read (of one or many check-ins) per check-in: its enterprise's plans within ±7 days
 * of its day, one row per plan and code, marked whether its officer is on the plan; by filing order.
 * A plan of an enterprise without a name (not in the register) is no candidate.
 */
export function matchRowsByCheckIn(rows: PlanMatchRow[], enterpriseNames: Map<string, string>): (officerId: string, creditCode: string, day: string) => CandidateRow[] {
  const byEnterprise = new Map<string, PlanMatchRow[]>();
  for (const row of rows) {
    const list = byEnterprise.get(row.credit_code);
    if (list) list.push(row);
    else byEnterprise.set(row.credit_code, [row]);
  }
  const windows = new Map<string, { from: string; to: string }>();
  return (officerId, creditCode, day) => {
    const name = enterpriseNames.get(creditCode);
    if (name === undefined) return [];
    let window = windows.get(day);
    if (!window) windows.set(day, (window = { from: addDays(day, -7), to: addDays(day, 7) }));
    const { from, to } = window;
    const mine = new Map<string, CandidateRow>();
    for (const { officer_id: officer, ...row } of byEnterprise.get(creditCode) ?? []) {
      if (row.inspection_date < from || row.inspection_date > to) continue;
      const key = `${row.id}\u0000${row.expires_at === null ? '' : new Date(row.expires_at).getTime()}`;
      const onPlan = officer === officerId ? 1 : 0;
      const seen = mine.get(key);
      if (!seen) mine.set(key, { ...row, name, on_plan: onPlan });
      else seen.on_plan = Math.max(seen.on_plan, onPlan);
    }
    return [...mine.values()].sort((a, b) => new Date(a.filed_at).getTime() - new Date(b.filed_at).getTime() || (a.id < b.id ? -1 : 1));
  };
}

/** From a check-in's nearby plans: another agency's inspection locking the enterprise out (or null), and this agency's plans of the day. */
export function nearbyOnDay(rows: CandidateRow[], agencyId: string, day: string): { locking: ReturnType<typeof lockingGroup>; today: CandidateRow[] } {
  const locking = lockingGroup(rows.map((r) => ({ agencyId: r.agency_id, leadPlanId: r.lead_plan_id, date: r.inspection_date, coded: r.expires_at !== null, visit: isVisit(r.kind) })), agencyId);
  return { locking, today: rows.filter((r) => r.agency_id === agencyId && r.inspection_date === day) };
}

export function toCandidates(rows: CandidateRow[]): CheckInCandidate[] {
  return rows.map((r) => ({
    planId: r.id, planCode: r.code, creditCode: r.credit_code, enterpriseName: r.name, trigger: r.trigger_type, visit: isVisit(r.kind), officerOnPlan: Number(r.on_plan) > 0,
    finished: r.finished_at !== null, code: r.expires_at ? { expiresAt: new Date(r.expires_at) } : null,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null, codeDueAt: r.code_due_at ? new Date(r.code_due_at) : null,
  }));
}

/** One of the officer's own plans of the day, for telling a scan of another enterprise apart (it never carries a code). */
export function officerPlanCandidate(plan: PlanProgress, enterpriseName: string): CheckInCandidate {
  return {
    planId: plan.id, planCode: plan.code, creditCode: plan.creditCode, enterpriseName, trigger: plan.trigger, visit: isVisit(plan.kind), officerOnPlan: true,
    finished: plan.finishedAt !== null, code: null, checkedInAt: plan.checkedInAt, codeDueAt: plan.codeDueAt,
  };
}

/** The admission a match grants; an emergency without a code opens the late-code obligation. */
export function admission(attempt: CheckinAttempt, candidates: CheckInCandidate[], match: Exclude<CheckInMatch, { refusal: unknown }>, emergencyCodeHours: number): Admitted {
  const plan = candidates.find((c) => c.planId === match.planId)!;
  const dueAt = match.emergencyWithoutCode ? new Date(attempt.at.getTime() + emergencyCodeHours * 3_600_000) : null;
  return { plan, dueAt };
}

/** A batch's judgment of one check-in: a clean match of the officer's open plan of the day, or null to be judged alone. */
export function admitInBatch(attempt: CheckinAttempt, rows: CandidateRow[], certExpires: string | null, emergencyCodeHours: number): Admitted | null {
  const { locking, today } = nearbyOnDay(rows, attempt.user.agencyId!, attempt.day);
  if (locking || !today.some((r) => r.on_plan > 0)) return null;
  const candidates = toCandidates(today);
  const match = matchCheckIn({ creditCode: attempt.input.creditCode, at: attempt.at, candidates, lockedBy: null, certExpires });
  return 'refusal' in match ? null : admission(attempt, candidates, match, emergencyCodeHours);
}

export function checkinWrite({ user, officerId, input, at, now }: CheckinAttempt, { plan, dueAt }: Admitted): CheckinWrite {
  const codeDueAt = plan.codeDueAt ?? dueAt;
  return {
    checkin: {
      planId: plan.planId, officerId, userId: user.id, creditCode: input.creditCode, at, receivedAt: now, clientKey: input.clientKey,
      latitude: input.latitude ?? null, longitude: input.longitude ?? null,
    },
    dueAt,
    deadline: dueAt && !plan.codeDueAt ? { planId: plan.planId, checkedInAt: at.toISOString(), deadline: dueAt.toISOString() } : null,
    trail: {
      inspectionId: plan.planId, kind: 'checked-in', actor: userActor(user), at: now,
      detail: {
        officerId, creditCode: input.creditCode, at: at.toISOString(), offline: input.at !== undefined,
        location: input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null,
        ...(codeDueAt ? { codeDueAt: codeDueAt.toISOString(), note: '紧急检查先检查后补码' } : {}),
      },
    },
  };
}

/**
 * The plans a batch's check-ins change, with their first arrival: a plan not yet arrived at, or one a
 * check-in opens a late-code deadline on. (Under the enterprises' lock the plans read are as they are.)
 */
export function arrivalsToMark(admitted: (Admitted | null)[], writes: CheckinWrite[]): PlanArrival[] {
  const toMark = new Set(admitted.flatMap((x) => (x && (!x.plan.checkedInAt || (x.dueAt && !x.plan.codeDueAt)) ? [x.plan.planId] : [])));
  if (!toMark.size) return [];
  const first = new Map<string, CheckinWrite>();
  for (const w of writes) if (!first.has(w.checkin.planId) || w.checkin.at < first.get(w.checkin.planId)!.checkin.at) first.set(w.checkin.planId, w);
  return [...toMark].map((planId) => ({ planId, at: first.get(planId)!.checkin.at, codeDueAt: first.get(planId)!.dueAt }));
}
