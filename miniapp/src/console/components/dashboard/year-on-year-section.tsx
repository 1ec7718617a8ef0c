/*
 * 同比: inspections per agency this year to date against the same days of last year, with the change,
 * and the joint and planned shares. Ids: #dash-year-on-year, #chart-year-on-year, #yoy-period,
 * #yoy-table, #yoy-total, #yoy-error.
 */
import { Text } from '@tarojs/components';
import { useMemo } from 'react';
import { changeText, periodText, YEAR_ON_YEAR_HEADER, yearOnYearChart, yearOnYearRows, type DashboardSectionProps } from '../../logic/dashboard-sections';
import { yearOnYear } from '../../services/dashboard-sections';
import { Chart } from '../chart';
import { Panel } from '../panel';
import { RowsTable } from './rows-table';
import { useSection } from './use-section';
import './dashboard.css';

export function YearOnYearSection({ year }: DashboardSectionProps) {
  const { data, error } = useSection(() => yearOnYear(year), [year]);
  const option = useMemo(() => (data ? yearOnYearChart(data) : null), [data]);
  return (
    <Panel id='dash-year-on-year' className='dash__wide' title='各部门检查数同比'>
      {error && <Text id='yoy-error' className='console__error'>{error}</Text>}
      {!data || !option ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <>
          <Text id='yoy-period' className='console__muted'>
            {`${periodText(`${data.year}-01-01`, data.through)}，对比${periodText(data.previousFrom, data.previousThrough)}`}
          </Text>
          <Text id='yoy-total' className='dash__headline'>
            {`合计 ${data.total.current} 次，上年同期 ${data.total.previous} 次，同比 ${changeText(data.total.change)}`}
          </Text>
          <Chart id='chart-year-on-year' option={option} height={Math.max(220, Math.min(data.agencies.length, 12) * 36 + 60)} />
          <RowsTable id='yoy-table' header={YEAR_ON_YEAR_HEADER} rows={yearOnYearRows(data)} />
        </>
      )}
    </Panel>
  );
}
