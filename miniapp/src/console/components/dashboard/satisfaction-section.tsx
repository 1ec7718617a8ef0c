/*
 * 满意度走势: ratings per month of the year, of one agency or all — the average score and the share
 * of poor ratings. Aggregates only: a month of too few ratings shows nothing, and the section says so.
 * Ids: #dash-satisfaction-trend, #satisfaction-agency (a picker, overseers), #chart-satisfaction-trend,
 * #satisfaction-trend-table, #satisfaction-trend-note, #satisfaction-trend-error.
 */
import { Picker, Text, View } from '@tarojs/components';
import { SATISFACTION_TREND_NOTE, type AgencyDto } from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { agencyOptions } from '../../logic/console';
import { SATISFACTION_HEADER, satisfactionChart, satisfactionRows, type DashboardSectionProps } from '../../logic/dashboard-sections';
import { agencies } from '../../services/console';
import { satisfactionTrend } from '../../services/dashboard-sections';
import { Chart } from '../chart';
import { Panel } from '../panel';
import { RowsTable } from './rows-table';
import { useSection } from './use-section';
import './dashboard.css';

export function SatisfactionSection({ user, year }: DashboardSectionProps) {
  const overseer = user.role !== 'agency-admin';
  const [agencyId, setAgencyId] = useState('');
  const [agencyList, setAgencyList] = useState<AgencyDto[]>([]);
  useEffect(() => {
    if (overseer) agencies().then(setAgencyList, () => setAgencyList([]));
  }, [overseer]);
  const { data, error } = useSection(() => satisfactionTrend(year, agencyId), [year, agencyId]);
  const option = useMemo(() => (data ? satisfactionChart(data) : null), [data]);
  const picker = agencyOptions(agencyList);

  return (
    <Panel id='dash-satisfaction-trend' className='dash__wide' title='企业满意度走势（按月）'>
      <View className='chips'>
        <Text className='chips__label'>部门</Text>
        {overseer ? (
          <Picker id='satisfaction-agency' mode='selector' range={picker.names} value={picker.indexOf(agencyId)} onChange={(e) => setAgencyId(picker.idAt(Number(e.detail.value)))}>
            <Text className='dash__picker'>{picker.names[picker.indexOf(agencyId)]} ▾</Text>
          </Picker>
        ) : (
          <Text className='chip chip--on'>{data?.agencyName ?? '本部门'}</Text>
        )}
      </View>
      {error && <Text id='satisfaction-trend-error' className='console__error'>{error}</Text>}
      {!data || !option ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <>
          <Chart id='chart-satisfaction-trend' option={option} />
          <RowsTable id='satisfaction-trend-table' header={SATISFACTION_HEADER} rows={satisfactionRows(data)} />
        </>
      )}
      <Text id='satisfaction-trend-note' className='console__muted'>{SATISFACTION_TREND_NOTE}</Text>
    </Panel>
  );
}
