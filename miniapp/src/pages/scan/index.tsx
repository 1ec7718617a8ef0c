/*
 * 扫码入企: today's inspections of the logged-in officer and the check-in at the enterprise's door.
 * Element ids for browser tests (H5):
 * - #today-list with one `.today[data-plan-id="…"]` per inspection (tap: the inspection page;
 *   `.today__name`, `.today__status`), #today-empty, #today-error, #today-stale (shown from the
 *   phone's copy when there is no network).
 * - #scan-button (扫码, mini-program only: the licence QR via the camera).
 * - #scan-code: a Taro <Input>, so fill '#scan-code input' with the 18-character code;
 *   #scan-code-hint under it (`.scan-hint--ok` once valid).
 * - #check-in (登记入企); #checkin-refusals with one `.refusal[data-rule="…"]` per rule the server
 *   refused on (`.refusal__message`, `.refusal__remedy`); #checkin-error (anything else);
 *   #checkin-queued (saved offline, uploaded later). On success the inspection page opens.
 * - The offline queue panel (#offline-queue, see components/queue-panel.tsx).
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { ErrorCode, normaliseCreditCode, type OnsiteInspectionView, type RuleRefusal } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton, RetryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { cx } from '../../components/class-names';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { QueuePanel } from '../../components/queue-panel';
import { Refusals } from '../../components/refusals';
import { Tag } from '../../components/tag';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { ApiError, errorMessage } from '../../logic/api-error';
import { chineseDate } from '../../logic/dates';
import { checkInRuleLabel, scanCodeHint, statusLabel } from '../../logic/onsite';
import { inspectionStatusTone } from '../../logic/tones';
import { INSPECTION_PAGE, LOGIN_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { cachedTodayFor, checkIn, currentLocation, flushQueue, scanLicence, todayInspections } from '../../services/onsite';
import './index.css';

const openInspection = (id: string) => void Taro.navigateTo({ url: `${INSPECTION_PAGE}?id=${encodeURIComponent(id)}` });

/** One of today's inspections; tap to open it. */
function TodayRow({ view }: { view: OnsiteInspectionView }) {
  return (
    <View className='today' data-plan-id={view.id} hoverClass='today--pressed' onClick={() => openInspection(view.id)}>
      <View className='today__head'>
        <Text className='today__name'>{view.enterpriseName}</Text>
        <Tag tone={inspectionStatusTone(view.status)} className='today__status'>
          {statusLabel(view.status)}
        </Tag>
      </View>
      <Text className='today__line'>{view.creditCode}</Text>
      <Text className='today__line'>
        {chineseDate(view.inspectionDate)} · {view.items.length} 项检查事项
        {view.jointAgencies.length ? ` · 联合检查（${view.jointAgencies.join('、')}）` : ''}
      </Text>
      {!view.coded && view.trigger !== 'emergency' && <Text className='today__warn'>尚未生成检查码</Text>}
    </View>
  );
}

export default function ScanPage() {
  const [today, setToday] = useState<OnsiteInspectionView[] | null>(null);
  const [todayStale, setTodayStale] = useState(false);
  const [todayError, setTodayError] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<RuleRefusal[]>([]);
  const [failure, setFailure] = useState('');
  const [queuedNote, setQueuedNote] = useState('');

  const loadToday = async () => {
    setTodayError('');
    try {
      const { value, stale } = await todayInspections();
      setToday(value);
      setTodayStale(stale);
    } catch (error) {
      setTodayError(errorMessage(error));
    }
  };

  const queue = useOfflineQueue((event) => {
    if (event === 'synced') void loadToday();
  });

  useLoad(() => {
    if (!currentSession()) void Taro.reLaunch({ url: LOGIN_PAGE });
  });

  useDidShow(() => {
    if (!currentSession()) return;
    void loadToday();
    void flushQueue();
  });

  const hint = scanCodeHint(typed);

  const submit = async (code: string) => {
    if (busy) return;
    setRefusals([]);
    setFailure('');
    setQueuedNote('');
    setBusy(true);
    try {
      const location = await currentLocation();
      const outcome = await checkIn({ creditCode: code, ...location });
      if (!outcome.queued) {
        openInspection(outcome.result.id);
        return;
      }
      const known = cachedTodayFor(code);
      if (known) {
        openInspection(known.id);
        return;
      }
      setQueuedNote('没有网络，入企登记已保存在手机上，联网后自动上传；如被拒绝，会在上方“待上传”中说明原因。');
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.RuleRefused && error.refusals.length) setRefusals(error.refusals);
      else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    setRefusals([]);
    setFailure('');
    const { code, cancelled } = await scanLicence();
    if (cancelled) return;
    if (!code) {
      setFailure('未能从扫描结果中识别统一社会信用代码，请对准营业执照上的二维码重扫，或在下方手动输入。');
      return;
    }
    setTyped(code);
    void submit(code);
  };

  return (
    <View className='scan'>
      <QueuePanel entries={queue.entries} online={queue.online} />

      <Card title='扫码入企'>
        <Muted>到达企业后，扫描营业执照上的二维码（或输入统一社会信用代码）登记入企。无检查计划、无检查码不得入企。</Muted>
        {process.env.TARO_ENV === 'weapp' ? (
          <PrimaryButton id='scan-button' className='scan__scan' busy={busy} onClick={() => void scan()}>
            扫码
          </PrimaryButton>
        ) : null}
        <Field label='统一社会信用代码' className='scan__code-field'>
          <Input
            id='scan-code'
            className='field__input scan__input'
            value={typed}
            placeholder='18位统一社会信用代码'
            maxlength={24}
            onInput={(event) => {
              setTyped(event.detail.value);
              setRefusals([]);
              setFailure('');
            }}
          />
        </Field>
        {hint.text && (
          <Text id='scan-code-hint' className={cx('scan-hint', hint.ok && 'scan-hint--ok')}>
            {hint.text}
          </Text>
        )}
        <PrimaryButton id='check-in' className='scan__submit' busy={busy} disabled={!hint.ok} onClick={() => void submit(normaliseCreditCode(typed))}>
          登记入企
        </PrimaryButton>

        <Refusals id='checkin-refusals' title='不能入企检查，原因如下：' refusals={refusals} label={checkInRuleLabel} />
        {failure && (
          <Notice id='checkin-error' tone='danger'>
            {failure}
          </Notice>
        )}
        {queuedNote && (
          <Notice id='checkin-queued' tone='warning'>
            {queuedNote}
          </Notice>
        )}
      </Card>

      <Card title='今天的检查'>
        {todayStale && <Muted id='today-stale'>没有网络，显示的是上次读取的内容。</Muted>}
        {!today && !todayError && <Muted>正在读取…</Muted>}
        {todayError && (
          <View className='scan__retry-row'>
            <Notice id='today-error' tone='danger'>
              {todayError}
            </Notice>
            <RetryButton onClick={() => void loadToday()} />
          </View>
        )}
        {today?.length === 0 && <Muted id='today-empty'>今天没有您的检查计划。</Muted>}
        <View id='today-list'>
          {today?.map((view) => (
            <TodayRow key={view.id} view={view} />
          ))}
        </View>
      </Card>
    </View>
  );
}
