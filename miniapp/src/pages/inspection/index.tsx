/*
 * One agency's part of an inspection, on site (`?id=<planId>`). Element ids for browser tests (H5):
 * - Header: #insp-enterprise, #insp-status, #insp-agency, #insp-joint (joint inspections only),
 *   #insp-officers, #insp-code-due (emergency: the code must follow by then), #insp-stale (shown from
 *   the phone's copy without a network), #insp-error.
 * - #items with one `.item[data-item-id="…"]` per item: `.item__name`, `.item__basis`,
 *   `.item__result` (the recorded result; `.item__pending` 待上传 while it waits in the queue), the
 *   three choices `[data-outcome-id="pass|rectify|violation"]`, `.item__deadline` (责令整改 only; on
 *   H5 fill '.item__deadline input' with YYYY-MM-DD, the mini-program shows a date Picker),
 *   `.item__note` (fill '.item__note textarea'), `.item__save`, `.item__error`, `.item__saved`.
 * - Documents: #doc-kind with #doc-kind-record, #doc-kind-case-filing, #doc-kind-penalty-decision,
 *   #doc-kind-coercive, #doc-kind-photo (chosen: `.doc-kind--on`); '#doc-title input',
 *   '#doc-no input'; on H5 #doc-file is a plain <input type="file"> (setInputFiles), in the
 *   mini-program #doc-choose-image / #doc-choose-file; #doc-chosen, #doc-upload, #doc-progress,
 *   #doc-error, #doc-network-note; #doc-list with one `.document[data-document-id="…"]` each
 *   (`.document__title`, `.document__size`).
 * - #finish (结束检查, disabled until every item has a result), #finish-missing, #finish-refusals
 *   (`.refusal[data-rule="…"]`), #finish-error, #finish-queued; once finished #summary with
 *   #summary-result (合格 / 责令整改 / 立案).
 * - #show-trail (全过程记录) opens #trail with one `.trail-entry[data-seq="…"]` per entry, in order
 *   (`.trail-entry__kind`, `.trail-entry__time`, `.trail-entry__detail`, `.trail-entry__actor`).
 * - The offline queue panel (#offline-queue, see components/queue-panel.tsx).
 */
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import {
  DOCUMENT_KINDS,
  ErrorCode,
  FINDING_OUTCOMES,
  type DocumentKind,
  type FindingOutcome,
  type OnsiteInspectionView,
  type RuleRefusal,
  type TrailEntryView,
} from '@mashang/shared';
import { useRef, useState, type ChangeEvent } from 'react';
import { PrimaryButton, RetryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Choice } from '../../components/choice';
import { cx } from '../../components/class-names';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { QueuePanel } from '../../components/queue-panel';
import { RadioChips } from '../../components/radio-chips';
import { Refusals } from '../../components/refusals';
import { Tag } from '../../components/tag';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { ApiError, errorMessage } from '../../logic/api-error';
import { chineseDate, shanghaiDateTime, shanghaiToday } from '../../logic/dates';
import { isNetworkFailure, newClientKey } from '../../logic/offline-queue';
import {
  actorLabel,
  canRecord,
  checkInPending,
  documentKindLabel,
  fileSizeLabel,
  findingProblem,
  finishState,
  itemStates,
  outcomeLabel,
  resultLabel,
  resultSummary,
  statusLabel,
  trailDetailLine,
  trailKindLabel,
  type FindingDraft,
  type ItemState,
} from '../../logic/onsite';
import { inspectionStatusTone, resultTone } from '../../logic/tones';
import { triggerLabel } from '../../logic/triggers';
import { LOGIN_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { flushQueue, finishInspection, inspection, inspectionTrail, recordFinding, uploadDocument } from '../../services/onsite';
import type { UploadSource } from '../../services/request';
import './index.css';

const OUTCOME_HINTS: Record<FindingOutcome, string> = {
  pass: '符合要求',
  rectify: '发现问题，限期整改（须写明整改期限）',
  violation: '发现违法行为，立案查处',
};

interface ItemUi {
  busy: boolean;
  error: string;
  saved: string;
}

interface Chosen {
  source: UploadSource;
  name: string;
  size: number | null;
  /** One key per chosen file, so retrying the same upload is recognised as one. */
  clientKey: string;
}

const draftFrom = (state: ItemState): FindingDraft => ({ outcome: state.outcome, rectifyBy: state.rectifyBy ?? '', note: state.note ?? '' });
const fileName = (path: string) => path.split('/').pop() || path;

export default function InspectionPage() {
  const [id, setId] = useState('');
  const [view, setView] = useState<OnsiteInspectionView | null>(null);
  const [stale, setStale] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [drafts, setDrafts] = useState<Record<string, FindingDraft>>({});
  const [itemUi, setItemUi] = useState<Record<string, ItemUi>>({});
  const [docKind, setDocKind] = useState<DocumentKind>('record');
  const [docTitle, setDocTitle] = useState(documentKindLabel('record'));
  const [docNo, setDocNo] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [docError, setDocError] = useState('');
  const [docBusy, setDocBusy] = useState(false);
  const [finishBusy, setFinishBusy] = useState(false);
  const [finishRefusals, setFinishRefusals] = useState<RuleRefusal[]>([]);
  const [finishError, setFinishError] = useState('');
  const [trail, setTrail] = useState<{ open: boolean; entries: TrailEntryView[] | null; error: string }>({ open: false, entries: null, error: '' });
  const latestLoad = useRef(0);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const load = async (planId: string) => {
    if (!planId) return;
    const ticket = ++latestLoad.current;
    try {
      const fetched = await inspection(planId);
      if (ticket !== latestLoad.current) return;
      setView(fetched.value);
      setStale(fetched.stale);
      setLoadError('');
    } catch (error) {
      if (ticket === latestLoad.current) setLoadError(errorMessage(error));
    }
  };

  const loadTrail = async () => {
    setTrail({ open: true, entries: null, error: '' });
    try {
      setTrail({ open: true, entries: (await inspectionTrail(id)).entries, error: '' });
    } catch (error) {
      setTrail({ open: true, entries: null, error: errorMessage(error) });
    }
  };

  const queue = useOfflineQueue((event) => {
    if (event === 'synced') void load(id);
  });

  useLoad((options: Record<string, string | undefined>) => {
    if (!currentSession()) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    setId(options.id ?? '');
    if (!options.id) setLoadError('缺少检查编号');
  });

  useDidShow(() => {
    const planId = (Taro.getCurrentInstance().router?.params.id as string | undefined) ?? id;
    void load(planId);
    void flushQueue();
  });

  if (!view) {
    return (
      <View className='inspection'>
        <QueuePanel entries={queue.entries} online={queue.online} />
        {loadError ? (
          <Card>
            <Notice id='insp-error' tone='danger'>
              {loadError}
            </Notice>
            <RetryButton onClick={() => void load(id)} />
          </Card>
        ) : (
          <Muted>正在读取…</Muted>
        )}
      </View>
    );
  }

  const today = shanghaiToday();
  const states = itemStates(view, queue.entries);
  const editable = canRecord(view, queue.entries);
  const finish = finishState(view, queue.entries);
  const waitingCheckIn = view.status === 'planned' && checkInPending(view, queue.entries);

  const setUi = (itemId: string, patch: Partial<ItemUi>) =>
    setItemUi((current) => ({ ...current, [itemId]: { ...(current[itemId] ?? { busy: false, error: '', saved: '' }), ...patch } }));
  const draftOf = (state: ItemState) => drafts[state.item.id] ?? draftFrom(state);
  const editDraft = (state: ItemState, patch: Partial<FindingDraft>) => {
    setDrafts((current) => ({ ...current, [state.item.id]: { ...draftOf(state), ...patch } }));
    setUi(state.item.id, { error: '', saved: '' });
  };

  const save = async (state: ItemState) => {
    const itemId = state.item.id;
    const draft = draftOf(state);
    const problem = findingProblem(draft, today);
    if (problem || !draft.outcome) {
      setUi(itemId, { error: problem ?? '请选择检查结果' });
      return;
    }
    setUi(itemId, { busy: true, error: '', saved: '' });
    try {
      const outcome = await recordFinding(view.id, state.item, { ...draft, outcome: draft.outcome });
      if (!outcome.queued) setView(outcome.result);
      setDrafts(({ [itemId]: _saved, ...rest }) => rest);
      setUi(itemId, { busy: false, saved: outcome.queued ? '没有网络，已保存在手机上，联网后自动上传' : '已保存' });
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0]?.reason : undefined;
      setUi(itemId, { busy: false, error: field ?? errorMessage(error) });
    }
  };

  const chooseKind = (kind: DocumentKind) => {
    // A title still reading as the previous kind's name follows the new kind.
    if (!docTitle.trim() || docTitle === documentKindLabel(docKind)) setDocTitle(documentKindLabel(kind));
    setDocKind(kind);
    setDocError('');
  };

  const choose = (source: UploadSource, name: string, size: number | null) => {
    setChosen({ source, name, size, clientKey: newClientKey('doc') });
    setProgress(null);
    setDocError('');
  };

  const chooseImage = async () => {
    try {
      const { tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
      const file = tempFiles[0];
      if (file) choose({ path: file.path, name: fileName(file.path) }, fileName(file.path), file.size);
    } catch {
      // Cancelled: nothing chosen.
    }
  };

  const chooseChatFile = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
      const file = tempFiles[0];
      if (file) choose({ path: file.path, name: file.name }, file.name, file.size);
    } catch {
      // Cancelled: nothing chosen.
    }
  };

  const pickH5File = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) choose({ blob: file, name: file.name }, file.name, file.size);
  };

  const upload = async () => {
    if (!chosen || docBusy) return;
    if (!docTitle.trim()) {
      setDocError('请填写文书标题');
      return;
    }
    setDocBusy(true);
    setDocError('');
    setProgress(0);
    try {
      await uploadDocument(view.id, { kind: docKind, title: docTitle, docNo, clientKey: chosen.clientKey }, chosen.source, setProgress);
      setChosen(null);
      setDocNo('');
      if (fileInput.current) fileInput.current.value = '';
      await load(view.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.AlreadyRecorded) {
        setChosen(null);
        await load(view.id);
      } else {
        setDocError(isNetworkFailure(error) ? '网络不好，文书没有上传成功。文书必须联网上传，请到信号好的地方再点“上传”。' : errorMessage(error));
      }
    } finally {
      setDocBusy(false);
      setProgress(null);
    }
  };

  const finishNow = async () => {
    if (finishBusy || !finish.enabled) return;
    setFinishBusy(true);
    setFinishRefusals([]);
    setFinishError('');
    try {
      const outcome = await finishInspection(view);
      if (!outcome.queued) setView(outcome.result);
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.RuleRefused && error.refusals.length) setFinishRefusals(error.refusals);
      else setFinishError(errorMessage(error));
    } finally {
      setFinishBusy(false);
    }
  };

  return (
    <View className='inspection'>
      <QueuePanel entries={queue.entries} online={queue.online} />

      <Card>
        <View className='inspection__head'>
          <View id='insp-enterprise' className='inspection__enterprise'>
            <Text className='inspection__name'>{view.enterpriseName}</Text>
            <Text className='inspection__code'>{view.creditCode}</Text>
          </View>
          <Tag id='insp-status' tone={inspectionStatusTone(view.status)} className='inspection__status'>
            {waitingCheckIn ? '入企登记待上传' : statusLabel(view.status)}
          </Tag>
        </View>
        {stale && <Muted id='insp-stale'>没有网络，显示的是上次读取的内容。</Muted>}
        <Text id='insp-agency' className='inspection__line'>
          检查部门：{view.agencyName}（计划编号 {view.planCode}）
        </Text>
        {view.jointAgencies.length > 0 && (
          <Text id='insp-joint' className='inspection__line'>
            联合检查：与{view.jointAgencies.join('、')}一同检查
          </Text>
        )}
        <Text className='inspection__line'>
          {triggerLabel(view.trigger)} · {chineseDate(view.inspectionDate)}
          {view.checkedInAt ? ` · ${shanghaiDateTime(view.checkedInAt)} 入企` : ''}
        </Text>
        <View id='insp-officers' className='officers'>
          {view.officers.map((officer) => (
            <Text key={officer.id} className='officer'>
              {officer.name}（执法证号 {officer.certNo}）
            </Text>
          ))}
        </View>
        {view.codeDueAt && (
          <Text id='insp-code-due' className={cx('code-due', view.coded && 'code-due--done')}>
            {view.coded
              ? `紧急检查，检查码已补报（期限 ${shanghaiDateTime(view.codeDueAt)}）`
              : `紧急检查（先检查后补码）：须在 ${shanghaiDateTime(view.codeDueAt)} 前补报检查码，逾期将转为监督案件`}
          </Text>
        )}
      </Card>

      {view.status === 'finished' && view.result && (
        <Card id='summary' className={`summary summary--${resultTone(view.result)}`}>
          <Text id='summary-result' className='summary__result'>
            检查结果：{resultLabel(view.result)}
          </Text>
          <Text className='summary__text'>{resultSummary(view.result)}</Text>
          {view.finishedAt && <Text className='summary__text'>结束时间：{shanghaiDateTime(view.finishedAt)}</Text>}
        </Card>
      )}

      <Card title='检查事项'>
        {view.status === 'planned' && !waitingCheckIn && <Muted>请先在“扫码入企”登记入企，再记录检查结果。</Muted>}
        <View id='items'>
          {states.map((state) => {
            const draft = draftOf(state);
            const ui = itemUi[state.item.id];
            return (
              <View key={state.item.id} className='item' data-item-id={state.item.id}>
                <Text className='item__name'>{state.item.name}</Text>
                <Text className='item__basis'>依据：{state.item.basis}</Text>
                {state.outcome && (
                  <View className='item__result-row'>
                    <Tag tone={resultTone(state.outcome)} className='item__result'>
                      {outcomeLabel(state.outcome)}
                      {state.outcome === 'rectify' && state.rectifyBy ? `，整改期限 ${state.rectifyBy}` : ''}
                    </Tag>
                    {state.pending && <Text className='item__pending'>待上传</Text>}
                  </View>
                )}
                {state.note && <Text className='item__basis'>备注：{state.note}</Text>}
                {editable && (
                  <View className='item__form'>
                    {FINDING_OUTCOMES.map((choice) => (
                      <Choice
                        key={choice.value}
                        kind='outcome'
                        id={choice.value}
                        checked={draft.outcome === choice.value}
                        name={choice.label}
                        sub={OUTCOME_HINTS[choice.value]}
                        onToggle={() => editDraft(state, { outcome: choice.value })}
                      />
                    ))}
                    {draft.outcome === 'rectify' && (
                      <Field label='整改期限（必填）'>
                        {process.env.TARO_ENV === 'weapp' ? (
                          <Picker mode='date' value={draft.rectifyBy || today} start={today} onChange={(event) => editDraft(state, { rectifyBy: event.detail.value })}>
                            <View className='item__deadline field__input'>
                              <Text>{draft.rectifyBy || '选择日期'}</Text>
                            </View>
                          </Picker>
                        ) : (
                          <Input
                            className='item__deadline field__input'
                            value={draft.rectifyBy}
                            placeholder='年-月-日，如 2026-12-01'
                            maxlength={10}
                            onInput={(event) => editDraft(state, { rectifyBy: event.detail.value })}
                          />
                        )}
                      </Field>
                    )}
                    <Field label='备注（选填）'>
                      <Textarea
                        className='item__note field__textarea'
                        value={draft.note}
                        placeholder='发现的问题、整改要求等'
                        maxlength={2000}
                        autoHeight
                        onInput={(event) => editDraft(state, { note: event.detail.value })}
                      />
                    </Field>
                    <PrimaryButton className='item__save' busy={Boolean(ui?.busy)} onClick={() => void save(state)}>
                      保存结果
                    </PrimaryButton>
                    {ui?.error && <Text className='item__error'>{ui.error}</Text>}
                    {ui?.saved && <Text className='item__saved'>{ui.saved}</Text>}
                  </View>
                )}
              </View>
            );
          })}
        </View>
      </Card>

      <Card title='文书'>
        {queue.online ? (
          <Muted id='doc-network-note'>文书（检查记录、立案审批表、处罚决定书等）须联网上传，不能离线保存。</Muted>
        ) : (
          <Notice id='doc-network-note' tone='warning'>
            文书（检查记录、立案审批表、处罚决定书等）须联网上传，不能离线保存：现在没有网络，请到信号好的地方再上传。
          </Notice>
        )}
        {view.status !== 'planned' && (
          <View className='doc-form'>
            <RadioChips
              id='doc-kind'
              className='doc-kinds'
              options={DOCUMENT_KINDS}
              value={docKind}
              idPrefix='doc-kind'
              chipClassName='doc-kind'
              onChange={chooseKind}
            />
            <Field label='标题'>
              <Input id='doc-title' className='field__input' value={docTitle} maxlength={200} onInput={(event) => setDocTitle(event.detail.value)} />
            </Field>
            <Field label='文书编号（选填）'>
              <Input id='doc-no' className='field__input' value={docNo} placeholder='如 汴市监检〔2026〕12号' maxlength={64} onInput={(event) => setDocNo(event.detail.value)} />
            </Field>
            <Field label='文件（PDF、JPG 或 PNG）'>
              {process.env.TARO_ENV === 'h5' ? (
                <input id='doc-file' ref={fileInput} className='doc-file' type='file' accept='.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' onChange={pickH5File} />
              ) : (
                <View className='doc-choose'>
                  <Button id='doc-choose-image' className='doc-choose__button' onClick={() => void chooseImage()}>
                    拍照或相册
                  </Button>
                  <Button id='doc-choose-file' className='doc-choose__button' onClick={() => void chooseChatFile()}>
                    聊天中的文件
                  </Button>
                </View>
              )}
              {chosen && (
                <Muted id='doc-chosen'>
                  已选择：{chosen.name}
                  {chosen.size !== null ? `（${fileSizeLabel(chosen.size)}）` : ''}
                </Muted>
              )}
            </Field>
            {progress !== null && (
              <View id='doc-progress' className='progress'>
                <View className='progress__bar' style={{ width: `${progress}%` }} />
                <Text className='progress__text'>正在上传 {progress}%</Text>
              </View>
            )}
            <PrimaryButton id='doc-upload' className='doc-upload' busy={docBusy} disabled={!chosen} onClick={() => void upload()}>
              上传
            </PrimaryButton>
            {docError && (
              <Notice id='doc-error' tone='danger'>
                {docError}
              </Notice>
            )}
          </View>
        )}
        <View id='doc-list'>
          {view.documents.length === 0 && <Muted>还没有上传文书。</Muted>}
          {view.documents.map((document) => (
            <View key={document.id} className='document' data-document-id={document.id}>
              <Text className='document__title'>
                {documentKindLabel(document.kind)}：{document.title}
              </Text>
              <Text className='document__line'>
                {document.docNo ? `${document.docNo} · ` : ''}
                {document.fileName} · <Text className='document__size'>{fileSizeLabel(document.sizeBytes)}</Text>
              </Text>
              <Text className='document__line'>上传时间：{shanghaiDateTime(document.uploadedAt)}</Text>
            </View>
          ))}
        </View>
      </Card>

      {view.status !== 'finished' && (
        <Card title='结束检查'>
          {finish.reason && <Muted id='finish-missing'>{finish.reason}</Muted>}
          <PrimaryButton id='finish' className='finish' busy={finishBusy} disabled={!finish.enabled} onClick={() => void finishNow()}>
            结束检查
          </PrimaryButton>
          <Refusals id='finish-refusals' title='不能结束检查：' refusals={finishRefusals} />
          {finishError && (
            <Notice id='finish-error' tone='danger'>
              {finishError}
            </Notice>
          )}
        </Card>
      )}

      <Card>
        <Button id='show-trail' className='trail-toggle' onClick={() => (trail.open ? setTrail({ ...trail, open: false }) : void loadTrail())}>
          {trail.open ? '收起全过程记录' : '全过程记录'}
        </Button>
        {trail.open && (
          <View id='trail' className='trail'>
            {!trail.entries && !trail.error && <Muted>正在读取…</Muted>}
            {trail.error && <Notice tone='danger'>{trail.error}</Notice>}
            {trail.entries?.map((entry) => (
              <View key={entry.seq} className='trail-entry' data-seq={entry.seq}>
                <View className='trail-entry__head'>
                  <Text className='trail-entry__kind'>{trailKindLabel(entry.kind)}</Text>
                  <Text className='trail-entry__time'>{shanghaiDateTime(entry.at)}</Text>
                </View>
                {trailDetailLine(entry) && <Text className='trail-entry__detail'>{trailDetailLine(entry)}</Text>}
                <Text className='trail-entry__actor'>
                  第{entry.seq}条 · 操作人：{actorLabel(entry.actor)}
                </Text>
              </View>
            ))}
          </View>
        )}
      </Card>
    </View>
  );
}
