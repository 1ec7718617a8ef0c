import { Role, type CampaignView, type SessionUser } from '@mashang/shared';
import {
  campaignActions, campaignDecision, campaignRequest, campaignServerErrors, deadlineText, draftOfCampaign, emptyCampaignDraft, historyLine, progressText, validateCampaign,
} from './campaigns';

const VIEW: CampaignView = {
  id: 'C1', name: '燃气安全专项检查', summary: '', status: 'draft', ownerAgencyId: 'A1', ownerAgencyName: '市市场监督管理局',
  industries: ['餐饮服务'], regionPrefixes: ['4102'], itemIds: ['I1'], itemNames: ['食品经营许可检查'], agencyIds: ['A1', 'A2'], agencyNames: ['市市场监督管理局', '市消防救援支队'],
  periodFrom: '2026-12-15', periodTo: '2027-01-31', decisionNote: null, submittedAt: null, approvedAt: null, publishDue: null, overdue: false, publishedAt: null,
};
const admin1: SessionUser = { id: 5, username: 'admin1', role: Role.AgencyAdmin, displayName: '管理员', agencyId: 'A1', officerId: null };
const admin2: SessionUser = { ...admin1, agencyId: 'A2' };
const supervisor: SessionUser = { id: 7, username: 'supervisor', role: Role.Supervisor, displayName: '司法局', agencyId: null, officerId: null };

describe('campaigns at the desk (专项检查)', () => {
  it('checks the form before sending, and sends the scope as lists', () => {
    const draft = { ...emptyCampaignDraft('A1'), name: ' 燃气安全 ', industriesText: '餐饮服务、食品销售', regionsText: '4102，x1', periodFrom: '2026-12-15', periodTo: '2026-12-01' };
    expect(validateCampaign(draft)).toEqual({
      regionPrefixes: '区域请填写2至6位行政区划代码，如 4102 或 410204', itemIds: '请至少选择一个检查事项', periodTo: '结束日期不能早于开始日期',
    });
    const fixed = { ...draft, regionsText: '4102', itemIds: ['I1'], periodTo: '2027-01-31' };
    expect(validateCampaign(fixed)).toEqual({});
    expect(campaignRequest(fixed)).toEqual({ name: '燃气安全', industries: ['餐饮服务', '食品销售'], regionPrefixes: ['4102'], itemIds: ['I1'], agencyIds: ['A1'], periodFrom: '2026-12-15', periodTo: '2027-01-31' });
    expect(campaignRequest(draftOfCampaign(VIEW)).regionPrefixes).toEqual(['4102']);
  });

  it('puts the server\'s field errors next to the fields, never its English', () => {
    expect(campaignServerErrors([{ field: 'periodTo', reason: '实施期不能超过一年' }, { field: 'industries[0]', reason: 'each must be an industry without commas' }])).toEqual({
      periodTo: '实施期不能超过一年', industries: '填写不正确，请核对',
    });
  });

  it('offers each user what they may do where the campaign stands', () => {
    expect(campaignActions(VIEW, admin1)).toEqual({ edit: true, submit: true, decide: false, publish: false });
    expect(campaignActions(VIEW, admin2)).toEqual({ edit: false, submit: false, decide: false, publish: false });
    expect(campaignActions({ ...VIEW, status: 'submitted' }, supervisor)).toEqual({ edit: false, submit: false, decide: true, publish: false });
    expect(campaignActions({ ...VIEW, status: 'approved' }, admin1).publish).toBe(true);
    expect(campaignActions({ ...VIEW, status: 'approved' }, supervisor).publish).toBe(true);
    expect(campaignActions({ ...VIEW, ownerAgencyId: null }, supervisor).edit).toBe(true);
  });

  it('says the publication deadline, and when it has passed', () => {
    expect(deadlineText({ status: 'approved', publishDue: '2027-01-07', overdue: false })).toBe('须于2027年1月7日前公布');
    expect(deadlineText({ status: 'approved', publishDue: '2027-01-07', overdue: true })).toBe('逾期未公布（应于2027年1月7日前公布）');
    expect(deadlineText({ status: 'published', publishDue: '2027-01-07', overdue: false })).toBe('');
  });

  it('words progress, trail lines and the decision', () => {
    expect(progressText({ campaignId: 'C1', filed: 3, finished: 1 })).toBe('已报备 3 项，已完成 1 项');
    expect(historyLine({ kind: 'campaign-returned', actor: 'user:7:supervisor', at: '2026-12-07T10:00:00.000+08:00', note: '请补充依据' })).toBe('审批退回 · supervisor · 2026-12-07 10:00：请补充依据');
    expect(campaignDecision('return', ' ')).toEqual({ error: '退回须写明理由（至少2个字）' });
    expect(campaignDecision('approve', '')).toEqual({ request: { approve: true } });
    expect(campaignDecision('', '')).toEqual({ error: '请选择批准或退回' });
  });
});
