/*
 * Filing an inspection plan (事前报备). Element ids for browser tests (H5):
 * - #plan-credit-code: a Taro <Input>, so fill '#plan-credit-code input' (see pages/login for why
 *   '#plan-credit-code' itself cannot be filled). #plan-credit-code-error under it.
 * - #half-year-history: same-industry results of the last 6 months (结果互认), loaded as soon as
 *   the code is a valid one; one `.half-year-record[data-inspection-id]` per inspection,
 *   #half-year-empty when none; a disputed result is sent for review from there (see half-year-history.tsx).
 * - #plan-date: on H5 a text <Input> (fill '#plan-date input' with YYYY-MM-DD; it starts at
 *   today + 7 in Asia/Shanghai); in the mini-program a date <Picker> around the same id.
 *   #plan-date-label shows the date in words.
 * - #plan-trigger holds one button per trigger: click #trigger-planned, #trigger-complaint,
 *   #trigger-superior, #trigger-undercover, #trigger-emergency or #trigger-other; the chosen one
 *   has class `trigger--on` and aria-checked="true".
 * - #plan-mode (#mode-onsite, #mode-offsite; see mode-choice.tsx), #plan-mode-reason.
 * - #plan-reason (only for triggers other than planned): a Taro <Textarea>, so fill
 *   '#plan-reason textarea'.
 * - #plan-officers: one `[data-officer-id="…"]` row per officer of the agency, click to toggle
 *   (data-checked="true" when chosen; the logged-in officer starts chosen). #plan-items: one
 *   `[data-item-id="…"]` row per item, same way; 无事不扰 items carry `.choice__flag`.
 * - #plan-hints (`.plan-hint` each): warnings that do not block sending, e.g. a planned date less
 *   than 7 days ahead.
 * - #plan-submit; #plan-error (this form's and the server's field errors, or any other failure);
 *   #plan-refusals with one `.refusal` per rule the server refused on, each with
 *   `.refusal__message` and `.refusal__remedy`. On success the plans page opens (#plan-filed).
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import {
  isCalendarDate,
  isVisit,
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  ErrorCode,
  normaliseCreditCode,
  type ItemDto,
  type OfficerDto,
  type RuleRefusal,
} from '@mashang/shared';
import { useRef, useState } from 'react';
import { PrimaryButton, RetryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Choice } from '../../components/choice';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { RadioChips } from '../../components/radio-chips';
import { Refusals } from '../../components/refusals';
import { ApiError, errorMessage } from '../../logic/api-error';
import { chineseDateFromToday, shanghaiToday } from '../../logic/dates';
import {
  emptyPlanForm,
  hasPlanErrors,
  needsReason,
  planErrorLines,
  planFormHints,
  planRequest,
  planServerFieldErrors,
  REASON_MAX,
  ruleLabel,
  toggleId,
  validatePlanForm,
  validCreditCode,
  type PlanForm,
  type PlanFormErrors,
} from '../../logic/plan-form';
import { PLAN_TRIGGER_OPTIONS } from '../../logic/triggers';
import { LOGIN_PAGE, PLANS_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { filePlan, halfYearHistory, rememberFiledPlan } from '../../services/plans';
import { listOwnItems, listOwnOfficers } from '../../services/registry';
import { CampaignChoice } from './campaign-choice';
import { HalfYearHistory, type HalfYear } from './half-year-history';
import { PlanKindCard } from './plan-kind';
import { ModeChoice, useCheckMode } from './mode-choice';
import { useReviews } from './use-reviews';
import './index.css';

/** Back to the plans page: pop the filing page when it came from there, else open it. */
function showPlans(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2]?.route ?? '';
  if (`/${previous.replace(/^\//, '')}` === PLANS_PAGE) void Taro.navigateBack();
  else void Taro.redirectTo({ url: PLANS_PAGE });
}

