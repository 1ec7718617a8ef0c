/*
 * 非现场检查, the officer's side (`?planId=`): for an off-site plan without a request, what to ask for
 * each item, sent by SMS; then the enterprise's answers per item and the decision — 审核通过 (the check
 * finishes and is rated like a visit), 要求补充 with a note, or 转现场检查 with a reason and a date.
 * Element ids: #offsite-plan, #offsite-send, #offsite-status-tag, `.offsite-answer[data-position]`,
 * #offsite-accept, #offsite-note, #offsite-ask-again, #offsite-reason, #offsite-date, #offsite-convert,
 * #offsite-error, #offsite-done.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { shanghaiDate, type OffsiteAsk, type OfficerOffsiteRequestView, type PlanView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { Tag } from '../../components/tag';
import { errorMessage } from '../../logic/api-error';
import { chineseDate } from '../../logic/dates';
import { askLines, checkAsks, draftAsks, evidenceLine, kindLabel, NOTE_MAX, statusLabel } from '../../logic/offsite';
import { LOGIN_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { acceptOffsite, askOffsiteAgain, convertOffsite, getPlan, offsiteOfPlan, sendOffsiteRequest } from '../../services/offsite';
import { listOwnItems } from '../../services/registry';
import { AskForm } from './ask-form';
import './index.css';

export default function OffsitePage() {
  const { params } = useRouter();
  const planId = params.planId ?? '';
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [request, setRequest] = useState<OfficerOffsiteRequestView | null>(null);
  const [drafts, setDrafts] = useState<(OffsiteAsk & { itemName: string })[]>([]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(() => shanghaiDate(new Date()));
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setError('');
    try {
      const [found, answer, items] = await Promise.all([getPlan(planId), offsiteOfPlan(planId), listOwnItems()]);
      setPlan(found);
      setRequest(answer.request);
      if (!answer.request) setDrafts(draftAsks(found.itemIds.map((id) => ({ id, name: items.find((item) => item.id === id)?.name ?? id }))));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  useLoad(() => {
    if (!currentSession()) return void Taro.reLaunch({ url: LOGIN_PAGE });
    void load();
  });

  const act = async (work: () => Promise<OfficerOffsiteRequestView>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setDone('');
    try {
      setRequest(await work());
      setDone(message);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const send = () => {
    const checked = checkAsks(drafts);
    if ('problem' in checked) return setError(checked.problem);
    void act(() => sendOffsiteRequest(planId, checked.asks), '已通过短信请企业在线提交材料');
  };

  return (
    <View className='offsite-officer'>
      {plan && (
        <Card id='offsite-plan' title='非现场检查'>
          <Text className='offsite-officer__line'>计划编号：{plan.code}</Text>
          <Text className='offsite-officer__line'>企业信用代码：{plan.creditCode}</Text>
          <Text className='offsite-officer__line'>计划日期：{chineseDate(plan.plannedDate)}</Text>
        </Card>
      )}
      {plan && !request && (
        <Card title='要求企业提交的材料'>
          <Muted>企业收到短信后在手机上逐项上传照片、文件或填写读数，无需上门。</Muted>
          <AskForm asks={drafts} onChange={setDrafts} />
          <PrimaryButton id='offsite-send' className='offsite-officer__button' busy={busy} onClick={send}>
            发送给企业
          </PrimaryButton>
        </Card>
      )}
      {request && (
        <Card title={`${request.enterpriseName} 的材料`}>
          <Tag id='offsite-status-tag' tone={request.status === 'accepted' ? 'success' : request.status === 'answered' ? 'warning' : 'neutral'}>
            {statusLabel(request.status)}
            {request.round > 1 ? `（第${request.round}次）` : ''}
          </Tag>
          {request.note && <Muted>已要求补充：{request.note}</Muted>}
          {request.convertReason && <Muted>转现场检查理由：{request.convertReason}</Muted>}
          {askLines(request).map((line) => (
            <View key={line.position} className='offsite-answer' data-position={String(line.position)}>
              <Text className='offsite-answer__item'>{line.itemName}</Text>
              <Text className='offsite-answer__ask'>
                {kindLabel(line.kind)}：{line.ask}
              </Text>
              {line.sent.map((e) => (
                <Text key={e.id} className='offsite-answer__sent'>
                  {evidenceLine(e)}
                </Text>
              ))}
              {!line.sent.length && <Muted>本轮尚未提交</Muted>}
              {line.earlier.map((e) => (
                <Text key={e.id} className='offsite-answer__earlier'>
                  此前：{evidenceLine(e)}
                </Text>
              ))}
            </View>
          ))}
        </Card>
      )}
      {request?.actions.accept && (
        <Card title='审核'>
          <PrimaryButton id='offsite-accept' className='offsite-officer__button' busy={busy} onClick={() => void act(() => acceptOffsite(request.id), '审核通过，检查结束，企业将收到评价短信')}>
            审核通过（各事项合格）
          </PrimaryButton>
          <Field label='要求补充（企业可见）'>
            <Textarea id='offsite-note' className='field__textarea' value={note} maxlength={NOTE_MAX} autoHeight placeholder='写明缺什么、哪里不清楚' onInput={(event) => setNote(event.detail.value)} />
          </Field>
          <PrimaryButton id='offsite-ask-again' className='offsite-officer__button' busy={busy} disabled={note.trim().length < 2} onClick={() => void act(() => askOffsiteAgain(request.id, note), '已请企业补充材料')}>
            要求补充
          </PrimaryButton>
        </Card>
      )}
      {request?.actions.convert && (
        <Card title='转为现场检查'>
          <Field label='理由'>
            <Textarea id='offsite-reason' className='field__textarea' value={reason} maxlength={NOTE_MAX} autoHeight placeholder='如 材料显示存在隐患，需现场核实' onInput={(event) => setReason(event.detail.value)} />
          </Field>
          <Field label='现场检查日期'>
            <Input id='offsite-date' className='field__input' value={date} maxlength={10} placeholder='年-月-日' onInput={(event) => setDate(event.detail.value)} />
          </Field>
          <PrimaryButton id='offsite-convert' className='offsite-officer__button' busy={busy} disabled={reason.trim().length < 2} onClick={() => void act(() => convertOffsite(request.id, reason, date), '已转为现场检查计划，请生成检查码')}>
            转为现场检查
          </PrimaryButton>
        </Card>
      )}
      {done && (
        <Notice id='offsite-done' tone='success'>
          {done}
        </Notice>
      )}
      {error && (
        <Notice id='offsite-error' tone='danger'>
          {error}
        </Notice>
      )}
    </View>
  );
}
