import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PlanView } from '@mashang/shared';
import { Tag } from '../../components/tag';
import { modeLabel } from '../../logic/offsite';
import { OFFSITE_PAGE } from '../../routes';

/** An off-site plan's mark and the way to its request (`.plan-offsite`); nothing for a visit. */
export function OffsiteEntry({ plan, mayChange }: { plan: PlanView; mayChange: boolean }) {
  if (plan.mode !== 'offsite') return null;
  return (
    <View className='plan__actions plan-offsite'>
      <Tag tone='accent' soft>
        {modeLabel(plan.mode)}
      </Tag>
      {plan.status === 'active' && (
        <Button className='plan-offsite-open plan__button' size='mini' onClick={() => void Taro.navigateTo({ url: `${OFFSITE_PAGE}?planId=${encodeURIComponent(plan.id)}` })}>
          {mayChange ? '请企业提交材料 / 审核' : '查看材料'}
        </Button>
      )}
    </View>
  );
}
