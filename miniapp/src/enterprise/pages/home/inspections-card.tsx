import { Button, Text, View } from '@tarojs/components';
import type { EnterpriseInspectionView, EnterpriseTrailView } from '@mashang/shared';
import { useState } from 'react';
import { LoadMoreButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Tag } from '../../../components/tag';
import { errorMessage } from '../../../logic/api-error';
import { shanghaiDateTime } from '../../../logic/dates';
import { inspectionDay, officersText, ratingText, resultTone, trailActor, trailLine } from '../../../logic/enterprise-page';
import { accompanyingLine } from '../../../logic/visits';
import { enterpriseTrail } from '../../../services/enterprise';

interface InspectionsCardProps {
  inspections: EnterpriseInspectionView[];
  total: number;
  onMore: () => void;
}

/**
 * 检查记录: every inspection of the enterprise, newest first, each with its agency, officers, items,
 * result and what became of its rating; 查看检查过程 opens its trail. Ids: #ent-inspections, one
 * `.ent-inspection` per record (`data-inspection-id`) with `.ent-inspection__agency`, `__result`,
 * `__officers`, `__items` (三色: `.ent-inspection__colour[data-colour]` and `__advice`, what to do), `__rating`, `.ent-inspection__trail-open`, then `.ent-trail` and its
 * `.ent-trail__step` rows; #ent-inspections-more; #ent-inspections-empty.
 */
export function InspectionsCard({ inspections, total, onMore }: InspectionsCardProps) {
  const [trails, setTrails] = useState<Record<string, EnterpriseTrailView | string>>({});

  const openTrail = async (id: string) => {
    try {
      const trail = await enterpriseTrail(id);
      setTrails((current) => ({ ...current, [id]: trail }));
    } catch (error) {
      setTrails((current) => ({ ...current, [id]: errorMessage(error) }));
    }
  };

  return (
    <Card id='ent-inspections' title={`检查记录（${total}）`}>
      {!inspections.length && <Text id='ent-inspections-empty' className='ent-home__muted'>还没有对本企业的检查记录。</Text>}
      {inspections.map((inspection) => {
        const trail = trails[inspection.id];
        return (
          <View key={inspection.id} className='ent-inspection' data-inspection-id={inspection.id}>
            <View className='ent-inspection__head'>
              <Text className='ent-inspection__day'>{inspectionDay(inspection)}</Text>
              <Tag tone={resultTone(inspection.resultLabel)} className='ent-inspection__result'>{inspection.resultLabel}</Tag>
            </View>
            <Text className='ent-inspection__agency'>{inspection.agencyName}{inspection.joint ? '（联合检查）' : ''}</Text>
            <Text className='ent-inspection__line'>检查类型：{inspection.triggerLabel}</Text>
            <Text className='ent-inspection__line ent-inspection__officers'>执法人员：{officersText(inspection.officers)}</Text>
            {accompanyingLine(inspection.accompanying) && <Text className='ent-inspection__line ent-inspection__accompanying'>{accompanyingLine(inspection.accompanying)}</Text>}
            <View className='ent-inspection__items'>
              {inspection.items.map((item) => (
                <View key={item.name}>
                  <Text className='ent-inspection__item'>· {item.name}（依据：{item.basis}）</Text>
                  {item.colour && (
                    <View className='ent-inspection__colour-box'>
                      <Text className={`ent-inspection__colour ent-inspection__colour--${item.colour}`} data-colour={item.colour}>{item.colourLabel}</Text>
                      {item.colour === 'yellow' && item.rectifyBy && <Text className='ent-inspection__item'>整改期限：{item.rectifyBy}</Text>}
                      <Text className='ent-inspection__advice'>{item.advice}</Text>
                    </View>
                  )}
                </View>
              ))}
            </View>
            <Text className='ent-inspection__rating'>{ratingText(inspection.rating)}</Text>
            {trail === undefined && (
              <Button className='ent-inspection__trail-open' size='mini' onClick={() => void openTrail(inspection.id)}>查看检查过程</Button>
            )}
            {typeof trail === 'string' && <Text className='ent-home__muted'>{trail}</Text>}
            {trail && typeof trail !== 'string' && (
              <View className='ent-trail'>
                {trail.steps.length === 0 && <Text className='ent-home__muted'>这次检查没有过程记录（由其他系统导入）。</Text>}
                {trail.steps.map((step, index) => (
                  <View key={index} className='ent-trail__step'>
                    <Text className='ent-trail__when'>{shanghaiDateTime(step.at)}</Text>
                    <Text className='ent-trail__what'>{trailLine(step)}</Text>
                    <Text className='ent-trail__who'>{trailActor(step)}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        );
      })}
      {inspections.length < total && <LoadMoreButton id='ent-inspections-more' onClick={onMore} />}
    </Card>
  );
}
