import { Text, Textarea, View } from '@tarojs/components';
import { CHECK_MODES, type CheckMode, type PlanTrigger } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { RadioChips } from '../../components/radio-chips';
import { formMode, formNeedsModeReason, modeLabel, modeRequest } from '../../logic/offsite';
import { REASON_MAX } from '../../logic/plan-form';
import { searchEnterprises } from '../../services/registry';

const MODE_OPTIONS = CHECK_MODES.map((value) => ({ value, label: modeLabel(value) }));

/**
 * 检查方式 of the plan being filed: a 无感监管 enterprise (from the register, once the code is valid) is
 * checked off-site on a routine plan unless the officer chooses on site and says why.
 */
export function useCheckMode(creditCode: string | null, trigger: PlanTrigger) {
  const [lowTouch, setLowTouch] = useState(false);
  const [chosen, setChosen] = useState<CheckMode | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    setLowTouch(false);
    setChosen(null);
    if (!creditCode) return;
    let current = true;
    searchEnterprises(creditCode, 1).then(
      (page) => current && setLowTouch(page.items.some((e) => e.creditCode === creditCode && e.lowTouch)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [creditCode]);
  const mode = formMode(chosen, trigger, lowTouch);
  return { lowTouch, mode, choose: setChosen, reason, setReason, needsReason: formNeedsModeReason(mode, trigger, lowTouch), request: () => modeRequest(mode, reason, trigger, lowTouch) };
}

/** #plan-mode (#mode-onsite, #mode-offsite), #plan-mode-reason when on site needs a reason. */
export function ModeChoice({ state }: { state: ReturnType<typeof useCheckMode> }) {
  return (
    <View className='plan-mode'>
      <Text className='field__label'>检查方式</Text>
      <RadioChips id='plan-mode' options={MODE_OPTIONS} value={state.mode} idPrefix='mode' chipClassName='trigger' onChange={state.choose} />
      {state.lowTouch && <Muted id='plan-mode-low-touch'>该企业在无感监管名单内：无触发事由的检查默认非现场进行，请企业在线提交材料。</Muted>}
      {state.needsReason && (
        <Field label='到现场检查的理由'>
          <Textarea
            id='plan-mode-reason'
            className='field__textarea'
            value={state.reason}
            placeholder='如 上次检查发现设备老化，需现场查看'
            maxlength={REASON_MAX}
            autoHeight
            onInput={(event) => state.setReason(event.detail.value)}
          />
        </Field>
      )}
    </View>
  );
}
