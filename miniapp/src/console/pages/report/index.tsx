/*
 * The nightly big-data report (大数据研判): pick a night's report, counts per rule and per agency,
 * the findings (each linked to the flagged case it raised), an Excel export; supervisors can run
 * it again. Ids for browser tests: #report-runs with .report-run[data-as-of], #report-run-now,
 * #report-summary (#report-rule-chart, .report-rule[data-rule], .report-agency), #report-findings .finding
 * (.finding__case opens the case), #report-more, #report-export, #report-empty, #report-error.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ANOMALY_RUN_STATUS_LABELS,
  ANOMALY_SEVERITY_LABELS,
  type AnomalyFindingView,
  type AnomalyReportSummaryView,
  type AnomalyRunView,
} from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { CONSOLE_CASE_PAGE } from '../../../routes';
import { ruleChartOption } from '../../logic/charts';
import { shanghaiTime } from '../../logic/console';
import { anomalyFindings, anomalyRuns, anomalySummary, exportFindings, triggerAnomalyRun } from '../../services/console';
import { Chart } from '../../components/chart';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';

/** The per-agency table's five columns (console.css reads `--cols`). */
const AGENCY_COLUMNS = { '--cols': '5' } as Record<string, string>;

export default function ReportPage() {
  const user = useDeskSession();
  const [runs, setRuns] = useState<AnomalyRunView[] | null>(null);
  const [asOf, setAsOf] = useState('');
  const [summary, setSummary] = useState<AnomalyReportSummaryView | null>(null);
  const [rule, setRule] = useState('');
  const [findings, setFindings] = useState<AnomalyFindingView[]>([]);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  const ruleChart = useMemo(() => (summary ? ruleChartOption(summary) : null), [summary]);

  const loadRuns = () =>
    anomalyRuns().then((result) => {
      setRuns(result.items);
      setAsOf((current) => current || result.items.find((r) => r.status === 'completed')?.asOf || '');
    }, (e) => setError(errorMessage(e)));

  useEffect(() => {
    if (user) void loadRuns();
  }, [user]);

  useEffect(() => {
    if (!asOf) return;
    setSummary(null);
    anomalySummary(asOf).then(setSummary, (e) => setError(errorMessage(e)));
  }, [asOf]);

  useEffect(() => {
    if (!asOf) return;
    anomalyFindings(asOf, rule ? { rule } : {}, page).then((result) => {
      setFindings((shown) => (page === 1 ? result.items : [...shown, ...result.items]));
      setTotal(result.total);
    }, (e) => setError(errorMessage(e)));
  }, [asOf, rule, page]);

  const choose = (next: { asOf?: string; rule?: string }) => {
    if (next.asOf !== undefined) setAsOf(next.asOf);
    if (next.rule !== undefined) setRule(next.rule);
    setPage(1);
  };

  const runNow = async () => {
    try {
      await triggerAnomalyRun();
      await loadRuns();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <ConsoleShell user={user} tab='report'>
      {error && <Text id='report-error' className='console__error'>{error}</Text>}
      <Panel
        id='report-runs'
        title='研判报告（每晚生成）'
        action={
          user?.role === 'supervisor' && (
            <ConsoleButton id='report-run-now' onClick={() => void runNow()}>
              生成昨日报告
            </ConsoleButton>
          )
        }
      >
        <View className='chips'>
          {runs?.map((r) => (
            <Chip key={r.asOf} className='report-run' on={r.asOf === asOf} data-as-of={r.asOf} onClick={() => r.status === 'completed' && choose({ asOf: r.asOf })}>
              {r.asOf}
              {r.status === 'completed' ? `（${r.findingCount}项）` : `（${ANOMALY_RUN_STATUS_LABELS[r.status]}${r.status === 'running' ? ` ${r.progress}%` : ''}）`}
            </Chip>
          ))}
        </View>
        {runs && !runs.length && <Text id='report-empty' className='console__muted'>还没有研判报告</Text>}
      </Panel>

      {summary && (
        <View id='report-summary' className='dash__grid'>
          <Panel title={`按规则（${summary.asOf}，生成于 ${shanghaiTime(summary.generatedAt)}）`}>
            {ruleChart && <Chart id='report-rule-chart' option={ruleChart} height={Math.max(260, summary.byRule.length * 22)} />}
            <View className='chips'>
              <Chip on={!rule} onClick={() => choose({ rule: '' })}>
                全部
              </Chip>
              {summary.byRule.filter((r) => r.count > 0).map((r) => (
                <Chip key={r.rule} className='report-rule' on={rule === r.rule} data-rule={r.rule} onClick={() => choose({ rule: r.rule })}>
                  {r.title} {r.count}
                </Chip>
              ))}
            </View>
          </Panel>
          <Panel title='按部门'>
            <View className='table dash__table'>
              <View className='table__row table__row--head' style={AGENCY_COLUMNS}>
                <Text>执法部门</Text>
                <Text>检查</Text>
                <Text>立案</Text>
                <Text>强制</Text>
                <Text>问题</Text>
              </View>
              {summary.byAgency.map((a) => (
                <View key={a.agencyId} className='table__row report-agency' style={AGENCY_COLUMNS}>
                  <Text>{a.agencyName}</Text>
                  <Text>{a.inspections}</Text>
                  <Text>{a.cases}</Text>
                  <Text>{a.coercive}</Text>
                  <Text>{a.findings}</Text>
                </View>
              ))}
            </View>
          </Panel>
        </View>
      )}

      {asOf && (
        <Panel
          id='report-findings'
          title={`问题清单（共 ${total} 项）`}
          action={
            <ConsoleButton id='report-export' onClick={() => void exportFindings(asOf, rule ? { rule } : {}).catch((e) => setError(errorMessage(e)))}>
              导出Excel
            </ConsoleButton>
          }
        >
          {findings.map((f) => (
            <View key={f.id} className='console-row finding'>
              <Text>
                <Text className={`badge badge--${f.severity}`}>{ANOMALY_SEVERITY_LABELS[f.severity]}</Text> {f.ruleTitle} · {f.agencyName ?? '—'}
              </Text>
              <Text className='console__muted'>{f.explanation}</Text>
              {f.flaggedCaseId && (
                <ConsoleButton className='finding__case' onClick={() => void Taro.navigateTo({ url: `${CONSOLE_CASE_PAGE}?id=${encodeURIComponent(f.flaggedCaseId!)}` })}>
                  查看监督案件
                </ConsoleButton>
              )}
            </View>
          ))}
          {findings.length < total && (
            <ConsoleButton id='report-more' onClick={() => setPage(page + 1)}>
              加载更多
            </ConsoleButton>
          )}
        </Panel>
      )}
    </ConsoleShell>
  );
}
