/*
 * 裁量基准: every clause's benchmark, searched by clause code or name; a row opens its editor.
 * Supervisors add a clause and import a .jsonl file (problems listed here); every desk exports.
 * Ids for browser tests: #benchmark-search (fill '#benchmark-search input'), #benchmark-search-submit,
 * #benchmark-total, #benchmark-list with .benchmark-row[data-clause], #benchmark-new,
 * #benchmark-export, #benchmark-import-file (a file input), #benchmark-import-result,
 * #benchmark-import-problems with .pen__problem, #benchmark-error, #page-prev, #page-next.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fenToYuanText, shanghaiDateTime, type DiscretionBenchmarkListItem, type Page } from '@mashang/shared';
import { useEffect, useState, type ChangeEvent } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import { CONSOLE_BENCHMARK_PAGE } from '../../../routes';
import { importProblemLine } from '../../logic/benchmark-form';
import { pageCount } from '../../logic/console';
import { BENCHMARK_PAGE_SIZE, exportBenchmarks, importBenchmarks, listBenchmarks } from '../../services/penalties';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalties.css';

const COLUMNS = { '--cols': '5' } as Record<string, string>;

function Row({ item }: { item: DiscretionBenchmarkListItem }) {
  const open = () => void Taro.navigateTo({ url: `${CONSOLE_BENCHMARK_PAGE}?clause=${encodeURIComponent(item.clause)}` });
  return (
    <View className='table__row pen__row benchmark-row' style={COLUMNS} data-clause={item.clause} onClick={open}>
      <Text>{item.clause}</Text>
      <Text>{item.name}</Text>
      <Text>{item.factorCount} 项</Text>
      <Text>{fenToYuanText(item.fineFrom)}–{fenToYuanText(item.fineTo)} 元</Text>
      <Text className='console__muted'>{shanghaiDateTime(item.updatedAt)} {item.updatedBy}</Text>
    </View>
  );
}

export default function BenchmarksPage() {
  const user = useDeskSession();
  const [query, setQuery] = useState('');
  const [typed, setTyped] = useState('');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<DiscretionBenchmarkListItem> | null>(null);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [imported, setImported] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!user) return;
    listBenchmarks(query, pageNo).then(setPage, (e) => setError(errorMessage(e)));
  }, [user, query, pageNo, reload]);

  const search = () => {
    setQuery(typed);
    setPageNo(1);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setProblems([]);
    setImported('');
    setError('');
    try {
      const result = await importBenchmarks(file);
      setImported(`已导入 ${file.name}：共 ${result.lines} 条，新增 ${result.created} 条，修改 ${result.changed} 条，未变 ${result.unchanged} 条`);
      setReload((n) => n + 1);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setError(`${file.name}：${e.message.split('。')[0]}`);
        setProblems(e.fields.map(importProblemLine));
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const supervisor = user?.role === 'supervisor';
  return (
    <ConsoleShell user={user} tab='benchmarks'>
      <Panel title='行政处罚裁量基准'>
        <View className='pen__bar'>
          <Input
            id='benchmark-search'
            className='console-field__input pen__grow'
            value={typed}
            placeholder='条款编码或违法行为名称'
            confirmType='search'
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={search}
          />
          <Button id='benchmark-search-submit' className='btn btn--primary' size='mini' onClick={search}>
            搜索
          </Button>
        </View>
        <View className='pen__bar'>
          {supervisor && (
            <ConsoleButton id='benchmark-new' primary onClick={() => void Taro.navigateTo({ url: CONSOLE_BENCHMARK_PAGE })}>
              新增条款
            </ConsoleButton>
          )}
          <ConsoleButton id='benchmark-export' onClick={() => void exportBenchmarks().catch((e) => setError(errorMessage(e)))}>
            导出（JSON Lines）
          </ConsoleButton>
          {supervisor && (
            <View className='pen__bar'>
              <Text className='console__muted'>导入 .jsonl 文件（全部校验通过才写入）：</Text>
              <input id='benchmark-import-file' className='pen__file' type='file' accept='.jsonl,.ndjson,application/x-ndjson,text/plain' disabled={busy} onChange={(e) => void importFile(e)} />
            </View>
          )}
        </View>
        {imported && <Text id='benchmark-import-result' className='console__ok'>{imported}</Text>}
        {error && <Text id='benchmark-error' className='console__error'>{error}</Text>}
        {problems.length > 0 && (
          <View id='benchmark-import-problems' className='pen__problems'>
            {problems.map((p) => <Text key={p} className='pen__problem'>{p}</Text>)}
          </View>
        )}
      </Panel>

      <View className='pen__summary'>
        <Text id='benchmark-total'>{page ? `共 ${page.total} 个条款${query ? `（“${query}”）` : ''}` : '正在加载…'}</Text>
        {page && page.total > BENCHMARK_PAGE_SIZE && (
          <View className='pen__bar'>
            <ConsoleButton id='page-prev' disabled={pageNo <= 1} onClick={() => setPageNo(pageNo - 1)}>上一页</ConsoleButton>
            <Text>{pageNo} / {pageCount(page.total, BENCHMARK_PAGE_SIZE)}</Text>
            <ConsoleButton id='page-next' disabled={pageNo >= pageCount(page.total, BENCHMARK_PAGE_SIZE)} onClick={() => setPageNo(pageNo + 1)}>下一页</ConsoleButton>
          </View>
        )}
      </View>
      <Panel id='benchmark-list'>
        <View className='table__row table__row--head' style={COLUMNS}>
          <Text>条款编码</Text>
          <Text>违法行为</Text>
          <Text>裁量因素</Text>
          <Text>罚款幅度</Text>
          <Text>最近修改</Text>
        </View>
        {page?.items.map((item) => <Row key={item.clause} item={item} />)}
        {page && !page.items.length && <Text className='console__muted'>没有符合条件的裁量基准</Text>}
      </Panel>
    </ConsoleShell>
  );
}
