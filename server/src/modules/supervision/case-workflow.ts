import { addDays, isCalendarDate,
  daysBetween,
  Role,
  type CaseAction,
  type CaseConclusion,
  type CaseStatus,
  type FlagSource,
  type SessionUser,
} from '@mashang/shared';

/**
 * The supervision workflow in one place: which action each status allows, to whom, what it leads to,
 * and when the next step is due. The service applies exactly what `decide` answers.
 */

/** What the rules need to know about a case. */
export interface CaseState {
  status: CaseStatus;
  source: FlagSource;
  agencyId: string | null;
  creditCode: string | null;
  /** YYYY-MM-DD (Asia/Shanghai) by which the current step is due. */
  deadline: string | null;
  /** YYYY-MM-DD (Asia/Shanghai) the case was raised. */
  raisedOn: string;
  /** A rating's case only: a supervisor has passed the substance of the rating on to the rated agency. */
  substancePassedOn: boolean;
}

export interface ActionInput {
  note?: string;
  deadline?: string;
  outcome?: string;
}

/** Who may act: a role, or an agency admin of the case's own agency. */
type Actor = 'supervisor' | 'discipline' | 'own-agency-admin';

interface Rule {
  from: readonly CaseStatus[];
  by: readonly Actor[];
  /** null: the status stays as it is. */
  to: CaseStatus | null;
  conclusion?: CaseConclusion;
  /** A written note is required. */
  note: boolean;
  /**
   * The next step's deadline: 'required' — the actor sets it; a number — the actor's, or that many days
   * from today; keep — the actor's, else the current one, else that many days from today; 'unchanged' —
   * stays as it is (the actor may not set one); 'clear' — none.
   */
  deadline: 'required' | number | { keep: number } | 'unchanged' | 'clear';
  /** Extra conditions on the case, each with the refusal to show. */
  requires?: (state: CaseState) => string | null;
  /** The case log's event kind. */
  event: string;
}

const ACTIVE: readonly CaseStatus[] = ['open', 'assigned', 'investigating', 'rectifying', 'answered', 'referred'];
const UNDER_SUPERVISOR: readonly CaseStatus[] = ['assigned', 'investigating'];
/** Sources where an enterprise's own complaint raised the case (only those can turn out fabricated). */
const ENTERPRISE_SOURCES: readonly FlagSource[] = ['rating', 'objection', 'complaint'];

/** Days an unassigned case may wait before it counts as overdue. */
export const OPEN_CASE_GRACE_DAYS = 3;
export const DEFAULT_INVESTIGATION_DAYS = 10;
export const DEFAULT_RECTIFICATION_DAYS = 15;
export const DEFAULT_CONFIRMATION_DAYS = 5;
export const DEFAULT_DISCIPLINE_DAYS = 30;

/** The log's event of `pass-on-substance`: from it on, the rated agency reads what the enterprise said. */
export const SUBSTANCE_PASSED_ON = 'substance-passed-on';

const needsAgency = (state: CaseState) => (state.agencyId ? null : '该案件未涉及具体执法部门，不能责令整改');

export const RULES: Readonly<Record<CaseAction, Rule>> = {
  assign: { from: ['open', 'assigned', 'investigating'], by: ['supervisor'], to: 'assigned', note: false, deadline: DEFAULT_INVESTIGATION_DAYS, event: 'assigned' },
  investigate: { from: ['open', 'assigned'], by: ['supervisor'], to: 'investigating', note: false, deadline: { keep: DEFAULT_INVESTIGATION_DAYS }, event: 'investigating' },
  note: { from: ACTIVE, by: ['supervisor', 'discipline', 'own-agency-admin'], to: null, note: true, deadline: 'unchanged', event: 'note' },
  'conclude-unfounded': { from: UNDER_SUPERVISOR, by: ['supervisor'], to: 'closed', conclusion: 'unfounded', note: true, deadline: 'clear', event: 'concluded' },
  'order-rectification': {
    from: UNDER_SUPERVISOR, by: ['supervisor'], to: 'rectifying', note: true, deadline: DEFAULT_RECTIFICATION_DAYS, requires: needsAgency, event: 'rectification-ordered',
  },
  'answer-rectification': { from: ['rectifying'], by: ['own-agency-admin'], to: 'answered', note: true, deadline: DEFAULT_CONFIRMATION_DAYS, event: 'rectification-answered' },
  'confirm-rectification': { from: ['answered'], by: ['supervisor'], to: 'closed', conclusion: 'rectified', note: false, deadline: 'clear', event: 'rectification-confirmed' },
  'return-rectification': { from: ['answered'], by: ['supervisor'], to: 'rectifying', note: true, deadline: 'required', event: 'rectification-returned' },
  'refer-discipline': { from: UNDER_SUPERVISOR, by: ['supervisor'], to: 'referred', note: true, deadline: DEFAULT_DISCIPLINE_DAYS, event: 'referred' },
  'record-discipline-outcome': { from: ['referred'], by: ['discipline'], to: 'closed', conclusion: 'disciplined', note: true, deadline: 'clear', event: 'discipline-outcome' },
  /**
   * The rated agency sees only the kind of complaint and the inspection's date; a supervisor may let it
   * see the substance (the problems ticked and the comment, never who rated), once, while investigating.
   */
  'pass-on-substance': {
    from: UNDER_SUPERVISOR,
    by: ['supervisor'],
    to: null,
    note: true,
    deadline: 'unchanged',
    requires: (state) => {
      if (state.source !== 'rating' || !state.agencyId) return '只有企业评价引发的案件才能向被评价部门转交评价内容';
      return state.substancePassedOn ? '评价内容已转交被评价部门' : null;
    },
    event: SUBSTANCE_PASSED_ON,
  },
  'conclude-fabricated': {
    from: UNDER_SUPERVISOR,
    by: ['supervisor'],
    to: 'closed',
    conclusion: 'fabricated',
    note: true,
    deadline: 'clear',
    requires: (state) => (ENTERPRISE_SOURCES.includes(state.source) && state.creditCode ? null : '只有企业评价、异议或投诉引发的案件才能认定企业弄虚作假'),
    event: 'concluded',
  },
};

