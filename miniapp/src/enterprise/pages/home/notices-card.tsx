import { Text, View } from '@tarojs/components';
import { HALF_DAY_LABELS, HALF_DAYS, type BookingSlot, type InspectionNoticeView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { cx } from '../../../components/class-names';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../logic/api-error';
import { chineseDate } from '../../../logic/dates';
import { toggleSlot, windowDays } from '../../../logic/enterprise-page';
import { markSlots } from '../../../services/enterprise';

/** One announced inspection: who comes, for what, what to prepare, and the half-days that would suit. */
function NoticeRow({ notice, onSaved }: { notice: InspectionNoticeView; onSaved: (notice: InspectionNoticeView) => void }) {
  const [slots, setSlots] = useState<BookingSlot[]>(notice.slots);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await markSlots(notice.id, { slots });
      onSaved(saved);
      setMessage({ tone: 'success', text: saved.slots.length ? '已告知执法部门您方便的时间，部门确定日期时会参考。' : '已清除选择。' });
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='ent-notice' data-notice-id={notice.id}>
      <Text className='ent-notice__date'>{chineseDate(notice.date)}{notice.joint ? '（联合检查，一次查完）' : ''}</Text>
      {notice.agencies.map((agency) => (
        <View key={agency.planCode} className='ent-notice__agency'>
          <Text className='ent-inspection__agency'>{agency.name}</Text>
          <Text className='ent-inspection__line'>计划编号：{agency.planCode}</Text>
          {agency.items.map((item) => <Text key={item.name} className='ent-inspection__item'>· {item.name}（依据：{item.basis}）</Text>)}
        </View>
      ))}
      <Text className='ent-notice__heading'>请准备</Text>
      {notice.prepare.map((line) => <Text key={line} className='ent-inspection__item ent-notice__prepare'>· {line}</Text>)}
      <Text className='ent-notice__heading'>该日不便？选择您方便的半天（可多选）</Text>
      {windowDays(notice.window).map((day) => (
        <View key={day.date} className='ent-slot-row'>
          <Text className='ent-slot-row__day'>{day.label}</Text>
          {HALF_DAYS.map((half) => {
            const on = slots.some((s) => s.date === day.date && s.half === half);
            return (
              <Text key={half} className={cx('ent-slot', on && 'ent-slot--on')} data-slot={`${day.date}|${half}`}
                onClick={() => setSlots((current) => toggleSlot(current, { date: day.date, half }))}>
                {HALF_DAY_LABELS[half]}
              </Text>
            );
          })}
        </View>
      ))}
      <PrimaryButton className='ent-home__button ent-notice__save' busy={busy} onClick={() => void save()}>告知执法部门</PrimaryButton>
      {message && <Notice tone={message.tone} className='ent-notice__saved'>{message.text}</Notice>}
    </View>
  );
}

/**
 * 检查预告 and 双向预约: planned inspections coming up (never complaint, undercover or emergency ones),
 * with the items and what to prepare; the enterprise marks the half-days that suit it. Ids: #ent-notices,
 * one `.ent-notice` per inspection (`data-notice-id`) with `.ent-notice__date`, `.ent-notice__prepare`,
 * half-day chips `.ent-slot` (`data-slot="YYYY-MM-DD|am"`, `ent-slot--on` when marked), `.ent-notice__save`,
 * `.ent-notice__saved`.
 */
export function NoticesCard({ notices, onSaved }: { notices: InspectionNoticeView[]; onSaved: (notice: InspectionNoticeView) => void }) {
  if (!notices.length) return null;
  return (
    <Card id='ent-notices' title='检查预告'>
      {notices.map((notice) => <NoticeRow key={`${notice.id}|${notice.date}`} notice={notice} onSaved={onSaved} />)}
    </Card>
  );
}
