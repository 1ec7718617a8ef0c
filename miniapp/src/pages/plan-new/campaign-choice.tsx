/*
 * 专项检查: a plan may be filed under a published campaign the agency joins (#plan-campaigns, choices
 * #plan-campaign-none and .plan-campaign[data-campaign-id], the chosen one with --on). Shown only when
 * there is one to choose; the server refuses a plan outside the campaign's scope or period.
 */
import { Text, View } from '@tarojs/components';
import type { CampaignView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../components/card';
import { cx } from '../../components/class-names';
import { campaignChoiceLine, NO_CAMPAIGN } from '../../logic/campaigns';
import { joinableCampaigns } from '../../services/campaigns';

export function CampaignChoice({ value, onChange }: { value: string; onChange: (campaignId: string) => void }) {
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  useEffect(() => {
    joinableCampaigns().then(setCampaigns, () => setCampaigns([]));
  }, []);
  if (!campaigns.length) return null;
  const option = (id: string, name: string, line: string | null, elementId?: string) => (
    <View key={id || 'none'} id={elementId} className={cx('plan-campaign', value === id && 'plan-campaign--on')} data-campaign-id={id} onClick={() => onChange(id)}>
      <Text className='plan-campaign__name'>{name}</Text>
      {line && <Text className='plan-campaign__line'>{line}</Text>}
    </View>
  );
  return (
    <Card title='专项检查'>
      <View id='plan-campaigns'>
        {option(NO_CAMPAIGN, '不属于专项检查', null, 'plan-campaign-none')}
        {campaigns.map((c) => option(c.id, c.name, campaignChoiceLine(c)))}
      </View>
    </Card>
  );
}
