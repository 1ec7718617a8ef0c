/*
 * Filing an inspection plan (事前报备). Element ids for browser tests (H5):
 * - #plan-credit-code: a Taro <Input>, so fill '#plan-credit-code input' (see pages/login for why
 *   '#plan-credit-code' itself cannot be filled). #plan-credit-code-error under it.
 * - #half-year-history: same-industry results of the last 6 months (结果互认), loaded as soon as
 *   the code is a valid one; one `.half-year-record` per inspection, #half-year-empty when none.
 * - #plan-date: on H5 a text <Input> (fill '#plan-date input' with YYYY-MM-DD; it starts at
 *   today + 7 in Asia/Shanghai); in the mini-program a date <Picker> around the same id.
 *   #plan-date-label shows the date in words.
 * - #plan-trigger holds one button per trigger: click #trigger-planned, #trigger-complaint,
 *   #trigger-superior, #trigger-undercover, #trigger-emergency or #trigger-other; the chosen one
 *   has class `trigger--on` and aria-checked="true".
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
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import {
  isCalendarDate,
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  daysBetween,
  ErrorCode,
  normaliseCreditCode,
  type HalfYearRecord,
  type ItemDto,
  type OfficerDto,
  type PlanTrigger,
  type RuleRefusal,
} from '@mashang/shared';
import { useRef, useState } from 'react';
import { Choice } from '../../components/choice';
import { flag } from '../../components/flag';
import { Refusals } from '../../components/refusals';
import { ApiError, errorMessage } from '../../logic/api-error';
import { chineseDate, shanghaiDateTime, shanghaiToday } from '../../logic/dates';
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
import { halfYearResultLabel } from '../../logic/plans';
import { PLAN_TRIGGERS, triggerLabel } from '../../logic/triggers';
import { LOGIN_PAGE, PLANS_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { filePlan, halfYearHistory, rememberFiledPlan } from '../../services/plans';
import { listOwnItems, listOwnOfficers } from '../../services/registry';
import './index.css';

interface HalfYear {
  creditCode: string;
  loading: boolean;
  records: HalfYearRecord[] | null;
  error: string;
}

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
  const latestHistory = useRef(0);

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
      const plan = await filePlan(planRequest(form));
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
  const dateAhead = isCalendarDate(form.date) ? daysBetween(today, form.date) : null;

  return (
    <View className='plan-new'>
      <View className='form-section'>
        <Text className='form-section__title'>检查对象</Text>
        <Text className='field__label'>企业统一社会信用代码</Text>
        <Input
          id='plan-credit-code'
          className='field__input'
          value={form.creditCode}
          placeholder='18位统一社会信用代码'
          maxlength={24}
          onInput={(event) => changeCreditCode(event.detail.value)}
        />
        {(fieldErrors.creditCode || codeProblem) && (
          <Text id='plan-credit-code-error' className='field__error'>
            {fieldErrors.creditCode ?? CREDIT_CODE_PROBLEM_TEXT[codeProblem!]}
          </Text>
        )}

        {halfYear && (
          <View id='half-year-history' className='half-year'>
            <Text className='half-year__title'>近半年同行业检查结果</Text>
            <Text className='half-year__note'>
              首检负责、结果互认：同行业部门近6个月的检查结果本部门予以认可，无新的触发事由的，不再重复检查同一事项。
            </Text>
            {halfYear.loading && <Text className='half-year__muted'>正在查询…</Text>}
            {halfYear.error && <Text className='field__error'>{halfYear.error}</Text>}
            {halfYear.records?.length === 0 && (
              <Text id='half-year-empty' className='half-year__muted'>
                近6个月没有同行业部门检查过该企业。
              </Text>
            )}
            {halfYear.records?.map((record) => (
              <View key={record.inspectionId} className='half-year-record'>
                <View className='half-year-record__head'>
                  <Text className='half-year-record__agency'>{record.agencyName}</Text>
                  <Text className={`half-year-record__result half-year-record__result--${record.result}`}>
                    {halfYearResultLabel(record.result)}
                  </Text>
                </View>
                <Text className='half-year__muted'>检查时间：{shanghaiDateTime(record.startedAt)}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='form-section'>
        <Text className='form-section__title'>检查类型与日期</Text>
        <View id='plan-trigger' className='triggers'>
          {PLAN_TRIGGERS.map((trigger: PlanTrigger) => {
            const on = form.trigger === trigger;
            return (
              <View
                key={trigger}
                id={`trigger-${trigger}`}
                className={`trigger${on ? ' trigger--on' : ''}`}
                role='radio'
                aria-checked={on}
                onClick={() => update('trigger', trigger)}
              >
                <Text>{triggerLabel(trigger)}</Text>
              </View>
            );
          })}
        </View>
        <Text className='field__tip'>
          {form.trigger === 'planned'
            ? '计划检查须至少提前7个自然日报备。'
            : '绿色通道：可随时报备，须写明触发事由。'}
        </Text>

        {needsReason(form.trigger) && (
          <View className='field'>
            <Text className='field__label'>触发事由</Text>
            <Textarea
              id='plan-reason'
              className='field__textarea'
              value={form.reason}
              placeholder='如投诉编号、交办文号、紧急情况说明'
              maxlength={REASON_MAX}
              autoHeight
              onInput={(event) => update('reason', event.detail.value)}
            />
            {fieldErrors.reason && <Text className='field__error'>{fieldErrors.reason}</Text>}
          </View>
        )}

        <View className='field'>
          <Text className='field__label'>检查日期</Text>
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
          {isCalendarDate(form.date) && (
            <Text id='plan-date-label' className='field__tip'>
              {chineseDate(form.date)}
              {dateAhead === null ? '' : dateAhead === 0 ? '（今天）' : dateAhead > 0 ? `（${dateAhead}天后）` : `（${-dateAhead}天前）`}
            </Text>
          )}
          {fieldErrors.date && <Text className='field__error'>{fieldErrors.date}</Text>}
        </View>
      </View>

      <View className='form-section'>
        <Text className='form-section__title'>执法人员</Text>
        {!officers && !loadError && <Text className='field__tip'>正在读取…</Text>}
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
      </View>

      <View className='form-section'>
        <Text className='form-section__title'>检查事项</Text>
        {!items && !loadError && <Text className='field__tip'>正在读取…</Text>}
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
      </View>

      {loadError && (
        <View className='form-section'>
          <Text className='field__error'>读取执法人员和检查事项失败：{loadError}</Text>
          <Button className='plan-new__retry' size='mini' onClick={() => void loadChoices(currentSession()?.user.officerId ?? null)}>
            重试
          </Button>
        </View>
      )}

      {hints.length > 0 && (
        <View id='plan-hints' className='hints'>
          {hints.map((hint) => (
            <Text key={hint} className='plan-hint'>
              {hint}
            </Text>
          ))}
        </View>
      )}

      <Refusals id='plan-refusals' title='不能报备，原因如下：' refusals={refusals} label={ruleLabel} />

      {(errorLines.length > 0 || failure) && (
        <View id='plan-error' className='plan-error'>
          {errorLines.length > 0 && <Text className='plan-error__title'>请先改正：</Text>}
          {errorLines.map((line) => (
            <Text key={line} className='plan-error__line'>
              · {line}
            </Text>
          ))}
          {failure && <Text className='plan-error__line'>{failure}</Text>}
        </View>
      )}

      <Button
        id='plan-submit'
        className='plan-new__submit'
        type='primary'
        loading={flag(busy)}
        disabled={flag(busy)}
        onClick={() => void submit()}
      >
        提交报备
      </Button>
    </View>
  );
}
