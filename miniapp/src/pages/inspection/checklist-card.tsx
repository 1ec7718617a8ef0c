import { Text, View } from '@tarojs/components';
import { Card } from '../../components/card';
import { Muted } from '../../components/muted';
import { Tag } from '../../components/tag';
import { colourLabel, colourTone } from '../../logic/colours';
import { rowItemState, rowStates } from '../../logic/joint-checklist';
import type { QueuedAction } from '../../logic/offline-queue';
import { outcomeLabel } from '../../logic/onsite';
import { resultTone } from '../../logic/tones';
import { ItemFinding } from './item-finding';
import type { useChecklist } from './use-checklist';

interface ChecklistCardProps {
  form: ReturnType<typeof useChecklist>;
  queued: QueuedAction[];
  editable: boolean;
  today: string;
}

/**
 * 一表通查 (#checklist): the joint inspection's one list. Each `.row[data-row-key]` is one legal basis;
 * `.row__stake[data-plan-id][data-item-id]` names each agency holding it (`.row__agency`) and its
 * result (`.row__result`, `.row__colour`); the form below records the row for every agency at once.
 */
export function ChecklistCard({ form, queued, editable, today }: ChecklistCardProps) {
  if (!form.checklist) return null;
  return (
    <Card title='一表通查（联合检查）'>
      <Muted>各部门的检查事项合为一张清单，依据相同的事项只查一次；记录的结果分别计入各部门。</Muted>
      <View id='checklist'>
        {rowStates(form.checklist, queued).map((state) => {
          const key = state.row.key;
          return (
            <View key={key} className='row' data-row-key={key}>
              <ItemFinding
                state={rowItemState(state)}
                editable={editable}
                draft={form.draftOf(key)}
                ui={form.uiOf(key)}
                today={today}
                hideResult
                onEdit={(patch) => form.edit(key, patch)}
                onSave={() => void form.save(state)}
              />
              <View className='row__stakes'>
                {state.stakes.map(({ stake, outcome, colour, rectifyBy, pending }) => (
                  <View key={`${stake.planId}-${stake.itemId}`} className='row__stake' data-plan-id={stake.planId} data-item-id={stake.itemId}>
                    <Text className='row__agency'>{stake.agencyName}</Text>
                    {outcome ? (
                      <Tag tone={resultTone(outcome)} className='row__result'>
                        {outcomeLabel(outcome)}
                        {outcome === 'rectify' && rectifyBy ? `，整改期限 ${rectifyBy}` : ''}
                      </Tag>
                    ) : (
                      <Text className='row__result row__result--none'>未记录</Text>
                    )}
                    {colour && (
                      <Tag tone={colourTone(colour)} className='row__colour'>
                        {colourLabel(colour)}
                      </Tag>
                    )}
                    {pending && <Text className='item__pending'>待上传</Text>}
                  </View>
                ))}
              </View>
            </View>
          );
        })}
      </View>
    </Card>
  );
}
