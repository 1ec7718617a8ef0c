/*
 * The offline queue as the scan and inspection pages show it (with hooks/use-offline-queue.ts): #offline-queue holding
 * #offline-status (无网络 / 已联网), #offline-pending (待上传 N 条), #offline-upload (立即上传),
 * #offline-result (what the last upload did), and one `.queued[data-client-key="…"]` per action
 * (`.queued__label`, `.queued__time`; refused ones have `.queued--refused`, `.queued__error` and a
 * `.queued__discard` button).
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorMessage } from '../logic/api-error';
import { shanghaiDateTime } from '../logic/dates';
import type { QueuedAction } from '../logic/offline-queue';
import { discardQueued, flushQueue } from '../services/onsite';
import { cx } from './class-names';
import { PrimaryButton } from './buttons';
import './queue-panel.css';

const actionTime = (entry: QueuedAction) => {
  const at = (entry.action.body as { at?: string }).at;
  return at ? shanghaiDateTime(at) : '';
};

export function QueuePanel({ entries, online }: { entries: QueuedAction[]; online: boolean }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const pending = entries.filter((entry) => !entry.refused);
  if (!entries.length && online) return null;

  const upload = async () => {
    setBusy(true);
    setResult('');
    const report = await flushQueue();
    setBusy(false);
    if (report.error) setResult(`上传未完成：${errorMessage(report.error)}`);
    else setResult(`已上传 ${report.applied + report.duplicate} 条${report.refused ? `，${report.refused} 条被拒绝` : ''}`);
  };

  return (
    <View id='offline-queue' className={cx('queue', !online && 'queue--offline')}>
      <View className='queue__head'>
        <Text id='offline-status' className='queue__status'>
          {online ? '已联网' : '无网络：入企登记、检查结果和结束检查先保存在手机上，联网后自动上传'}
        </Text>
      </View>
      {entries.length > 0 && (
        <View className='queue__row'>
          <Text id='offline-pending' className='queue__count'>
            待上传 {pending.length} 条
          </Text>
          {pending.length > 0 && (
            <PrimaryButton id='offline-upload' className='queue__upload' size='mini' busy={busy} onClick={() => void upload()}>
              立即上传
            </PrimaryButton>
          )}
        </View>
      )}
      {result && (
        <Text id='offline-result' className='queue__result'>
          {result}
        </Text>
      )}
      {entries.map((entry) => (
        <View
          key={entry.action.clientKey}
          className={cx('queued', entry.refused && 'queued--refused')}
          data-client-key={entry.action.clientKey}
        >
          <Text className='queued__label'>{entry.label}</Text>
          <Text className='queued__time'>{actionTime(entry)}{entry.refused ? '　未能上传' : '　待上传'}</Text>
          {entry.refused && (
            <View className='queued__refusal'>
              <Text className='queued__error'>{entry.refused.message}</Text>
              <Button className='queued__discard' size='mini' onClick={() => discardQueued(entry.action.clientKey)}>
                已处理，删除
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
