/*
 * 高发违法行为预警报告 (yearly): a year's most frequent violation causes against the year before,
 * with warnings, by industry and by region; the report written for the year (each January, or on a
 * supervisor's request) or, before that, computed on the spot; an Excel export. Ids for browser
 * tests: .warning-year[data-year], #warning-status, #warning-generate, #warning-kpis,
 * #warning-chart and #warning-industry-chart (.chart, data-ready="true" once drawn), #warning-table-<0|1|2> with
 * .warning-row, #warning-export, #warning-error.
 */
import { Text, View } from '@tarojs/components';
import {
  shanghaiDate,
  shanghaiDateTime,
  warningRuleText,
  warningTables,
  WARNING_JOB_STATE_LABELS,
  type WarningReportView,
  type WarningYearItem,
} from '@mashang/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { industryChartOption, warningChartOption } from '../../logic/penalty-charts';
import { warningYears } from '../../logic/report-periods';
import { exportWarningReport, requestWarningReport, warningReport, warningYearList } from '../../services/penalties';
import { Chart } from '../../components/chart';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalties.css';
import '../dashboard/index.css';

const POLL_MS = 1500;

export default function WarningPage() {
  const user = useDeskSession();
  const today = shanghaiDate(Date.now());
  const [items, setItems] = useState<WarningYearItem[]>([]);
  const [year, setYear] = useState(0);
  const [report, setReport] = useState<WarningReportView | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chart = useMemo(() => (report?.top.length ? warningChartOption(report) : null), [report]);
  const industryChart = useMemo(() => (report?.byIndustry.length ? industryChartOption(report) : null), [report]);
  const item = items.find((i) => i.year === year);

  const loadYears = () => warningYearList().then((list) => {
    setItems(list);
    return list;
  });

  useEffect(() => {
    if (!user) return undefined;
    loadYears().then((list) => setYear((current) => current || list.find((i) => i.generatedAt)?.year || Number(today.slice(0, 4)) - 1), (e) => setError(errorMessage(e)));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [user]);

  useEffect(() => {
    if (!year) return;
    setReport(null);
    setError('');
    warningReport(year).then(setReport, (e) => setError(errorMessage(e)));
  }, [year, item?.generatedAt]);

  /** Polls the years until the requested one's job has ended. */
  const watch = (y: number) => {
    timer.current = setTimeout(() => {
      loadYears().then((list) => {
        const current = list.find((i) => i.year === y);
        if (current?.job === 'queued' || current?.job === 'running') watch(y);
      }, (e) => setError(errorMessage(e)));
    }, POLL_MS);
  };
  const generate = async () => {
    try {
      await requestWarningReport(year);
      await loadYears();
      watch(year);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const exportNow = async () => {
    setExporting(true);
    try {
      await exportWarningReport(year);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const busy = item?.job === 'queued' || item?.job === 'running';
  const status = item?.job
    ? `年度报告${WARNING_JOB_STATE_LABELS[item.job]}${item.error ? `：${item.error}` : ''}`
    : report?.stored ? `年度报告生成于 ${shanghaiDateTime(report.generatedAt)}（${report.requestedBy}）` : '尚未生成年度报告，以下为即时统计';
  return (
    <ConsoleShell user={user} tab='warning'>
      <Panel
        title='高发违法行为预警报告'
        action={user?.role === 'supervisor' && year > 0 && (
          <ConsoleButton id='warning-generate' disabled={busy} onClick={() => void generate()}>
            {busy ? '正在生成…' : item?.generatedAt ? '重新生成年度报告' : '生成年度报告'}
          </ConsoleButton>
        )}
      >
        <View className='chips'>
          <Text className='chips__label'>年度</Text>
          {warningYears(items.filter((i) => i.generatedAt).map((i) => i.year), today).map((y) => (
            <Chip key={y} className='warning-year' data-year={String(y)} on={y === year} onClick={() => setYear(y)}>
              {y}年{items.find((i) => i.year === y)?.generatedAt ? '' : '（未生成）'}
            </Chip>
          ))}
        </View>
        <Text id='warning-status' className='pen__note'>{status}</Text>
        {report && <Text className='pen__note'>{warningRuleText(report)}每年1月自动生成上一年度报告。</Text>}
      </Panel>
      {error && <Text id='warning-error' className='console__error'>{error}</Text>}
      {report && (
        <View>
          <View id='warning-kpis' className='dash__kpis'>
            <View className='kpi'>
              <Text className='kpi__value'>{report.totalCases}</Text>
              <Text className='kpi__label'>{report.year}年立案（不含撤销）</Text>
            </View>
            <View className='kpi'>
              <Text className='kpi__value'>{report.previousYearCases}</Text>
              <Text className='kpi__label'>{report.year - 1}年立案</Text>
            </View>
            <View className='kpi'>
              <Text className='kpi__value'>{report.top.filter((c) => c.warning).length}</Text>
              <Text className='kpi__label'>预警违法行为</Text>
            </View>
          </View>
          <View className='pen__summary'>
            <Text>{report.stored ? '年度报告' : '即时统计'}</Text>
            <ConsoleButton id='warning-export' disabled={exporting} onClick={() => void exportNow()}>
              {exporting ? '正在导出…' : '导出Excel'}
            </ConsoleButton>
          </View>
          <Panel title={`${report.year}年案件数前 ${report.thresholds.top} 位的违法行为（与上年对比）`}>
            {chart ? <Chart id='warning-chart' option={chart} height={Math.max(240, report.top.length * 36 + 60)} /> : <Text className='console__muted'>该年度没有立案</Text>}
          </Panel>
          {industryChart && (
            <Panel title={`${report.year}年各行业立案数（前 10 个行业）`}>
              <Chart id='warning-industry-chart' option={industryChart} height={Math.max(200, Math.min(report.byIndustry.length, 10) * 32 + 50)} />
            </Panel>
          )}
          {warningTables(report).map((table, t) => {
            const style = { '--cols': String(table.header.length) } as Record<string, string>;
            return (
              <Panel key={table.title} id={`warning-table-${t}`} title={table.title}>
                <View className='table dash__table'>
                  <View className='table__row table__row--head' style={style}>
                    {table.header.map((h) => <Text key={h}>{h}</Text>)}
                  </View>
                  {table.rows.map((row, i) => (
                    <View key={i} className={`table__row warning-row${row[row.length - 1] ? ' pen__row--flag' : ''}`} style={style}>
                      {row.map((cell, j) => <Text key={j}>{String(cell)}</Text>)}
                    </View>
                  ))}
                </View>
              </Panel>
            );
          })}
        </View>
      )}
    </ConsoleShell>
  );
}
