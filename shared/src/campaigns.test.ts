import { campaignLinkRefusals, campaignPeriodProblem, campaignStatus, publicationDue, publicationOverdue, type CampaignScope } from './campaigns.js';

const CAMPAIGN: CampaignScope = {
  name: '燃气安全专项检查', status: 'published', industries: ['餐饮服务'], regionPrefixes: ['410204'],
  periodFrom: '2026-12-01', periodTo: '2026-12-31', agencyIds: ['A1', 'A2'],
};
const FITS = { agencyId: 'A1', date: '2026-12-10', enterprise: { industry: '餐饮服务', region: '410204' } };

describe('special campaigns (专项检查)', () => {
  it('publication is due one calendar month after approval, at the month end when the day is missing', () => {
    expect(publicationDue('2026-12-07')).toBe('2027-01-07');
    expect(publicationDue('2027-01-31')).toBe('2027-02-28');
    expect(publicationDue('2028-01-30')).toBe('2028-02-29');
    expect(publicationDue('2026-03-31')).toBe('2026-04-30');
  });

  it('an approved campaign is overdue the day after its deadline, never once published', () => {
    expect(publicationOverdue({ status: 'approved', publishDue: '2027-01-07' }, '2027-01-07')).toBe(false);
    expect(publicationOverdue({ status: 'approved', publishDue: '2027-01-07' }, '2027-01-08')).toBe(true);
    expect(publicationOverdue({ status: 'published', publishDue: '2027-01-07' }, '2027-02-08')).toBe(false);
    expect(publicationOverdue({ status: 'submitted', publishDue: null }, '2027-02-08')).toBe(false);
  });

  it('a published campaign reads as closed from the day after its period', () => {
    expect(campaignStatus('published', '2026-12-31', '2026-12-31')).toBe('published');
    expect(campaignStatus('published', '2026-12-31', '2027-01-01')).toBe('closed');
    expect(campaignStatus('approved', '2026-12-31', '2027-01-01')).toBe('approved');
  });

  it('a plan in scope links; each way out of scope is named with its remedy', () => {
    expect(campaignLinkRefusals(CAMPAIGN, FITS)).toEqual([]);
    expect(campaignLinkRefusals(CAMPAIGN, { ...FITS, agencyId: 'A3' }).map((r) => r.rule)).toEqual(['campaign-agency']);
    const outside = campaignLinkRefusals(CAMPAIGN, { agencyId: 'A1', date: '2027-01-02', enterprise: { industry: '食品生产', region: '410205' } });
    expect(outside.map((r) => r.rule)).toEqual(['campaign-scope', 'campaign-scope', 'campaign-period']);
    expect(outside[2].remedy).toBe('选择 2026-12-01 至 2026-12-31 之间的日期');
    expect(outside[0].message).toContain('食品生产');
  });

  it('an empty scope list limits nothing; the region matches by division-code prefix', () => {
    const open = { ...CAMPAIGN, industries: [], regionPrefixes: ['4102'] };
    expect(campaignLinkRefusals(open, { ...FITS, enterprise: { industry: '食品生产', region: '410211' } })).toEqual([]);
    expect(campaignLinkRefusals(open, { ...FITS, enterprise: { industry: '食品生产', region: '410311' } }).map((r) => r.rule)).toEqual(['campaign-scope']);
  });

  it('only a published campaign takes plans: not before, not once closed', () => {
    expect(campaignLinkRefusals({ ...CAMPAIGN, status: 'approved' }, FITS)).toEqual([expect.objectContaining({ rule: 'campaign-unpublished', message: expect.stringContaining('尚未公布') })]);
    expect(campaignLinkRefusals({ ...CAMPAIGN, status: 'closed' }, FITS)[0].message).toContain('已结束');
  });

  it('a period runs forwards and at most a year', () => {
    expect(campaignPeriodProblem('2026-12-01', '2026-11-30')).toBe('结束日期不能早于开始日期');
    expect(campaignPeriodProblem('2026-12-01', '2027-12-02')).toBe('实施期不能超过一年');
    expect(campaignPeriodProblem('2026-12-01', '2026-12-01')).toBeNull();
  });
});
