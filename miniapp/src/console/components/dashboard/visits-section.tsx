/*
 * 无事不扰: how many enterprises were inspected 0, 1, 2, 3, 4+ times in the year (a joint inspection
 * once), and the most visited, each linking to its entry in the register. Ids: #dash-visits,
 * #chart-visits, #visits-table, #most-visited with one .most-visited__row[data-code] each
 * (.most-visited__link), #visits-error.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { VISIT_BUCKET_LABELS } from '@mashang/shared';
import { useMemo } from 'react';
import { bucketShare, mostVisitedRows, visitsChart, type DashboardSectionProps } from '../../logic/dashboard-sections';
import { visitsPerEnterprise } from '../../services/dashboard-sections';
import { Chart } from '../chart';
import { Panel } from '../panel';
import { RowsTable } from './rows-table';
import { useSection } from './use-section';
import './dashboard.css';

export function VisitsSection({ user, year }: DashboardSectionProps) {
  const { data, error } = useSection(() => visitsPerEnterprise(year), [year]);
  const option = useMemo(() => (data ? visitsChart(data) : null), [data]);
  const own = user.role === 'agency-admin';
  return (
    <Panel id='dash-visits' className='dash__wide' title={own ? '本部门检查企业的次数分布（无事不扰）' : '企业被检查次数分布（无事不扰）'}>
      {error && <Text id='visits-error' className='console__error'>{error}</Text>}
      {!data || !option ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <View className='dash__pair'>
          <View className='dash__half'>
            <Text className='console__muted'>
              {`${data.year}年1月1日至${Number(data.through.slice(5, 7))}月${Number(data.through.slice(8))}日，在册企业 ${data.registered} 户${own ? '；仅计本部门的检查' : '；联合检查计一次'}`}
            </Text>
            <Chart id='chart-visits' option={option} />
            <RowsTable
              id='visits-table'
              header={['检查次数', '企业数', '占在册企业']}
              rows={data.buckets.map((b) => [VISIT_BUCKET_LABELS[b.bucket], String(b.enterprises), bucketShare(b.enterprises, data.registered)])}
            />
          </View>
          <View id='most-visited' className='dash__half'>
            <Text className='dash__subtitle'>被检查最多的企业</Text>
            {!data.top.length && <Text className='console__muted'>本年尚无检查</Text>}
            {mostVisitedRows(data).map((row, i) => (
              <View key={row.creditCode} className='most-visited__row' data-code={row.creditCode}>
                <Text className='most-visited__rank'>{i + 1}</Text>
                <View className='most-visited__main'>
                  <Text className='most-visited__link' onClick={() => void Taro.navigateTo({ url: row.link })}>{row.name}</Text>
                  <Text className='console__muted'>{row.creditCode}</Text>
                  <Text className='console__muted'>{row.agencies}</Text>
                </View>
                <Text className='most-visited__count'>{`${row.visits}次`}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Panel>
  );
}
