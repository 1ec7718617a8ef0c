/*
 * The enterprise rates an inspection after the SMS (no login). Opened from the personal link
 * /r/<token> → /h5/enterprise.html#/enterprise/pages/rate/index?t=<token> (mini-program: `t`, or the link as `q`),
 * or in code mode from the fixed address /r, where the code in the SMS is typed in. Written for an
 * older shop owner on a slow phone: large type, plain words, big buttons, only View/Text/Button/
 * Input/Textarea, nothing from the officer pages; what was filled in survives a failed submit.
 * Element ids for browser tests: #rate-status (rate--loading, rate--bad, rate--done), #rate-message,
 * #rate-retry; code entry #rate-code (Input), #rate-code-submit, #rate-code-problem; the form
 * #rate-form with #rate-enterprise, #rate-date, #rate-joint and one `.rate-agency[data-agency-id]`
 * per agency still to rate (`.rate-agency__name`, `.rate-officer`, score buttons
 * `.rate-score[data-dimension][data-score]` with `rate-score--on` when chosen, `.rate-verdict[data-verdict]`,
 * `.rate-flag[data-flag]` with `rate-flag--on`, the comment `.rate-comment` (Textarea)); #rate-missing,
 * #rate-error, #rate-submit; afterwards #rate-done. Opened from a link, the done and already-rated
 * views also list what became of the enterprise's poor ratings: #rate-outcomes, one `.rate-outcome` each.
 */
import { Input, Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { RatingInviteView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { StatusBanner } from '../../../components/status-banner';
import { chineseDate } from '../../../logic/dates';
import {
  checkTypedCode,
  initialForms,
  missingAnswers,
  outcomeLine,
  rateFailure,
  toRatings,
  tokenFromParams,
  type AgencyRatingForm,
  type RateFailure,
} from '../../../logic/rating';
import { complaintOutcomes, getRatingInvite, submitRatings } from '../../../services/rating';
import { AgencyRating } from './agency-rating';
import './index.css';

/** 企业评: where the supervisor has got with this enterprise's poor ratings (link mode only; nothing when none). */
function Outcomes({ token }: { token: string | null }) {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    if (token) complaintOutcomes(token).then((list) => setLines(list.map(outcomeLine)), () => undefined);
  }, [token]);
  if (!lines.length) return null;
  return (
    <Card id='rate-outcomes'>
      <Text className='rate-heading'>您反映的问题，司法局处理进展</Text>
      {lines.map((line) => (
        <Text key={line} className='rate-outcome rate-message'>{line}</Text>
      ))}
    </Card>
  );
}

type State =
  | { kind: 'code'; problem: string | null }
  | { kind: 'loading' }
  | { kind: 'form'; credential: string; view: RatingInviteView }
  | { kind: 'done' }
  | { kind: 'bad'; failure: RateFailure; credential: string | null };

