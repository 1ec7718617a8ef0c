import { isVisit, PLAN_KIND_LABELS, PLAN_KINDS, type EnterpriseVisitCounts, type EnterpriseVisitView, type PlanKind } from '@mashang/shared';
import { shanghaiToday } from './dates';
import type { PlanForm } from './plan-form';

/** What a plan is for, as the filing form offers it: 行政检查 first, then the visits that are not inspections. */
export const PLAN_KIND_OPTIONS: readonly { value: PlanKind; label: string }[] = PLAN_KINDS.map((value) => ({ value, label: PLAN_KIND_LABELS[value] }));

/** One line under the kind chips: what the chosen kind asks for. */
export function planKindNote(kind: PlanKind | undefined): string {
  return isVisit(kind)
    ? '回访、服务走访不是行政检查：不选检查事项，不受提前7日报备限制，同样生成走访码、扫码入企，单独统计。'
    : '行政检查：按检查类型报备，选择检查事项。';
}

/**
 * The form when the kind changes. A visit may be on any day from today, so a date set for the 7-day
 * rule moves back to today; back to an inspection, the items chosen before stay.
 */
export function withKind(form: PlanForm, kind: PlanKind, today = shanghaiToday()): PlanForm {
  if (isVisit(kind)) return { ...form, kind, trigger: 'planned', date: isVisit(form.kind) ? form.date : today };
  return { ...form, kind: undefined };
}

/** The label a page shows beside a plan or an on-site view: 行政检查 shows none (it is the usual). */
export function visitTag(kind: string | undefined): string {
  return isVisit(kind) ? PLAN_KIND_LABELS[kind] : '';
}

/** 陪同执法: who accompanies, in one line; '' for nobody. */
export function accompanyingLine(list: readonly { name: string; agencyName: string }[] | undefined): string {
  if (!list?.length) return '';
  return `陪同执法：${list.map((a) => (a.agencyName ? `${a.name}（${a.agencyName}）` : a.name)).join('、')}`;
}

/** A plan code as typed (spaces, lower case) in the server's form, or null when it cannot be one. */
export function planCodeOf(text: string): string | null {
  const code = text.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{8}-[0-9A-Z]{6}$/.test(code) ? code : null;
}

/** What the officer is told once they accompany an inspection. */
export function accompaniedText(answer: { agencyName: string; enterpriseName: string; inspectionDate: string; planCode: string }): string {
  return `已登记陪同执法：${answer.inspectionDate} ${answer.agencyName}对${answer.enterpriseName}的检查（${answer.planCode}）`;
}

/** The enterprise's figure in one line: 近一年被走访 5 次：行政检查 3 次（陪同执法 1 次），回访 1 次，走访调研 1 次 */
export function visitCountsText(counts: EnterpriseVisitCounts): string {
  const accompanied = counts.accompanied ? `（其中陪同执法 ${counts.accompanied} 次）` : '';
  const visits = counts.byKind.filter((k) => k.count).map((k) => `${k.label} ${k.count} 次`);
  return `近一年被走访 ${counts.total} 次：行政检查 ${counts.inspections} 次${accompanied}${visits.length ? `，${visits.join('，')}` : '，没有回访或服务走访'}`;
}

/** Where a visit stands, for the enterprise: 已结束 / 进行中 / 待走访. */
export function visitStatusText(visit: Pick<EnterpriseVisitView, 'checkedInAt' | 'finishedAt'>): string {
  return visit.finishedAt ? '已结束' : visit.checkedInAt ? '进行中' : '待走访';
}
