import { Text, View } from '@tarojs/components';
import type { HalfYearRecord } from '@mashang/shared';
import { Muted } from '../../components/muted';
import { Tag } from '../../components/tag';
import { shanghaiDateTime } from '../../logic/dates';
import { halfYearResultLabel } from '../../logic/plans';
import { resultTone } from '../../logic/tones';

export interface HalfYear {
  creditCode: string;
  loading: boolean;
  records: HalfYearRecord[] | null;
  error: string;
}

/** #half-year-history: what same-industry agencies found at this enterprise in the last 6 months (结果互认). */
export function HalfYearHistory({ halfYear }: { halfYear: HalfYear }) {
  return (
    <View id='half-year-history' className='half-year'>
      <Text className='half-year__title'>近半年同行业检查结果</Text>
      <Text className='half-year__note'>
        首检负责、结果互认：同行业部门近6个月的检查结果本部门予以认可，无新的触发事由的，不再重复检查同一事项。
      </Text>
      {halfYear.loading && <Muted>正在查询…</Muted>}
      {halfYear.error && <Text className='field__error'>{halfYear.error}</Text>}
      {halfYear.records?.length === 0 && <Muted id='half-year-empty'>近6个月没有同行业部门检查过该企业。</Muted>}
      {halfYear.records?.map((record) => (
        <View key={record.inspectionId} className='half-year-record'>
          <View className='half-year-record__head'>
            <Text className='half-year-record__agency'>{record.agencyName}</Text>
            <Tag tone={resultTone(record.result)} className='half-year-record__result'>
              {halfYearResultLabel(record.result)}
            </Tag>
          </View>
          <Muted>检查时间：{shanghaiDateTime(record.startedAt)}</Muted>
        </View>
      ))}
    </View>
  );
}
