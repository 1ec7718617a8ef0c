/*
 * 争议条款: per clause over a period, the cases noticed or decided, the objections to their
 * discretion, the objection rate as a chart and a table, and the clauses past the thresholds with a
 * suggestion to revise their benchmark; an Excel export. Ids for browser tests: #disputed-from,
 * #disputed-to (fill '<id> input'), #disputed-query, chips #period-<preset>, #disputed-chart
 * (.chart, data-ready="true" once drawn), #disputed-table with .disputed-row[data-clause]
 * (.pen__row--flag when disputed), #disputed-suggestions, #disputed-totals, #disputed-export,
 * #disputed-error.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import { disputedClauseTable, percentText, shanghaiDate, type DisputedClausesReport } from '@mashang/shared';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { disputedChartOption } from '../../logic/penalty-charts';
import { PERIOD_PRESETS, periodProblem, type Period } from '../../logic/report-periods';
import { disputedClauses, exportDisputedClauses } from '../../services/penalties';
import { Chart } from '../../components/chart';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalties.css';

function Table({ report }: { report: DisputedClausesReport }) {
  const { header, rows } = disputedClauseTable(report);
  // The suggestion column is listed under the chart instead: a table cell is too narrow for it.
  const shown = header.length - 1;
  const style = { '--cols': String(shown) } as Record<string, string>;
  return (
    <View id='disputed-table' className='table'>
      <View className='table__row table__row--head' style={style}>
        {header.slice(0, shown).map((h) => <Text key={h}>{h}</Text>)}
      </View>
      {rows.map((row, i) => (
        <View key={report.clauses[i].clause} className={`table__row disputed-row${report.clauses[i].disputed ? ' pen__row--flag' : ''}`} style={style} data-clause={report.clauses[i].clause}>
          {row.slice(0, shown).map((cell, j) => <Text key={j}>{String(cell)}</Text>)}
        </View>
      ))}
    </View>
  );
}

export default function DisputedPage() {
  const user = useDeskSession();
  const today = shanghaiDate(Date.now());
  const [typed, setTyped] = useState<Period>(PERIOD_PRESETS[0].of(today));
  const [period, setPeriod] = useState<Period>(typed);
  const [report, setReport] = useState<DisputedClausesReport | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  const chart = useMemo(() => (report?.clauses.length ? disputedChartOption(report) : null), [report]);

  useEffect(() => {
    if (!user) return;
    setReport(null);
    setError('');
    disputedClauses(period).then(setReport, (e) => setError(errorMessage(e)));
  }, [user, period]);

  const ask = (next: Period) => {
    const problem = periodProblem(next);
    if (problem) {
      setError(problem);
      return;
    }
    setTyped(next);
    setPeriod(next);
  };
  const exportNow = async () => {
    setExporting(true);
    try {
      await exportDisputedClauses(period);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <ConsoleShell user={user} tab='disputed'>
      <Panel title='争议条款统计（对裁量提出异议）'>
        <View className='pen__bar'>
          <Text className='chips__label'>期间</Text>
          <Input id='disputed-from' className='console-field__input pen__date' value={typed.from} placeholder='YYYY-MM-DD' onInput={(e) => setTyped({ ...typed, from: e.detail.value })} />
          <Text>至</Text>
          <Input id='disputed-to' className='console-field__input pen__date' value={typed.to} placeholder='YYYY-MM-DD' onInput={(e) => setTyped({ ...typed, to: e.detail.value })} />
          <Button id='disputed-query' className='btn btn--primary' size='mini' onClick={() => ask(typed)}>查询</Button>
        </View>
        <View className='chips'>
          {PERIOD_PRESETS.map((p) => {
            const preset = p.of(today);
            return (
              <Chip key={p.key} id={`period-${p.key}`} on={preset.from === period.from && preset.to === period.to} onClick={() => ask(preset)}>
                {p.label}
              </Chip>
            );
          })}
        </View>
        {report && (
          <Text className='pen__note'>
            {report.agencyName ? `${report.agencyName}，` : '全部执法部门，'}
            {report.from} 至 {report.to} 告知或作出决定的案件。提示标准：异议不少于 {report.thresholds.minObjections} 件且异议率不低于 {percentText(report.thresholds.minRate)}。
          </Text>
        )}
      </Panel>
      {error && <Text id='disputed-error' className='console__error'>{error}</Text>}
      {!report ? (
        !error && <Text className='console__muted'>正在统计…</Text>
      ) : (
        <View>
          <View className='pen__summary'>
            <Text id='disputed-totals'>
              {report.clauses.length} 个条款，案件 {report.totals.cases} 件，被提出异议 {report.totals.objectedCases} 件（异议 {report.totals.objections} 件，成立 {report.totals.upheld} 件），争议条款 {report.totals.disputed} 个
            </Text>
            <ConsoleButton id='disputed-export' disabled={exporting} onClick={() => void exportNow()}>
              {exporting ? '正在导出…' : '导出Excel'}
            </ConsoleButton>
          </View>
          <Panel title='各条款异议率'>
            {chart ? <Chart id='disputed-chart' option={chart} height={Math.max(220, report.clauses.length * 28 + 40)} /> : <Text className='console__muted'>期间内没有告知或作出决定的案件</Text>}
          </Panel>
          {report.totals.disputed > 0 && (
            <Panel id='disputed-suggestions' title='建议修订裁量基准的条款'>
              {report.clauses.filter((c) => c.disputed).map((c) => (
                <Text key={c.clause} className='pen__suggestion'>{c.name ?? c.clause}（{c.clause}）：{c.suggestion}</Text>
              ))}
            </Panel>
          )}
          <Panel title='明细'>
            <Table report={report} />
          </Panel>
        </View>
      )}
    </ConsoleShell>
  );
}
