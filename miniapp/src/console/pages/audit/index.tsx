/*
 * 审计日志 (discipline inspectors only): every export and every read of phones in clear — when, who,
 * what, how many rows, the stated purpose, from which address — newest first, with the hash chain's
 * check. Ids for browser tests: #audit-actor (fill '#audit-actor input'), #audit-from, #audit-to,
 * #audit-search, chips #audit-action-<action|all>, #audit-chain, #audit-total, #audit-list with one
 * .audit-row[data-seq] per entry (.audit-row__who, .audit-row__what, .audit-row__rows,
 * .audit-row__purpose, .audit-row__address), #audit-empty, #audit-error, #audit-prev, #audit-next.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditChainCheck, type AuditEntryView, type Page } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { cx } from '../../../components/class-names';
import { errorMessage } from '../../../logic/api-error';
import {
  AUDIT_PAGE_SIZE,
  auditActorText,
  auditFilterText,
  auditQuery,
  auditRowsText,
  auditWhatText,
  chainText,
  EMPTY_AUDIT_FILTERS,
  type AuditFilters,
} from '../../logic/audit-log';
import { pageCount, shanghaiTime } from '../../logic/console';
import { agencies, auditLog, verifyAuditLog } from '../../services/console';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

function AuditRow({ entry, agencyNames }: { entry: AuditEntryView; agencyNames: ReadonlyMap<string, string> }) {
  const filter = auditFilterText(entry.filter, agencyNames);
  return (
    <View className='table__row audit-grid audit-row' data-seq={String(entry.seq)}>
      <Text>{shanghaiTime(entry.at)}</Text>
      <Text className='audit-row__who'>{auditActorText(entry.actor)}</Text>
      <View className='audit-row__what'>
        <Text>{auditWhatText(entry)}</Text>
        {filter && <Text className='console__muted'> （{filter}）</Text>}
      </View>
      <Text className='audit-row__rows'>{auditRowsText(entry.rows)}</Text>
      <Text className='audit-row__purpose'>{entry.purpose ?? '—'}</Text>
      <Text className='audit-row__address'>{entry.address ?? '—'}</Text>
    </View>
  );
}

export default function AuditPage() {
  const user = useDeskSession();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<AuditEntryView> | null>(null);
  const [chain, setChain] = useState<AuditChainCheck | null>(null);
  const [error, setError] = useState('');
  const [agencyNames, setAgencyNames] = useState<ReadonlyMap<string, string>>(new Map());
  const latest = useRef(0);

  // Filters name agencies by id: read by name (a row still reads without them).
  useEffect(() => {
    if (user) agencies().then((list) => setAgencyNames(new Map(list.map((a) => [a.id, a.name]))), () => undefined);
  }, [user]);

  useEffect(() => {
    if (user) verifyAuditLog().then(setChain, (e) => setError(errorMessage(e)));
  }, [user]);

  useEffect(() => {
    if (!user) return;
    const ticket = ++latest.current;
    setError('');
    auditLog(auditQuery(filters, pageNo)).then(
      (result) => ticket === latest.current && setPage(result),
      (e) => ticket === latest.current && setError(errorMessage(e)),
    );
  }, [user, filters, pageNo]);

  const apply = (next: AuditFilters) => {
    setFilters(next);
    setPageNo(1);
  };
  const field = (key: 'actor' | 'from' | 'to', id: string, placeholder: string) => (
    <Input
      id={id}
      className='console-field__input'
      value={draft[key]}
      placeholder={placeholder}
      onInput={(e) => setDraft({ ...draft, [key]: e.detail.value })}
      onConfirm={() => apply(draft)}
    />
  );

  return (
    <ConsoleShell user={user} tab='audit'>
      <Panel title='审计日志：数据导出与明文读取'>
        {chain && (
          <Text id='audit-chain' className={cx(chain.intact ? 'console__ok' : 'console__error')}>
            {chainText(chain)}
          </Text>
        )}
        <View className='chips'>
          <Text className='chips__label'>操作</Text>
          <Chip id='audit-action-all' on={!filters.action} onClick={() => apply({ ...draft, action: '' })}>
            全部
          </Chip>
          {AUDIT_ACTIONS.map((action) => (
            <Chip key={action} id={`audit-action-${action}`} on={filters.action === action} onClick={() => apply({ ...draft, action })}>
              {AUDIT_ACTION_LABELS[action]}
            </Chip>
          ))}
        </View>
        <View className='chips'>
          <Text className='chips__label'>操作人</Text>
          {field('actor', 'audit-actor', '用户名，或 cli')}
          <Text className='chips__label'>日期</Text>
          {field('from', 'audit-from', '起 YYYY-MM-DD')}
          {field('to', 'audit-to', '止 YYYY-MM-DD')}
          <Button id='audit-search' className='btn btn--primary' size='mini' onClick={() => apply(draft)}>
            查询
          </Button>
        </View>
      </Panel>

      {error && (
        <Text id='audit-error' className='console__error'>
          {error}
        </Text>
      )}

      <Panel title={page ? `共 ${page.total} 条` : '正在查询…'}>
        <Text id='audit-total' className='console__muted'>
          {page ? `第 ${pageNo} / ${pageCount(page.total, AUDIT_PAGE_SIZE)} 页` : ''}
        </Text>
        <View className='table'>
          <View className='table__row table__row--head audit-grid'>
            <Text>时间</Text>
            <Text>操作人</Text>
            <Text>操作</Text>
            <Text>行数</Text>
            <Text>用途</Text>
            <Text>地址</Text>
          </View>
          <View id='audit-list'>
            {page?.items.map((entry) => (
              <AuditRow key={entry.seq} entry={entry} agencyNames={agencyNames} />
            ))}
          </View>
        </View>
        {page && !page.items.length && (
          <Text id='audit-empty' className='console__muted'>
            没有符合条件的记录
          </Text>
        )}
        {page && (
          <View className='chips'>
            <ConsoleButton id='audit-prev' disabled={pageNo <= 1} onClick={() => pageNo > 1 && setPageNo(pageNo - 1)}>
              上一页
            </ConsoleButton>
            <ConsoleButton
              id='audit-next'
              disabled={pageNo >= pageCount(page.total, AUDIT_PAGE_SIZE)}
              onClick={() => pageNo < pageCount(page.total, AUDIT_PAGE_SIZE) && setPageNo(pageNo + 1)}
            >
              下一页
            </ConsoleButton>
          </View>
        )}
      </Panel>
    </ConsoleShell>
  );
}
