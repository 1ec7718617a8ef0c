/*
 * The legal review's verdict (#review-form): #verdict-approved / #verdict-returned, '#review-opinion
 * textarea', #review-submit; #review-error when it cannot be given.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { LEGAL_REVIEW_VERDICT_LABELS, LEGAL_REVIEW_VERDICTS, type LegalReviewVerdict, type LegalReviewView } from '@mashang/shared';
import { useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { yuanText } from '../../../logic/money';
import { instantText, measuresText, reviewReasonsText } from '../../../logic/penalty-case';
import { decideReview } from '../../../services/penalty-cases';
import { Chip, ConsoleButton } from '../../components/controls';
import { OPINION_MAX, verdictRequest } from '../../logic/penalty';

export function ReviewForm({ review, onDone }: { review: LegalReviewView; onDone: (decided: LegalReviewView) => void }) {
  const [verdict, setVerdict] = useState<LegalReviewVerdict | null>(null);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const built = verdictRequest(verdict, opinion);
    if ('error' in built) {
      setError(built.error);
      return;
    }
    setBusy(true);
    setError('');
    try {
      onDone(await decideReview(review.id, built.request));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id='review-form'>
      <Text className='pen-case__proposal'>
        拟作出的决定：罚款 {yuanText(review.fine)}{review.measures.length ? `，${measuresText(review.measures)}` : ''}。重大原因：{reviewReasonsText(review.reasons)}。
        {instantText(review.requestedAt)} 提请，审核期限 {instantText(review.dueAt)}。
      </Text>
      <View className='chips'>
        {LEGAL_REVIEW_VERDICTS.map((v) => (
          <Chip key={v} id={`verdict-${v}`} on={verdict === v} onClick={() => setVerdict(v)}>
            {LEGAL_REVIEW_VERDICT_LABELS[v]}
          </Chip>
        ))}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>审核意见</Text>
        <Textarea
          id='review-opinion'
          className='console-field__textarea'
          value={opinion}
          placeholder={verdict === 'returned' ? '退回的理由和修改意见' : '如：事实清楚，证据确凿，适用依据正确，程序合法'}
          maxlength={OPINION_MAX}
          onInput={(e) => setOpinion(e.detail.value)}
        />
      </View>
      {error && <Text id='review-error' className='console__error'>{error}</Text>}
      <View className='pen-case__buttons'>
        <ConsoleButton id='review-submit' primary disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交审核意见'}
        </ConsoleButton>
      </View>
    </View>
  );
}
