/*
 * 非现场检查, the enterprise's side: an agency asks for photos, documents or readings instead of coming
 * over. Opened from the SMS link /o/<token> (?t=, no sign-in) or from the signed-in enterprise's page
 * (?id=, its session). Each ask shows what is wanted and what was sent; once everything has something,
 * 提交材料 sends it in for the officer. Only View/Text/Button/Input (and the browser's file input on H5).
 * Element ids for browser tests: #offsite-status (offsite--loading, offsite--bad, offsite--ok),
 * #offsite-agency, #offsite-enterprise, #offsite-state, `.offsite-ask[data-position]` (`.offsite-ask--done`),
 * #offsite-file-<n>, #offsite-reading-<n>, #offsite-reading-send-<n>, #offsite-submit, #offsite-problem.
 */
import { Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { OffsiteRequestView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Notice } from '../../../components/notice';
import { StatusBanner } from '../../../components/status-banner';
import { errorMessage } from '../../../logic/api-error';
import { askLines, checkReading, enterpriseMayAdd, enterpriseStatusLine, missingCount, offsiteTokenFromParams, statusLabel } from '../../../logic/offsite';
import { getOffsiteRequest, sendReading, submitAnswer, uploadEvidence, type OffsiteAccess } from '../../../services/offsite';
import type { UploadSource } from '../../../services/request';
import { AskRow } from './ask-row';
import './index.css';

type State = { kind: 'loading' } | { kind: 'bad'; message: string } | { kind: 'ok'; view: OffsiteRequestView };

export default function OffsitePage() {
  const { params } = useRouter();
  const token = offsiteTokenFromParams(params);
  const access: OffsiteAccess | null = token ? { token } : params.id ? { id: params.id } : null;
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<{ position: number; percent: number } | null>(null);
  const [problem, setProblem] = useState('');

  const load = async (quiet = false) => {
    if (!access) return setState({ kind: 'bad', message: '链接不完整。请按短信里的链接原样打开，或登录企业端查看。' });
    if (!quiet) setState({ kind: 'loading' });
    try {
      setState({ kind: 'ok', view: await getOffsiteRequest(access) });
    } catch (error) {
      setState({ kind: 'bad', message: errorMessage(error) });
    }
  };
  useLoad(() => void load());

  const act = async (work: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
      setUploading(null);
      await load(true);
    }
  };
  const onFile = (position: number, source: UploadSource) =>
    void act(() => {
      setUploading({ position, percent: 0 });
      return uploadEvidence(access!, position, source, (percent) => setUploading({ position, percent }));
    });
  const onReading = (position: number, text: string) => {
    const checked = checkReading(text);
    if ('problem' in checked) return setProblem(checked.problem);
    void act(() => sendReading(access!, position, checked.text));
  };

  if (state.kind === 'loading') {
    return (
      <View className='offsite'>
        <StatusBanner id='offsite-status' className='offsite--loading' tone='neutral' title='正在打开…' subtitle='请稍候' />
      </View>
    );
  }
  if (state.kind === 'bad') {
    return (
      <View className='offsite'>
        <StatusBanner id='offsite-status' className='offsite--bad' tone='danger' icon='✕' title='打不开' subtitle={state.message} />
      </View>
    );
  }
  const { view } = state;
  const open = enterpriseMayAdd(view.status);
  const missing = missingCount(view);
  return (
    <View className='offsite'>
      <StatusBanner id='offsite-status' className='offsite--ok' tone={view.status === 'accepted' ? 'success' : 'primary'} title={statusLabel(view.status)} subtitle='非现场检查：在线提交材料，无需等候上门' />
      <Card>
        <Text id='offsite-agency' className='offsite-line'>
          检查部门：{view.agencyName}
        </Text>
        <Text id='offsite-enterprise' className='offsite-line'>
          被检查企业：{view.enterpriseName}
        </Text>
        <Text id='offsite-state' className='offsite-paragraph'>
          {enterpriseStatusLine(view)}
        </Text>
      </Card>
      <Card title='需要提交的材料'>
        {askLines(view).map((line) => (
          <AskRow key={line.position} line={line} open={open} busy={busy} progress={uploading?.position === line.position ? uploading.percent : null} onFile={onFile} onReading={onReading} />
        ))}
      </Card>
      {problem && (
        <Notice id='offsite-problem' tone='danger'>
          {problem}
        </Notice>
      )}
      {view.status === 'asked' && (
        <PrimaryButton id='offsite-submit' className='offsite-submit' busy={busy} disabled={missing > 0} onClick={() => void act(() => submitAnswer(access!))}>
          {missing > 0 ? `还有${missing}项未提交` : '提交材料'}
        </PrimaryButton>
      )}
    </View>
  );
}
