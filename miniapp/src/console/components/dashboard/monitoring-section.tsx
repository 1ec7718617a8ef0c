/*
 * Monitoring (执法监测): inspections in progress today, inspections per agency per month,
 * satisfaction per agency, the annual inspection rate, joint vs single, open cases by age — as
 * charts, each with its table and an Excel export. Ids for browser tests: #kpi-today,
 * #kpi-rate, #kpi-open; one .panel per table with id #dash-<table> holding a .chart
 * (data-ready="true" once drawn), a .dash__table and #export-<table>; #dash-error; for an agency
 * admin, #satisfaction-note (its satisfaction shows only over enough ratings).
 */
import { Text, View } from '@tarojs/components';
import { AGENCY_SATISFACTION_NOTE, dashboardTable, Role, TABLE_TITLES, type DashboardView } from '@mashang/shared';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { chartOptions, type ChartTable } from '../../logic/charts';
import { formatRate } from '../../logic/console';
import type { DashboardSectionProps } from '../../logic/dashboard-sections';
import { dashboard, exportTable } from '../../services/console';
import { Chart } from '../chart';
import { ConsoleButton } from '../controls';
import { Panel } from '../panel';
import { RowsTable } from './rows-table';
import { useSection } from './use-section';

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
  return <RowsTable header={header} rows={rows.map((row) => row.map((cell, j) => (typeof cell === 'number' && header[j].includes('率') ? formatRate(cell) : String(cell ?? ''))))} />;
}

function Kpi({ id, value, label }: { id: string; value: string | number; label: string }) {
  return (
    <View className='kpi'>
      <Text id={id} className='kpi__value'>
        {value}
      </Text>
      <Text className='kpi__label'>{label}</Text>
    </View>
  );
}

export function MonitoringSection({ user }: DashboardSectionProps) {
  const { data: view, error: loadError } = useSection(() => dashboard(), []);
  const [exportError, setExportError] = useState('');
  const [exporting, setExporting] = useState<ChartTable | null>(null);
  const charts = useMemo(() => (view ? chartOptions(view) : null), [view]);
  const error = loadError || exportError;

  const exportOne = async (table: ChartTable) => {
    setExporting(table);
    try {
      await exportTable(table);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      {error && <Text id='dash-error' className='console__error dash__wide'>{error}</Text>}
      {!view || !charts ? (
        !error && <Text className='console__muted dash__wide'>正在统计…</Text>
      ) : (
        <>
          <View className='dash__kpis dash__wide'>
            <Kpi id='kpi-today' value={view.today.total} label={view.today.basis === 'checked-in' ? '今日在检（已扫码入企）' : '今日计划检查'} />
            <Kpi
              id='kpi-rate'
              value={formatRate(view.inspectionRate.rate)}
              label={`年度入企检查率（${view.inspectionRate.inspected}/${view.inspectionRate.registered}）`}
            />
            <Kpi id='kpi-open' value={view.openFlagsByAge.reduce((sum, b) => sum + b.count, 0)} label='未办结监督案件' />
          </View>
          {SECTIONS.map(({ table, wide }) => (
            <Panel
              key={table}
              id={`dash-${table}`}
              className={wide ? 'dash__wide' : undefined}
              title={TABLE_TITLES[table]}
              action={
                <ConsoleButton id={`export-${table}`} disabled={exporting === table} onClick={() => void exportOne(table)}>
                  {exporting === table ? '正在导出…' : '导出Excel'}
                </ConsoleButton>
              }
            >
              <Chart id={`chart-${table}`} option={charts[table]} />
              <Table view={view} table={table} />
              {table === 'satisfaction' && user.role === Role.AgencyAdmin && (
                <Text id='satisfaction-note' className='console__muted'>{AGENCY_SATISFACTION_NOTE}</Text>
              )}
            </Panel>
          ))}
        </>
      )}
    </>
  );
}
