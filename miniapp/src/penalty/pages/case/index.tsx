/*
 * One penalty case (行政处罚案件), `?id=<caseId>`. Element ids for browser tests (H5):
 * - Summary: #pc-title (the enterprise), #pc-stage, #pc-id, #pc-cause, #pc-facts, #pc-basis,
 *   #pc-officers; #pc-deadlines with one `.pc-deadline[data-key="statement|hearing|review|coercive"]`
 *   each (`.pc-deadline--overdue`); #pc-discretion once noticed (#pc-level, #pc-proposed, #pc-fine);
 *   the supervision code #pc-code with #pc-code-url and #pc-code-copy.
 * - Forms, each shown only when the case's `actions` has it: #notice-form (see notice-form.tsx),
 *   #decision-form (decision-form.tsx), #pc-actions with `#pc-action-<coerce|change-cause|close|revoke>`
 *   opening #coerce-form or #reason-form (action-forms.tsx).
 * - #pc-measures (`.pc-measure`), #pc-submissions (`.pc-submission[data-kind]`), #pc-reviews
 *   (`.pc-review[data-verdict]`), #pc-trail (`.case-trail__entry[data-seq]`, see components/case-trail.tsx).
 * - #pc-done after an action went through, #pc-error when the case cannot be read.
 */
import { Text, View } from '@tarojs/components';
import type { PenaltyCaseView } from '@mashang/shared';
import { useState } from 'react';
import { RetryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Muted } from '../../../components/muted';
import { Notice } from '../../../components/notice';
import { actsForAgency, stageLabel } from '../../../logic/penalty-case';
import { ActionsCard } from './action-forms';
import { DecisionFormCard } from './decision-form';
import { NoticeFormCard } from './notice-form';
import { MeasuresCard, ReviewsCard, SubmissionsCard, TrailCard } from './records';
import { CodeCard, DeadlinesCard, DiscretionCard, SummaryCard } from './summary-card';
import { usePenaltyCase } from './use-penalty-case';
import './index.css';

export default function PenaltyCasePage() {
  const { user, view, trail, loadError, reload, replace } = usePenaltyCase();
  const [done, setDone] = useState('');

  if (!view) {
    return (
      <View className='pc'>
        {loadError ? (
          <Card>
            <Notice id='pc-error' tone='danger'>{loadError}</Notice>
            <RetryButton onClick={() => void reload()} />
          </Card>
        ) : (
          <Muted>正在读取…</Muted>
        )}
      </View>
    );
  }

  const after = (next: PenaltyCaseView) => {
    replace(next);
    setDone(`已办理：${stageLabel(next.stage)}`);
  };
  const now = Date.now();

  return (
    <View className='pc'>
      {done && (
        <Notice id='pc-done' tone='success' className='pc__done'>
          <Text>{done}</Text>
        </Notice>
      )}
      <SummaryCard view={view} />
      <DeadlinesCard view={view} now={now} />
      <DiscretionCard view={view} />
      <CodeCard view={view} />
      {/* Keyed by stage, so a form starts afresh from the case as it now stands. */}
      {view.actions.includes('notice') && <NoticeFormCard key={`notice-${view.stage}-${view.cause}`} view={view} onDone={after} />}
      {view.actions.includes('decide') && <DecisionFormCard key={`decide-${view.stage}-${view.reviews.length}`} view={view} onDone={after} />}
      <ActionsCard view={view} onDone={after} />
      <MeasuresCard view={view} mayAct={actsForAgency(user, view)} onDone={after} />
      <ReviewsCard view={view} />
      <SubmissionsCard view={view} />
      <TrailCard trail={trail} />
    </View>
  );
}
