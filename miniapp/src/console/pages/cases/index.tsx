/*
 * Flagged cases (监督案件): one queue from every source, filters, search, keyset paging.
 * Ids for browser tests: #case-search (fill '#case-search input'), #case-search-submit,
 * chips #filter-source-<source|all>, #filter-status-<status|active|all>, #filter-overdue,
 * #filter-age-<all|week|month|older>, #sort-<newest|oldest|deadline>, #filter-agency (picker),
 * #case-total, #case-list with one .case-row[data-case-id] per case (.case-row--overdue when past
 * its deadline; .case-row__status), #case-empty, #case-error, #page-prev, #page-next, #page-info,
 * #export-cases.
 */
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CASE_STATUSES, FLAG_SOURCES, type AgencyDto, type CaseListItem, type CasePage, ANOMALY_SEVERITY_LABELS } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { cx } from '../../../components/class-names';
import { errorMessage } from '../../../logic/api-error';
import { CONSOLE_CASE_PAGE } from '../../../routes';
import {
  AGE_FILTERS,
  ageText,
  agencyOptions,
  caseQuery,
  currentCursor,
  deadlineText,
  EMPTY_FILTERS,
  exportQuery,
  firstPage,
  nextPage,
  pageCount,
  pageNumber,
  previousPage,
  SORTS,
  sourceLabel,
  statusLabel,
  type CaseFilters,
  type Pager,
} from '../../logic/console';
import { agencies as loadAgencies, exportTable, listCases } from '../../services/console';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

function CaseRow({ item }: { item: CaseListItem }) {
  const open = () => void Taro.navigateTo({ url: `${CONSOLE_CASE_PAGE}?id=${encodeURIComponent(item.id)}` });
  return (
    <View className={cx('case-row', item.overdue && 'case-row--overdue')} data-case-id={item.id} onClick={open}>
      <Text className='case-row__cell'>
        <Text className={`badge badge--${item.severity}`}>{ANOMALY_SEVERITY_LABELS[item.severity] ?? item.severity}</Text> {sourceLabel(item.source)}
      </Text>
      <View className='case-row__cell'>
        <Text className='case-row__title'>{item.title}</Text>
        <Text className='case-row__cell case-row__cell--muted'>
          {' '}
          {[item.enterpriseName, item.creditCode].filter(Boolean).join(' · ')}
        </Text>
      </View>
      <Text className='case-row__cell'>{item.agencyName ?? item.agencyId ?? '—'}</Text>
      <Text className='case-row__cell case-row__status'>
        <Text className={cx('badge', item.status === 'closed' && 'badge--closed')}>{statusLabel(item.status)}</Text>
        {item.overdue && <Text className='badge badge--overdue'> 逾期</Text>}
      </Text>
      <Text className='case-row__cell'>{deadlineText(item) || (item.assigneeName ? `承办：${item.assigneeName}` : '')}</Text>
      <Text className='case-row__cell case-row__cell--muted'>{ageText(item.createdAt)}</Text>
    </View>
  );
}

