import { Text, View } from '@tarojs/components';
import type { TrailEntryView } from '@mashang/shared';
import { shanghaiDateTime } from '../logic/dates';
import { actorLabel, trailDetailLine, trailKindLabel } from '../logic/trail';
import './case-trail.css';

/**
 * A hash-chained trail read in Chinese, oldest first: one `.case-trail__entry[data-seq]` per step
 * (`.case-trail__kind`, `.case-trail__time`, `.case-trail__detail`, `.case-trail__actor`).
 */
export function CaseTrail({ entries }: { entries: TrailEntryView[] }) {
  return (
    <View className='case-trail'>
      {entries.map((entry) => {
        const detail = trailDetailLine(entry);
        return (
          <View key={entry.seq} className='case-trail__entry' data-seq={String(entry.seq)}>
            <View className='case-trail__head'>
              <Text className='case-trail__kind'>{trailKindLabel(entry.kind)}</Text>
              <Text className='case-trail__time'>{shanghaiDateTime(entry.at)}</Text>
            </View>
            {detail && <Text className='case-trail__detail'>{detail}</Text>}
            <Text className='case-trail__actor'>
              第{entry.seq}条 · 操作人：{entry.actorName || actorLabel(entry.actor)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
