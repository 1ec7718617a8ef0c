import { Text, View } from '@tarojs/components';
import type { EnterpriseVisitCounts, EnterpriseVisitView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/card';
import { Tag } from '../../../components/tag';
import { errorMessage } from '../../../logic/api-error';
import { chineseDate } from '../../../logic/dates';
import { visitCountsText, visitStatusText } from '../../../logic/visits';
import { enterpriseVisitCounts, enterpriseVisits } from '../../../services/enterprise-visits';

/**
 * 走访记录: how often the enterprise was visited in the last year (#ent-visit-counts: inspections and
 * visits apart and together) and its visits that are not inspections — 回访、政策宣传、走访调研 — each
 * with its kind (`.ent-visit[data-visit-id]`, `.ent-visit__kind`, `__agency`, `__officers`, `__status`);
 * #ent-visits-empty; #ent-visits-error.
 */
export function VisitsCard() {
  const [visits, setVisits] = useState<EnterpriseVisitView[] | null>(null);
  const [counts, setCounts] = useState<EnterpriseVisitCounts | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    Promise.all([enterpriseVisits(), enterpriseVisitCounts()]).then(([list, figure]) => {
      setVisits(list);
      setCounts(figure);
    }, (e) => setError(errorMessage(e)));
  }, []);
  return (
    <Card id='ent-visits' title='走访记录'>
      {error && <Text id='ent-visits-error' className='ent-home__muted'>{error}</Text>}
      {counts && <Text id='ent-visit-counts' className='ent-inspection__line'>{visitCountsText(counts)}</Text>}
      {visits?.length === 0 && <Text id='ent-visits-empty' className='ent-home__muted'>还没有回访或服务走访记录。</Text>}
      {visits?.map((visit) => (
        <View key={visit.id} className='ent-inspection ent-visit' data-visit-id={visit.id}>
          <View className='ent-inspection__head'>
            <Text className='ent-inspection__day'>{chineseDate(visit.date)}</Text>
            <Tag tone='accent' className='ent-visit__kind'>{visit.kindLabel}</Tag>
          </View>
          <Text className='ent-inspection__agency ent-visit__agency'>{visit.agencyName}</Text>
          <Text className='ent-inspection__line ent-visit__officers'>走访人员：{visit.officers.map((o) => o.name).join('、') || '—'}</Text>
          {visit.purpose && <Text className='ent-inspection__line'>事由：{visit.purpose}</Text>}
          <Text className='ent-inspection__line ent-visit__status'>{visitStatusText(visit)}</Text>
        </View>
      ))}
    </Card>
  );
}
