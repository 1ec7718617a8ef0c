/*
 * 非现场检查占比, a section of the dashboard of its own: per agency and month, the off-site checks
 * among all finished checks (GET /api/offsite/share; an agency admin sees its own agency). Loads itself.
 * Ids: #dash-offsite-share (.chart data-ready="true" once drawn, .dash__table), #offsite-share-error.
 */
import { Text, View } from '@tarojs/components';
import type { OffsiteShareRow } from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../logic/api-error';
import { offsiteShare } from '../services/offsite';
import { Chart } from './components/chart';
import { Panel } from './components/panel';
import { offsiteShareOption, shareTable } from './logic/offsite-share';

const HEADER = ['月份', '执法部门', '非现场 / 全部检查', '非现场占比'];

export function OffsiteSharePanel() {
  const [rows, setRows] = useState<OffsiteShareRow[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    offsiteShare().then(setRows, (e) => setError(errorMessage(e)));
  }, []);
  const option = useMemo(() => (rows ? offsiteShareOption(rows) : null), [rows]);
  const style = { '--cols': String(HEADER.length) } as Record<string, string>;
  return (
    <Panel id='dash-offsite-share' className='dash__wide' title='非现场检查占比（按部门、月份）'>
      {error && <Text id='offsite-share-error' className='console__error'>{error}</Text>}
      {!rows && !error && <Text className='console__muted'>正在统计…</Text>}
      {rows && rows.length === 0 && <Text className='console__muted'>近一年暂无已结束的检查</Text>}
      {option && rows && rows.length > 0 && <Chart id='chart-offsite-share' option={option} />}
      {rows && rows.length > 0 && (
        <View className='table dash__table'>
          <View className='table__row table__row--head' style={style}>
            {HEADER.map((h) => <Text key={h}>{h}</Text>)}
          </View>
          {shareTable(rows).map((row) => (
            <View key={`${row[0]}-${row[1]}`} className='table__row' style={style}>
              {row.map((cell, i) => <Text key={i}>{cell}</Text>)}
            </View>
          ))}
        </View>
      )}
    </Panel>
  );
}
