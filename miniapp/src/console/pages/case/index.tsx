/*
 * One flagged case with all its evidence and the workflow actions the logged-in user may take.
 * Opened as /console/pages/case/index?id=<caseId>. Ids for browser tests: #case-title,
 * #case-status, #case-deadline, #case-actions with #action-<action> buttons; the form #action-form
 * (#action-note: fill '#action-note textarea'; #action-deadline: fill '#action-deadline input';
 * #outcome-accountable / #outcome-not-accountable; #action-assignee picker), #action-submit,
 * #action-cancel, #action-error, #action-done; #case-log with .case-event[data-kind] (.case-event__actor,
 * .case-event__note); #case-inspection, #case-trail .trail-entry, #case-documents .document or
 * #documents-unavailable, #case-ratings .rating, #case-evidence (.evidence-record), #case-attachments
 * .attachment and #attach-file, #case-related .related-case, #credit-records, #case-error.
 */
import { Picker, Text, Textarea, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  DISCIPLINE_OUTCOME_LABELS,
  DOCUMENT_KINDS,
  shanghaiDate,
  type CaseAction,
  type CaseDetail,
  type DisciplineOutcome,
} from '@mashang/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { CONSOLE_CASE_PAGE } from '../../../routes';
import {
  actionForm,
  actionLabel,
  actionRequest,
  actorText,
  conclusionLabel,
  deadlineText,
  eventLabel,
  SEVERITY_LABELS,
  shanghaiTime,
  sourceLabel,
  statusLabel,
  toBase64,
  type ActionDraft,
} from '../../logic/console';
import { actOnCase, assignees as loadAssignees, attachToCase, downloadAttachment, downloadDocument, getCase } from '../../services/console';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

const EMPTY_DRAFT: ActionDraft = { note: '', deadline: '', outcome: '', assigneeId: null };
const RATING_FLAGS: Record<string, string> = { repeated: '重复检查', inaction: '不作为', excessive: '滥检查', other: '其他' };
const MAX_UPLOAD_BYTES = 700 * 1024;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <View id={id} className='panel'>
      <View className='panel__head'>
        <Text className='panel__title'>{title}</Text>
      </View>
      {children}
    </View>
  );
}

function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <View className='kv'>
      {rows.map(([key, value]) => [
        <Text key={`${key}-k`} className='kv__key'>{key}</Text>,
        <Text key={`${key}-v`} className='kv__value'>{value ?? '—'}</Text>,
      ])}
    </View>
  );
}

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');

/** Picks a file in the browser (the console is H5 only). */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
}

