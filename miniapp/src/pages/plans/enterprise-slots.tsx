import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorMessage } from '../../logic/api-error';
import { enterpriseSlotsText } from '../../logic/enterprise-page';
import { enterpriseSlots } from '../../services/plans';

/**
 * 双向预约, the officers' side: the half-days the enterprise marked on its page as suiting it, read on
 * demand while fixing the inspection's date. `.plan-slots-open`, then `.plan-slots`.
 */
export function EnterpriseSlots({ planId }: { planId: string }) {
  const [text, setText] = useState<string | null>(null);
  const load = async () => {
    try {
      setText(enterpriseSlotsText(await enterpriseSlots(planId)));
    } catch (error) {
      setText(errorMessage(error));
    }
  };
  return (
    <View>
      {text === null ? (
        <Button className='plan-slots-open plan__button' size='mini' onClick={() => void load()}>企业方便的时间</Button>
      ) : (
        <Text className='plan__line plan-slots'>{text}</Text>
      )}
    </View>
  );
}
