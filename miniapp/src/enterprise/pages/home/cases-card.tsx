import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EnterprisePenaltyCaseView } from '@mashang/shared';
import { Card } from '../../../components/card';
import { shanghaiDateTime } from '../../../logic/dates';
import { casePeriodsText, yuanText } from '../../../logic/enterprise-page';

/** The supervision code's page: on H5 the link itself; in the mini-program the link is copied for the browser. */
function openCode(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = url;
    return;
  }
  void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '监督码链接已复制，请在浏览器中打开', icon: 'none' }));
}

/**
 * 行政处罚案件: the enterprise's penalty cases, each with where it stands and, once noticed, its
 * supervision code (监督码: read the case, state, request a hearing or object). Ids: #ent-cases, one
 * `.ent-case` per case (`data-case-id`) with `.ent-case__stage`, `.ent-case__code` (the code's button).
 */
export function CasesCard({ cases }: { cases: EnterprisePenaltyCaseView[] }) {
  return (
    <Card id='ent-cases' title='行政处罚案件'>
      {!cases.length && <Text className='ent-home__muted'>本企业没有行政处罚案件。</Text>}
      {cases.map((c) => (
        <View key={c.id} className='ent-case' data-case-id={c.id}>
          <Text className='ent-case__no'>案号 {c.id}</Text>
          <Text className='ent-inspection__line'>{c.agencyName} · 案由：{c.cause}</Text>
          <Text className='ent-case__stage'>{c.stageLabel}</Text>
          <Text className='ent-inspection__line'>立案 {shanghaiDateTime(c.filedAt)}{c.decidedAt ? `；决定 ${shanghaiDateTime(c.decidedAt)}，罚款 ${yuanText(c.fine)}` : ''}</Text>
          {casePeriodsText(c) && <Text className='ent-inspection__line'>{casePeriodsText(c)}</Text>}
          {c.supervisionCodeUrl && (
            <Button className='ent-case__code' size='mini' onClick={() => openCode(c.supervisionCodeUrl!)}>查看监督码（陈述、申辩、听证、异议）</Button>
          )}
        </View>
      ))}
    </Card>
  );
}
