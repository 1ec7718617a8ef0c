/*
 * 专项检查 (Shanghai 2026): an agency admin drafts a campaign for its agency (a supervisor for the
 * city), submits it; a supervisor approves it or returns it with reasons; approved, it must be
 * published within one month (the deadline shown, an overdue one flagged in red and under the filter
 * 逾期未公布). Published, the agencies that join file plans under it; the list shows their progress.
 * Ids for browser tests: #campaign-new, chips #campaign-filter-<filter>, #campaign-total,
 * #campaign-list rows .campaign-row[data-campaign-id] (.campaign-row__status, .campaign-row__due,
 * .campaign-row__progress), #campaign-empty, #campaign-load-error, #campaign-saved, #campaign-prev,
 * #campaign-next; the form and the detail: see campaign-form.tsx and campaign-detail.tsx.
 */
import { Text, View } from '@tarojs/components';
import { Role, type CampaignDetail, type CampaignFilter, type CampaignProgress, type CampaignView, type IndustryCount, type Page } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import { campaignStatusLabel, namesText, periodText } from '../../../logic/campaigns';
import { pageCount } from '../../logic/console';
import {
  CAMPAIGN_FILTER_OPTIONS, CAMPAIGN_PAGE_SIZE, campaignDecision, campaignRequest, campaignServerErrors, deadlineText, draftOfCampaign, emptyCampaignDraft, progressText,
  validateCampaign, type CampaignDraft, type CampaignErrors, type DecisionChoice,
} from '../../logic/campaigns';
import { hasErrors } from '../../logic/scenarios';
import {
  campaignAgencies, campaignDetail, campaignProgress, decideCampaign, draftCampaign, editCampaign, listCampaigns, publishCampaign, submitCampaign,
} from '../../services/campaigns-desk';
import { registerIndustries } from '../../services/plans-desk';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { CampaignDetailPanel } from './campaign-detail';
import { CampaignForm } from './campaign-form';
import './index.css';

