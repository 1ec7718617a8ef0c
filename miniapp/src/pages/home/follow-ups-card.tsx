import { Button, Text, View } from '@tarojs/components';
import type { FollowUpView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../components/card';
import { Tag } from '../../components/tag';
import { errorMessage } from '../../logic/api-error';
import { chineseDate } from '../../logic/dates';
import { newClientKey } from '../../logic/offline-queue';
import { dueFollowUps, recordFollowUp } from '../../services/onsite';

/**
 * 整改复查 (#follow-ups): the agency's yellow violations whose deadline has come or comes within days;
 * each `.follow-up[data-plan-id][data-item-id]` with `.follow-up__overdue` once late, #follow-up-done /
 * `.follow-up__rectified` and `.follow-up__not-rectified`, then `.follow-up__result`. Hidden when none is due.
 */
export function FollowUpsCard() {
  const [due, setDue] = useState<FollowUpView[]>([]);
  const [results, setResults] = useState<Record<string, string>>({});

  useEffect(() => {
    dueFollowUps().then(setDue, () => undefined);
  }, []);

  const record = async (item: FollowUpView, rectified: boolean) => {
    const key = `${item.planId}/${item.itemId}`;
    try {
      const answer = await recordFollowUp({ planId: item.planId, itemId: item.itemId, rectified, clientKey: newClientKey('followup', Date.now()) });
      setResults((all) => ({ ...all, [key]: answer.message }));
    } catch (error) {
      setResults((all) => ({ ...all, [key]: errorMessage(error) }));
    }
  };

  if (!due.length) return null;
  return (
    <Card id='follow-ups' title={`整改复查（${due.length}）`}>
      {due.map((item) => {
        const result = results[`${item.planId}/${item.itemId}`];
        return (
          <View key={`${item.planId}/${item.itemId}`} className='follow-up' data-plan-id={item.planId} data-item-id={item.itemId}>
            <Text className='follow-up__name'>{item.enterpriseName} · {item.itemName}</Text>
            <View className='follow-up__line'>
              <Tag tone='warning' soft>黄色·限期整改</Tag>
              <Text className='follow-up__deadline'>整改期限 {chineseDate(item.rectifyBy, false)}</Text>
              {item.overdue && <Tag tone='danger' className='follow-up__overdue'>已到期</Tag>}
            </View>
            {result ? (
              <Text className='follow-up__result'>{result}</Text>
            ) : (
              <View className='follow-up__actions'>
                <Button className='follow-up__rectified' size='mini' onClick={() => void record(item, true)}>已整改</Button>
                <Button className='follow-up__not-rectified' size='mini' onClick={() => void record(item, false)}>逾期未整改</Button>
              </View>
            )}
          </View>
        );
      })}
    </Card>
  );
}
