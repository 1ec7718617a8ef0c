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
 * - Joint inspections (一表通查): #checklist replaces #items (see checklist-card.tsx); rows are recorded for
 *   every agency at once. 三色: under 责令整改/违法 the proposal (`.item__proposal`) and the colours to
 *   confirm (`[data-colour-id="green|yellow|red"]`, chosen `.item__colour-choice--on`); results carry `.item__colour`.
 * - #file-case (立案, once finished with the result 立案): the penalty case filing page for this inspection.
 * - #show-trail (全过程记录) opens #trail with one `.trail-entry[data-seq="…"]` per entry, in order
 *   (`.trail-entry__kind`, `.trail-entry__time`, `.trail-entry__detail`, `.trail-entry__actor`).
 * - The offline queue panel (#offline-queue, see components/queue-panel.tsx).
 * The page puts together the hooks beside it (use-inspection: the view and the queue;
 * use-findings, use-documents, use-finish: the forms) and the cards that show them.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isVisit, type RuleRefusal } from '@mashang/shared';
import { PrimaryButton, RetryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { QueuePanel } from '../../components/queue-panel';
import { Refusals } from '../../components/refusals';
import { shanghaiToday } from '../../logic/dates';
import { canRecord, checkInPending, finishState, itemStates } from '../../logic/onsite';
import { mayFileCase } from '../../logic/penalty-file';
import { PENALTY_FILE_PAGE } from '../../routes';
import { DocumentsCard } from './documents-card';
import { HeaderCard, SummaryCard } from './header-card';
import { ItemFinding } from './item-finding';
import { TrailCard } from './trail-card';
import { useDocuments } from './use-documents';
import { useFindings } from './use-findings';
import { useFinish } from './use-finish';
import { ChecklistCard } from './checklist-card';
import { useChecklist } from './use-checklist';
import { useInspection } from './use-inspection';
import './index.css';

interface FinishCardProps {
  state: { enabled: boolean; reason: string };
  busy: boolean;
  refusals: RuleRefusal[];
  error: string;
  onFinish: () => void;
}

/** 结束检查 (#finish), offered once every item has a result; #finish-missing says what is not. */
function FinishCard({ state, busy, refusals, error, onFinish }: FinishCardProps) {
  return (
    <Card title='结束检查'>
      {state.reason && <Muted id='finish-missing'>{state.reason}</Muted>}
      <PrimaryButton id='finish' className='finish' busy={busy} disabled={!state.enabled} onClick={onFinish}>
        结束检查
      </PrimaryButton>
      <Refusals id='finish-refusals' title='不能结束检查：' refusals={refusals} />
      {error && (
        <Notice id='finish-error' tone='danger'>
          {error}
        </Notice>
      )}
    </Card>
  );
}

export default function InspectionPage() {
  const { id, view, setView, stale, loadError, reload, queue } = useInspection();
  const findings = useFindings(view, setView);
  const documents = useDocuments(view?.id, reload);
  const finishing = useFinish(view, setView);
  const checklist = useChecklist(view, () => void reload());

  if (!view) {
    return (
      <View className='inspection'>
        <QueuePanel entries={queue.entries} online={queue.online} />
        {loadError ? (
          <Card>
            <Notice id='insp-error' tone='danger'>
              {loadError}
            </Notice>
            <RetryButton onClick={() => void reload()} />
          </Card>
        ) : (
          <Muted>正在读取…</Muted>
        )}
      </View>
    );
  }

  const today = shanghaiToday();
  const editable = canRecord(view, queue.entries);
  const finish = finishState(view, queue.entries);
  const checkInWaiting = view.status === 'planned' && checkInPending(view, queue.entries);

  return (
    <View className='inspection'>
      <QueuePanel entries={queue.entries} online={queue.online} />
      <HeaderCard view={view} stale={stale} checkInWaiting={checkInWaiting} />
      <SummaryCard view={view} />
      {mayFileCase(view) && (
        <Card title='行政处罚'>
          <Muted>检查发现违法行为，结果为“立案”：选择违法条款、写明违法事实，由两名以上执法人员立案办理。</Muted>
          <PrimaryButton
            id='file-case'
            className='file-case'
            onClick={() => void Taro.navigateTo({ url: `${PENALTY_FILE_PAGE}?inspectionId=${encodeURIComponent(id)}` })}
          >
            立案
          </PrimaryButton>
        </Card>
      )}

      {checklist.checklist && <ChecklistCard form={checklist} queued={queue.entries} editable={editable} today={today} />}

      {!checklist.checklist && !isVisit(view.kind) && <Card title='检查事项'>
        {view.status === 'planned' && !checkInWaiting && <Muted>请先在“扫码入企”登记入企，再记录检查结果。</Muted>}
        <View id='items'>
          {itemStates(view, queue.entries).map((state) => (
            <ItemFinding
              key={state.item.id}
              state={state}
              editable={editable}
              draft={findings.draftOf(state)}
              ui={findings.uiOf(state.item.id)}
              today={today}
              onEdit={(patch) => findings.edit(state, patch)}
              onSave={() => void findings.save(state)}
            />
          ))}
        </View>
      </Card>}

      <DocumentsCard view={view} online={queue.online} form={documents} />

      {view.status !== 'finished' && (
        <FinishCard
          state={finish}
          busy={finishing.busy}
          refusals={finishing.refusals}
          error={finishing.error}
          onFinish={() => finish.enabled && void finishing.finish()}
        />
      )}

      <TrailCard planId={id} />
    </View>
  );
}
