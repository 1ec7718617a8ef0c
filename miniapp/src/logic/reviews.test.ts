import type { ReviewRequestView } from '@mashang/shared';
import { mayRequestReview, ownReviewStatuses, reviewReasonProblem, reviewStatusText } from './reviews';

const review = (id: string, inspectionId: string, agencyId: string, status: ReviewRequestView['status']) =>
  ({ id, inspectionId, agencyId, status }) as ReviewRequestView;

describe('review requests in the officer app', () => {
  it('asks for a reason of 4 to 1000 characters', () => {
    expect(reviewReasonProblem(' 不对 ')).toBe('请写明对检查结果的异议和理由（至少4个字）');
    expect(reviewReasonProblem('后厨问题未被记录')).toBeNull();
    expect(reviewReasonProblem('长'.repeat(1001))).toBe('异议理由不能超过1000个字');
  });

  it("keeps the agency's own request per inspection, the pending one first, and says where it stands", () => {
    const statuses = ownReviewStatuses([review('1', 'R1', 'A3', 'pending'), review('2', 'R1', 'A3', 'rejected'), review('3', 'R2', 'A3', 'accepted'), review('4', 'R3', 'A1', 'pending')], 'A3');
    expect([...statuses]).toEqual([['R1', 'pending'], ['R2', 'accepted']]);
    expect(reviewStatusText('pending')).toBe('异议复查：待司法局决定');
    expect(mayRequestReview('pending')).toBe(false);
    expect(mayRequestReview('rejected')).toBe(true);
    expect(mayRequestReview(undefined)).toBe(true);
  });
});
