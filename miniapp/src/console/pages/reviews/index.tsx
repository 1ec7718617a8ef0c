/*
 * 法制审核: the major decisions waiting for legal review, the earliest due first (supervisors: every
 * agency's; an agency admin: its own). Ids for browser tests: #review-total, #review-list with one
 * `.review-row[data-review-id="…"][data-case-id="…"]` each (`.review-row--overdue` past its due time;
 * `.review-row__reasons`, `.review-row__due`); a row opens the case with its proposal
 * (console/pages/penalty-case); #review-empty, #review-error.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LegalReviewQueueItem } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { cx } from '../../../components/class-names';
import { errorMessage } from '../../../logic/api-error';
import { yuanText } from '../../../logic/money';
import { dueDistance, instantText, measuresText, reviewReasonsText } from '../../../logic/penalty-case';
import { CONSOLE_PENALTY_CASE_PAGE } from '../../../routes';
import { waitingReviews } from '../../../services/penalty-cases';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import '../../penalty.css';

function ReviewRow({ item, now }: { item: LegalReviewQueueItem; now: number }) {
  const due = dueDistance(item.dueAt, now);
  const open = () => void Taro.navigateTo({ url: `${CONSOLE_PENALTY_CASE_PAGE}?id=${encodeURIComponent(item.caseId)}` });
  return (
    <View className={cx('pen-row', 'review-row', due.overdue && 'pen-row--overdue review-row--overdue')} data-review-id={item.id} data-case-id={item.caseId} onClick={open}>
      <View className='pen-row__cell'>
        <Text className='pen-row__title'>{item.enterpriseName}</Text>
        <Text className='pen-row__muted'> {item.causeName}</Text>
      </View>
      <Text className='pen-row__cell'>{item.agencyName}</Text>
      <Text className='pen-row__cell'>
        罚款 {yuanText(item.fine)}{item.measures.length ? `，${measuresText(item.measures)}` : ''}
      </Text>
      <Text className='pen-row__cell review-row__reasons'>{reviewReasonsText(item.reasons)}</Text>
      <Text className='pen-row__cell pen-row__muted'>{instantText(item.requestedAt)} 提请</Text>
      <Text className={cx('pen-row__cell', 'review-row__due', due.overdue && 'pen-row__late')}>
        {instantText(item.dueAt)}（{due.text}）
      </Text>
    </View>
  );
}

export default function ReviewsPage() {
  const user = useDeskSession();
  const [items, setItems] = useState<LegalReviewQueueItem[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!user) return;
    waitingReviews().then(setItems, (e) => setError(errorMessage(e)));
  }, [user]);

  const now = Date.now();
  return (
    <ConsoleShell user={user} tab='reviews'>
      <Panel title='法制审核'>
        <Text className='console__muted'>
          重大执法决定（罚款数额较大、吊销许可证件、责令关闭、经过听证）须经法制审核后才能作出。点开一件，查看案件和拟作出的决定，审核通过或退回修改。
        </Text>
      </Panel>
      {error && <Text id='review-error' className='console__error'>{error}</Text>}
      <Text id='review-total' className='console__muted'>{items ? `待审核 ${items.length} 件` : '正在加载…'}</Text>
      <Panel>
        <View className='pen-head'>
          <Text>企业 / 案由</Text>
          <Text>执法部门</Text>
          <Text>拟作出的决定</Text>
          <Text>重大原因</Text>
          <Text>提请时间</Text>
          <Text>审核期限</Text>
        </View>
        <View id='review-list'>
          {items?.map((item) => (
            <ReviewRow key={item.id} item={item} now={now} />
          ))}
        </View>
        {items && !items.length && <Text id='review-empty' className='console__muted'>没有待审核的重大执法决定</Text>}
      </Panel>
    </ConsoleShell>
  );
}