export default function PlanNewPage() {
  const [today, setToday] = useState(() => shanghaiToday());
  const [form, setForm] = useState<PlanForm>(() => emptyPlanForm(shanghaiToday()));
  const [officers, setOfficers] = useState<OfficerDto[] | null>(null);
  const [items, setItems] = useState<ItemDto[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [halfYear, setHalfYear] = useState<HalfYear | null>(null);
  const [fieldErrors, setFieldErrors] = useState<PlanFormErrors>({});
  const [failure, setFailure] = useState('');
  const [refusals, setRefusals] = useState<RuleRefusal[]>([]);
  const [busy, setBusy] = useState(false);
  const [campaignId, setCampaignId] = useState('');
  const latestHistory = useRef(0);
  const reviews = useReviews(currentSession()?.user.agencyId ?? null);
  const checkMode = useCheckMode(validCreditCode(form.creditCode), form.trigger);

  const loadChoices = async (ownOfficerId: string | null) => {
    setLoadError('');
    try {
      const [agencyOfficers, agencyItems] = await Promise.all([listOwnOfficers(), listOwnItems()]);
      setOfficers(agencyOfficers);
      setItems(agencyItems);
      // The filing officer is on the inspection unless they untick themselves.
      if (ownOfficerId && agencyOfficers.some((officer) => officer.id === ownOfficerId)) {
        setForm((current) =>
          current.officerIds.length ? current : { ...current, officerIds: [ownOfficerId] },
        );
      }
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  useLoad(() => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    const now = shanghaiToday();
    setToday(now);
    setForm(emptyPlanForm(now));
    void loadChoices(session.user.officerId);
    void reviews.load();
  });

  const update = <K extends keyof PlanForm>(field: K, value: PlanForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
    setFailure('');
  };

  const lookUpHistory = async (creditCode: string) => {
    const ticket = ++latestHistory.current;
    setHalfYear({ creditCode, loading: true, records: null, error: '' });
    try {
      const records = await halfYearHistory(creditCode);
      if (ticket === latestHistory.current) setHalfYear({ creditCode, loading: false, records, error: '' });
    } catch (error) {
      if (ticket === latestHistory.current) {
        setHalfYear({ creditCode, loading: false, records: null, error: errorMessage(error) });
      }
    }
  };

  const changeCreditCode = (text: string) => {
    update('creditCode', text);
    const code = validCreditCode(text);
    if (!code) {
      latestHistory.current++;
      setHalfYear(null);
    } else if (code !== halfYear?.creditCode || halfYear.error) {
      void lookUpHistory(code);
    }
  };

  const submit = async () => {
    if (busy) return;
    const errors = validatePlanForm(form);
    setFieldErrors(errors);
    setRefusals([]);
    setFailure('');
    if (hasPlanErrors(errors)) return;
    setBusy(true);
    try {
      const plan = await filePlan({ ...planRequest(form), ...(isVisit(form.kind) ? {} : checkMode.request()), ...(campaignId ? { campaignId } : {}) });
      rememberFiledPlan(plan);
      showPlans();
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.RuleRefused && error.refusals.length) {
        setRefusals(error.refusals);
      } else if (error instanceof ApiError && error.fields.length) {
        const serverErrors = planServerFieldErrors(error.fields);
        setFieldErrors(serverErrors);
        if (!hasPlanErrors(serverErrors)) setFailure(errorMessage(error));
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  // Inline problem of a code typed to full length (shorter ones are still being typed).
  const typedCode = normaliseCreditCode(form.creditCode);
  const codeProblem = typedCode.length >= 18 ? creditCodeProblem(typedCode) : null;
  const hints = planFormHints(form, today, items ?? []);
  const errorLines = planErrorLines(fieldErrors);
  const visit = isVisit(form.kind);

  return (
    <View className='plan-new'>
      <Card title='检查对象'>
        <Field
          label='企业统一社会信用代码'
          className='plan-new__code-field'
          error={fieldErrors.creditCode ?? (codeProblem && CREDIT_CODE_PROBLEM_TEXT[codeProblem])}
          errorId='plan-credit-code-error'
        >
          <Input
            id='plan-credit-code'
            className='field__input'
            value={form.creditCode}
            placeholder='18位统一社会信用代码'
            maxlength={24}
            onInput={(event) => changeCreditCode(event.detail.value)}
          />
        </Field>
        {halfYear && <HalfYearHistory halfYear={halfYear} reviews={reviews} />}
      </Card>

      <PlanKindCard form={form} today={today} error={visit ? fieldErrors.reason : undefined} onChange={(next) => { setForm(next); setFieldErrors({}); setFailure(''); }} />

      <Card title={visit ? '走访日期' : '检查类型与日期'}>
        {!visit && (<>
        <RadioChips
          id='plan-trigger'
          className='triggers'
          options={PLAN_TRIGGER_OPTIONS}
          value={form.trigger}
          idPrefix='trigger'
          chipClassName='trigger'
          onChange={(trigger) => update('trigger', trigger)}
        />
        <Muted>{form.trigger === 'planned' ? '计划检查须至少提前7个自然日报备。' : '绿色通道：可随时报备，须写明触发事由。'}</Muted>

        {needsReason(form.trigger) && (
          <Field label='触发事由' error={fieldErrors.reason}>
            <Textarea
              id='plan-reason'
              className='field__textarea'
              value={form.reason}
              placeholder='如投诉编号、交办文号、紧急情况说明'
              maxlength={REASON_MAX}
              autoHeight
              onInput={(event) => update('reason', event.detail.value)}
            />
          </Field>
        )}
        </>)}

        {!visit && <ModeChoice state={checkMode} />}

        <Field label='检查日期' error={fieldErrors.date}>
          {/* Written out rather than through a constant, so webpack drops the H5-unused Picker
              (the components are one shared module: anything referenced ships to every page). */}
          {process.env.TARO_ENV === 'weapp' ? (
            <Picker mode='date' value={form.date} start={today} onChange={(event) => update('date', event.detail.value)}>
              <View id='plan-date' className='field__input field__picker'>
                <Text>{form.date}</Text>
              </View>
            </Picker>
          ) : (
            <Input
              id='plan-date'
              className='field__input'
              value={form.date}
              placeholder='年-月-日，如 2026-12-01'
              maxlength={10}
              onInput={(event) => update('date', event.detail.value)}
            />
          )}
          {isCalendarDate(form.date) && <Muted id='plan-date-label'>{chineseDateFromToday(form.date, today)}</Muted>}
        </Field>
      </Card>

      <Card title='执法人员'>
        {!officers && !loadError && <Muted>正在读取…</Muted>}
        <View id='plan-officers' className='choices'>
          {officers?.map((officer) => (
            <Choice
              key={officer.id}
              kind='officer'
              id={officer.id}
              checked={form.officerIds.includes(officer.id)}
              name={officer.name}
              sub={`执法证号 ${officer.certNo}`}
              onToggle={() => update('officerIds', toggleId(form.officerIds, officer.id))}
            />
          ))}
        </View>
        {fieldErrors.officerIds && <Text className='field__error'>{fieldErrors.officerIds}</Text>}
      </Card>

      {!visit && <Card title='检查事项'>
        {!items && !loadError && <Muted>正在读取…</Muted>}
        <View id='plan-items' className='choices'>
          {items?.map((item) => (
            <Choice
              key={item.id}
              kind='item'
              id={item.id}
              checked={form.itemIds.includes(item.id)}
              name={item.name}
              sub={`依据：${item.basis}`}
              flag={item.noDisturb ? '无事不扰' : undefined}
              onToggle={() => update('itemIds', toggleId(form.itemIds, item.id))}
            />
          ))}
        </View>
        {fieldErrors.itemIds && <Text className='field__error'>{fieldErrors.itemIds}</Text>}
      </Card>}

      <CampaignChoice value={campaignId} onChange={(id) => { setCampaignId(id); setRefusals([]); }} />

      {loadError && (
        <Card>
          <Text className='field__error'>读取执法人员和检查事项失败：{loadError}</Text>
          <RetryButton onClick={() => void loadChoices(currentSession()?.user.officerId ?? null)} />
        </Card>
      )}

      {hints.length > 0 && (
        <Notice id='plan-hints' tone='warning' className='hints'>
          {hints.map((hint) => (
            <Text key={hint} className='plan-hint'>
              {hint}
            </Text>
          ))}
        </Notice>
      )}

      <Refusals id='plan-refusals' title='不能报备，原因如下：' refusals={refusals} label={ruleLabel} />

      {(errorLines.length > 0 || failure) && (
        <Notice id='plan-error' tone='danger'>
          {errorLines.length > 0 && <Text className='plan-error__title'>请先改正：</Text>}
          {errorLines.map((line) => (
            <Text key={line}>· {line}</Text>
          ))}
          {failure && <Text>{failure}</Text>}
        </Notice>
      )}

      <PrimaryButton id='plan-submit' className='plan-new__submit' busy={busy} onClick={() => void submit()}>
        提交报备
      </PrimaryButton>
    </View>
  );
}
