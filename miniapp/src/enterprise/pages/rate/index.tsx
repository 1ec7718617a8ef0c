/*
 * The enterprise rates an inspection after the SMS (no login). Opened from the personal link
 * /r/<token> → /h5/#/enterprise/pages/rate/index?t=<token> (mini-program: `t`, or the link as `q`),
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
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import {
  RATING_COMMENT_MAX,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_PROBLEM_LABELS,
  RATING_PROBLEMS,
  type RatingInviteView,
} from '@mashang/shared';
import { useEffect, useState } from 'react';
import { chineseDate } from '../../../logic/dates';
import {
  SCORE_WORDS,
  checkTypedCode,
  initialForms,
  missingAnswers,
  outcomeLine,
  rateFailure,
  setScore,
  toRatings,
  toggleFlag,
  tokenFromParams,
  type AgencyRatingForm,
  type RateFailure,
} from '../../../logic/rating';
import { complaintOutcomes, getRatingInvite, submitRatings } from '../../../services/rating';
import './index.css';

/** 企业评: where the supervisor has got with this enterprise's poor ratings (link mode only; nothing when none). */
function Outcomes({ token }: { token: string | null }) {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    if (token) complaintOutcomes(token).then((list) => setLines(list.map(outcomeLine)), () => undefined);
  }, [token]);
  if (!lines.length) return null;
  return (
    <View id='rate-outcomes' className='rate-card'>
      <Text className='rate-heading'>您反映的问题，司法局处理进展</Text>
      {lines.map((line) => (
        <Text key={line} className='rate-outcome rate-message'>{line}</Text>
      ))}
    </View>
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
    <View className='rate-card'>
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
      <Button id='rate-code-submit' className='rate-button' onClick={enterCode}>开始评价</Button>
    </View>
  );

  if (state.kind === 'loading') {
    return (
      <View className='rate'>
        <View id='rate-status' className='rate-status rate--loading'>
          <Text className='rate-status__title'>正在打开…</Text>
        </View>
      </View>
    );
  }

  if (state.kind === 'code') {
    return (
      <View className='rate'>
        <View className='rate-status rate--ask'>
          <Text className='rate-status__title'>检查评价</Text>
          <Text className='rate-status__sub'>请您评价执法人员的这次检查</Text>
        </View>
        {codeBox(state.problem)}
      </View>
    );
  }

  if (state.kind === 'done') {
    return (
      <View className='rate'>
        <View id='rate-status' className='rate-status rate--done'>
          <Text className='rate-status__icon'>✓</Text>
          <Text id='rate-done' className='rate-status__title'>评价已提交</Text>
          <Text className='rate-status__sub'>谢谢您！有问题的评价会交司法局核实处理。</Text>
        </View>
        <Outcomes token={tokenFromParams(router.params)} />
      </View>
    );
  }

  if (state.kind === 'bad') {
    const { failure, credential } = state;
    return (
      <View className='rate'>
        <View id='rate-status' className='rate-status rate--bad'>
          <Text className='rate-status__title'>{failure.title}</Text>
        </View>
        <View className='rate-card'>
          <Text id='rate-message' className='rate-message'>{failure.message}</Text>
        </View>
        {failure.retry && credential && (
          <Button id='rate-retry' className='rate-button' onClick={() => void open(credential)}>再试一次</Button>
        )}
        {failure.askCode && codeBox(null)}
        <Outcomes token={tokenFromParams(router.params)} />
      </View>
    );
  }

  const { credential, view } = state;
  return (
    <View id='rate-form' className='rate'>
      <View className='rate-card'>
        <Text className='rate-label'>被检查企业</Text>
        <Text id='rate-enterprise' className='rate-value'>{view.enterprise.name}</Text>
        <Text className='rate-label'>检查日期</Text>
        <Text id='rate-date' className='rate-value'>{chineseDate(view.inspectionDate)}</Text>
        {view.joint && <Text id='rate-joint' className='rate-joint'>联合检查：请对每个部门分别评价</Text>}
      </View>

      {view.agencies.filter((a) => !a.rated).map((agency) => {
        const form = forms.find((f) => f.agencyId === agency.agencyId);
        if (!form) return null;
        return (
          <View key={agency.agencyId} className='rate-agency' data-agency-id={agency.agencyId}>
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
                      className={`rate-score${form.scores[dimension] === score ? ' rate-score--on' : ''}`}
                      data-dimension={dimension}
                      data-score={score}
                      onClick={() => update(agency.agencyId, (f) => setScore(f, dimension, score))}
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
              {(['approve', 'disapprove'] as const).map((verdict) => (
                <View
                  key={verdict}
                  className={`rate-verdict rate-verdict--${verdict}${form.verdict === verdict ? ' rate-verdict--on' : ''}`}
                  data-verdict={verdict}
                  onClick={() => update(agency.agencyId, (f) => ({ ...f, verdict }))}
                >
                  {verdict === 'approve' ? '认可' : '不认可'}
                </View>
              ))}
            </View>

            <Text className='rate-question__text'>有没有下面的问题？（没有就不选）</Text>
            <View className='rate-flags'>
              {RATING_PROBLEMS.map((flag) => (
                <View
                  key={flag}
                  className={`rate-flag${form.flags.includes(flag) ? ' rate-flag--on' : ''}`}
                  data-flag={flag}
                  onClick={() => update(agency.agencyId, (f) => toggleFlag(f, flag))}
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
              onInput={(e) => update(agency.agencyId, (f) => ({ ...f, comment: e.detail.value }))}
            />
          </View>
        );
      })}

      {missing.length > 0 && (
        <View id='rate-missing' className='rate-card rate-missing'>
          {missing.map((line) => <Text key={line} className='rate-problem'>{line}</Text>)}
        </View>
      )}
      {submitError && (
        <View id='rate-error' className='rate-card rate-missing'>
          <Text className='rate-problem'>{submitError.message}</Text>
        </View>
      )}
      <Button id='rate-submit' className='rate-button' loading={sending} disabled={sending} onClick={() => void submit(credential, view)}>
        提交评价
      </Button>
      <Text className='rate-footer'>评价不用登录，只能提交一次；不满意的评价会交司法局核实。</Text>
    </View>
  );
}
