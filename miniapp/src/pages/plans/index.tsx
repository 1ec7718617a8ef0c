/*
 * My agency's inspection plans: code, enterprise, date, trigger, joint-inspection partners, the
 * inspection code (QR + link) and each plan's history. Element ids for browser tests:
 * #new-plan (to the filing page), #plan-filed (the plan just filed), #plan-list, one
 * `.plan[data-plan-id="…"]` per plan holding `.plan-code` (plan code), `.plan-joint` (联合检查
 * badge and member agencies, the lead marked 牵头), `.plan-code-button` (生成检查码),
 * `.plan-code-error`, `.plan-move` (改期), `.plan-cancel` (取消计划), the change form `.plan-change`
 * (see plan-change.tsx; a scenario's refused code opens it for the reason of going alone),
 * `.plan-history-toggle` (计划记录) and, when open, `.plan-history` with one `.plan-event` per entry;
 * #plan-changed (what the last move or cancel did), #plan-more, #plan-empty, #plan-list-error. The code dialog: #code-modal,
 * #code-qr (a Taro <Image>: on H5 the <img> is inside, so select '#code-qr img'), #code-url (the
 * link the QR holds), #code-expires, #code-copy, #code-close.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { IssuedCode, Page, PlanView } from '@mashang/shared';
import { useRef, useState } from 'react';
import { LoadMoreButton } from '../../components/buttons';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../logic/api-error';
import { hasMorePages } from '../../logic/enterprise-search';
import { agencyNamesOf, canFilePlans, filedSummary, mergePlanPage, planEventLine } from '../../logic/plans';
import { LOGIN_PAGE, PLAN_NEW_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { listPlans, planHistory, takeFiledPlan } from '../../services/plans';
import { CodeModal } from './code-modal';
import { PlanCard, type HistoryState } from './plan-card';
import { AccompanyCard } from './accompany-card';
import { usePlanActions } from './use-plan-actions';
import './index.css';

export default function PlansPage() {
  const [mayFile, setMayFile] = useState(false);
  const [plans, setPlans] = useState<PlanView[]>([]);
  const [lastPage, setLastPage] = useState<Page<PlanView> | null>(null);
  const [loading, setLoading] = useState(false);
  const [listError, setListError] = useState('');
  const [filed, setFiled] = useState<PlanView | null>(null);
  const [histories, setHistories] = useState<Record<string, HistoryState>>({});
  const [shown, setShown] = useState<{ plan: PlanView; code: IssuedCode } | null>(null);
  const [changed, setChanged] = useState('');
  const latestLoad = useRef(0);

  const load = async (page: number) => {
    const ticket = ++latestLoad.current;
    setLoading(true);
    setListError('');
    try {
      const result = await listPlans(page);
      if (ticket !== latestLoad.current) return;
      setPlans((current) => mergePlanPage(current, result));
      setLastPage(result);
    } catch (error) {
      if (ticket === latestLoad.current) setListError(errorMessage(error));
    } finally {
      if (ticket === latestLoad.current) setLoading(false);
    }
  };

  useLoad(() => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    setMayFile(canFilePlans(session.user.role));
  });

  // Also on coming back from the filing page: the new plan may have regrouped others.
  useDidShow(() => {
    if (!currentSession()) return;
    const justFiled = takeFiledPlan();
    if (justFiled) setFiled(justFiled);
    setChanged('');
    setHistories({});
    void load(1);
  });

  const toggleHistory = async (plan: PlanView) => {
    const current = histories[plan.id];
    if (current?.open) {
      setHistories((all) => ({ ...all, [plan.id]: { ...current, open: false } }));
      return;
    }
    if (current?.lines) {
      setHistories((all) => ({ ...all, [plan.id]: { ...current, open: true } }));
      return;
    }
    setHistories((all) => ({ ...all, [plan.id]: { open: true, loading: true, lines: null, error: '' } }));
    try {
      const events = await planHistory(plan.id);
      const names = agencyNamesOf(plan);
      const lines = events.map((event) => planEventLine(event, plan.agencyId, names));
      setHistories((all) => ({ ...all, [plan.id]: { open: true, loading: false, lines, error: '' } }));
    } catch (error) {
      setHistories((all) => ({
        ...all,
        [plan.id]: { open: true, loading: false, lines: null, error: errorMessage(error) },
      }));
    }
  };

  const actions = usePlanActions({
    onCode: (plan, code) => {
      setShown({ plan, code });
      // Issuing closes the inspection (and adds a 生成检查码 entry): read the history afresh.
      setHistories((all) => ({ ...all, [plan.id]: { open: false, loading: false, lines: null, error: '' } }));
    },
    onChanged: (summary) => {
      setChanged(summary);
      setFiled(null);
      setHistories({});
      // A move or a cancel regroups the enterprise's plans: every card may have changed.
      void load(1);
    },
  });

  return (
    <View className='plans'>
      <PageHeader title='我的检查计划' subtitle={lastPage ? `共 ${lastPage.total} 项，按检查日期从近到远` : '本部门的在办计划'}>
        {mayFile && (
          <Button id='new-plan' className='page-header__action plans__new' size='mini' onClick={() => void Taro.navigateTo({ url: PLAN_NEW_PAGE })}>
            报备新计划
          </Button>
        )}
      </PageHeader>

      {filed && (
        <Notice id='plan-filed' tone='success'>
          {filedSummary(filed)}
        </Notice>
      )}

      {changed && (
        <Notice id='plan-changed' tone='success'>
          {changed}
        </Notice>
      )}

      {listError && (
        <Notice id='plan-list-error' tone='danger'>
          {listError}
        </Notice>
      )}

      <AccompanyCard />

      <View id='plan-list' className='plans__list'>
        {plans.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            justFiled={filed?.id === plan.id}
            mayChange={mayFile}
            issuing={actions.issuing === plan.id}
            codeError={actions.codeErrors[plan.id]}
            history={histories[plan.id]}
            change={actions.change?.planId === plan.id ? actions.change : null}
            onIssue={() => void actions.issue(plan)}
            onToggleHistory={() => void toggleHistory(plan)}
            onMove={() => actions.open(plan, 'move')}
            onCancel={() => actions.open(plan, 'cancel')}
            onEditChange={actions.edit}
            onSubmitChange={() => void actions.submit(plan)}
            onCloseChange={actions.close}
          />
        ))}
      </View>

      {lastPage && !lastPage.total && !loading && (
        <View id='plan-empty' className='plans__empty'>
          <Text>暂无在办的检查计划</Text>
          {mayFile && <Muted>点右上角“报备新计划”开始报备</Muted>}
        </View>
      )}

      {loading && <Text className='plans__summary'>正在读取…</Text>}

      {lastPage && hasMorePages(lastPage) && !loading && <LoadMoreButton id='plan-more' onClick={() => void load(lastPage.page + 1)} />}

      {shown && <CodeModal plan={shown.plan} code={shown.code} onClose={() => setShown(null)} />}
    </View>
  );
}
