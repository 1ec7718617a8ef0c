import { Button, Text, Textarea, View } from '@tarojs/components';
import type { HalfYearRecord } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { Tag } from '../../components/tag';
import { shanghaiDateTime } from '../../logic/dates';
import { halfYearResultLabel } from '../../logic/plans';
import { mayRequestReview, REVIEW_REASON_MAX, reviewStatusText } from '../../logic/reviews';
import { resultTone } from '../../logic/tones';
import type { useReviews } from './use-reviews';

export interface HalfYear {
  creditCode: string;
  loading: boolean;
  records: HalfYearRecord[] | null;
  error: string;
}

/**
 * #half-year-history: what same-industry agencies found at this enterprise in the last 6 months (结果互认).
 * A record the agency disputes gets `.review-request` (申请异议复查) opening `.review-form` (fill
 * '.review-reason textarea'; `.review-submit`, `.review-close`, `.review-error`); once asked,
 * `.half-year-record__review` says where it stands, and #review-sent what happens meanwhile.
 */
export function HalfYearHistory({ halfYear, reviews }: { halfYear: HalfYear; reviews: ReturnType<typeof useReviews> }) {
  return (
    <View id='half-year-history' className='half-year'>
      <Text className='half-year__title'>近半年同行业检查结果</Text>
      <Text className='half-year__note'>
        首检负责、结果互认：同行业部门近6个月的检查结果本部门予以认可，无新的触发事由的，不再重复检查同一事项；对结果有异议的，申请异议复查，由司法局决定。
      </Text>
      {halfYear.loading && <Muted>正在查询…</Muted>}
      {halfYear.error && <Text className='field__error'>{halfYear.error}</Text>}
      {halfYear.records?.length === 0 && <Muted id='half-year-empty'>近6个月没有同行业部门检查过该企业。</Muted>}
      {halfYear.records?.map((record) => {
        const status = reviews.statuses.get(record.inspectionId);
        const open = reviews.draft?.inspectionId === record.inspectionId ? reviews.draft : null;
        return (
          <View key={record.inspectionId} className='half-year-record' data-inspection-id={record.inspectionId}>
            <View className='half-year-record__head'>
              <Text className='half-year-record__agency'>{record.agencyName}</Text>
              <Tag tone={resultTone(record.result)} className='half-year-record__result'>
                {halfYearResultLabel(record.result)}
              </Tag>
            </View>
            <Muted>检查时间：{shanghaiDateTime(record.startedAt)}</Muted>
            {status && <Text className='half-year-record__review'>{reviewStatusText(status)}</Text>}
            {mayRequestReview(status) && !open && (
              <Button className='review-request half-year-record__button' size='mini' onClick={() => reviews.open(record.inspectionId)}>
                对该结果申请异议复查
              </Button>
            )}
            {open && (
              <View className='review-form'>
                <Textarea
                  className='review-reason field__textarea'
                  value={open.reason}
                  placeholder='有何异议、依据什么（如新的投诉、现场照片）'
                  maxlength={REVIEW_REASON_MAX}
                  autoHeight
                  onInput={(event) => reviews.edit(event.detail.value)}
                />
                {open.error && (
                  <Notice tone='danger' className='review-error'>
                    {open.error}
                  </Notice>
                )}
                <View className='review-form__actions'>
                  <Button className='review-close half-year-record__button' size='mini' onClick={reviews.close}>
                    取消
                  </Button>
                  <PrimaryButton className='review-submit half-year-record__button' size='mini' busy={open.busy} onClick={() => void reviews.submit()}>
                    提交申请
                  </PrimaryButton>
                </View>
              </View>
            )}
          </View>
        );
      })}
      {reviews.sent && (
        <Notice id='review-sent' tone='success'>
          {reviews.sent}
        </Notice>
      )}
    </View>
  );
}
