import {
  isCalendarDate,
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  normaliseCreditCode,
  type CheckInRequest,
  type FindingOutcome,
  type FindingRequest,
  type InspectionResult,
  type OfflineAction,
  type OnsiteInspectionView,
  type OnsiteItemView,
  REFUSAL_RULE_LABELS,
  type RefusalRule,
  type ViolationColour,
} from '@mashang/shared';
import { shanghaiDateTime } from './dates';
import { outcomeLabel } from './trail';

export { actorLabel, documentKindLabel, outcomeLabel, resultLabel, trailDetailLine, trailKindLabel } from './trail';
import { newClientKey, type QueuedAction } from './offline-queue';

const STATUS_LABELS: Record<OnsiteInspectionView['status'], string> = {
  planned: '待入企',
  'on-site': '检查中',
  finished: '已结束',
};

export function statusLabel(status: OnsiteInspectionView['status']): string {
  return STATUS_LABELS[status];
}


/** The short name of a check-in rule the server refused on, for the tag beside its message. */
export function checkInRuleLabel(rule: string): string {
  return REFUSAL_RULE_LABELS[rule as RefusalRule] ?? '入企规则';
}

/** The plain sentence under the result once an inspection is finished. */
export function resultSummary(result: InspectionResult): string {
  if (result === 'case') return '检查发现违法行为，已立案查处。';
  if (result === 'rectify') return '检查发现问题，已责令限期整改。';
  return '各检查事项均合格。';
}

/** The header's status tag: a check-in still waiting in the queue says so. */
export function inspectionStatusText(view: OnsiteInspectionView, checkInWaiting: boolean): string {
  return checkInWaiting ? '入企登记待上传' : statusLabel(view.status);
}

/** An emergency inspection's deadline for its code (须补报检查码), or '' when it has none. */
export function codeDueText(view: Pick<OnsiteInspectionView, 'codeDueAt' | 'coded'>): string {
  if (!view.codeDueAt) return '';
  const due = shanghaiDateTime(view.codeDueAt);
  return view.coded ? `紧急检查，检查码已补报（期限 ${due}）` : `紧急检查（先检查后补码）：须在 ${due} 前补报检查码，逾期将转为监督案件`;
}

const OUTCOME_HINTS: Record<FindingOutcome, string> = {
  pass: '符合要求',
  rectify: '发现问题，限期整改（须写明整改期限）',
  violation: '发现违法行为，立案查处',
};

/** The line under each result to choose from. */
export function outcomeHint(outcome: FindingOutcome): string {
  return OUTCOME_HINTS[outcome];
}

/** What a saved finding says under its button. */
export function findingSavedNote(queued: boolean): string {
  return queued ? '没有网络，已保存在手机上，联网后自动上传' : '已保存';
}

/** Documents cannot wait in the queue; the note says so, and more plainly without a network. */
export function documentNetworkNote(online: boolean): string {
  return `文书（检查记录、立案审批表、处罚决定书等）须联网上传，不能离线保存${online ? '。' : '：现在没有网络，请到信号好的地方再上传。'}`;
}

export const DOCUMENT_NETWORK_FAILURE = '网络不好，文书没有上传成功。文书必须联网上传，请到信号好的地方再点“上传”。';

/** The file name at the end of a temporary path (a mini-program's chosen photo). */
export function fileNameOf(path: string): string {
  return path.split('/').pop() || path;
}

/** 2048 → 2.0 KB; sizes people can read on a phone. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The live hint under the typed code: how far along, or what is wrong once 18 characters are in. */
export function scanCodeHint(typed: string): { ok: boolean; text: string } {
  const code = normaliseCreditCode(typed);
  if (!code) return { ok: false, text: '' };
  if (code.length < 18) return { ok: false, text: `已输入 ${code.length}/18 位` };
  const problem = creditCodeProblem(code);
  return problem ? { ok: false, text: CREDIT_CODE_PROBLEM_TEXT[problem] } : { ok: true, text: '代码有效' };
}

const at = (now: number) => new Date(now).toISOString();

/** Each action gets its idempotency key and its own time once, when the officer acts. */
export function checkInAction(
  input: Omit<CheckInRequest, 'clientKey' | 'at'>,
  now: number = Date.now(),
): { action: OfflineAction; label: string } {
  const clientKey = newClientKey('checkin', now);
  return {
    action: { type: 'check-in', clientKey, body: { ...input, clientKey, at: at(now) } },
    label: `入企登记 ${input.creditCode}`,
  };
}

export interface FindingDraft {
  outcome: FindingOutcome | null;
  rectifyBy: string;
  note: string;
  /** 三色 the officer confirms for a violation or rectification (the proposal until changed). */
  colour?: ViolationColour | null;
}