export default function CasePage() {
  const user = useDeskSession();
  const id = useRouter().params.id ?? '';
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState('');
  const [action, setAction] = useState<CaseAction | null>(null);
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_DRAFT);
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [supervisors, setSupervisors] = useState<{ id: number; displayName: string }[]>([]);

  useEffect(() => {
    if (!user || !id) return;
    getCase(id).then(setDetail, (e) => setError(errorMessage(e)));
    if (user.role === 'supervisor') loadAssignees().then(setSupervisors, () => undefined);
  }, [user, id]);

  const open = (next: CaseAction) => {
    setAction(next);
    setDraft({ ...EMPTY_DRAFT, assigneeId: user?.id ?? null });
    setFormError('');
    setDone('');
  };

  const submit = async () => {
    if (!action || busy) return;
    const built = actionRequest(action, draft);
    if ('error' in built) {
      setFormError(built.error);
      return;
    }
    setBusy(true);
    setFormError('');
    try {
      setDetail(await actOnCase(id, built.request));
      setDone(`已${actionLabel(action)}`);
      setAction(null);
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const attach = async () => {
    const file = await pickFile();
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setError('附件不能超过 700 KB');
      return;
    }
    try {
      const content = toBase64(new Uint8Array(await file.arrayBuffer()));
      await attachToCase(id, { name: file.name, mime: file.type || 'application/octet-stream', content });
      setDetail(await getCase(id));
      setError('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!detail) {
    return (
      <ConsoleShell user={user} tab='case'>
        {error ? <Text id='case-error' className='console__error'>{error}</Text> : <Text className='console__muted'>正在加载…</Text>}
      </ConsoleShell>
    );
  }

  const c = detail.case;
  const form = action ? actionForm(action) : null;
  const mayNote = detail.allowedActions.includes('note');

  return (
    <ConsoleShell user={user} tab='case'>
      <View className='panel'>
        <View className='case__head'>
          <Text className={`badge badge--${c.severity}`}>{SEVERITY_LABELS[c.severity]}</Text>
          <Text className='badge'>{sourceLabel(c.source)}</Text>
          <Text id='case-title' className='case__title'>{c.title}</Text>
        </View>
        <View className='case__head'>
          <Text id='case-status' className={`badge${c.status === 'closed' ? ' badge--closed' : ''}`}>
            {statusLabel(c.status)}
            {c.conclusion ? `：${conclusionLabel(c.conclusion)}` : ''}
          </Text>
          {c.overdue && <Text className='badge badge--overdue'>逾期</Text>}
          <Text id='case-deadline' className='console__muted'>{deadlineText(c) ? `期限：${deadlineText(c)}` : ''}</Text>
        </View>
        <KeyValues
          rows={[
            ['执法部门', c.agencyName ?? c.agencyId],
            ['企业', [c.enterpriseName, c.creditCode].filter(Boolean).join(' · ') || null],
            ['执法人员', c.officerName ?? c.officerId],
            ['承办人', c.assigneeName],
            ['发起时间', shanghaiTime(c.createdAt)],
            ['案件编号', c.id],
          ]}
        />
      </View>
      {error && <Text id='case-error' className='console__error'>{error}</Text>}
      {done && <Text id='action-done' className='console__ok'>{done}</Text>}

      <View className='case__grid'>
        <View>
          <Section id='case-actions' title='办理'>
            {detail.allowedActions.length ? (
              <View className='case__actions'>
                {detail.allowedActions.map((a) => (
                  <Text key={a} id={`action-${a}`} className={`btn${a === action ? ' btn--primary' : ''}`} onClick={() => open(a)}>
                    {actionLabel(a)}
                  </Text>
                ))}
                {mayNote && (
                  <Text id='attach-file' className='btn' onClick={() => void attach()}>
                    上传附件
                  </Text>
                )}
              </View>
            ) : (
              <Text className='console__muted'>{c.status === 'closed' ? '案件已办结' : '当前没有需要您办理的事项'}</Text>
            )}
            {action && form && (
              <View id='action-form'>
                <Text className='panel__title'>{actionLabel(action)}</Text>
                {form.assignee && (
                  <View className='field'>
                    <Text className='field__label'>承办人</Text>
                    <Picker
                      id='action-assignee'
                      mode='selector'
                      range={supervisors.map((s) => s.displayName)}
                      value={Math.max(0, supervisors.findIndex((s) => s.id === draft.assigneeId))}
                      onChange={(e) => setDraft({ ...draft, assigneeId: supervisors[Number(e.detail.value)]?.id ?? null })}
                    >
                      <Text className='field__input'>{supervisors.find((s) => s.id === draft.assigneeId)?.displayName ?? '本人'} ▾</Text>
                    </Picker>
                  </View>
                )}
                {form.note === 'required' && (
                  <View className='field'>
                    <Text className='field__label'>{action === 'answer-rectification' ? '整改情况' : '说明'}</Text>
                    <Textarea id='action-note' className='field__textarea' value={draft.note} maxlength={2000} onInput={(e) => setDraft({ ...draft, note: e.detail.value })} />
                  </View>
                )}
                {form.deadline !== 'hidden' && (
                  <View className='field'>
                    <Text className='field__label'>期限（YYYY-MM-DD{form.deadline === 'optional' ? '，不填用默认期限' : ''}）</Text>
                    <Input id='action-deadline' className='field__input' value={draft.deadline} placeholder={shanghaiDate(new Date())} onInput={(e) => setDraft({ ...draft, deadline: e.detail.value })} />
                  </View>
                )}
                {form.outcome && (
                  <View className='chips'>
                    {(Object.keys(DISCIPLINE_OUTCOME_LABELS) as DisciplineOutcome[]).map((o) => (
                      <Text key={o} id={`outcome-${o}`} className={`chip${draft.outcome === o ? ' chip--on' : ''}`} onClick={() => setDraft({ ...draft, outcome: o })}>
                        {DISCIPLINE_OUTCOME_LABELS[o]}
                      </Text>
                    ))}
                  </View>
                )}
                {form.confirm && <Text className='case__warning'>提交后案件将{action === 'record-discipline-outcome' || action.startsWith('conclude') || action === 'confirm-rectification' ? '办结' : '转入下一环节'}，不可撤回。</Text>}
                {formError && <Text id='action-error' className='console__error'>{formError}</Text>}
                <View className='case__actions'>
                  <Text id='action-submit' className={`btn btn--primary${busy ? ' btn--disabled' : ''}`} onClick={() => void submit()}>
                    {busy ? '正在提交…' : '提交'}
                  </Text>
                  <Text id='action-cancel' className='btn' onClick={() => setAction(null)}>
                    取消
                  </Text>
                </View>
              </View>
            )}
          </Section>

          <Section id='case-log' title='办理记录'>
            {detail.events.map((e) => (
              <View key={e.id} className='case-event' data-kind={e.kind}>
                <View className='case-event__head'>
                  <Text className='case-event__kind'>{eventLabel(e.kind)}</Text>
                  <Text className='console__muted'>{shanghaiTime(e.at)}</Text>
                </View>
                <Text className='case-event__actor'>{actorText(e.actor, e.actorName)}</Text>
                {typeof e.detail.note === 'string' && <Text className='case-event__note'>{e.detail.note}</Text>}
                {typeof e.detail.deadline === 'string' && <Text className='console__muted'>期限：{e.detail.deadline}</Text>}
                {typeof e.detail.outcome === 'string' && <Text className='console__muted'>结果：{DISCIPLINE_OUTCOME_LABELS[e.detail.outcome as DisciplineOutcome] ?? e.detail.outcome}</Text>}
                {typeof e.detail.name === 'string' && <Text className='console__muted'>附件：{e.detail.name}</Text>}
              </View>
            ))}
          </Section>

          <Section id='case-evidence' title='问题证据'>
            <Text className='case-event__note'>{detailText(c.evidence) || '—'}</Text>
            {detail.evidenceRecords.inspections.map((i) => (
              <View key={i.id} className='evidence-record'>
                <Text>检查 {i.id} · {i.agencyName ?? i.agencyId} · {shanghaiTime(i.startedAt)} · 结果 {i.result}{i.coded ? '' : ' · 未亮码'}</Text>
              </View>
            ))}
            {detail.evidenceRecords.cases.map((k) => (
              <View key={k.id} className='evidence-record'>
                <Text>案件 {k.id} · 案由 {k.cause} · {k.status} · 立案 {shanghaiTime(k.filedAt)} · 罚款 {(Number(k.fine) / 100).toFixed(2)} 元</Text>
              </View>
            ))}
          </Section>

          <Section id='case-ratings' title='企业评价'>
            {detail.ratings.length ? (
              detail.ratings.map((r) => (
                <View key={`${r.inspectionId}-${r.agencyId}`} className='rating'>
                  <Text>
                    {r.agencyName ?? r.agencyId}：{r.verdict === 'approve' ? '满意' : '不满意'} · 语言文明 {r.language} · 程序规范 {r.procedure} · 方式柔性 {r.manner} · 结果公平 {r.fairness}
                  </Text>
                  {r.flags.length > 0 && <Text className='console__muted'>问题：{r.flags.map((f) => RATING_FLAGS[f] ?? f).join('、')}</Text>}
                  {r.comment && <Text className='case-event__note'>“{r.comment}”</Text>}
                  <Text className='console__muted'>{shanghaiTime(r.ratedAt)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Section>
        </View>

        <View>
          <Section id='case-inspection' title='检查信息'>
            {detail.inspection ? (
              <KeyValues
                rows={[
                  ['检查编号', detail.inspection.id],
                  ['执法部门', detail.inspection.agencyName ?? detail.inspection.agencyId],
                  ['检查时间', `${shanghaiTime(detail.inspection.startedAt)} – ${shanghaiTime(detail.inspection.finishedAt)}`],
                  ['联合检查', detail.inspection.jointId ? `是（${detail.inspection.jointId}）` : '否'],
                  ['亮码', detail.inspection.coded ? '是' : '否'],
                  ['结果', detail.inspection.result],
                ]}
              />
            ) : (
              <Text className='console__muted'>{c.inspectionId ? `检查 ${c.inspectionId} 尚未形成检查记录` : '不涉及具体检查'}</Text>
            )}
          </Section>

          <Section id='case-trail' title='全过程留痕'>
            {detail.trail.length ? (
              detail.trail.map((t) => (
                <View key={t.seq} className='trail-entry'>
                  <Text>
                    {t.seq}. {t.kind} · {actorText(t.actor, null)} · {shanghaiTime(t.at)}
                  </Text>
                  <Text className='console__muted'>{detailText(t.detail)}</Text>
                  <Text className='trail-entry__hash'>{t.hash}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无留痕记录</Text>
            )}
          </Section>

          <Section id='case-documents' title='现场文书'>
            {detail.documents === null ? (
              <Text id='documents-unavailable' className='console__muted'>现场检查文书模块尚未上线</Text>
            ) : detail.documents.length ? (
              detail.documents.map((d) => (
                <View key={d.id} className='document'>
                  <Text className='btn' onClick={() => void downloadDocument(d.id, d.fileName).catch((e) => setError(errorMessage(e)))}>
                    {DOCUMENT_KINDS.find((k) => k.value === d.kind)?.label ?? d.kind}：{d.title}{d.docNo ? `（${d.docNo}）` : ''}
                  </Text>
                  <Text className='console__muted'>{d.fileName} · {Math.ceil(d.sizeBytes / 1024)} KB · {shanghaiTime(d.uploadedAt)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Section>

          <Section id='case-attachments' title='附件'>
            {detail.attachments.length ? (
              detail.attachments.map((a) => (
                <View key={a.id} className='attachment'>
                  <Text className='btn' onClick={() => void downloadAttachment(id, a).catch((e) => setError(errorMessage(e)))}>
                    {a.name}
                  </Text>
                  <Text className='console__muted'>{Math.ceil(a.size / 1024)} KB · {actorText(a.uploadedBy, null)} · {shanghaiTime(a.at)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Section>

          <Section id='case-related' title='同一企业 / 执法人员的历史案件'>
            {detail.related.length ? (
              detail.related.map((r) => (
                <View key={r.id} className='evidence-record related-case' onClick={() => void Taro.redirectTo({ url: `${CONSOLE_CASE_PAGE}?id=${encodeURIComponent(r.id)}` })}>
                  <Text className='btn'>{r.title}</Text>
                  <Text className='console__muted'>
                    {sourceLabel(r.source)} · {statusLabel(r.status)}{r.conclusion ? `（${conclusionLabel(r.conclusion)}）` : ''} · {shanghaiTime(r.createdAt)}
                  </Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Section>

          {detail.creditRecords.length > 0 && (
            <Section id='credit-records' title='企业信用记录'>
              {detail.creditRecords.map((r, i) => (
                <View key={i} className='evidence-record'>
                  <Text>{r.kind === 'fabricated-complaint' ? '投诉弄虚作假' : r.kind} · {shanghaiTime(r.at)}</Text>
                  <Text className='console__muted'>{r.note}</Text>
                </View>
              ))}
            </Section>
          )}
        </View>
      </View>
    </ConsoleShell>
  );
}
