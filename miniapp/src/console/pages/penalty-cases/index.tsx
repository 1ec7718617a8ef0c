/*
 * Penalty cases (处罚案件) for desks, read-only: every agency's for supervisors and discipline
 * inspectors, an agency admin's own. Ids for browser tests: chips `#pen-stage-<all|filed|…|revoked>`,
 * #pen-total, #pen-list with one `.pen-case-row[data-case-id="…"]` each (`.pen-case-row__stage`,
 * `.pen-case-row__objections`), #pen-empty, #pen-error, #pen-prev, #pen-next, #pen-page.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Page, PenaltyCaseListItem, PenaltyStage } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { cx } from '../../../components/class-names';
import { errorMessage } from '../../../logic/api-error';
import { dueDistance, instantText, STAGE_FILTERS, stageLabel } from '../../../logic/penalty-case';
import { CONSOLE_PENALTY_CASE_PAGE } from '../../../routes';
import { listPenaltyCases, PENALTY_PAGE_SIZE } from '../../../services/penalty-cases';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalty.css';

function CaseRow({ item, now }: { item: PenaltyCaseListItem; now: number }) {
  const due = item.nextDeadline ? dueDistance(item.nextDeadline, now) : null;
  const open = () => void Taro.navigateTo({ url: `${CONSOLE_PENALTY_CASE_PAGE}?id=${encodeURIComponent(item.id)}` });
  return (
    <View className={cx('pen-row', 'pen-case-row', due?.overdue && 'pen-row--overdue')} data-case-id={item.id} onClick={open}>
      <View className='pen-row__cell'>
        <Text className='pen-row__title'>{item.enterpriseName}</Text>
        <Text className='pen-row__muted'> {item.causeName}</Text>
      </View>
      <Text className='pen-row__cell'>{item.agencyName}</Text>
      <Text className='pen-row__cell pen-row__muted'>{item.id}</Text>
      <Text className='pen-row__cell'>
        <Text className={`badge badge--stage-${item.stage} pen-case-row__stage`}>{stageLabel(item.stage)}</Text>
        {item.openObjections > 0 && <Text className='badge badge--high pen-case-row__objections'> 异议 {item.openObjections}</Text>}
      </Text>
      <Text className='pen-row__cell pen-row__muted'>{instantText(item.filedAt)} 立案</Text>
      <Text className={cx('pen-row__cell', due?.overdue && 'pen-row__late')}>{item.nextDeadline && due ? `${instantText(item.nextDeadline)}（${due.text}）` : '—'}</Text>
    </View>
  );
}

export default function PenaltyCasesPage() {
  const user = useDeskSession();
  const [stage, setStage] = useState<PenaltyStage | 'all'>('all');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<PenaltyCaseListItem> | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    if (!user) return;
    const ticket = ++latest.current;
    setError('');
    listPenaltyCases(stage === 'all' ? null : stage, pageNo).then(
      (result) => ticket === latest.current && setPage(result),
      (e) => ticket === latest.current && setError(errorMessage(e)),
    );
  }, [user, stage, pageNo]);

  const pages = page ? Math.max(1, Math.ceil(page.total / PENALTY_PAGE_SIZE)) : 1;
  const now = Date.now();
  return (
    <ConsoleShell user={user} tab='penalty-cases'>
      <Panel>
        <View className='chips'>
          <Text className='chips__label'>阶段</Text>
          {STAGE_FILTERS.map((f) => (
            <Chip key={f.value} id={`pen-stage-${f.value}`} on={stage === f.value} onClick={() => { setStage(f.value); setPageNo(1); }}>
              {f.label}
            </Chip>
          ))}
        </View>
      </Panel>
      <Text id='pen-total' className='console__muted'>{page ? `共 ${page.total} 件` : ''}</Text>
      {error && <Text id='pen-error' className='console__error'>{error}</Text>}
      <Panel>
        <View className='pen-head'>
          <Text>企业 / 案由</Text>
          <Text>执法部门</Text>
          <Text>案号</Text>
          <Text>阶段</Text>
          <Text>立案时间</Text>
          <Text>下一期限</Text>
        </View>
        <View id='pen-list'>
          {page?.items.map((item) => (
            <CaseRow key={item.id} item={item} now={now} />
          ))}
        </View>
        {page && !page.items.length && <Text id='pen-empty' className='console__muted'>没有符合条件的处罚案件</Text>}
      </Panel>
      {page && page.total > PENALTY_PAGE_SIZE && (
        <View className='pen-pager'>
          <ConsoleButton id='pen-prev' disabled={pageNo <= 1} onClick={() => setPageNo(pageNo - 1)}>上一页</ConsoleButton>
          <Text id='pen-page'>第 {pageNo} / {pages} 页</Text>
          <ConsoleButton id='pen-next' disabled={pageNo >= pages} onClick={() => setPageNo(pageNo + 1)}>下一页</ConsoleButton>
        </View>
      )}
    </ConsoleShell>
  );
}
