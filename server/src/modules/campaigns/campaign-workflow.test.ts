import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../infra/database/tx.js';
import type { DomainError } from '../../infra/errors/domain-error.js';
import type { AgencyRepository, ItemRepository } from '../registry/index.js';
import type { TrailRepository } from '../trail/index.js';
import type { CampaignRepository, CampaignStep, StoredCampaign } from './campaign.repository.js';
import type { CampaignViews } from './campaign-views.js';
import { CampaignWorkflow } from './campaign-workflow.js';
import type { CampaignDto } from './dto/campaign.dto.js';

const NOW = new Date('2026-12-07T02:00:00Z');
const admin1: SessionUser = { id: 5, username: 'admin1', role: Role.AgencyAdmin, displayName: '管理员', agencyId: 'A1', officerId: null };
const admin2: SessionUser = { ...admin1, id: 6, username: 'admin2', agencyId: 'A2' };
const supervisor: SessionUser = { id: 7, username: 'supervisor', role: Role.Supervisor, displayName: '司法局', agencyId: null, officerId: null };
const INPUT: CampaignDto = { name: '燃气安全专项检查', industries: ['餐饮服务'], regionPrefixes: [], itemIds: ['I1'], agencyIds: ['A1', 'A2'], periodFrom: '2026-12-15', periodTo: '2027-01-31' };

/** The workflow over fakes: one stored campaign at most; `written` logs each write in order. */
function world(stored?: Partial<StoredCampaign>) {
  const written: string[] = [];
  let campaign: StoredCampaign | null = stored ? ({ id: 'C1', ownerAgencyId: 'A1', status: 'draft', agencyIds: ['A1', 'A2'], periodTo: '2027-01-31', publishDue: null, ...stored } as StoredCampaign) : null;
  const transactions = { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions;
  const campaigns = {
    insert: async (c: StoredCampaign) => void written.push(`insert ${c.ownerAgencyId ?? 'city'} ${c.agencyIds}`),
    updateFields: async () => void written.push('update'),
    lock: async (id: string) => (campaign?.id === id ? campaign : null),
    step: async (_id: string, step: CampaignStep) => {
      written.push(`step ${step.status}${step.publishDue ? ` due ${step.publishDue}` : ''}${step.decisionNote ? ` note ${step.decisionNote}` : ''}`);
      campaign = { ...campaign!, ...step };
    },
  } as unknown as CampaignRepository;
  const agencies = { namesOf: async (ids: string[]) => new Map(ids.filter((i) => i !== 'A9').map((i) => [i, i])) } as unknown as AgencyRepository;
  const items = { byIds: async (ids: string[]) => ids.filter((i) => i !== 'I9').map((id) => ({ id })) } as unknown as ItemRepository;
  const trail = { append: async (e: { inspectionId: string; kind: string }) => void written.push(`trail ${e.inspectionId.startsWith('campaign:') ? 'campaign' : e.inspectionId} ${e.kind}`) } as unknown as TrailRepository;
  const views = { detail: async () => ({}), mayRead: (u: SessionUser, c: StoredCampaign) => u.role === Role.Supervisor || c.ownerAgencyId === u.agencyId } as unknown as CampaignViews;
  return { workflow: new CampaignWorkflow(transactions, campaigns, agencies, items, trail, views), written };
}

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(() => null, (e: DomainError) => e);
  if (!error) throw new Error('expected a refusal');
  return error;
}

describe('campaign workflow (专项检查)', () => {
  it('an agency admin drafts for its own agency, which must join; a supervisor drafts for the city', async () => {
    const { workflow, written } = world();
    await workflow.draft(admin1, INPUT, NOW);
    await workflow.draft(supervisor, { ...INPUT, agencyIds: ['A2'] }, NOW);
    expect(written).toEqual(['insert A1 A1,A2', 'trail campaign campaign-drafted', 'insert city A2', 'trail campaign campaign-drafted']);
    const notJoined = await refusal(workflow.draft(admin1, { ...INPUT, agencyIds: ['A2'] }, NOW));
    expect(notJoined.fields).toEqual([{ field: 'agencyIds', reason: '牵头拟定的本部门须参加该专项检查' }]);
    expect((await refusal(workflow.draft({ ...admin1, role: Role.Officer }, INPUT, NOW))).code).toBe(ErrorCode.Forbidden);
  });

  it('refuses unknown agencies and items, and a period running backwards, writing nothing', async () => {
    const { workflow, written } = world();
    expect((await refusal(workflow.draft(admin1, { ...INPUT, agencyIds: ['A1', 'A9'] }, NOW))).fields![0].field).toBe('agencyIds');
    expect((await refusal(workflow.draft(admin1, { ...INPUT, itemIds: ['I9'] }, NOW))).fields![0].reason).toContain('I9');
    expect((await refusal(workflow.draft(admin1, { ...INPUT, periodTo: '2026-12-01' }, NOW))).fields).toEqual([{ field: 'periodTo', reason: '结束日期不能早于开始日期' }]);
    expect(written).toEqual([]);
  });

  it('submitted, only a supervisor decides: approval sets the publication deadline a month on', async () => {
    const { workflow, written } = world({ status: 'draft' });
    await workflow.submit(admin1, 'C1', NOW);
    expect((await refusal(workflow.decide(admin1, 'C1', true, undefined, NOW))).code).toBe(ErrorCode.Forbidden);
    await workflow.decide(supervisor, 'C1', true, undefined, NOW);
    expect(written).toEqual(['step submitted', 'trail campaign campaign-submitted', 'step approved due 2027-01-07', 'trail campaign campaign-approved']);
    expect((await refusal(workflow.edit(admin1, 'C1', INPUT, NOW))).code).toBe(ErrorCode.Conflict);
  });

  it('is returned with reasons only, then edited and submitted again', async () => {
    const { workflow, written } = world({ status: 'submitted' });
    expect((await refusal(workflow.decide(supervisor, 'C1', false, ' ', NOW))).fields).toEqual([{ field: 'note', reason: '退回须写明理由（至少2个字）' }]);
    await workflow.decide(supervisor, 'C1', false, '范围过宽，请限定区域', NOW);
    await workflow.edit(admin1, 'C1', INPUT, NOW);
    await workflow.submit(admin1, 'C1', NOW);
    expect(written).toEqual(['step returned note 范围过宽，请限定区域', 'trail campaign campaign-returned', 'update', 'trail campaign campaign-edited', 'step submitted', 'trail campaign campaign-submitted']);
  });

  it("another agency's admin neither edits nor publishes it; its drafter publishes once approved, once", async () => {
    const { workflow, written } = world({ status: 'approved', publishDue: '2027-01-07' });
    expect((await refusal(workflow.publish(admin2, 'C1', NOW))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(workflow.edit(admin2, 'C1', INPUT, NOW))).code).toBe(ErrorCode.NotFound);
    await workflow.publish(admin1, 'C1', NOW);
    expect((await refusal(workflow.publish(admin1, 'C1', NOW))).message).toBe('专项检查已公布');
    expect(written).toEqual(['step published', 'trail campaign campaign-published']);
  });

  it('is not published before approval, nor after its period', async () => {
    expect((await refusal(world({ status: 'submitted' }).workflow.publish(admin1, 'C1', NOW))).code).toBe(ErrorCode.Conflict);
    const late = await refusal(world({ status: 'approved', periodTo: '2026-12-06' }).workflow.publish(supervisor, 'C1', NOW));
    expect(late.message).toContain('2026-12-06');
  });
});