export function findingAction(
  planId: string,
  item: { id: string; name: string },
  draft: FindingDraft & { outcome: FindingOutcome },
  now: number = Date.now(),
): { action: OfflineAction; label: string } {
  const clientKey = newClientKey('finding', now);
  const note = draft.note.trim();
  const green = draft.outcome === 'rectify' && draft.colour === 'green';
  const body = {
    itemId: item.id,
    outcome: draft.outcome,
    ...(draft.outcome !== 'pass' && draft.colour ? { colour: draft.colour } : {}),
    // Green is put right on the spot: the server takes the day itself as its deadline.
    ...(draft.outcome === 'rectify' && !(green && !draft.rectifyBy.trim()) ? { rectifyBy: draft.rectifyBy } : {}),
    ...(note ? { note } : {}),
    clientKey,
    at: at(now),
  };
  return { action: { type: 'finding', clientKey, planId, body }, label: `检查结果 ${item.name}：${outcomeLabel(draft.outcome)}` };
}

export function finishAction(planId: string, enterpriseName: string, now: number = Date.now()): { action: OfflineAction; label: string } {
  const clientKey = newClientKey('finish', now);
  return { action: { type: 'finish', clientKey, planId, body: { clientKey, at: at(now) } }, label: `结束检查 ${enterpriseName}` };
}

/** Sent at once, an action goes without its own time: the server's clock is the better one then. */
export function directBody(action: OfflineAction): Omit<OfflineAction['body'], 'at'> {
  const { at: _ignored, ...body } = action.body;
  return body;
}

/** The form for an item starts from its latest result. */
export function findingDraftOf(state: Pick<ItemState, 'outcome' | 'rectifyBy' | 'note' | 'colour'>): FindingDraft {
  return { outcome: state.outcome, rectifyBy: state.rectifyBy ?? '', note: state.note ?? '', ...(state.colour ? { colour: state.colour } : {}) };
}

/** Why a finding cannot be saved yet, or null. */
export function findingProblem(draft: FindingDraft, today: string): string | null {
  if (!draft.outcome) return '请选择检查结果';
  if (draft.outcome === 'rectify') {
    const by = draft.rectifyBy.trim();
    if (!by && draft.colour === 'green') return null;
    if (!by) return '责令整改须写明整改期限';
    if (!isCalendarDate(by)) return '整改期限应写成 年-月-日，如 2026-12-01';
    if (by < today) return '整改期限不能早于今天';
  }
  return null;
}

export interface ItemState {
  item: OnsiteItemView;
  /** The latest result: waiting in the queue if there is one, else the server's. */
  outcome: FindingOutcome | null;
  rectifyBy: string | null;
  note: string | null;
  /** The shown result still waits to be uploaded. */
  pending: boolean;
  /** 三色 of the shown result, when it has one. */
  colour?: ViolationColour | null;
}

const waiting = (queued: QueuedAction[]) => queued.filter((entry) => !entry.refused).map((entry) => entry.action);

/** Each item with its result, the officer's queued findings laid over what the server has. */
export function itemStates(view: OnsiteInspectionView, queued: QueuedAction[]): ItemState[] {
  const latestQueued = new Map<string, FindingRequest>();
  for (const action of waiting(queued)) {
    if (action.type === 'finding' && action.planId === view.id) latestQueued.set(action.body.itemId, action.body);
  }
  return view.items.map((item) => {
    const body = latestQueued.get(item.id);
    if (body) return { item, outcome: body.outcome, rectifyBy: body.rectifyBy ?? null, note: body.note ?? null, pending: true, ...(body.colour ? { colour: body.colour } : {}) };
    return {
      item,
      outcome: item.finding?.outcome ?? null,
      rectifyBy: item.finding?.rectifyBy ?? null,
      note: item.finding?.note ?? null,
      pending: false,
      ...(item.finding?.colour ? { colour: item.finding.colour } : {}),
    };
  });
}

export function missingItems(states: ItemState[]): ItemState[] {
  return states.filter((state) => state.outcome === null);
}

/** A check-in for this inspection's enterprise is waiting in the queue. */
export function checkInPending(view: OnsiteInspectionView, queued: QueuedAction[]): boolean {
  return waiting(queued).some((action) => action.type === 'check-in' && action.body.creditCode === view.creditCode);
}

export function finishPending(view: OnsiteInspectionView, queued: QueuedAction[]): boolean {
  return waiting(queued).some((action) => action.type === 'finish' && action.planId === view.id);
}

/** Whether findings may be recorded: checked in (or the check-in queued), not finished. */
export function canRecord(view: OnsiteInspectionView, queued: QueuedAction[]): boolean {
  if (view.status === 'finished' || finishPending(view, queued)) return false;
  return view.status === 'on-site' || checkInPending(view, queued);
}

/** 结束检查 is offered once every item has a result; otherwise it says what is missing. */
export function finishState(view: OnsiteInspectionView, queued: QueuedAction[]): { enabled: boolean; reason: string } {
  if (view.status === 'finished') return { enabled: false, reason: '检查已结束' };
  if (finishPending(view, queued)) return { enabled: false, reason: '结束检查已保存，待上传' };
  if (!canRecord(view, queued)) return { enabled: false, reason: '请先扫码入企' };
  const missing = missingItems(itemStates(view, queued));
  if (missing.length) {
    return { enabled: false, reason: `还有${missing.length}项没有记录结果：${missing.map((state) => state.item.name).join('、')}` };
  }
  return { enabled: true, reason: '' };
}
