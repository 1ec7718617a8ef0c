import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { shanghaiDate, type OffsiteRequestView } from '@mashang/shared';
import { useState } from 'react';
import { Card } from '../../../components/card';
import { chineseDate } from '../../../logic/dates';
import { missingCount, statusLabel } from '../../../logic/offsite';
import { ENTERPRISE_OFFSITE_PAGE } from '../../../routes';
import { myOffsiteRequests } from '../../../services/offsite';

/** 非现场检查: what agencies asked of it instead of a visit, each opening the page that answers it. Loads itself. */
export function OffsiteCard() {
  const [requests, setRequests] = useState<OffsiteRequestView[]>([]);
  useLoad(() => {
    void myOffsiteRequests().then(setRequests, () => setRequests([]));
  });
  if (!requests.length) return null;
  return (
    <Card id='ent-offsite' title='非现场检查（在线提交材料）'>
      {requests.map((request) => (
        <View key={request.id} className='ent-notice' data-offsite-id={request.id}>
          <Text className='ent-inspection__agency'>{request.agencyName}</Text>
          <Text className='ent-inspection__line'>
            {chineseDate(shanghaiDate(new Date(request.requestedAt)), false)}发出 · {statusLabel(request.status)}
            {request.status === 'asked' && missingCount(request) ? `（还有${missingCount(request)}项）` : ''}
          </Text>
          <Button className='ent-offsite__open' size='mini' onClick={() => void Taro.navigateTo({ url: `${ENTERPRISE_OFFSITE_PAGE}?id=${encodeURIComponent(request.id)}` })}>
            {request.status === 'asked' ? '去提交材料' : '查看'}
          </Button>
        </View>
      ))}
    </Card>
  );
}
