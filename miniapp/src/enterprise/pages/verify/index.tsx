/*
 * Public verification of an inspection code, for the enterprise at the door (no login; the QR
 * link /v/<token> opens /h5/enterprise.html#/enterprise/pages/verify/index?c=<token>; in the mini-program the
 * page may also get the scanned URL as `q`). Written for an older shop owner on a slow phone:
 * large type, few words, only View/Text/Button, and nothing from the officer pages.
 * Element ids for browser tests: #verify-status (class verify--ok when the code checks out,
 * verify--bad on any failure, verify--loading meanwhile), #verify-enterprise, #verify-date,
 * #verify-joint (joint inspections only), one `.verify-agency` per agency with
 * `.verify-agency__name`, `.verify-plan-code`, `.verify-officer` (name and certificate number)
 * and `.verify-item` (name and legal basis); on failure #verify-message (the server's words),
 * #verify-advice and, when trying again can help, #verify-retry. #verify-trail-open shows what has
 * happened so far: #verify-trail with one `.verify-trail` per agency and its `.verify-trail-entry` rows
 * (`.verify-trail-entry__what`: the step and what it recorded; `.verify-trail-entry__who`: the officer's
 * name and certificate number, or who else), ending with #verify-trail-valid (the code's validity);
 * #verify-trail-error when the trail cannot be shown (e.g. the code has expired meanwhile).
 * #verify-checklist (一表通查): the one list of every agency's items, one `.verify-item[data-row]` per legal
 * basis with `.verify-result` per agency (`.verify-result__agency`, `.verify-result__what`, the colour in
 * `.verify-result__colour[data-colour]` and what to do in `.verify-result__advice`); the agencies' cards then
 * leave their items out. Read beside the check, so the page waits no longer; without it, each card lists its items.
 */
import { Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { CodeCheck, PublicChecklist, PublicTrailView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { StatusBanner } from '../../../components/status-banner';
import { chineseDate, shanghaiDateTime } from '../../../logic/dates';
import { triggerLabel } from '../../../logic/triggers';
import { MISSING_CODE, REFUSE_ADVICE, checklistResultText, codeFromParams, colourName, trailActorText, trailStepText, verifyFailure, type VerifyFailure } from '../../../logic/verify';
import { accompanyingLine } from '../../../logic/visits';
import { errorMessage } from '../../../logic/api-error';
import { checkInspectionCode, inspectionChecklist, inspectionTrail } from '../../../services/codes';
import './index.css';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; check: CodeCheck; checklist: PublicChecklist | null; checkedAt: number }
  | { kind: 'bad'; failure: VerifyFailure };

export default function VerifyPage() {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [trail, setTrail] = useState<PublicTrailView | null>(null);
  const [trailError, setTrailError] = useState('');

  const showTrail = async () => {
    setTrailError('');
    try {
      setTrail(await inspectionTrail(codeFromParams(router.params)!));
    } catch (error) {
      setTrailError(errorMessage(error));
    }
  };

  const verify = async () => {
    const token = codeFromParams(router.params);
    if (!token) {
      setState({ kind: 'bad', failure: MISSING_CODE });
      return;
    }
    setState({ kind: 'loading' });
    try {
      const [check, checklist] = await Promise.all([checkInspectionCode(token), inspectionChecklist(token).catch(() => null)]);
      setState({ kind: 'ok', check, checklist, checkedAt: Date.now() });
    } catch (error) {
      setState({ kind: 'bad', failure: verifyFailure(error) });
    }
  };

  useLoad(() => void verify());

  if (state.kind === 'loading') {
    return (
      <View className='verify'>
        <StatusBanner id='verify-status' className='verify--loading' tone='neutral' title='正在核验…' subtitle='请稍候' />
      </View>
    );
  }

  if (state.kind === 'bad') {
    const { failure } = state;
    return (
      <View className='verify'>
        <StatusBanner id='verify-status' className='verify--bad' tone='danger' icon='✕' title={failure.title} />
        <Card>
          <Text id='verify-message' className='verify-message'>
            {failure.message}
          </Text>
          <Text id='verify-advice' className='verify-advice'>
            怎么办：{failure.advice}
          </Text>
        </Card>
        {failure.retry && (
          <PrimaryButton id='verify-retry' className='verify-button' onClick={() => void verify()}>
            重新核验
          </PrimaryButton>
        )}
      </View>
    );
  }

  const { check, checklist, checkedAt } = state;
  return (
    <View className='verify'>
      <StatusBanner id='verify-status' className='verify--ok' tone='success' icon='✓' title='已核验' subtitle='本次检查已报备' />

      <Card>
        <Text className='verify-label'>被检查企业</Text>
        <Text id='verify-enterprise' className='verify-value verify-value--name'>
          {check.enterprise.name}
        </Text>
        <Text className='verify-label'>检查日期</Text>
        <Text id='verify-date' className='verify-value'>
          {chineseDate(check.inspectionDate)}
        </Text>
        {check.joint && (
          <Text id='verify-joint' className='verify-joint'>
            联合检查：{check.agencies.length}个部门一次查完
          </Text>
        )}
        {check.kindLabel && <Text id='verify-kind' className='verify-joint'>本次为{check.kindLabel}，不是行政检查</Text>}
        {accompanyingLine(check.accompanying) && <Text id='verify-accompanying' className='verify-joint'>{accompanyingLine(check.accompanying)}</Text>}
      </Card>

      {/* The server lists the leading agency first. */}
      {check.agencies.map((agency, index) => (
        <Card key={agency.planCode} className='verify-agency'>
          <Text className='verify-agency__name'>
            {agency.name}
            {check.joint && index === 0 ? '（牵头）' : ''}
          </Text>
          <Text className='verify-agency__line verify-plan-code'>计划编号：{agency.planCode}</Text>
          <Text className='verify-agency__line'>检查类型：{triggerLabel(agency.trigger)}</Text>

          <Text className='verify-heading'>执法人员</Text>
          {agency.officers.map((officer) => (
            <View key={officer.certNo} className='verify-officer'>
              <Text className='verify-officer__name'>{officer.name}</Text>
              <Text className='verify-officer__cert'>执法证号 {officer.certNo}</Text>
            </View>
          ))}

          {!checklist && <Text className='verify-heading'>检查事项</Text>}
          {!checklist &&
            agency.items.map((item) => (
              <View key={item.name} className='verify-item'>
                <Text className='verify-item__name'>{item.name}</Text>
                <Text className='verify-item__basis'>依据：{item.basis}</Text>
              </View>
            ))}
        </Card>
      ))}

      {checklist && (
        <Card id='verify-checklist'>
          <Text className='verify-heading'>{checklist.joint ? '检查事项（一表通查：各部门事项合为一张清单，同一依据只查一次）' : '检查事项'}</Text>
          {checklist.rows.map((row, index) => (
            <View key={index} className='verify-item' data-row={index}>
              <Text className='verify-item__name'>{row.name}</Text>
              <Text className='verify-item__basis'>依据：{row.basis}</Text>
              {row.results.map((result, at) => {
                const shown = checklistResultText(result);
                return (
                  <View key={at} className='verify-result'>
                    <Text className='verify-result__agency'>{result.agencyName}：</Text>
                    <Text className='verify-result__what'>{shown.result}</Text>
                    {shown.colour && (
                      <Text className={`verify-result__colour verify-result__colour--${shown.colour}`} data-colour={shown.colour}>
                        {colourName(shown.colour)}
                      </Text>
                    )}
                    {shown.advice && <Text className='verify-result__advice'>{shown.advice}</Text>}
                  </View>
                );
              })}
            </View>
          ))}
        </Card>
      )}

      {trail ? (
        <Card id='verify-trail'>
          <Text className='verify-heading'>检查过程记录（全过程留痕，不可修改）</Text>
          {trail.agencies.map((agency, agencyIndex) => (
            <View key={agencyIndex} className='verify-trail'>
              <Text className='verify-agency__name'>{agency.agencyName}</Text>
              {agency.steps.map((step, index) => (
                <View key={index} className='verify-trail-entry'>
                  <Text className='verify-trail-entry__when'>{shanghaiDateTime(Date.parse(step.at))}</Text>
                  <Text className='verify-trail-entry__what'>{trailStepText(step)}</Text>
                  <Text className='verify-trail-entry__who'>{trailActorText(step.by)}</Text>
                </View>
              ))}
            </View>
          ))}
          <Text id='verify-trail-valid' className='verify-trail__valid'>
            凭此检查码可查看至 {shanghaiDateTime(trail.validUntil)}
          </Text>
        </Card>
      ) : (
        <PrimaryButton id='verify-trail-open' className='verify-button' onClick={() => void showTrail()}>
          查看检查过程记录
        </PrimaryButton>
      )}
      {trailError && <Text id='verify-trail-error' className='verify-advice'>{trailError}</Text>}

      <Card className='verify-note'>
        <Text className='verify-note__text'>
          请核对来人的执法证，姓名、证号应与上面一致；只查上面列出的事项。不一致的，{REFUSE_ADVICE}
        </Text>
      </Card>
      <Text className='verify-footer'>
        核验时间 {shanghaiDateTime(checkedAt)} · 检查码有效期至 {shanghaiDateTime(check.expiresAt)}
      </Text>
    </View>
  );
}