export default function RatePage() {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [typed, setTyped] = useState('');
  const [forms, setForms] = useState<AgencyRatingForm[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<RateFailure | null>(null);
  const [sending, setSending] = useState(false);

  const open = async (credential: string) => {
    setState({ kind: 'loading' });
    try {
      const view = await getRatingInvite(credential);
      setForms(initialForms(view));
      setState({ kind: 'form', credential, view });
    } catch (error) {
      setState({ kind: 'bad', failure: rateFailure(error), credential });
    }
  };

  useLoad(() => {
    const token = tokenFromParams(router.params);
    if (token) void open(token);
    else setState({ kind: 'code', problem: null });
  });

  const enterCode = () => {
    const checked = checkTypedCode(typed);
    if ('problem' in checked) setState({ kind: 'code', problem: checked.problem });
    else void open(checked.code);
  };

  const update = (agencyId: string, change: (form: AgencyRatingForm) => AgencyRatingForm) => {
    setForms((current) => current.map((form) => (form.agencyId === agencyId ? change(form) : form)));
    setMissing([]);
  };

  const submit = async (credential: string, view: RatingInviteView) => {
    const nameOf = (id: string) => view.agencies.find((a) => a.agencyId === id)?.name ?? '';
    const gaps = forms.flatMap((form) => missingAnswers(form, view.joint ? nameOf(form.agencyId) : ''));
    setMissing(gaps);
    if (gaps.length) return;
    setSending(true);
    setSubmitError(null);
    try {
      await submitRatings(credential, { ratings: toRatings(forms) });
      setState({ kind: 'done' });
    } catch (error) {
      const failure = rateFailure(error);
      // A used or expired link cannot be fixed on this page; anything else keeps the answers.
      if (failure.retry || failure.title === '还没填好') setSubmitError(failure);
      else setState({ kind: 'bad', failure, credential });
    } finally {
      setSending(false);
    }
  };

  const codeBox = (problem: string | null) => (
    <Card>
      <Text className='rate-heading'>请输入短信里的评价码</Text>
      <Text className='rate-hint'>评价码是8位字母和数字，例如 ABCD-2345，不分大小写</Text>
      <Input
        id='rate-code'
        className='rate-code'
        value={typed}
        maxlength={12}
        placeholder='评价码'
        onInput={(e) => setTyped(e.detail.value)}
        onConfirm={enterCode}
      />
      {problem && <Text id='rate-code-problem' className='rate-problem'>{problem}</Text>}
      <PrimaryButton id='rate-code-submit' className='rate-button' onClick={enterCode}>开始评价</PrimaryButton>
    </Card>
  );

  if (state.kind === 'loading') {
    return (
      <View className='rate'>
        <StatusBanner id='rate-status' className='rate--loading' tone='neutral' title='正在打开…' />
      </View>
    );
  }

  if (state.kind === 'code') {
    return (
      <View className='rate'>
        <StatusBanner className='rate--ask' tone='primary' title='检查评价' subtitle='请您评价执法人员的这次检查' />
        {codeBox(state.problem)}
      </View>
    );
  }

  if (state.kind === 'done') {
    return (
      <View className='rate'>
        <StatusBanner
          id='rate-status'
          className='rate--done'
          tone='success'
          icon='✓'
          title='评价已提交'
          titleId='rate-done'
          subtitle='谢谢您！有问题的评价会交司法局核实处理。'
        />
        <Outcomes token={tokenFromParams(router.params)} />
      </View>
    );
  }

  if (state.kind === 'bad') {
    const { failure, credential } = state;
    return (
      <View className='rate'>
        <StatusBanner id='rate-status' className='rate--bad' tone='danger' title={failure.title} />
        <Card>
          <Text id='rate-message' className='rate-message'>{failure.message}</Text>
        </Card>
        {failure.retry && credential && (
          <PrimaryButton id='rate-retry' className='rate-button' onClick={() => void open(credential)}>再试一次</PrimaryButton>
        )}
        {failure.askCode && codeBox(null)}
        <Outcomes token={tokenFromParams(router.params)} />
      </View>
    );
  }

  const { credential, view } = state;
  return (
    <View id='rate-form' className='rate'>
      <Card>
        <Text className='rate-label'>被检查企业</Text>
        <Text id='rate-enterprise' className='rate-value'>{view.enterprise.name}</Text>
        <Text className='rate-label'>检查日期</Text>
        <Text id='rate-date' className='rate-value'>{chineseDate(view.inspectionDate)}</Text>
        {view.joint && <Text id='rate-joint' className='rate-joint'>联合检查：请对每个部门分别评价</Text>}
      </Card>

      {view.agencies
        .filter((agency) => !agency.rated)
        .map((agency) => {
          const form = forms.find((f) => f.agencyId === agency.agencyId);
          return form && <AgencyRating key={agency.agencyId} agency={agency} form={form} onChange={(change) => update(agency.agencyId, change)} />;
        })}

      {missing.length > 0 && (
        <Card id='rate-missing' className='rate-missing'>
          {missing.map((line) => <Text key={line} className='rate-problem'>{line}</Text>)}
        </Card>
      )}
      {submitError && (
        <Card id='rate-error' className='rate-missing'>
          <Text className='rate-problem'>{submitError.message}</Text>
        </Card>
      )}
      <PrimaryButton id='rate-submit' className='rate-button' busy={sending} onClick={() => void submit(credential, view)}>
        提交评价
      </PrimaryButton>
      <Text className='rate-footer'>评价不用登录，只能提交一次；不满意的评价会交司法局核实。</Text>
    </View>
  );
}
