/*
 * 专项检查公示: the published special campaigns, for anyone (no login): each with what is checked, the
 * industries and region it covers, its period and the agencies that join. Those in their period come
 * first. Opened at /h5/enterprise.html#/enterprise/pages/campaigns/index.
 * Element ids for browser tests: #campaigns-status, .campaign[data-id] (.campaign__name,
 * .campaign__status, .campaign__period, .campaign__agencies, .campaign__scope, .campaign__items).
 */
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { CAMPAIGN_STATUS_LABELS, type PublicCampaignView } from '@mashang/shared';
import { useState } from 'react';
import { Card } from '../../../components/card';
import { StatusBanner } from '../../../components/status-banner';
import { industriesText, namesText, periodText, regionText } from '../../../logic/campaigns';
import { publicCampaigns } from '../../../services/campaigns';
import './index.css';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'list'; campaigns: PublicCampaignView[] };

function Line({ label, className, children }: { label: string; className: string; children: string }) {
  return (
    <View className='campaigns-line'>
      <Text className='campaigns-label'>{label}</Text>
      <Text className={`campaigns-value ${className}`}>{children}</Text>
    </View>
  );
}

export default function CampaignsPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useLoad(() => {
    publicCampaigns().then((campaigns) => setState({ kind: 'list', campaigns }), () => setState({ kind: 'failed' }));
  });

  if (state.kind !== 'list') {
    return (
      <View className='campaigns'>
        <StatusBanner id='campaigns-status' tone={state.kind === 'failed' ? 'danger' : 'neutral'} title={state.kind === 'failed' ? '暂时打不开' : '正在打开…'} subtitle={state.kind === 'failed' ? '请检查网络后重试' : '请稍候'} />
      </View>
    );
  }
  return (
    <View className='campaigns'>
      <StatusBanner id='campaigns-status' tone='neutral' title='专项检查公示' subtitle='经审批公布的专项检查：检查什么、检查谁、什么时间、哪些部门参加' />
      {!state.campaigns.length && (
        <Card>
          <Text className='campaigns-value'>暂无已公布的专项检查</Text>
        </Card>
      )}
      {state.campaigns.map((c) => (
        <Card key={c.id}>
          <View className='campaign' data-id={c.id}>
            <View className='campaign__head'>
              <Text className='campaign__name'>{c.name}</Text>
              <Text className={`campaign__status campaign__status--${c.status}`}>{c.status === 'published' ? '实施中' : CAMPAIGN_STATUS_LABELS.closed}</Text>
            </View>
            {c.summary ? <Text className='campaigns-value campaign__summary'>{c.summary}</Text> : null}
            <Line label='实施期' className='campaign__period'>{periodText(c)}</Line>
            <Line label='检查范围' className='campaign__scope'>{`${industriesText(c)}；${regionText(c)}`}</Line>
            <Line label='检查事项' className='campaign__items'>{namesText(c.itemNames)}</Line>
            <Line label='参加部门' className='campaign__agencies'>{namesText(c.agencyNames)}</Line>
          </View>
        </Card>
      ))}
    </View>
  );
}
