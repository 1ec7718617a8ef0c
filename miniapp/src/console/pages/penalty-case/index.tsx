/*
 * One penalty case for desks, read-only, `?id=<caseId>`: the facts, the discretion and the proposal,
 * the legal reviews (and, for a reviewer while one waits, the verdict form: see review-form.tsx), the
 * party's submissions, coercive measures and the case's trail. Ids for browser tests: #pen-title,
 * #pen-stage, #pen-facts, #pen-discretion, #pen-reviews (`.pen-review[data-verdict]`),
 * #pen-submissions (`.pen-submission[data-kind]`), #pen-measures, #pen-trail (`.pen-trail-entry`),
 * #review-done after a verdict, #pen-handle (an agency's own case, for those who may act on it),
 * #pen-error.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  COERCIVE_MEASURE_KIND_LABELS, DISCRETION_LEVEL_LABELS, PENALTY_CASE_ORIGIN_LABELS, trailDetailLine, trailKindLabel,
  type LegalReviewView, type PenaltyCaseView, type TrailEntryView,
} from '@mashang/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { rangeText, yuanText } from '../../../logic/money';
import { pageParam } from '../../../logic/page-param';
import {
  caseDeadlines, instantText, measuresText, pendingReview, pointsText, reviewReasonsText, reviewVerdictText, stageLabel, submissionKindLabel, submissionStatusText,
} from '../../../logic/penalty-case';
import { PENALTY_CASE_PAGE } from '../../../routes';
import { penaltyCase, penaltyCaseTrail } from '../../../services/penalty-cases';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { actorText } from '../../logic/console';
import { mayReview } from '../../logic/penalty';
import { ReviewForm } from './review-form';
import '../../penalty.css';

function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <View className='kv'>
      {rows.map(([key, value]) => [
        <Text key={`${key}-k`} className='kv__key'>{key}</Text>,
        <Text key={`${key}-v`} className='kv__value'>{value ?? '—'}</Text>,
      ])}
    </View>
  );
}

function Reviews({ view }: { view: PenaltyCaseView }) {
  return (
    <Panel id='pen-reviews' title='法制审核'>
      {view.reviews.length ? (
        view.reviews.map((r: LegalReviewView) => (
          <View key={r.id} className='console-row pen-review' data-verdict={r.verdict ?? 'pending'}>
            <Text className='case-event__kind'>{reviewVerdictText(r)}{r.reviewer ? ` · ${r.reviewer}` : ''}</Text>
            <Text>罚款 {yuanText(r.fine)}{r.measures.length ? `，${measuresText(r.measures)}` : ''} · 重大原因：{reviewReasonsText(r.reasons)}</Text>
            {r.opinion && <Text className='pen-case__text'>审核意见：{r.opinion}</Text>}
            <Text className='console__muted'>{instantText(r.requestedAt)} 提请{r.decidedAt ? ` · ${instantText(r.decidedAt)} 审核` : ` · 期限 ${instantText(r.dueAt)}`}</Text>
          </View>
        ))
      ) : (
        <Text className='console__muted'>未提请法制审核</Text>
      )}
    </Panel>
  );
}

function Submissions({ view }: { view: PenaltyCaseView }) {
  return (
    <Panel id='pen-submissions' title='当事人意见'>
      {view.submissions.length ? (
        view.submissions.map((s) => (
          <View key={s.id} className='console-row pen-submission' data-kind={s.kind}>
            <Text className='case-event__kind'>{submissionKindLabel(s)} · {instantText(s.at)}</Text>
            {s.text && <Text className='pen-case__text'>{s.text}</Text>}
            {submissionStatusText(s) && <Text className='console__muted'>{submissionStatusText(s)}</Text>}
          </View>
        ))
      ) : (
        <Text className='console__muted'>无</Text>
      )}
    </Panel>
  );
}

function Trail({ entries, error }: { entries: TrailEntryView[] | null; error: string }) {
  return (
    <Panel id='pen-trail' title='全过程留痕'>
      {error && <Text className='console__error'>{error}</Text>}
      {!entries && !error && <Text className='console__muted'>正在加载…</Text>}
      {entries?.map((t) => (
        <View key={t.seq} className='console-row pen-trail-entry' data-seq={String(t.seq)}>
          <Text>{t.seq}. {trailKindLabel(t.kind)} · {actorText(t.actor, t.actorName ?? null)} · {instantText(t.at)}</Text>
          {trailDetailLine(t) && <Text className='console__muted'>{trailDetailLine(t)}</Text>}
        </View>
      ))}
    </Panel>
  );
}

export default function PenaltyCasePage() {
  const user = useDeskSession();
  const id = pageParam(useRouter().params.id);
  const [view, setView] = useState<PenaltyCaseView | null>(null);
  const [trail, setTrail] = useState<{ entries: TrailEntryView[] | null; error: string }>({ entries: null, error: '' });
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const load = () => {
    penaltyCase(id).then(setView, (e) => setError(errorMessage(e)));
    penaltyCaseTrail(id).then((t) => setTrail({ entries: t.entries, error: '' }), (e) => setTrail({ entries: null, error: errorMessage(e) }));
  };
  useEffect(() => {
    if (user && id) load();
    if (user && !id) setError('缺少案件编号');
  }, [user, id]);

  if (!view) {
    return (
      <ConsoleShell user={user} tab='penalty-case'>
        {error ? <Text id='pen-error' className='console__error'>{error}</Text> : <Text className='console__muted'>正在加载…</Text>}
      </ConsoleShell>
    );
  }

  const waiting = pendingReview(view);
  const ticked = view.factors.filter((f) => f.ticked);
  const deadlines = caseDeadlines(view, Date.now());
  const reviewed = (decided: LegalReviewView) => {
    setDone(decided.verdict === 'approved' ? '已审核通过：处罚决定已作出' : '已退回修改：案件回到告知阶段，由执法部门重新作出决定');
    load();
  };

  return (
    <ConsoleShell user={user} tab='penalty-case'>
      <View className='panel'>
        <View className='pen-case__head'>
          <Text id='pen-stage' className={`badge badge--stage-${view.stage}`}>{stageLabel(view.stage)}</Text>
          <Text id='pen-title' className='pen-case__title'>{view.enterpriseName} · {view.causeName}</Text>
        </View>
        <KeyValues
          rows={[
            ['案号', view.id],
            ['执法部门', view.agencyName],
            ['企业', `${view.enterpriseName} · ${view.creditCode}`],
            ['来源', `${PENALTY_CASE_ORIGIN_LABELS[view.origin]}${view.inspectionId ? `（检查 ${view.inspectionId}）` : ''}`],
            ['执法人员', view.officers.map((o) => o.name).join('、')],
            ['立案时间', instantText(view.filedAt)],
            ...deadlines.map((d): [string, ReactNode] => [d.label, d.text]),
          ]}
        />
        {view.actions.length > 0 && (
          <View className='pen-case__buttons'>
            <ConsoleButton id='pen-handle' onClick={() => void Taro.navigateTo({ url: `${PENALTY_CASE_PAGE}?id=${encodeURIComponent(view.id)}` })}>
              办理本案
            </ConsoleButton>
          </View>
        )}
      </View>
      {done && <Text id='review-done' className='console__ok'>{done}</Text>}

      <View className='pen-case__grid'>
        <View>
          {waiting && mayReview(user, view) && (
            <Panel title='法制审核意见'>
              <ReviewForm key={waiting.id} review={waiting} onDone={reviewed} />
            </Panel>
          )}
          <Panel id='pen-facts' title='违法事实与依据'>
            <Text className='pen-case__text'>{view.facts}</Text>
            <Text className='pen-case__line console__muted'>依据：{view.legalBasis}（条款 {view.cause}）</Text>
            {view.causeChanges.map((c) => (
              <Text key={c.at} className='pen-case__line console__muted'>案由变更：{c.from} → {c.to}（{instantText(c.at)}）</Text>
            ))}
          </Panel>
          <Panel id='pen-discretion' title='裁量与处罚'>
            {view.notifiedAt ? (
              <>
                <Text className='pen-case__line'>裁量情节：{ticked.length ? ticked.map((f) => `${f.label}（${pointsText(f.points)}）`).join('、') : '无'}</Text>
                {view.level && view.range && <Text className='pen-case__line'>共{view.points ?? 0}分 · {DISCRETION_LEVEL_LABELS[view.level]}档 · 幅度 {rangeText(view.range)}</Text>}
                {view.proposedFine !== null && <Text className='pen-case__line'>拟罚款：{yuanText(view.proposedFine)}</Text>}
                {view.outsideRangeReason && <Text className='pen-case__line console__muted'>超出幅度的理由：{view.outsideRangeReason}</Text>}
                {view.fine !== null && (
                  <Text className='pen-case__line case-event__kind'>
                    {view.stage === 'review' ? '待审核的决定' : '决定'}：罚款 {yuanText(view.fine)}{view.measures.length ? `，${measuresText(view.measures)}` : ''}
                  </Text>
                )}
              </>
            ) : (
              <Text className='pen-case__line console__muted'>尚未告知</Text>
            )}
          </Panel>
          <Reviews view={view} />
          <Submissions view={view} />
        </View>
        <View>
          {view.coerciveMeasures.length > 0 && (
            <Panel id='pen-measures' title='强制措施'>
              {view.coerciveMeasures.map((m) => (
                <View key={m.id} className='console-row'>
                  <Text>{COERCIVE_MEASURE_KIND_LABELS[m.kind]}：{m.items}（{m.documentNo}）</Text>
                  <Text className='console__muted'>
                    {instantText(m.startedAt)} 起，至 {instantText(m.dueAt)}{m.extended ? ' · 已延长' : ''}{m.releasedAt ? ` · ${instantText(m.releasedAt)} 解除` : ''}
                  </Text>
                </View>
              ))}
            </Panel>
          )}
          <Trail entries={trail.entries} error={trail.error} />
        </View>
      </View>
    </ConsoleShell>
  );
}
