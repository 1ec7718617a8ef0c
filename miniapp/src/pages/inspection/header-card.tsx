import { Text, View } from '@tarojs/components';
import type { OnsiteInspectionView } from '@mashang/shared';
import { Card } from '../../components/card';
import { cx } from '../../components/class-names';
import { Muted } from '../../components/muted';
import { Tag } from '../../components/tag';
import { chineseDate, shanghaiDateTime } from '../../logic/dates';
import { codeDueText, inspectionStatusText, resultLabel, resultSummary } from '../../logic/onsite';
import { inspectionStatusTone, resultTone } from '../../logic/tones';
import { triggerLabel } from '../../logic/triggers';
import { VisitLines } from './visit-lines';

/** Who is inspected by whom and why (#insp-enterprise, #insp-status, #insp-agency, …). */
export function HeaderCard({ view, stale, checkInWaiting }: { view: OnsiteInspectionView; stale: boolean; checkInWaiting: boolean }) {
  return (
    <Card>
      <View className='inspection__head'>
        <View id='insp-enterprise' className='inspection__enterprise'>
          <Text className='inspection__name'>{view.enterpriseName}</Text>
          <Text className='inspection__code'>{view.creditCode}</Text>
        </View>
        <Tag id='insp-status' tone={inspectionStatusTone(view.status)} className='inspection__status'>
          {inspectionStatusText(view, checkInWaiting)}
        </Tag>
      </View>
      {stale && <Muted id='insp-stale'>没有网络，显示的是上次读取的内容。</Muted>}
      <Text id='insp-agency' className='inspection__line'>
        检查部门：{view.agencyName}（计划编号 {view.planCode}）
      </Text>
      {view.jointAgencies.length > 0 && (
        <Text id='insp-joint' className='inspection__line'>
          联合检查：与{view.jointAgencies.join('、')}一同检查
        </Text>
      )}
      <Text className='inspection__line'>
        {triggerLabel(view.trigger)} · {chineseDate(view.inspectionDate)}
        {view.checkedInAt ? ` · ${shanghaiDateTime(view.checkedInAt)} 入企` : ''}
      </Text>
      <VisitLines view={view} />
      <View id='insp-officers' className='officers'>
        {view.officers.map((officer) => (
          <Text key={officer.id} className='officer'>
            {officer.name}（执法证号 {officer.certNo}）
          </Text>
        ))}
      </View>
      {view.codeDueAt && (
        <Text id='insp-code-due' className={cx('code-due', view.coded && 'code-due--done')}>
          {codeDueText(view)}
        </Text>
      )}
    </Card>
  );
}

/** #summary once the inspection is finished: the result in words. */
export function SummaryCard({ view }: { view: OnsiteInspectionView }) {
  if (view.status !== 'finished' || !view.result) return null;
  return (
    <Card id='summary' className={`summary summary--${resultTone(view.result)}`}>
      <Text id='summary-result' className='summary__result'>
        检查结果：{resultLabel(view.result)}
      </Text>
      <Text className='summary__text'>{resultSummary(view.result)}</Text>
      {view.finishedAt && <Text className='summary__text'>结束时间：{shanghaiDateTime(view.finishedAt)}</Text>}
    </Card>
  );
}
