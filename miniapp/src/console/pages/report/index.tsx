/*
 * The nightly big-data report (大数据研判): pick a night's report, counts per rule and per agency,
 * the findings (each linked to the flagged case it raised), an Excel export; supervisors can run
 * it again. Ids for browser tests: #report-runs with .report-run[data-as-of], #report-run-now,
 * #report-summary (.report-rule[data-rule], .report-agency), #report-findings .finding
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
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { CONSOLE_CASE_PAGE } from '../../../routes';
import { shanghaiTime } from '../../logic/console';
import { anomalyFindings, anomalyRuns, anomalySummary, exportFindings, triggerAnomalyRun } from '../../services/console';
import { ConsoleShell, useDeskSession } from '../../components/shell';

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
      <View id='report-runs' className='panel'>
        <View className='panel__head'>
          <Text className='panel__title'>研判报告（每晚生成）</Text>
          {user?.role === 'supervisor' && (
            <Text id='report-run-now' className='btn' onClick={() => void runNow()}>
              生成昨日报告
            </Text>
          )}
        </View>
        <View className='chips'>
          {runs?.map((r) => (
            <Text
              key={r.asOf}
              className={`chip report-run${r.asOf === asOf ? ' chip--on' : ''}`}
              data-as-of={r.asOf}
              onClick={() => r.status === 'completed' && choose({ asOf: r.asOf })}
            >
              {r.asOf}
              {r.status === 'completed' ? `（${r.findingCount}项）` : `（${ANOMALY_RUN_STATUS_LABELS[r.status]}${r.status === 'running' ? ` ${r.progress}%` : ''}）`}
            </Text>
          ))}
        </View>
        {runs && !runs.length && <Text id='report-empty' className='console__muted'>还没有研判报告</Text>}
      </View>

      {summary && (
        <View id='report-summary' className='dash__grid'>
          <View className='panel'>
            <View className='panel__head'>
              <Text className='panel__title'>按规则（{summary.asOf}，生成于 {shanghaiTime(summary.generatedAt)}）</Text>
            </View>
            <View className='chips'>
              <Text className={`chip${!rule ? ' chip--on' : ''}`} onClick={() => choose({ rule: '' })}>全部</Text>
              {summary.byRule.filter((r) => r.count > 0).map((r) => (
                <Text key={r.rule} className={`chip report-rule${rule === r.rule ? ' chip--on' : ''}`} data-rule={r.rule} onClick={() => choose({ rule: r.rule })}>
                  {r.title} {r.count}
                </Text>
              ))}
            </View>
          </View>
          <View className='panel'>
            <View className='panel__head'>
              <Text className='panel__title'>按部门</Text>
            </View>
            <View className='table dash__table'>
              <View className='table__row table__row--head' style={{ '--cols': '5' } as Record<string, string>}>
                <Text>执法部门</Text>
                <Text>检查</Text>
                <Text>立案</Text>
                <Text>强制</Text>
                <Text>问题</Text>
              </View>
              {summary.byAgency.map((a) => (
                <View key={a.agencyId} className='table__row report-agency' style={{ '--cols': '5' } as Record<string, string>}>
                  <Text>{a.agencyName}</Text>
                  <Text>{a.inspections}</Text>
                  <Text>{a.cases}</Text>
                  <Text>{a.coercive}</Text>
                  <Text>{a.findings}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      )}

      {asOf && (
        <View id='report-findings' className='panel'>
          <View className='panel__head'>
            <Text className='panel__title'>问题清单（共 {total} 项）</Text>
            <Text id='report-export' className='btn' onClick={() => void exportFindings(asOf, rule ? { rule } : {}).catch((e) => setError(errorMessage(e)))}>
              导出Excel
            </Text>
          </View>
          {findings.map((f) => (
            <View key={f.id} className='evidence-record finding' style={{ display: 'flex', flexDirection: 'column', padding: '8px 0', borderBottom: '1px solid var(--color-divider)' }}>
              <Text>
                <Text className={`badge badge--${f.severity}`}>{ANOMALY_SEVERITY_LABELS[f.severity]}</Text> {f.ruleTitle} · {f.agencyName ?? '—'}
              </Text>
              <Text className='console__muted'>{f.explanation}</Text>
              {f.flaggedCaseId && (
                <Text className='btn finding__case' onClick={() => void Taro.navigateTo({ url: `${CONSOLE_CASE_PAGE}?id=${encodeURIComponent(f.flaggedCaseId!)}` })}>
                  查看监督案件
                </Text>
              )}
            </View>
          ))}
          {findings.length < total && (
            <Text id='report-more' className='btn' onClick={() => setPage(page + 1)}>
              加载更多
            </Text>
          )}
        </View>
      )}
    </ConsoleShell>
  );
}
