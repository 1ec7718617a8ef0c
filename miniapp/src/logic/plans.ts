import { Role, actorUsername, isVisit, PLAN_KIND_LABELS, REFUSAL_RULE_LABELS, type Page, type PlanEventView, type PlanView, type RefusalRule, type VisitKind } from '@mashang/shared';
import { shanghaiDateTime } from './dates';
import { triggerLabel } from './triggers';

export const PLAN_PAGE_SIZE = 20;

/** Officers and agency admins file plans and issue codes; overseers only look. */
export function canFilePlans(role: string): boolean {
  return role === Role.Officer || role === Role.AgencyAdmin;
}

/**
 * What may be done with a plan of the list: an active plan gets its code, moves and is cancelled; one
 * waiting for its head's approval may only be withdrawn (cancelled); a returned one nothing.
 */
export function planActions(plan: Pick<PlanView, 'status'>): { code: boolean; move: boolean; cancel: boolean } {
  const active = plan.status === 'active';
  return { code: active, move: active, cancel: active || plan.status === 'awaiting' };
}

/** Appends a further page to what is shown; page 1 starts over. */
export function mergePlanPage(shown: PlanView[], next: Page<PlanView>): PlanView[] {
  if (next.page <= 1) return next.items;
  const seen = new Set(shown.map((plan) => plan.id));
  return [...shown, ...next.items.filter((plan) => !seen.has(plan.id))];
}

export interface InspectionMember {
  planId: string;
  planCode: string;
  agencyId: string;
  agencyName: string;
  lead: boolean;
}

/** The agencies of a plan's inspection, the leading one first and marked. */
export function inspectionMembers(plan: PlanView): InspectionMember[] {
  const { leadPlanId, members } = plan.inspection;
  return members
    .map((member) => ({ ...member, lead: member.planId === leadPlanId }))
    .sort((a, b) => Number(b.lead) - Number(a.lead));
}

/** "开封市市场监督管理局（牵头）、开封市消防救援支队" */
export function membersLine(plan: PlanView): string {
  return inspectionMembers(plan)
    .map((member) => (member.lead ? `${member.agencyName}（牵头）` : member.agencyName))
    .join('、');
}

/** The line under a newly filed plan: its code, date, and whom it inspects together with. */
export function filedSummary(plan: PlanView): string {
  const base = `已报备 ${plan.code}，检查日期 ${plan.inspection.date}`;
  if (plan.status === 'awaiting') return `${base}，待本部门负责人审批；批准后参与合并、生成检查码。`;
  if (!plan.inspection.joint) return `${base}。`;
  const others = inspectionMembers(plan).filter((member) => member.planId !== plan.id);
  const lead = inspectionMembers(plan).find((member) => member.lead);
  return `${base}，与${others.map((member) => member.agencyName).join('、')}合并为联合检查（${lead?.agencyName ?? ''}牵头）。`;
}

/** Whether the joint inspection moved this plan off the date it was filed for. */
export function dateMoved(plan: PlanView): boolean {
  return plan.inspection.date !== plan.plannedDate;
}

const HALF_YEAR_RESULTS: Record<string, string> = {
  pass: '检查合格',
  rectify: '责令整改',
  case: '立案查处',
};

export function halfYearResultLabel(result: string): string {
  return HALF_YEAR_RESULTS[result] ?? `其他结果（${result}）`;
}

/** `user:3:officer1` → officer1; anything else as it is. */
export function actorLabel(actor: string): string {
  return actorUsername(actor) ?? actor;
}

