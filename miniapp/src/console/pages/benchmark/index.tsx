/*
 * One clause's discretion benchmark (`?clause=<code>`; without it a supervisor adds a clause): its
 * factors with their points, the three bands and their fine ranges in 元, and its change history.
 * Supervisors edit and save (checked by the shared rules first, then by the server); the other
 * desks read. Ids for browser tests: #bm-clause, #bm-name, #bm-basis (fill '<id> input'),
 * #bm-factor-<i>-id / -label / -points, .bm__remove, #bm-add-factor, #bm-minpoints-<level>,
 * #bm-range-<level>-min / -max, #benchmark-save, #benchmark-saved, #benchmark-problems with
 * .pen__problem, #benchmark-error, #benchmark-history with .history-entry (.bm__change lines),
 * #history-intact.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BENCHMARK_SOURCE_LABELS,
  DISCRETION_LEVELS,
  DISCRETION_LEVEL_LABELS,
  shanghaiDateTime,
  type BenchmarkHistory,
  type DiscretionBenchmarkView,
  type DiscretionLevel,
} from '@mashang/shared';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import { CONSOLE_BENCHMARK_PAGE } from '../../../routes';
import { benchmarkOfDraft, draftOf, EMPTY_DRAFT, newFactorId, problemLine, type BenchmarkDraft, type FactorDraft } from '../../logic/benchmark-form';
import { benchmarkHistory, getBenchmark, saveBenchmark } from '../../services/penalties';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalties.css';

function History({ history }: { history: BenchmarkHistory }) {
  return (
    <Panel id='benchmark-history' title='修改记录'>
      <Text id='history-intact' className={history.intact ? 'pen__note' : 'console__error'}>
        {history.intact ? '修改记录完整（哈希链校验通过）' : '修改记录校验未通过：记录可能被改动，请联系纪检监察部门'}
      </Text>
      {history.entries.map((entry) => (
        <View key={entry.seq} className='console-row history-entry'>
          <View className='bm__history-head'>
            <Text>第 {entry.seq} 版 · {BENCHMARK_SOURCE_LABELS[entry.source]}</Text>
            <Text className='console__muted'>{shanghaiDateTime(entry.at)} {entry.by}</Text>
          </View>
          {entry.changes.length ? entry.changes.map((line) => <Text key={line} className='bm__change'>{line}</Text>) : <Text className='bm__change console__muted'>内容未变</Text>}
        </View>
      ))}
    </Panel>
  );
}

export default function BenchmarkPage() {
  const user = useDeskSession();
  const { params } = useRouter();
  const clause = params.clause ? decodeURIComponent(params.clause) : '';
  const [draft, setDraft] = useState<BenchmarkDraft>(EMPTY_DRAFT);
  const [stored, setStored] = useState<DiscretionBenchmarkView | null>(null);
  const [history, setHistory] = useState<BenchmarkHistory | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const editable = user?.role === 'supervisor';

  const load = (code: string) => {
    getBenchmark(code).then((b) => {
      setStored(b);
      setDraft(draftOf(b));
    }, (e) => setError(errorMessage(e)));
    if (user?.role !== 'officer') benchmarkHistory(code).then(setHistory, () => undefined);
  };

  useEffect(() => {
    if (user && clause) load(clause);
  }, [user, clause]);

  const patch = (next: Partial<BenchmarkDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setSaved('');
  };
  const patchFactor = (i: number, next: Partial<FactorDraft>) => patch({ factors: draft.factors.map((f, j) => (j === i ? { ...f, ...next } : f)) });
  const patchRange = (level: DiscretionLevel, end: 'min' | 'max', value: string) => patch({ ranges: { ...draft.ranges, [level]: { ...draft.ranges[level], [end]: value } } });

  const save = async () => {
    setError('');
    setSaved('');
    const code = clause || draft.clause.trim();
    const { body, problems: found } = benchmarkOfDraft({ ...draft, clause: code });
    setProblems(found.map(problemLine));
    if (found.length) return;
    setBusy(true);
    try {
      const result = await saveBenchmark(code, body);
      setStored(result);
      setDraft(draftOf(result));
      setSaved(`已保存（${shanghaiDateTime(result.updatedAt)}）`);
      if (!clause) {
        void Taro.redirectTo({ url: `${CONSOLE_BENCHMARK_PAGE}?clause=${encodeURIComponent(code)}` });
        return;
      }
      benchmarkHistory(code).then(setHistory, () => undefined);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) setProblems(e.fields.map(problemLine));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: string, value: string, onChange: (value: string) => void, placeholder = '', className = 'console-field__input bm__input') => (
    <Input id={id} className={className} value={value} placeholder={placeholder} disabled={!editable} onInput={(e) => onChange(e.detail.value)} />
  );

  return (
    <ConsoleShell user={user} tab='benchmarks'>
      {error && <Text id='benchmark-error' className='console__error'>{error}</Text>}
      <Panel title={clause ? `裁量基准 · ${clause}` : '新增条款的裁量基准'}>
        {!clause && (
          <View className='console-field'>
            <Text className='console-field__label'>条款编码</Text>
            {field('bm-clause', draft.clause, (v) => patch({ clause: v }), '如 FSL-126（不含空格）')}
          </View>
        )}
        <View className='console-field'>
          <Text className='console-field__label'>违法行为名称</Text>
          {field('bm-name', draft.name, (v) => patch({ name: v }))}
        </View>
        <View className='console-field'>
          <Text className='console-field__label'>法律依据</Text>
          {field('bm-basis', draft.legalBasis, (v) => patch({ legalBasis: v }), '如《中华人民共和国食品安全法》第一百二十六条')}
        </View>
        {stored && <Text className='pen__note'>最近修改：{shanghaiDateTime(stored.updatedAt)} {stored.updatedBy}</Text>}
      </Panel>

      <Panel title='裁量因素（勾选后加减分值）'>
        <View className='bm__grid'>
          <Text className='bm__head'>编号（英文小写，保持不变）</Text>
          <Text className='bm__head'>名称</Text>
          <Text className='bm__head'>分值</Text>
          <Text className='bm__head' />
          {draft.factors.map((f, i) => [
            <View key={`${i}-id`}>{field(`bm-factor-${i}-id`, f.id, (v) => patchFactor(i, { id: v }))}</View>,
            <View key={`${i}-label`}>{field(`bm-factor-${i}-label`, f.label, (v) => patchFactor(i, { label: v }))}</View>,
            <View key={`${i}-points`}>{field(`bm-factor-${i}-points`, f.points, (v) => patchFactor(i, { points: v }))}</View>,
            editable ? (
              <Text key={`${i}-remove`} className='bm__remove' onClick={() => patch({ factors: draft.factors.filter((_, j) => j !== i) })}>删除</Text>
            ) : <Text key={`${i}-remove`} />,
          ])}
        </View>
        {editable && (
          <View className='bm__actions'>
            <ConsoleButton id='bm-add-factor' onClick={() => patch({ factors: [...draft.factors, { id: newFactorId(draft.factors), label: '', points: '1' }] })}>
              添加裁量因素
            </ConsoleButton>
          </View>
        )}
      </Panel>

      <Panel title='裁量档次与罚款幅度'>
        <View className='bm__levels'>
          <Text className='bm__head'>档次</Text>
          <Text className='bm__head'>起点分值（达到即适用）</Text>
          <Text className='bm__head'>罚款下限（元）</Text>
          <Text className='bm__head'>罚款上限（元）</Text>
          {DISCRETION_LEVELS.map((level) => [
            <Text key={`${level}-label`}>{DISCRETION_LEVEL_LABELS[level]}</Text>,
            <View key={`${level}-points`}>{field(`bm-minpoints-${level}`, draft.minPoints[level], (v) => patch({ minPoints: { ...draft.minPoints, [level]: v } }))}</View>,
            <View key={`${level}-min`}>{field(`bm-range-${level}-min`, draft.ranges[level].min, (v) => patchRange(level, 'min', v))}</View>,
            <View key={`${level}-max`}>{field(`bm-range-${level}-max`, draft.ranges[level].max, (v) => patchRange(level, 'max', v))}</View>,
          ])}
        </View>
        <Text className='pen__note'>分值低于“一般”档起点的适用从轻；各档罚款幅度依次递增、互不重叠（可在边界相接）。</Text>
        {problems.length > 0 && (
          <View id='benchmark-problems' className='pen__problems'>
            {problems.map((p) => <Text key={p} className='pen__problem'>{p}</Text>)}
          </View>
        )}
        {saved && <Text id='benchmark-saved' className='console__ok'>{saved}</Text>}
        {editable && (
          <View className='bm__actions'>
            <ConsoleButton id='benchmark-save' primary disabled={busy} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存'}
            </ConsoleButton>
          </View>
        )}
      </Panel>

      {history && <History history={history} />}
    </ConsoleShell>
  );
}
