/*
 * Monitoring (执法监测): inspections in progress today, inspections per agency per month,
 * satisfaction per agency, the annual inspection rate, joint vs single, open cases by age — as
 * charts, each with its table and an Excel export. Ids for browser tests: #kpi-today,
 * #kpi-rate, #kpi-open; one .panel per table with id #dash-<table> holding a .chart
 * (data-ready="true" once drawn), a .dash__table and #export-<table>; #dash-error.
 */
import { Text, View } from '@tarojs/components';
import { dashboardTable, TABLE_TITLES, type DashboardTable, type DashboardView } from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { COLORS } from '../../../styles/tokens';
import { formatRate, topSeries } from '../../logic/console';
import { dashboard, exportTable } from '../../services/console';
import { Chart, type ChartOption } from '../../components/chart';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

type ChartTable = Exclude<DashboardTable, 'cases'>;

function options(view: DashboardView): Record<ChartTable, ChartOption> {
  const bar = (names: string[], values: number[], horizontal = false, percent = false): ChartOption => ({
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 130 : 40, right: 16, top: 16, bottom: horizontal ? 24 : 56 },
    [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: names, axisLabel: horizontal ? { width: 120, overflow: 'truncate' } : { rotate: 30, interval: 0 } },
    [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', ...(percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
    series: [{ type: 'bar', data: values, itemStyle: { color: COLORS.primary } }],
  });
  const months = view.inspectionsByMonth.months;
  const worst = view.satisfaction.slice(0, 12).reverse();
  return {
    today: bar(view.today.byAgency.map((r) => r.agencyName), view.today.byAgency.map((r) => r.count)),
    'inspections-by-month': {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: topSeries(view.inspectionsByMonth.series, 8).map((s) => ({ name: s.name, type: 'bar', stack: 'all', data: s.counts })),
    },
    satisfaction: bar(worst.map((r) => r.agencyName), worst.map((r) => Math.round(r.approveRate * 1000) / 10), true, true),
    'inspection-rate': {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'pie',
        radius: ['45%', '70%'],
        data: [
          { name: '近一年已检查', value: view.inspectionRate.inspected },
          { name: '未检查', value: Math.max(0, view.inspectionRate.registered - view.inspectionRate.inspected) },
        ],
      }],
    },
    'joint-vs-single': {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: view.jointVsSingle.months },
      yAxis: { type: 'value' },
      series: [
        { name: '联合检查', type: 'bar', stack: 'all', data: view.jointVsSingle.joint },
        { name: '单独检查', type: 'bar', stack: 'all', data: view.jointVsSingle.single },
      ],
    },
    'open-flags-by-age': bar(view.openFlagsByAge.map((b) => b.bucket), view.openFlagsByAge.map((b) => b.count)),
  };
}

const SECTIONS: { table: ChartTable; wide?: boolean }[] = [
  { table: 'today' },
  { table: 'inspection-rate' },
  { table: 'inspections-by-month', wide: true },
  { table: 'satisfaction' },
  { table: 'joint-vs-single' },
  { table: 'open-flags-by-age', wide: true },
];

function Table({ view, table }: { view: DashboardView; table: ChartTable }) {
  const { header, rows } = dashboardTable(table, view);
  const style = { '--cols': String(header.length) } as Record<string, string>;
  return (
    <View className='table dash__table'>
      <View className='table__row table__row--head' style={style}>
        {header.map((h) => <Text key={h}>{h}</Text>)}
      </View>
      {rows.map((row, i) => (
        <View key={i} className='table__row' style={style}>
          {row.map((cell, j) => <Text key={j}>{typeof cell === 'number' && header[j].includes('率') ? formatRate(cell) : String(cell ?? '')}</Text>)}
        </View>
      ))}
    </View>
  );
}

export default function DashboardPage() {
  const user = useDeskSession();
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState<ChartTable | null>(null);

  useEffect(() => {
    if (!user) return;
    dashboard().then(setView, (e) => setError(errorMessage(e)));
  }, [user]);
  const charts = useMemo(() => (view ? options(view) : null), [view]);

  const exportOne = async (table: ChartTable) => {
    setExporting(table);
    try {
      await exportTable(table);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <ConsoleShell user={user} tab='dashboard'>
      {error && <Text id='dash-error' className='console__error'>{error}</Text>}
      {!view || !charts ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <View>
          <View className='dash__kpis'>
            <View className='kpi'>
              <Text id='kpi-today' className='kpi__value'>{view.today.total}</Text>
              <Text className='kpi__label'>{view.today.basis === 'checked-in' ? '今日在检（已扫码入企）' : '今日计划检查'}</Text>
            </View>
            <View className='kpi'>
              <Text id='kpi-rate' className='kpi__value'>{formatRate(view.inspectionRate.rate)}</Text>
              <Text className='kpi__label'>年度入企检查率（{view.inspectionRate.inspected}/{view.inspectionRate.registered}）</Text>
            </View>
            <View className='kpi'>
              <Text id='kpi-open' className='kpi__value'>{view.openFlagsByAge.reduce((sum, b) => sum + b.count, 0)}</Text>
              <Text className='kpi__label'>未办结监督案件</Text>
            </View>
          </View>
          <View className='dash__grid'>
            {SECTIONS.map(({ table, wide }) => (
              <View key={table} id={`dash-${table}`} className={`panel${wide ? ' dash__wide' : ''}`}>
                <View className='panel__head'>
                  <Text className='panel__title'>{TABLE_TITLES[table]}</Text>
                  <Text id={`export-${table}`} className={`btn${exporting === table ? ' btn--disabled' : ''}`} onClick={() => void exportOne(table)}>
                    {exporting === table ? '正在导出…' : '导出Excel'}
                  </Text>
                </View>
                <Chart id={`chart-${table}`} option={charts[table]} />
                <Table view={view} table={table} />
              </View>
            ))}
          </View>
        </View>
      )}
    </ConsoleShell>
  );
}
