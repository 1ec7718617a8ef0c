/*
 * The supervision code of a penalty notice (监督码), for the party (no login). The notice's QR and the
 * SMS link /p/<token> open /h5/#/enterprise/pages/penalty/index?t=<token> (mini-program: `t`, or the
 * scanned URL as `q`). It shows the case as noticed — facts, legal basis, the discretion factors ticked
 * with their points, the level, the range and the proposed fine — the deadlines in Shanghai time, and
 * the three actions each only while it is open; a closed or revoked case is read-only. Large type and
 * plain words for an older shop owner on a small phone; only View/Text/Button/Textarea.
 * Element ids for browser tests: #penalty-status (penalty--loading, penalty--bad, penalty--ok),
 * #penalty-message, #penalty-retry; #penalty-case-no, #penalty-agency, #penalty-enterprise,
 * #penalty-cause, #penalty-facts, #penalty-basis, one `.penalty-factor` per factor ticked
 * (`.penalty-factor__points`), #penalty-points, #penalty-level, #penalty-range, #penalty-fine,
 * #penalty-decided-fine, #penalty-statement-until, #penalty-hearing-until; `.penalty-action[data-kind]`
 * per open action; #penalty-compose (#penalty-text Textarea, #penalty-next, #penalty-cancel),
 * #penalty-confirm (#penalty-confirm-text, #penalty-send, #penalty-back), #penalty-problem;
 * #penalty-done after a submission; #penalty-readonly; #penalty-submissions (`.penalty-submission`).
 */
