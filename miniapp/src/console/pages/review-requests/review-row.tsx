import { Text, Textarea, View } from '@tarojs/components';
import type { ReviewRequestView } from '@mashang/shared';
import { cx } from '../../../components/class-names';
import { shanghaiTime } from '../../logic/console';
import { DECISION_NOTE_MAX, reviewActor, reviewEventLabel, reviewHeadline, reviewStatusLabel, type DecisionChoice } from '../../logic/reviews';
import { Chip, ConsoleButton } from '../../components/controls';

export interface DecisionDraft {
  choice: DecisionChoice;
  note: string;
  error: string;
  busy: boolean;
}

export const emptyDecision = (): DecisionDraft => ({ choice: '', note: '', error: '', busy: false });

interface ReviewRowProps {
  review: ReviewRequestView;
  /** The supervisor's decision form, on a pending request only. */
  decision: DecisionDraft | null;
  onDecision: (draft: DecisionDraft) => void;
  onDecide: () => void;
}

/**
 * One request (.review-row[data-review-id]): .review-row__headline, .review-row__enterprise,
 * .review-row__reason, .review-row__status, its steps (.review-event[data-kind]) and, for the
 * supervisor on a pending one, .review-choice-accept / .review-choice-reject, .review-note (fill
 * '.review-note textarea'), .review-decide and .review-decide-error.
 */
export function ReviewRow({ review, decision, onDecision, onDecide }: ReviewRowProps) {
  return (
    <View className='review-row' data-review-id={review.id}>
      <View className='decision-head'>
        <Text className='review-row__headline'>{reviewHeadline(review)}</Text>
        <Text className={cx('badge', 'review-row__status', review.status === 'pending' ? 'badge--medium' : 'badge--closed')}>{reviewStatusLabel(review.status)}</Text>
      </View>
      <Text className='review-row__enterprise console__muted'>
        企业：{review.enterpriseName ?? '（名录中无此企业）'} · {review.creditCode} · 检查记录 {review.inspectionId}
      </Text>
      <Text className='review-row__reason'>异议理由：{review.reason}</Text>
      <View className='review-row__events'>
        {review.events.map((event, index) => (
          <View key={index} className='review-event' data-kind={event.kind}>
            <Text className='review-event__what'>{reviewEventLabel(event.kind)}</Text>
            <Text className='console__muted'>
              {' '}
              {shanghaiTime(event.at)} · {event.actorName || reviewActor(event.actor)}
            </Text>
            {event.note && event.kind !== 'requested' && <Text className='review-event__note'>：{event.note}</Text>}
          </View>
        ))}
      </View>
      {decision && (
        <View className='decision-box'>
          <View className='chips'>
            <Text className='chips__label'>决定</Text>
            <Chip className='review-choice-accept' on={decision.choice === 'accept'} onClick={() => onDecision({ ...decision, choice: 'accept', error: '' })}>
              受理：重新复查
            </Chip>
            <Chip className='review-choice-reject' on={decision.choice === 'reject'} onClick={() => onDecision({ ...decision, choice: 'reject', error: '' })}>
              不予受理：维持原结果
            </Chip>
          </View>
          <Textarea
            className='review-note console-field__textarea'
            value={decision.note}
            maxlength={DECISION_NOTE_MAX}
            placeholder='决定理由（申请部门和被申请部门可见）'
            onInput={(e) => onDecision({ ...decision, note: e.detail.value, error: '' })}
          />
          {decision.error && <Text className='review-decide-error console__error'>{decision.error}</Text>}
          <ConsoleButton className='review-decide' primary disabled={decision.busy} onClick={onDecide}>
            {decision.busy ? '正在提交…' : '提交决定'}
          </ConsoleButton>
        </View>
      )}
    </View>
  );
}
