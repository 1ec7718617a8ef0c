import { Text, Textarea, View } from '@tarojs/components';
import {
  RATING_COMMENT_MAX,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_PROBLEM_LABELS,
  RATING_PROBLEMS,
  RATING_VERDICT_LABELS,
  RATING_VERDICTS,
  type RatingInviteView,
} from '@mashang/shared';
import { Card } from '../../../components/card';
import { cx } from '../../../components/class-names';
import { SCORE_WORDS, setScore, toggleFlag, type AgencyRatingForm } from '../../../logic/rating';

interface AgencyRatingProps {
  agency: RatingInviteView['agencies'][number];
  form: AgencyRatingForm;
  onChange: (change: (form: AgencyRatingForm) => AgencyRatingForm) => void;
}

/** One agency's questions (`.rate-agency[data-agency-id]`): four scores, 认可 or not, what went wrong, a comment. */
export function AgencyRating({ agency, form, onChange }: AgencyRatingProps) {
  return (
    <Card className='rate-agency' data-agency-id={agency.agencyId}>
      <Text className='rate-agency__name'>{agency.name}</Text>
      {agency.officers.map((officer) => (
        <Text key={officer.certNo} className='rate-officer'>执法人员：{officer.name}（证号 {officer.certNo}）</Text>
      ))}

      {RATING_DIMENSIONS.map((dimension) => (
        <View key={dimension} className='rate-question'>
          <Text className='rate-question__text'>{RATING_DIMENSION_LABELS[dimension]}？</Text>
          <View className='rate-scores'>
            {[1, 2, 3, 4, 5].map((score) => (
              <View
                key={score}
                className={cx('rate-score', form.scores[dimension] === score && 'rate-score--on')}
                data-dimension={dimension}
                data-score={score}
                onClick={() => onChange((f) => setScore(f, dimension, score))}
              >
                <Text className='rate-score__number'>{score}</Text>
                <Text className='rate-score__word'>{SCORE_WORDS[score]}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}

      <Text className='rate-question__text'>您认可这次检查吗？</Text>
      <View className='rate-verdicts'>
        {RATING_VERDICTS.map((verdict) => (
          <View
            key={verdict}
            className={cx('rate-verdict', `rate-verdict--${verdict}`, form.verdict === verdict && 'rate-verdict--on')}
            data-verdict={verdict}
            onClick={() => onChange((f) => ({ ...f, verdict }))}
          >
            {RATING_VERDICT_LABELS[verdict]}
          </View>
        ))}
      </View>

      <Text className='rate-question__text'>有没有下面的问题？（没有就不选）</Text>
      <View className='rate-flags'>
        {RATING_PROBLEMS.map((flag) => (
          <View
            key={flag}
            className={cx('rate-flag', form.flags.includes(flag) && 'rate-flag--on')}
            data-flag={flag}
            onClick={() => onChange((f) => toggleFlag(f, flag))}
          >
            {form.flags.includes(flag) ? '☑ ' : '☐ '}{RATING_PROBLEM_LABELS[flag]}
          </View>
        ))}
      </View>

      <Text className='rate-question__text'>还想说的话（可不填）</Text>
      <Textarea
        className='rate-comment'
        value={form.comment}
        maxlength={RATING_COMMENT_MAX}
        placeholder='例如：检查很规范'
        onInput={(e) => onChange((f) => ({ ...f, comment: e.detail.value }))}
      />
    </Card>
  );
}
