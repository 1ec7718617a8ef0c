import { complaintContentProblem, complaintReceivedText, complaintStatusText, inspectionChoice } from './complaint-form';

describe('the complaint form', () => {
  it('asks for a few words at least, and not a book', () => {
    expect(complaintContentProblem('  太差 ')).toBe('请用至少5个字说明发生了什么');
    expect(complaintContentProblem('执法人员态度粗暴')).toBeNull();
    expect(complaintContentProblem('字'.repeat(1001))).toBe('请不要超过1000字');
  });

  it('says where a complaint stands and what the enterprise may expect', () => {
    expect(complaintStatusText({ statusLabel: '待分派', conclusionLabel: null, deadline: '2026-12-12', outcomeSentAt: null })).toBe('待分派 · 答复期限 2026-12-12');
    expect(complaintStatusText({ statusLabel: '已办结', conclusionLabel: '经查不属实', deadline: '2026-12-12', outcomeSentAt: '2026-12-10T02:00:00Z' })).toBe('已办结：经查不属实（已短信告知）');
    expect(complaintReceivedText({ receivedAt: '2026-12-05T01:30:00Z', deadline: '2026-12-12' })).toBe('已收到您的反映（2026-12-05 09:30），执法监督部门将在 2026-12-12 前办理，结果将以短信告知。');
    expect(inspectionChoice({ agencyName: '市市场监督管理局', startedAt: '2026-12-01T02:00:00Z' })).toBe('2026-12-01 市市场监督管理局');
  });
});