import { Button, Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { PartySubmissionKind, SupervisionCodeView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { StatusBanner } from '../../../components/status-banner';
import {
  checkDraft,
  deadlineText,
  doneMessage,
  levelText,
  openActions,
  penaltyFailure,
  penaltyTokenFromParams,
  pointsText,
  rangeText,
  readOnlyLine,
  stageText,
  submissionLines,
  yuan,
  type PenaltyFailure,
} from '../../../logic/penalty-code';
import { getSupervisionCode, submitToCase } from '../../../services/penalty-code';
import { SubmissionBox, type Draft } from './submission-box';
import './index.css';

type State = { kind: 'loading' } | { kind: 'bad'; failure: PenaltyFailure } | { kind: 'ok'; view: SupervisionCodeView };

const NO_CODE: PenaltyFailure = { title: '监督码无效', message: '链接里没有监督码，或监督码不完整。请用手机扫描行政处罚告知书上的二维码，或按短信里的链接原样打开。', retry: false };

function Line({ label, id, children }: { label: string; id: string; children: string }) {
  return (
    <View className='penalty-line'>
      <Text className='penalty-label'>{label}</Text>
      <Text id={id} className='penalty-value'>{children}</Text>
    </View>
  );
}

export default function PenaltyCodePage() {
  const router = useRouter();
  const token = penaltyTokenFromParams(router.params);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<PartySubmissionKind | null>(null);

  const load = async (quiet = false) => {
    if (!token) return setState({ kind: 'bad', failure: NO_CODE });
    if (!quiet) setState({ kind: 'loading' });
    try {
      setState({ kind: 'ok', view: await getSupervisionCode(token) });
    } catch (error) {
      setState({ kind: 'bad', failure: penaltyFailure(error) });
    }
  };
  useLoad(() => void load());

  const open = (kind: PartySubmissionKind) => {
    setDone(null);
    setProblem(null);
    setDraft({ kind, text: '', step: 'write' });
  };
  const next = () => {
    if (!draft) return;
    const checked = checkDraft(draft.kind, draft.text);
    if ('problem' in checked) return setProblem(checked.problem);
    setProblem(null);
    setDraft({ ...draft, text: checked.text, step: 'confirm' });
  };
  const send = async () => {
    if (!draft || !token) return;
    setSending(true);
    setProblem(null);
    try {
      await submitToCase(token, { kind: draft.kind, text: draft.text });
      setDone(draft.kind);
      setDraft(null);
      await load(true);
    } catch (error) {
      const failure = penaltyFailure(error);
      setProblem(failure.message);
      // A refusal (the period ended meanwhile, already sent) is shown under the page brought up to date;
      // on a network or server failure the text stays in its box for another try.
      if (!failure.retry) {
        setDraft(null);
        await load(true);
      }
    } finally {
      setSending(false);
    }
  };

  if (state.kind === 'loading') {
    return (
      <View className='penalty'>
        <StatusBanner id='penalty-status' className='penalty--loading' tone='neutral' title='正在打开…' subtitle='请稍候' />
      </View>
    );
  }
  if (state.kind === 'bad') {
    return (
      <View className='penalty'>
        <StatusBanner id='penalty-status' className='penalty--bad' tone='danger' icon='✕' title={state.failure.title} />
        <Card>
          <Text id='penalty-message' className='penalty-message'>{state.failure.message}</Text>
        </Card>
        {state.failure.retry && <PrimaryButton id='penalty-retry' className='penalty-button' onClick={() => void load()}>再试一次</PrimaryButton>}
      </View>
    );
  }

  const { view } = state;
  const now = Date.now();
  const actions = openActions(view);
  const readOnly = readOnlyLine(view);
  const sent = submissionLines(view);
  return (
    <View className='penalty'>
      <StatusBanner id='penalty-status' className='penalty--ok' tone={readOnly ? 'neutral' : 'primary'} title='行政处罚告知' subtitle={stageText(view)} />

      <Card>
        <Line label='案件编号' id='penalty-case-no'>{view.caseId}</Line>
        <Line label='办案机关' id='penalty-agency'>{view.agencyName}</Line>
        <Line label='当事人' id='penalty-enterprise'>{view.enterpriseName}</Line>
        <Line label='违法行为' id='penalty-cause'>{view.causeName}</Line>
      </Card>

      <Card title='违法事实'>
        <Text id='penalty-facts' className='penalty-paragraph'>{view.facts}</Text>
      </Card>
      <Card title='处罚依据'>
        <Text id='penalty-basis' className='penalty-paragraph'>{view.legalBasis}</Text>
      </Card>

      <Card title='裁量情况'>
        {view.factors.length ? (
          view.factors.map((factor) => (
            <View key={factor.label} className='penalty-factor'>
              <Text className='penalty-factor__label'>☑ {factor.label}</Text>
              <Text className={`penalty-factor__points ${factor.points < 0 ? 'penalty-factor__points--lighter' : ''}`}>{pointsText(factor.points)}</Text>
            </View>
          ))
        ) : (
          <Text className='penalty-hint'>未勾选裁量因素</Text>
        )}
        <Line label='裁量积分合计' id='penalty-points'>{view.points === null ? '尚未确定' : pointsText(view.points)}</Line>
        <Line label='裁量等级' id='penalty-level'>{levelText(view.level)}</Line>
        <Line label='该等级罚款幅度' id='penalty-range'>{rangeText(view.range)}</Line>
        <Line label='拟罚款' id='penalty-fine'>{view.proposedFine === null ? '尚未确定' : yuan(view.proposedFine)}</Line>
        {view.decidedFine !== null && <Line label='决定罚款' id='penalty-decided-fine'>{yuan(view.decidedFine)}</Line>}
      </Card>

      <Card title='您的权利和期限'>
        <Line label='陈述、申辩' id='penalty-statement-until'>{view.statementUntil ? deadlineText(view.statementUntil, now) : '—'}</Line>
        <Line label='申请听证' id='penalty-hearing-until'>{view.hearingUntil ? deadlineText(view.hearingUntil, now) : '本案拟作出的处罚不在听证范围内'}</Line>
      </Card>

      {/* Where the party tapped: the answer is in view without scrolling. */}
      {done && (
        <Card id='penalty-done' className='penalty-done'>
          <Text className='penalty-done__title'>✓ 提交成功</Text>
          <Text className='penalty-done__text'>{doneMessage(done)}</Text>
        </Card>
      )}
      {readOnly ? (
        <Card id='penalty-readonly' className='penalty-readonly'>
          <Text className='penalty-message'>{readOnly}</Text>
        </Card>
      ) : (
        actions.map((action) =>
          draft?.kind === action.kind ? (
            <SubmissionBox
              key={action.kind}
              action={action}
              draft={draft}
              problem={problem}
              sending={sending}
              onText={(text) => setDraft({ ...draft, text })}
              onNext={next}
              onBack={() => setDraft({ ...draft, step: 'write' })}
              onCancel={() => setDraft(null)}
              onSend={() => void send()}
            />
          ) : (
            <View key={action.kind} className='penalty-action-row'>
              <Button className='penalty-action' data-kind={action.kind} disabled={sending} onClick={() => open(action.kind)}>{action.label}</Button>
              <Text className='penalty-hint'>{action.hint}</Text>
            </View>
          ),
        )
      )}
      {problem && !draft && <Text id='penalty-problem' className='penalty-problem'>{problem}</Text>}

      {sent.length > 0 && (
        <Card id='penalty-submissions' title='您已提交'>
          {sent.map((line, index) => <Text key={index} className='penalty-submission'>{line}</Text>)}
        </Card>
      )}
      <Text className='penalty-footer'>本页由司法局行政执法监督部门监督。对裁量有异议的，直接交监督部门核查；如有疑问，可拨打 12345。</Text>
    </View>
  );
}