function actsAs(user: SessionUser, state: CaseState): Actor | null {
  if (user.role === Role.Supervisor) return 'supervisor';
  if (user.role === Role.Discipline) return 'discipline';
  if (user.role === Role.AgencyAdmin && user.agencyId && user.agencyId === state.agencyId) return 'own-agency-admin';
  return null;
}

/** Who may read a case at all: supervisors and discipline inspectors every case, an agency admin its own agency's. */
export function maySee(user: SessionUser, agencyId: string | null): boolean {
  if (user.role === Role.Supervisor || user.role === Role.Discipline) return true;
  return user.role === Role.AgencyAdmin && !!user.agencyId && user.agencyId === agencyId;
}

export type Decision =
  | { ok: true; to: CaseStatus; conclusion: CaseConclusion | null; deadline: string | null; event: string }
  | { ok: false; reason: 'forbidden' | 'status' | 'input'; message: string; field?: string };

/** Whether `user` may take `action` on a case in `state` today, and what follows. */
export function decide(state: CaseState, user: SessionUser, action: CaseAction, input: ActionInput, today: string): Decision {
  const rule = RULES[action];
  if (!rule) return { ok: false, reason: 'input', message: `未知的操作：${action}`, field: 'action' };
  const actor = actsAs(user, state);
  if (!actor || !rule.by.includes(actor)) return { ok: false, reason: 'forbidden', message: '当前角色不能对该案件执行此操作' };
  if (!rule.from.includes(state.status)) return { ok: false, reason: 'status', message: `案件当前状态下不能执行此操作` };
  const unmet = rule.requires?.(state);
  if (unmet) return { ok: false, reason: 'status', message: unmet };
  if (rule.note && !input.note?.trim()) return { ok: false, reason: 'input', message: '请填写说明', field: 'note' };
  if (action === 'record-discipline-outcome' && input.outcome !== 'accountable' && input.outcome !== 'not-accountable') {
    return { ok: false, reason: 'input', message: '请选择处理结果：予以问责或不予问责', field: 'outcome' };
  }
  if (input.deadline !== undefined) {
    if (rule.deadline === 'clear' || rule.deadline === 'unchanged') return { ok: false, reason: 'input', message: '该操作不设期限', field: 'deadline' };
    if (!isCalendarDate(input.deadline)) {
      return { ok: false, reason: 'input', message: '期限格式应为 YYYY-MM-DD', field: 'deadline' };
    }
    if (daysBetween(today, input.deadline) < 0) return { ok: false, reason: 'input', message: '期限不能早于今天', field: 'deadline' };
  }
  const set = rule.deadline;
  let deadline: string | null;
  if (set === 'clear') deadline = null;
  else if (set === 'unchanged') deadline = state.deadline;
  else if (set === 'required') {
    if (!input.deadline) return { ok: false, reason: 'input', message: '请设定期限', field: 'deadline' };
    deadline = input.deadline;
  } else if (typeof set === 'number') deadline = input.deadline ?? addDays(today, set);
  else deadline = input.deadline ?? state.deadline ?? addDays(today, set.keep);
  return { ok: true, to: rule.to ?? state.status, conclusion: rule.conclusion ?? null, deadline, event: rule.event };
}

/** The actions `user` may take on the case now (to show as buttons; `decide` still checks the input). */
export function allowedActions(state: CaseState, user: SessionUser): CaseAction[] {
  const actor = actsAs(user, state);
  if (!actor) return [];
  return (Object.keys(RULES) as CaseAction[]).filter((action) => {
    const rule = RULES[action];
    return rule.by.includes(actor) && rule.from.includes(state.status) && !rule.requires?.(state);
  });
}

/**
 * Past due: an active case whose current step's deadline has passed, or that nobody has taken up
 * within the grace days of being raised.
 */
export function isOverdue(state: Pick<CaseState, 'status' | 'deadline' | 'raisedOn'>, today: string): boolean {
  if (state.status === 'closed') return false;
  if (state.deadline) return state.deadline < today;
  return daysBetween(state.raisedOn, today) > OPEN_CASE_GRACE_DAYS;
}
