import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { FINDING_OUTCOMES, type ColourClassing } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { Choice } from '../../components/choice';
import { Field } from '../../components/field';
import { Tag } from '../../components/tag';
import { outcomeHint, outcomeLabel, type FindingDraft, type ItemState } from '../../logic/onsite';
import { resultTone } from '../../logic/tones';
import { colourChoices, colourLabel, colourTone, defaultColour, proposalText } from '../../logic/colours';
import type { ItemUi } from './use-findings';

interface ItemFindingProps {
  state: ItemState;
  /** Results may be recorded (checked in, not finished). */
  editable: boolean;
  draft: FindingDraft;
  ui: ItemUi;
  today: string;
  onEdit: (patch: Partial<FindingDraft>) => void;
  onSave: () => void;
  /** 三色: what a violation would be classed (the item's own by default; a merged row passes its first stake's). */
  proposal?: ColourClassing;
  /** A merged row shows its agencies' results itself. */
  hideResult?: boolean;
}

/** One item (`.item[data-item-id]`): its result so far and, while results may be recorded, the form. */
export function ItemFinding({ state, editable, draft, ui, today, onEdit, onSave, proposal = state.item.proposal, hideResult }: ItemFindingProps) {
  const choices = colourChoices(draft.outcome, proposal);
  const colour = draft.colour ?? defaultColour(draft.outcome, proposal);
  return (
    <View className='item' data-item-id={state.item.id}>
      <Text className='item__name'>{state.item.name}</Text>
      <Text className='item__basis'>依据：{state.item.basis}</Text>
      {!hideResult && state.outcome && (
        <View className='item__result-row'>
          <Tag tone={resultTone(state.outcome)} className='item__result'>
            {outcomeLabel(state.outcome)}
            {state.outcome === 'rectify' && state.rectifyBy ? `，整改期限 ${state.rectifyBy}` : ''}
          </Tag>
          {state.colour && (
            <Tag tone={colourTone(state.colour)} className='item__colour'>
              {colourLabel(state.colour)}
            </Tag>
          )}
          {state.pending && <Text className='item__pending'>待上传</Text>}
        </View>
      )}
      {state.note && <Text className='item__basis'>备注：{state.note}</Text>}
      {editable && (
        <View className='item__form'>
          {FINDING_OUTCOMES.map((choice) => (
            <Choice
              key={choice.value}
              kind='outcome'
              id={choice.value}
              checked={draft.outcome === choice.value}
              name={choice.label}
              sub={outcomeHint(choice.value)}
              onToggle={() => onEdit({ outcome: choice.value, colour: defaultColour(choice.value, proposal) })}
            />
          ))}
          {choices.length > 0 && (
            <View className='item__colours'>
              {proposal && <Text className='item__proposal'>{proposalText(proposal)}</Text>}
              <View className='item__colour-row'>
                {choices.map((c) => (
                  <Text
                    key={c}
                    className={`item__colour-choice item__colour-choice--${c}${c === colour ? ' item__colour-choice--on' : ''}`}
                    data-colour-id={c}
                    onClick={() => onEdit({ colour: c })}
                  >
                    {colourLabel(c)}
                  </Text>
                ))}
              </View>
            </View>
          )}
          {draft.outcome === 'rectify' && colour !== 'green' && (
            <Field label='整改期限（必填）'>
              {/* Written out rather than through a constant, so webpack drops the H5-unused Picker. */}
              {process.env.TARO_ENV === 'weapp' ? (
                <Picker mode='date' value={draft.rectifyBy || today} start={today} onChange={(event) => onEdit({ rectifyBy: event.detail.value })}>
                  <View className='item__deadline field__input'>
                    <Text>{draft.rectifyBy || '选择日期'}</Text>
                  </View>
                </Picker>
              ) : (
                <Input
                  className='item__deadline field__input'
                  value={draft.rectifyBy}
                  placeholder='年-月-日，如 2026-12-01'
                  maxlength={10}
                  onInput={(event) => onEdit({ rectifyBy: event.detail.value })}
                />
              )}
            </Field>
          )}
          <Field label='备注（选填）'>
            <Textarea
              className='item__note field__textarea'
              value={draft.note}
              placeholder='发现的问题、整改要求等'
              maxlength={2000}
              autoHeight
              onInput={(event) => onEdit({ note: event.detail.value })}
            />
          </Field>
          <PrimaryButton className='item__save' busy={ui.busy} onClick={onSave}>
            保存结果
          </PrimaryButton>
          {ui.error && <Text className='item__error'>{ui.error}</Text>}
          {ui.saved && <Text className='item__saved'>{ui.saved}</Text>}
        </View>
      )}
    </View>
  );
}