export interface PlanEventLine {
  /** 报备, 合并, 生成检查码 … */
  title: string;
  /** Asia/Shanghai, YYYY-MM-DD HH:mm */
  time: string;
  text: string;
  /** Why, where the server says so (e.g. the merging rule). */
  note?: string;
  actor: string;
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
const asCount = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/**
 * One history entry as a Chinese sentence. Agency ids are named from `agencyNames` (the plan's
 * inspection members), an unknown one by its id.
 */
export function planEventLine(
  event: PlanEventView,
  ownAgencyId: string,
  agencyNames: ReadonlyMap<string, string>,
): PlanEventLine {
  const name = (id: string) => agencyNames.get(id) ?? event.agencyNames?.[id] ?? `部门 ${id}`;
  const detail = event.detail ?? {};
  const common = { time: shanghaiDateTime(event.at), actor: event.actorName || actorLabel(event.actor) };
  switch (event.kind) {
    case 'accompanied':
      return { ...common, title: '陪同执法', text: `${asString(detail.agencyName)} ${asString(detail.name)} 陪同检查` };
    case 'filed':
      if (isVisit(asString(detail.kind))) return { ...common, title: '报备', text: `报备${PLAN_KIND_LABELS[detail.kind as VisitKind]}，走访日期 ${asString(detail.date)}，走访人员 ${asCount(detail.officerIds)} 名` };
      return {
        ...common,
        title: '报备',
        text:
          `报备${triggerLabel(asString(detail.trigger))}，检查日期 ${asString(detail.date)}，` +
          `执法人员 ${asCount(detail.officerIds)} 名，检查事项 ${asCount(detail.itemIds)} 项` +
          (detail.approval === 'prior' ? '，待负责人审批' : detail.approval === 'after' ? '，紧急检查先行、事后审批' : ''),
      };
    case 'approved':
    case 'returned': {
      const after = detail.when === 'after';
      const what = event.kind === 'approved' ? '批准' : '退回';
      return {
        ...common,
        title: event.kind === 'approved' ? '审批通过' : '退回',
        text: after ? `负责人事后审批：${what}` : event.kind === 'approved' ? '负责人批准，计划生效' : '负责人退回，计划不再执行',
        note: asString(detail.note) ? `意见：${asString(detail.note)}` : undefined,
      };
    }
    case 'merged': {
      const agencies = asStrings(detail.agencyIds);
      const date = asString(detail.inspectionDate);
      const why = asString(detail.why) || undefined;
      if (agencies.length > 1) {
        const others = agencies.filter((id) => id !== ownAgencyId).map(name);
        return {
          ...common,
          title: '合并',
          text: `与${others.join('、')}合并为联合检查，由${name(asString(detail.leadAgencyId))}牵头，检查日期 ${date}`,
          note: why,
        };
      }
      return { ...common, title: '单独检查', text: `不再与其他部门合并，单独检查，检查日期 ${date}`, note: why };
    }
    case 'coded': {
      const joint = asStrings(detail.agencyIds).length > 1;
      return {
        ...common,
        title: '生成检查码',
        text: `生成${joint ? '联合检查的' : ''}检查码，检查日期 ${asString(detail.inspectionDate)}，有效期至 ${shanghaiDateTime(asString(detail.expiresAt))}`,
      };
    }
    case 'moved':
      return { ...common, title: '改期', text: `报备日期由 ${asString(detail.from)} 改为 ${asString(detail.to)}` };
    case 'cancelled':
      return { ...common, title: '取消', text: '取消计划', note: asString(detail.reason) ? `原因：${asString(detail.reason)}` : undefined };
    case 'alone': {
      const missing = asStrings(detail.missingAgencyIds).map(name).join('、');
      return {
        ...common,
        title: '单独检查',
        text: `综合监管场景“${asString(detail.scenario)}”应与${missing}联合检查，说明理由后单独检查`,
        note: asString(detail.reason) ? `理由：${asString(detail.reason)}` : undefined,
      };
    }
    case 'refused': {
      const moveTo = asString(detail.moveTo);
      return {
        ...common,
        title: '未通过',
        text: moveTo ? `改期到 ${moveTo} 未通过` : '生成检查码未通过',
        note: refusalLines(detail.refusals).join('；') || undefined,
      };
    }
    default:
      return { ...common, title: '记录', text: '其他记录' };
  }
}

/** Refusals kept in a plan's history, each as "规则：说明". */
function refusalLines(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { rule, message } = entry as { rule?: unknown; message?: unknown };
    const label = REFUSAL_RULE_LABELS[rule as RefusalRule] ?? '规则';
    return [`${label}：${asString(message)}`];
  });
}

/** Agency id → name, from the plan's inspection members. */
export function agencyNamesOf(plan: PlanView): Map<string, string> {
  return new Map(plan.inspection.members.map((member) => [member.agencyId, member.agencyName]));
}
