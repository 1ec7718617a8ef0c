import { Button, Text, View } from '@tarojs/components';
import type { TrailEntryView } from '@mashang/shared';
import { useState } from 'react';
import { Card } from '../../components/card';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { errorMessage } from '../../logic/api-error';
import { shanghaiDateTime } from '../../logic/dates';
import { actorLabel, trailDetailLine, trailKindLabel } from '../../logic/onsite';
import { inspectionTrail } from '../../services/onsite';

interface TrailState {
  open: boolean;
  entries: TrailEntryView[] | null;
  error: string;
}

/** #show-trail opens #trail: every step of the inspection in order, read afresh each time it opens. */
export function TrailCard({ planId }: { planId: string }) {
  const [trail, setTrail] = useState<TrailState>({ open: false, entries: null, error: '' });

  const open = async () => {
    setTrail({ open: true, entries: null, error: '' });
    try {
      setTrail({ open: true, entries: (await inspectionTrail(planId)).entries, error: '' });
    } catch (error) {
      setTrail({ open: true, entries: null, error: errorMessage(error) });
    }
  };

  return (
    <Card>
      <Button id='show-trail' className='trail-toggle' onClick={() => (trail.open ? setTrail({ ...trail, open: false }) : void open())}>
        {trail.open ? '收起全过程记录' : '全过程记录'}
      </Button>
      {trail.open && (
        <View id='trail' className='trail'>
          {!trail.entries && !trail.error && <Muted>正在读取…</Muted>}
          {trail.error && <Notice tone='danger'>{trail.error}</Notice>}
          {trail.entries?.map((entry) => (
            <View key={entry.seq} className='trail-entry' data-seq={entry.seq}>
              <View className='trail-entry__head'>
                <Text className='trail-entry__kind'>{trailKindLabel(entry.kind)}</Text>
                <Text className='trail-entry__time'>{shanghaiDateTime(entry.at)}</Text>
              </View>
              {trailDetailLine(entry) && <Text className='trail-entry__detail'>{trailDetailLine(entry)}</Text>}
              <Text className='trail-entry__actor'>
                第{entry.seq}条 · 操作人：{entry.actorName || actorLabel(entry.actor)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}