export default function CasesPage() {
  const user = useDeskSession();
  const [filters, setFilters] = useState<CaseFilters>(EMPTY_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [pager, setPager] = useState<Pager>(firstPage());
  const [page, setPage] = useState<CasePage | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [agencyList, setAgencyList] = useState<AgencyDto[]>([]);
  const latest = useRef(0);

  useEffect(() => {
    if (!user) return;
    loadAgencies().then(setAgencyList, () => undefined);
  }, [user]);

  useEffect(() => {
    if (!user) return;
    const ticket = ++latest.current;
    setLoading(true);
    setError('');
    listCases(caseQuery(filters, currentCursor(pager)))
      .then((result) => ticket === latest.current && setPage(result))
      .catch((e) => ticket === latest.current && setError(errorMessage(e)))
      .finally(() => ticket === latest.current && setLoading(false));
  }, [user, filters, pager]);

  const change = (patch: Partial<CaseFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPager(firstPage());
  };
  const agencyPicker = agencyOptions(agencyList);
  const [exporting, setExporting] = useState(false);
  const exportCases = async () => {
    setExporting(true);
    try {
      await exportTable('cases', exportQuery(filters));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <ConsoleShell user={user} tab='cases'>
      <Panel>
        <View className='cases__search'>
          <Input
            id='case-search'
            className='console-field__input cases__search-input'
            value={searchText}
            placeholder='企业名称或统一社会信用代码'
            confirmType='search'
            onInput={(e) => setSearchText(e.detail.value)}
            onConfirm={() => change({ q: searchText })}
          />
          <Button id='case-search-submit' className='btn btn--primary' size='mini' onClick={() => change({ q: searchText })}>
            搜索
          </Button>
        </View>
        <View className='chips'>
          <Text className='chips__label'>来源</Text>
          <Chip id='filter-source-all' on={!filters.source} onClick={() => change({ source: '' })}>
            全部
          </Chip>
          {FLAG_SOURCES.map((s) => (
            <Chip key={s} id={`filter-source-${s}`} on={filters.source === s} onClick={() => change({ source: s })}>
              {sourceLabel(s)}
            </Chip>
          ))}
        </View>
        <View className='chips'>
          <Text className='chips__label'>状态</Text>
          <Chip id='filter-status-active' on={filters.status === 'active'} onClick={() => change({ status: 'active' })}>
            未办结
          </Chip>
          {CASE_STATUSES.map((s) => (
            <Chip key={s} id={`filter-status-${s}`} on={filters.status === s} onClick={() => change({ status: s })}>
              {statusLabel(s)}
            </Chip>
          ))}
          <Chip id='filter-status-all' on={!filters.status} onClick={() => change({ status: '' })}>
            全部
          </Chip>
        </View>
        <View className='chips'>
          <Text className='chips__label'>时长</Text>
          {AGE_FILTERS.map((a) => (
            <Chip key={a.key} id={`filter-age-${a.key}`} on={filters.age === a.key} onClick={() => change({ age: a.key })}>
              {a.label}
            </Chip>
          ))}
          <Chip id='filter-overdue' on={filters.overdue} onClick={() => change({ overdue: !filters.overdue })}>
            只看逾期
          </Chip>
        </View>
        <View className='chips'>
          <Text className='chips__label'>部门</Text>
          {user?.role === 'agency-admin' ? (
            <Chip on>{agencyList[0]?.name ?? '本部门'}</Chip>
          ) : (
            <Picker
              id='filter-agency'
              mode='selector'
              range={agencyPicker.names}
              value={agencyPicker.indexOf(filters.agencyId)}
              onChange={(e) => change({ agencyId: agencyPicker.idAt(Number(e.detail.value)) })}
            >
              <Text className='cases__picker'>{agencyPicker.names[agencyPicker.indexOf(filters.agencyId)]} ▾</Text>
            </Picker>
          )}
          <Text className='chips__label'>排序</Text>
          {SORTS.map((s) => (
            <Chip key={s.key} id={`sort-${s.key}`} on={filters.sort === s.key} onClick={() => change({ sort: s.key })}>
              {s.label}
            </Chip>
          ))}
        </View>
      </Panel>

      <View className='cases__summary'>
        <Text id='case-total'>{page ? `共 ${page.total} 件${filters.q ? `（“${filters.q}”）` : ''}` : ''}</Text>
        <ConsoleButton id='export-cases' disabled={exporting} onClick={() => void exportCases()}>
          {exporting ? '正在导出…' : '导出Excel'}
        </ConsoleButton>
      </View>
      {error && (
        <Text id='case-error' className='console__error'>
          {error}
        </Text>
      )}

      <Panel>
        <View className='case-head'>
          <Text>来源</Text>
          <Text>问题 / 企业</Text>
          <Text>执法部门</Text>
          <Text>状态</Text>
          <Text>期限</Text>
          <Text>发起</Text>
        </View>
        <View id='case-list'>
          {page?.items.map((item) => (
            <CaseRow key={item.id} item={item} />
          ))}
        </View>
        {page && !page.items.length && (
          <Text id='case-empty' className='console__muted'>
            没有符合条件的案件
          </Text>
        )}
        {loading && <Text className='console__muted'>正在查询…</Text>}
      </Panel>

      {page && (
        <View className='cases__pager'>
          <ConsoleButton id='page-prev' disabled={pageNumber(pager) <= 1} onClick={() => setPager(previousPage(pager))}>
            上一页
          </ConsoleButton>
          <Text id='page-info'>
            第 {pageNumber(pager)} / {pageCount(page.total)} 页
          </Text>
          <ConsoleButton id='page-next' disabled={!page.nextCursor} onClick={() => page.nextCursor && setPager(nextPage(pager, page.nextCursor))}>
            下一页
          </ConsoleButton>
        </View>
      )}
    </ConsoleShell>
  );
}
