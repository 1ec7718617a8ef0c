/*
 * One campaign (#campaign-detail): #campaign-detail-name, #campaign-detail-status, its scope, period,
 * agencies, deadline (#campaign-deadline), progress (#campaign-progress), the trail's lines
 * (.campaign-history-line), and what the user may do: #campaign-edit, #campaign-submit,
 * #campaign-decide-approve / #campaign-decide-return + #campaign-note (textarea) + #campaign-decide,
 * #campaign-publish; #campaign-action-error.
 */
import { Text, Textarea, View } from '@tarojs/components';
import type { CampaignDetail, CampaignProgress, SessionUser } from '@mashang/shared';
import { useState } from 'react';
import { campaignStatusLabel, industriesText, namesText, periodText, regionText } from '../../../logic/campaigns';
import { shanghaiDateTime } from '../../../logic/dates';
import { campaignActions, CAMPAIGN_NOTE_MAX, deadlineText, historyLine, progressText, type DecisionChoice } from '../../logic/campaigns';
import { Chip, ConsoleButton } from '../../components/controls';

interface CampaignDetailProps {
  campaign: CampaignDetail;
  progress: CampaignProgress | undefined;
  user: SessionUser;
  busy: boolean;
  error: string;
  onEdit: () => void;
  onSubmit: () => void;
  onDecide: (choice: DecisionChoice, note: string) => void;
  onPublish: () => void;
}

function Kv({ k, id, children }: { k: string; id?: string; children: string }) {
  return (
    <>
      <Text className='kv__key'>{k}</Text>
      <Text id={id} className='kv__value'>{children}</Text>
    </>
  );
}

export function CampaignDetailPanel({ campaign: c, progress, user, busy, error, onEdit, onSubmit, onDecide, onPublish }: CampaignDetailProps) {
  const [choice, setChoice] = useState<DecisionChoice>('');
  const [note, setNote] = useState('');
  const actions = campaignActions(c, user);
  const deadline = deadlineText(c);
  return (
    <View id='campaign-detail'>
      <View className='decision-head'>
        <Text id='campaign-detail-name' className='panel__title'>{c.name}</Text>
        <Text id='campaign-detail-status' className={`badge${c.overdue ? ' badge--overdue' : c.status === 'closed' ? ' badge--closed' : ''}`}>
          {c.overdue ? '逾期未公布' : campaignStatusLabel(c.status)}
        </Text>
      </View>
      <View className='kv'>
        {c.summary ? <Kv k='检查内容'>{c.summary}</Kv> : null}
        <Kv k='拟定'>{c.ownerAgencyName ?? '执法监督部门'}</Kv>
        <Kv k='行业'>{industriesText(c)}</Kv>
        <Kv k='区域'>{regionText(c)}</Kv>
        <Kv k='检查事项'>{namesText(c.itemNames)}</Kv>
        <Kv k='参加部门'>{namesText(c.agencyNames)}</Kv>
        <Kv k='实施期'>{periodText(c)}</Kv>
        {deadline ? <Kv k='公布期限' id='campaign-deadline'>{deadline}</Kv> : null}
        {c.publishedAt ? <Kv k='公布时间'>{shanghaiDateTime(c.publishedAt)}</Kv> : null}
        {c.decisionNote ? <Kv k='审批意见' id='campaign-decision-note'>{c.decisionNote}</Kv> : null}
        {c.status === 'published' || c.status === 'closed' ? <Kv k='检查进展' id='campaign-progress'>{progressText(progress)}</Kv> : null}
      </View>
      <View className='chips'>
        {actions.edit && <ConsoleButton id='campaign-edit' onClick={onEdit}>修改</ConsoleButton>}
        {actions.submit && <ConsoleButton id='campaign-submit' primary disabled={busy} onClick={onSubmit}>提交审批</ConsoleButton>}
        {actions.publish && <ConsoleButton id='campaign-publish' primary disabled={busy} onClick={onPublish}>公布</ConsoleButton>}
      </View>
      {actions.decide && (
        <View className='campaign-decision'>
          <View className='chips'>
            <Text className='chips__label'>审批</Text>
            <Chip id='campaign-decide-approve' on={choice === 'approve'} onClick={() => setChoice('approve')}>批准</Chip>
            <Chip id='campaign-decide-return' on={choice === 'return'} onClick={() => setChoice('return')}>退回</Chip>
          </View>
          <Textarea id='campaign-note' className='console-field__textarea' value={note} maxlength={CAMPAIGN_NOTE_MAX} placeholder='审批意见；退回须写明理由' onInput={(e) => setNote(e.detail.value)} />
          <ConsoleButton id='campaign-decide' primary disabled={busy} onClick={() => onDecide(choice, note)}>确认</ConsoleButton>
        </View>
      )}
      {error && <Text id='campaign-action-error' className='console__error'>{error}</Text>}
      <Text className='panel__title'>过程记录</Text>
      <View id='campaign-history'>
        {c.history.map((e, i) => (
          <Text key={i} className='console-row campaign-history-line'>{historyLine(e)}</Text>
        ))}
      </View>
    </View>
  );
}
