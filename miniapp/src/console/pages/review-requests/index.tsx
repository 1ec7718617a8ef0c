/*
 * 异议复查: an agency disputes a same-industry result instead of inspecting the same facts again; the
 * supervisor (司法局) decides. Supervisors and discipline inspectors see every request, an agency admin
 * those its agency made or that dispute its results; only supervisors decide. Ids for browser tests:
 * chips #review-filter-<pending|accepted|rejected|all>, #review-total, #review-list (rows: see
 * review-row.tsx), #review-empty, #review-error, #review-prev, #review-next.
 */
import { Text, View } from '@tarojs/components';
import { Role, type Page, type ReviewRequestView, type ReviewStatus } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { pageCount } from '../../logic/console';
import { decisionRequest, REVIEW_FILTERS, REVIEW_PAGE_SIZE } from '../../logic/reviews';
import { decideReview, listReviews } from '../../services/plans-desk';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { emptyDecision, ReviewRow, type DecisionDraft } from './review-row';
import './index.css';

export default function ReviewsPage() {
  const user = useDeskSession();
  const [status, setStatus] = useState<ReviewStatus | 'all'>('pending');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<ReviewRequestView> | null>(null);
  const [error, setError] = useState('');
  const [decisions, setDecisions] = useState<Record<string, DecisionDraft>>({});
  const latest = useRef(0);

  const load = () => {
    const ticket = ++latest.current;
    setError('');
    return listReviews(status, pageNo).then(
      (result) => ticket === latest.current && setPage(result),
      (e) => ticket === latest.current && setError(errorMessage(e)),
    );
  };
  useEffect(() => {
    if (user) void load();
  }, [user, status, pageNo]);

  const decisionOf = (review: ReviewRequestView) => (user?.role === Role.Supervisor && review.status === 'pending' ? decisions[review.id] ?? emptyDecision() : null);
  const setDecision = (id: string, draft: DecisionDraft) => setDecisions((all) => ({ ...all, [id]: draft }));

  const decide = async (review: ReviewRequestView) => {
    const draft = decisionOf(review);
    if (!draft || draft.busy) return;
    const outcome = decisionRequest(draft.choice, draft.note);
    if ('error' in outcome) {
      setDecision(review.id, { ...draft, error: outcome.error });
      return;
    }
    setDecision(review.id, { ...draft, busy: true, error: '' });
    try {
      const decided = await decideReview(review.id, outcome.request);
      setPage((current) => current && { ...current, items: current.items.map((r) => (r.id === decided.id ? decided : r)) });
    } catch (e) {
      setDecision(review.id, { ...draft, busy: false, error: errorMessage(e) });
    }
  };

  const pages = page ? pageCount(page.total, REVIEW_PAGE_SIZE) : 1;
  return (
    <ConsoleShell user={user} tab='review-requests'>
      <Panel title='异议复查申请'>
        <Text className='console__muted'>同行业部门对近六个月检查结果有异议的，不得就同一事实重复检查，而是申请异议复查，由司法局决定是否重新复查；申请期间申请部门不得入企检查（紧急检查除外）。</Text>
        <View className='chips'>
          <Text className='chips__label'>状态</Text>
          {REVIEW_FILTERS.map((filter) => (
            <Chip key={filter.key} id={`review-filter-${filter.key}`} on={status === filter.key} onClick={() => { setStatus(filter.key); setPageNo(1); }}>
              {filter.label}
            </Chip>
          ))}
        </View>
      </Panel>
      {error && (
        <Text id='review-error' className='console__error'>
          {error}
        </Text>
      )}
      <Panel>
        <Text id='review-total' className='console__muted'>
          {page ? `共 ${page.total} 件，第 ${pageNo} / ${pages} 页` : '正在查询…'}
        </Text>
        <View id='review-list'>
          {page?.items.map((review) => (
            <ReviewRow key={review.id} review={review} decision={decisionOf(review)} onDecision={(draft) => setDecision(review.id, draft)} onDecide={() => void decide(review)} />
          ))}
        </View>
        {page && !page.items.length && (
          <Text id='review-empty' className='console__muted'>
            没有符合条件的申请
          </Text>
        )}
        {page && pages > 1 && (
          <View className='chips'>
            <ConsoleButton id='review-prev' disabled={pageNo <= 1} onClick={() => pageNo > 1 && setPageNo(pageNo - 1)}>
              上一页
            </ConsoleButton>
            <ConsoleButton id='review-next' disabled={pageNo >= pages} onClick={() => pageNo < pages && setPageNo(pageNo + 1)}>
              下一页
            </ConsoleButton>
          </View>
        )}
      </Panel>
    </ConsoleShell>
  );
}
