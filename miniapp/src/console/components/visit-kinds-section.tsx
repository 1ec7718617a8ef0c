/*
 * The dashboard's visits that are not inspections (回访、政策宣传、走访调研) and accompanied inspections
 * (陪同执法), counted apart: a chart by month and a table per agency and month. Ids for browser tests:
 * #dash-visit-kinds holding #chart-visit-kinds (data-ready="true" once drawn), .dash__table, #visit-kinds-error.
 */
import { Text, View } from '@tarojs/components';
import type { VisitsByMonthView } from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../logic/api-error';
import { visitsChartOption, visitsTable } from '../logic/visits-chart';
import { visitsByMonth } from '../services/visits';
import { Chart } from './chart';
import { Panel } from './panel';

export function VisitKindsSection() {
  const [view, setView] = useState<VisitsByMonthView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    visitsByMonth().then(setView, (e) => setError(errorMessage(e)));
  }, []);
  const option = useMemo(() => (view ? visitsChartOption(view) : null), [view]);
  const table = useMemo(() => (view ? visitsTable(view) : null), [view]);
  const style = { '--cols': String(table?.header.length ?? 1) } as Record<string, string>;
  return (
    <Panel id='dash-visit-kinds' className='dash__wide' title='回访、服务走访与陪同执法（不计入行政检查）'>
      {error && <Text id='visit-kinds-error' className='console__error'>{error}</Text>}
      {!view || !option || !table ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <View>
          <Chart id='chart-visit-kinds' option={option} />
          <View className='table dash__table'>
            <View className='table__row table__row--head' style={style}>
              {table.header.map((h) => <Text key={h}>{h}</Text>)}
            </View>
            {table.rows.map((row, i) => (
              <View key={i} className='table__row' style={style}>
                {row.map((cell, j) => <Text key={j}>{String(cell)}</Text>)}
              </View>
            ))}
            {!table.rows.length && <Text className='console__muted'>本期没有回访、服务走访或陪同执法</Text>}
          </View>
        </View>
      )}
    </Panel>
  );
}