export default function CampaignsPage() {
  const user = useDeskSession();
  const mayDraft = user?.role === Role.AgencyAdmin || user?.role === Role.Supervisor;
  const [filter, setFilter] = useState<CampaignFilter>('all');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<CampaignView> | null>(null);
  const [progress, setProgress] = useState<Map<string, CampaignProgress>>(new Map());
  const [loadError, setLoadError] = useState('');
  const [agencies, setAgencies] = useState<{ id: string; name: string }[]>([]);
  const [industries, setIndustries] = useState<IndustryCount[]>([]);
  const [selected, setSelected] = useState<CampaignDetail | null>(null);
  const [draft, setDraft] = useState<CampaignDraft | null>(null);
  const [errors, setErrors] = useState<CampaignErrors>({});
  const [failure, setFailure] = useState('');
  const [actionError, setActionError] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [reload, setReload] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!user) return;
    const ticket = ++latest.current;
    setLoadError('');
    listCampaigns(filter, pageNo).then(
      async (result) => {
        if (ticket !== latest.current) return;
        setPage(result);
        const shown = result.items.filter((c) => c.status === 'published' || c.status === 'closed').map((c) => c.id);
        const counts = await campaignProgress(shown).catch(() => []);
        if (ticket === latest.current) setProgress(new Map(counts.map((p) => [p.campaignId, p])));
      },
      (e) => ticket === latest.current && setLoadError(errorMessage(e)),
    );
  }, [user, filter, pageNo, reload]);

  useEffect(() => {
    if (!user || !mayDraft) return;
    campaignAgencies().then(setAgencies, (e) => setLoadError(errorMessage(e)));
    registerIndustries().then(setIndustries, () => undefined);
  }, [user]);

  const open = async (id: string) => {
    setActionError('');
    setDraft(null);
    try {
      setSelected(await campaignDetail(id));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  };

  const startDraft = (next: CampaignDraft) => {
    setDraft(next);
    setErrors({});
    setFailure('');
    setSaved('');
  };

  const save = async () => {
    if (!draft || busy) return;
    const found = validateCampaign(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      const detail = draft.id ? await editCampaign(draft.id, campaignRequest(draft)) : await draftCampaign(campaignRequest(draft));
      setSaved(`已保存“${detail.name}”，提交审批后由执法监督部门审批`);
      setDraft(null);
      setSelected(detail);
      setReload((n) => n + 1);
    } catch (e) {
      const fields = e instanceof ApiError ? campaignServerErrors(e.fields) : {};
      setErrors(fields);
      if (!hasErrors(fields)) setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  /** One step on the selected campaign; the list is read again after it. */
  const act = async (step: (id: string) => Promise<CampaignDetail>) => {
    if (!selected || busy) return;
    setBusy(true);
    setActionError('');
    try {
      setSelected(await step(selected.id));
      setReload((n) => n + 1);
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const decide = (choice: DecisionChoice, note: string) => {
    const outcome = campaignDecision(choice, note);
    if ('error' in outcome) {
      setActionError(outcome.error);
      return;
    }
    void act((id) => decideCampaign(id, outcome.request));
  };

  const pages = page ? pageCount(page.total, CAMPAIGN_PAGE_SIZE) : 1;
  const knownItems = new Map(selected ? selected.itemIds.map((id, i) => [id, selected.itemNames[i] ?? '']) : []);
  return (
    <ConsoleShell user={user} tab='campaigns'>
      <Panel
        title='专项检查'
        action={mayDraft && !draft ? <ConsoleButton id='campaign-new' primary onClick={() => startDraft(emptyCampaignDraft(user?.role === Role.AgencyAdmin ? user.agencyId : null))}>拟定专项检查</ConsoleButton> : undefined}
      >
        <Text className='console__muted'>
          专项检查方案须经执法监督部门（司法局）审批，批准后一个月内公布；公布后，参加的执法部门报备检查计划时可关联该专项检查，范围、实施期以外的不能关联。
        </Text>
        <View className='chips'>
          <Text className='chips__label'>状态</Text>
          {CAMPAIGN_FILTER_OPTIONS.map((option) => (
            <Chip key={option.key} id={`campaign-filter-${option.key}`} on={filter === option.key} onClick={() => { setFilter(option.key); setPageNo(1); }}>
              {option.label}
            </Chip>
          ))}
        </View>
        {saved && <Text id='campaign-saved' className='console__ok'>{saved}</Text>}
        {loadError && <Text id='campaign-load-error' className='console__error'>{loadError}</Text>}
      </Panel>

      {draft && (
        <Panel>
          <CampaignForm draft={draft} errors={errors} failure={failure} busy={busy} agencies={agencies} industries={industries} knownItems={knownItems}
            onDraft={setDraft} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </Panel>
      )}

      {selected && !draft && user && (
        <Panel>
          <CampaignDetailPanel campaign={selected} progress={progress.get(selected.id)} user={user} busy={busy} error={actionError}
            onEdit={() => startDraft(draftOfCampaign(selected))} onSubmit={() => void act(submitCampaign)} onDecide={decide} onPublish={() => void act(publishCampaign)} />
        </Panel>
      )}

      <Panel>
        <Text id='campaign-total' className='console__muted'>{page ? `共 ${page.total} 项，第 ${pageNo} / ${pages} 页` : '正在查询…'}</Text>
        <View className='table'>
          <View className='table__row table__row--head campaign-grid'>
            <Text>专项检查</Text>
            <Text>状态</Text>
            <Text>实施期</Text>
            <Text>参加部门</Text>
            <Text>进展</Text>
          </View>
          <View id='campaign-list'>
            {page?.items.map((c) => (
              <View key={c.id} className={`table__row campaign-grid campaign-row${selected?.id === c.id ? ' campaign-row--on' : ''}`} data-campaign-id={c.id} onClick={() => void open(c.id)}>
                <Text className='campaign-row__name'>{c.name}</Text>
                <View>
                  <Text className={`badge campaign-row__status${c.overdue ? ' badge--overdue' : c.status === 'closed' ? ' badge--closed' : ''}`}>{c.overdue ? '逾期未公布' : campaignStatusLabel(c.status)}</Text>
                  {deadlineText(c) && <Text className='campaign-row__due'>{deadlineText(c)}</Text>}
                </View>
                <Text>{periodText(c)}</Text>
                <Text>{namesText(c.agencyNames)}</Text>
                <Text className='campaign-row__progress'>{c.status === 'published' || c.status === 'closed' ? progressText(progress.get(c.id)) : '—'}</Text>
              </View>
            ))}
          </View>
        </View>
        {page && !page.items.length && <Text id='campaign-empty' className='console__muted'>没有{CAMPAIGN_FILTER_OPTIONS.find((f) => f.key === filter)?.label}的专项检查</Text>}
        {page && pages > 1 && (
          <View className='chips'>
            <ConsoleButton id='campaign-prev' disabled={pageNo <= 1} onClick={() => pageNo > 1 && setPageNo(pageNo - 1)}>上一页</ConsoleButton>
            <ConsoleButton id='campaign-next' disabled={pageNo >= pages} onClick={() => pageNo < pages && setPageNo(pageNo + 1)}>下一页</ConsoleButton>
          </View>
        )}
      </Panel>
    </ConsoleShell>
  );
}
