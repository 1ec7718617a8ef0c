/*
 * One flagged case with all its evidence and the workflow actions the logged-in user may take.
 * Opened as /console/pages/case/index?id=<caseId>. Ids for browser tests: #case-title,
 * #case-status, #case-deadline, #case-actions with #action-<action> buttons; the form #action-form
 * (#action-note: fill '#action-note textarea'; #action-deadline: fill '#action-deadline input';
 * #outcome-accountable / #outcome-not-accountable; #action-assignee picker), #action-submit,
 * #action-cancel, #action-error, #action-done; #case-log with .case-event[data-kind] (.case-event__actor,
 * .case-event__note); #case-inspection, #case-trail .trail-entry, #case-documents .document or
 * #documents-unavailable, #case-ratings .rating, #case-evidence (.evidence-record), #case-attachments
 * .attachment and #attach-file, #case-related .related-case, #credit-records, #case-error;
 * #case-anonymity for the rated agency on a case its rating raised (what is withheld from it, and why);
 * #case-penalty-case (an objection to a penalty case, or its fine outside the range: opens that case);
 * #case-file-penalty (a complaint, for its agency's admin: files a penalty case from it).
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  DISCIPLINE_OUTCOME_LABELS,
  DOCUMENT_KINDS,
  RATING_ANONYMITY_NOTES,
  RATING_PROBLEM_LABELS,
  evidenceText,
  trailDetailLine,
  trailKindLabel,
  type CaseAction,
  type CaseDetail,
  type DisciplineOutcome,
  type RatingProblem,
  ANOMALY_SEVERITY_LABELS,
} from '@mashang/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { CONSOLE_CASE_PAGE, CONSOLE_PENALTY_CASE_PAGE, PENALTY_FILE_PAGE } from '../../../routes';
import {
  actionLabel,
  actionRequest,
  actorText,
  conclusionLabel,
  deadlineText,
  evidenceCaseText,
  eventLabel,
  inspectionResultText,
  shanghaiTime,
  sourceLabel,
  statusLabel,
  toBase64,
  type ActionDraft,
} from '../../logic/console';
import { flaggedPenaltyCaseId } from '../../logic/penalty';
import { actOnCase, assignees as loadAssignees, attachToCase, downloadAttachment, downloadDocument, getCase } from '../../services/console';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { ActionForm } from './action-form';
import './index.css';

const EMPTY_DRAFT: ActionDraft = { note: '', deadline: '', outcome: '', assigneeId: null };
const MAX_UPLOAD_BYTES = 700 * 1024;

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
  const mayNote = detail.allowedActions.includes('note');
  const penaltyCaseId = flaggedPenaltyCaseId(c);
  const mayFileFromComplaint = c.source === 'complaint' && user?.role === 'agency-admin' && user.agencyId === c.agencyId;

  return (
    <ConsoleShell user={user} tab='case'>
      <View className='panel'>
        <View className='case__head'>
          <Text className={`badge badge--${c.severity}`}>{ANOMALY_SEVERITY_LABELS[c.severity]}</Text>
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
      {(penaltyCaseId || mayFileFromComplaint) && (
        <View className='case__actions'>
          {penaltyCaseId && (
            <ConsoleButton id='case-penalty-case' onClick={() => void Taro.navigateTo({ url: `${CONSOLE_PENALTY_CASE_PAGE}?id=${encodeURIComponent(penaltyCaseId)}` })}>
              查看处罚案件 {penaltyCaseId}
            </ConsoleButton>
          )}
          {mayFileFromComplaint && (
            <ConsoleButton id='case-file-penalty' onClick={() => void Taro.navigateTo({ url: `${PENALTY_FILE_PAGE}?flaggedCaseId=${encodeURIComponent(c.id)}` })}>
              据此投诉立案
            </ConsoleButton>
          )}
        </View>
      )}
      {detail.anonymity && (
        <Text id='case-anonymity' className='console__muted'>
          {detail.anonymity.substancePassedOn ? RATING_ANONYMITY_NOTES.passedOn : RATING_ANONYMITY_NOTES.withheld}
        </Text>
      )}
      {error && <Text id='case-error' className='console__error'>{error}</Text>}
      {done && <Text id='action-done' className='console__ok'>{done}</Text>}

      <View className='case__grid'>
        <View>
          <Panel id='case-actions' title='办理'>
            {detail.allowedActions.length ? (
              <View className='case__actions'>
                {detail.allowedActions.map((a) => (
                  <ConsoleButton key={a} id={`action-${a}`} primary={a === action} onClick={() => open(a)}>
                    {actionLabel(a)}
                  </ConsoleButton>
                ))}
                {mayNote && (
                  <ConsoleButton id='attach-file' onClick={() => void attach()}>
                    上传附件
                  </ConsoleButton>
                )}
              </View>
            ) : (
              <Text className='console__muted'>{c.status === 'closed' ? '案件已办结' : '当前没有需要您办理的事项'}</Text>
            )}
            {action && (
              <ActionForm
                action={action}
                draft={draft}
                onDraft={setDraft}
                supervisors={supervisors}
                error={formError}
                busy={busy}
                onSubmit={() => void submit()}
                onCancel={() => setAction(null)}
              />
            )}
          </Panel>

          <Panel id='case-log' title='办理记录'>
            {detail.events.map((e) => (
              <View key={e.id} className='console-row case-event' data-kind={e.kind}>
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
          </Panel>

          <Panel id='case-evidence' title='问题证据'>
            <Text className='case-event__note'>{evidenceText(c.evidence) || '—'}</Text>
            {detail.evidenceRecords.inspections.map((i) => (
              <View key={i.id} className='console-row evidence-record'>
                <Text>检查 {i.id} · {i.agencyName ?? i.agencyId} · {shanghaiTime(i.startedAt)} · 结果 {inspectionResultText(i.result)}{i.coded ? '' : ' · 未亮码'}</Text>
              </View>
            ))}
            {detail.evidenceRecords.cases.map((k) => (
              <View key={k.id} className='console-row evidence-record'>
                <Text>{evidenceCaseText(k)}</Text>
              </View>
            ))}
          </Panel>

          <Panel id='case-ratings' title='企业评价'>
            {detail.ratings.length ? (
              detail.ratings.map((r) => (
                <View key={`${r.inspectionId}-${r.agencyId}`} className='console-row rating'>
                  <Text>
                    {r.agencyName ?? r.agencyId}：{r.verdict === 'approve' ? '满意' : '不满意'} · 语言文明 {r.language} · 程序规范 {r.procedure} · 方式柔性 {r.manner} · 结果公平 {r.fairness}
                  </Text>
                  {r.flags.length > 0 && <Text className='console__muted'>问题：{r.flags.map((f) => RATING_PROBLEM_LABELS[f as RatingProblem] ?? f).join('、')}</Text>}
                  {r.comment && <Text className='case-event__note'>“{r.comment}”</Text>}
                  <Text className='console__muted'>{shanghaiTime(r.ratedAt)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Panel>
        </View>

        <View>
          <Panel id='case-inspection' title='检查信息'>
            {detail.inspection ? (
              <KeyValues
                rows={[
                  ['检查编号', detail.inspection.id],
                  ['执法部门', detail.inspection.agencyName ?? detail.inspection.agencyId],
                  ['检查时间', `${shanghaiTime(detail.inspection.startedAt)} – ${shanghaiTime(detail.inspection.finishedAt)}`],
                  ['联合检查', detail.inspection.jointId ? `是（${detail.inspection.jointId}）` : '否'],
                  ['亮码', detail.inspection.coded ? '是' : '否'],
                  ['结果', inspectionResultText(detail.inspection.result)],
                ]}
              />
            ) : (
              <Text className='console__muted'>{c.inspectionId ? `检查 ${c.inspectionId} 尚未形成检查记录` : '不涉及具体检查'}</Text>
            )}
          </Panel>

          <Panel id='case-trail' title='全过程留痕'>
            {detail.trail.length ? (
              detail.trail.map((t) => (
                <View key={t.seq} className='console-row trail-entry'>
                  <Text>
                    {t.seq}. {trailKindLabel(t.kind)} · {actorText(t.actor, t.actorName ?? null)} · {shanghaiTime(t.at)}
                  </Text>
                  <Text className='console__muted'>{trailDetailLine(t)}</Text>
                  <Text className='trail-entry__hash'>{t.hash}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无留痕记录</Text>
            )}
          </Panel>

          <Panel id='case-documents' title='现场文书'>
            {detail.documents === null ? (
              <Text id='documents-unavailable' className='console__muted'>现场检查文书模块尚未上线</Text>
            ) : detail.documents.length ? (
              detail.documents.map((d) => (
                <View key={d.id} className='console-row document'>
                  <ConsoleButton onClick={() => void downloadDocument(d.id, d.fileName).catch((e) => setError(errorMessage(e)))}>
                    {DOCUMENT_KINDS.find((k) => k.value === d.kind)?.label ?? d.kind}：{d.title}{d.docNo ? `（${d.docNo}）` : ''}
                  </ConsoleButton>
                  <Text className='console__muted'>{d.fileName} · {Math.ceil(d.sizeBytes / 1024)} KB · {shanghaiTime(d.uploadedAt)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Panel>

          <Panel id='case-attachments' title='附件'>
            {detail.attachments.length ? (
              detail.attachments.map((a) => (
                <View key={a.id} className='console-row attachment'>
                  <ConsoleButton onClick={() => void downloadAttachment(id, a).catch((e) => setError(errorMessage(e)))}>
                    {a.name}
                  </ConsoleButton>
                  <Text className='console__muted'>{Math.ceil(a.size / 1024)} KB · {actorText(a.uploadedBy, null)} · {shanghaiTime(a.at)}</Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Panel>

          <Panel id='case-related' title='同一企业 / 执法人员的历史案件'>
            {detail.related.length ? (
              detail.related.map((r) => (
                <View key={r.id} className='console-row evidence-record related-case' onClick={() => void Taro.redirectTo({ url: `${CONSOLE_CASE_PAGE}?id=${encodeURIComponent(r.id)}` })}>
                  <Text className='btn'>{r.title}</Text>
                  <Text className='console__muted'>
                    {sourceLabel(r.source)} · {statusLabel(r.status)}{r.conclusion ? `（${conclusionLabel(r.conclusion)}）` : ''} · {shanghaiTime(r.createdAt)}
                  </Text>
                </View>
              ))
            ) : (
              <Text className='console__muted'>无</Text>
            )}
          </Panel>

          {detail.creditRecords.length > 0 && (
            <Panel id='credit-records' title='企业信用记录'>
              {detail.creditRecords.map((r, i) => (
                <View key={i} className='console-row evidence-record'>
                  <Text>{r.kind === 'fabricated-complaint' ? '投诉弄虚作假' : r.kind} · {shanghaiTime(r.at)}</Text>
                  <Text className='console__muted'>{r.note}</Text>
                </View>
              ))}
            </Panel>
          )}
        </View>
      </View>
    </ConsoleShell>
  );
}
