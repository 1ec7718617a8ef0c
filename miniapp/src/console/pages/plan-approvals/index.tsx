/*
 * 计划审批 (MoJ: prior approval by the body's head): in an agency that requires it, a filed plan waits
 * here until its admin approves it (then it merges and may get its code) or returns it with reasons;
 * an emergency goes ahead and is approved afterwards. Agency admins decide their own agency's plans;
 * supervisors and discipline inspectors read every agency's. Ids for browser tests: chips
 * #approval-filter-<pending|approved|returned>, #approval-total, #approval-list (rows: see
 * approval-row.tsx), #approval-empty, #approval-error, #approval-prev, #approval-next.
 */
import { Text, View } from '@tarojs/components';
import { ErrorCode, Role, type Page, type PlanApprovalStatus, type PlanApprovalView } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import { pageCount } from '../../logic/console';
import { APPROVAL_FILTERS, APPROVAL_PAGE_SIZE, approvalRequest } from '../../logic/plan-approvals';
import { decidePlanApproval, listPlanApprovals } from '../../services/plans-desk';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { ApprovalRow, emptyApprovalDraft, type ApprovalDraft } from './approval-row';
import './index.css';

export default function PlanApprovalsPage() {
  const user = useDeskSession();
  const [status, setStatus] = useState<PlanApprovalStatus>('pending');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<PlanApprovalView> | null>(null);
  const [error, setError] = useState('');
  const [drafts, setDrafts] = useState<Record<string, ApprovalDraft>>({});
  const [decided, setDecided] = useState<Record<string, PlanApprovalView>>({});
  const latest = useRef(0);

  useEffect(() => {
    if (!user) return;
    const ticket = ++latest.current;
    setError('');
    listPlanApprovals(status, pageNo).then(
      (result) => ticket === latest.current && setPage(result),
      (e) => ticket === latest.current && setError(errorMessage(e)),
    );
  }, [user, status, pageNo]);

  const draftOf = (plan: PlanApprovalView) =>
    user?.role === Role.AgencyAdmin && user.agencyId === plan.agencyId && plan.approval?.status === 'pending' ? drafts[plan.id] ?? emptyApprovalDraft() : null;
  const setDraft = (id: string, draft: ApprovalDraft) => setDrafts((all) => ({ ...all, [id]: draft }));

  const decide = async (plan: PlanApprovalView) => {
    const draft = draftOf(plan);
    if (!draft || draft.busy) return;
    const outcome = approvalRequest(draft.choice, draft.note);
    if ('error' in outcome) {
      setDraft(plan.id, { ...draft, error: outcome.error });
      return;
    }
    setDraft(plan.id, { ...draft, busy: true, error: '', refusals: [] });
    try {
      const view = await decidePlanApproval(plan.id, outcome.request);
      // The row stays in view with its decision until the list is read again.
      setDecided((all) => ({ ...all, [plan.id]: { ...plan, status: view.status, approval: view.approval } }));
    } catch (e) {
      const refused = e instanceof ApiError && e.code === ErrorCode.RuleRefused ? e.refusals : [];
      setDraft(plan.id, { ...draft, busy: false, refusals: refused, error: refused.length ? '' : errorMessage(e) });
    }
  };

  const pages = page ? pageCount(page.total, APPROVAL_PAGE_SIZE) : 1;
  return (
    <ConsoleShell user={user} tab='plan-approvals'>
      <Panel title='计划审批'>
        <Text className='console__muted'>
          须经负责人审批的执法部门，报备的检查计划批准后才参与合并、生成检查码；退回须写明理由，报备人在检查计划中可见。紧急检查先行实施，事后审批。
        </Text>
        <View className='chips'>
          <Text className='chips__label'>状态</Text>
          {APPROVAL_FILTERS.map((filter) => (
            <Chip key={filter.key} id={`approval-filter-${filter.key}`} on={status === filter.key} onClick={() => { setStatus(filter.key); setPageNo(1); setDecided({}); }}>
              {filter.label}
            </Chip>
          ))}
        </View>
      </Panel>
      {error && (
        <Text id='approval-error' className='console__error'>
          {error}
        </Text>
      )}
      <Panel>
        <Text id='approval-total' className='console__muted'>
          {page ? `共 ${page.total} 项，第 ${pageNo} / ${pages} 页` : '正在查询…'}
        </Text>
        <View id='approval-list'>
          {page?.items.map((item) => {
            const plan = decided[item.id] ?? item;
            return <ApprovalRow key={plan.id} plan={plan} draft={draftOf(plan)} onDraft={(draft) => setDraft(plan.id, draft)} onDecide={() => void decide(plan)} />;
          })}
        </View>
        {page && !page.items.length && (
          <Text id='approval-empty' className='console__muted'>
            没有{APPROVAL_FILTERS.find((f) => f.key === status)?.label}的计划
          </Text>
        )}
        {page && pages > 1 && (
          <View className='chips'>
            <ConsoleButton id='approval-prev' disabled={pageNo <= 1} onClick={() => pageNo > 1 && setPageNo(pageNo - 1)}>
              上一页
            </ConsoleButton>
            <ConsoleButton id='approval-next' disabled={pageNo >= pages} onClick={() => pageNo < pages && setPageNo(pageNo + 1)}>
              下一页
            </ConsoleButton>
          </View>
        )}
      </Panel>
    </ConsoleShell>
  );
}
