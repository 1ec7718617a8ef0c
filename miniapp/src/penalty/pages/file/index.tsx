/*
 * 立案: filing a penalty case, `?inspectionId=<planId>` (the inspection page's 立案 button, when the
 * result is 立案) or `?flaggedCaseId=<id>` (a complaint). Element ids for browser tests (H5):
 * #file-origin (where it comes from), #file-origin-error (no usable origin); '#file-cause input'
 * (the clause code), #file-clauses with `.file-clause[data-clause="…"]` suggestions when the server
 * lists benchmarks; '#file-facts textarea'; #file-officers with one `[data-officer-id="…"]` row per
 * officer of the agency (tap to toggle; `data-checked`; the filing officer starts chosen);
 * '#file-credit-code input' (complaints only); #file-submit; problems in #file-refusals and
 * #file-error (each field's problem also under its field, e.g. #file-cause-error). On success the
 * case page opens.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { OfficerDto } from '@mashang/shared';
import { useRef, useState } from 'react';
import { PrimaryButton, RetryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Choice } from '../../../components/choice';
import { Field } from '../../../components/field';
import { FormProblems } from '../../../components/form-problems';
import { Muted } from '../../../components/muted';
import { Notice } from '../../../components/notice';
import { useServerForm } from '../../../hooks/use-server-form';
import { errorMessage } from '../../../logic/api-error';
import { shanghaiToday } from '../../../logic/dates';
import {
  emptyFileForm,
  FACTS_MAX,
  FILE_FIELD_FALLBACKS,
  FILE_FIELD_LABELS,
  fileOrigin,
  fileRequest,
  officerLine,
  originText,
  validateFileForm,
  type FileForm,
  type FileOrigin,
} from '../../../logic/penalty-file';
import { toggleId } from '../../../logic/plan-form';
import { LOGIN_PAGE, PENALTY_CASE_PAGE } from '../../../routes';
import { currentSession } from '../../../services/auth';
import { filePenaltyCase, searchClauses, type ClauseChoice } from '../../../services/penalty-cases';
import { listOwnOfficers } from '../../../services/registry';
import './index.css';

export default function PenaltyFilePage() {
  const [origin, setOrigin] = useState<FileOrigin | null>(null);
  const [originMissing, setOriginMissing] = useState(false);
  const [form, setForm] = useState<FileForm>(() => emptyFileForm(null));
  const [officers, setOfficers] = useState<OfficerDto[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [clauses, setClauses] = useState<ClauseChoice[] | null>(null);
  const sending = useServerForm(FILE_FIELD_LABELS, FILE_FIELD_FALLBACKS);
  const latestSearch = useRef(0);
  const today = shanghaiToday();

  const loadOfficers = async () => {
    setLoadError('');
    try {
      setOfficers(await listOwnOfficers());
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  const lookUpClauses = async (q: string) => {
    const ticket = ++latestSearch.current;
    try {
      const found = await searchClauses(q);
      if (ticket === latestSearch.current) setClauses(found);
    } catch {
      // Suggestions are a help only: the clause can always be typed.
      if (ticket === latestSearch.current) setClauses(null);
    }
  };

  useLoad((options: Record<string, string | undefined>) => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    const from = fileOrigin(options);
    setOrigin(from);
    setOriginMissing(!from);
    setForm(emptyFileForm(session.user.officerId));
    void loadOfficers();
    void lookUpClauses('');
  });

  const update = <K extends keyof FileForm>(field: K, value: FileForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    sending.clear();
  };

  const changeCause = (text: string) => {
    update('cause', text);
    void lookUpClauses(text.trim());
  };

  const submit = async () => {
    if (!origin) return;
    const errors = validateFileForm(form, officers ?? [], shanghaiToday());
    if (Object.keys(errors).length) return sending.showErrors(errors);
    const filed = await sending.send(() => filePenaltyCase(fileRequest(form, origin)));
    if (filed) void Taro.redirectTo({ url: `${PENALTY_CASE_PAGE}?id=${encodeURIComponent(filed.id)}` });
  };

  const errors = sending.problems.fields;
  const shownClauses = (clauses ?? []).filter((c) => c.clause !== form.cause.trim());

  return (
    <View className='pc-file'>
      <Card title='立案'>
        {origin && <Text id='file-origin' className='pc-file__origin'>{originText(origin)}</Text>}
        {originMissing && (
          <Notice id='file-origin-error' tone='danger'>
            缺少立案来源：请从检查结果为“立案”的检查页面，或投诉举报的监督案件进入。
          </Notice>
        )}
        {errors.inspectionId && <Text className='field__error'>{errors.inspectionId}</Text>}
        {errors.flaggedCaseId && <Text className='field__error'>{errors.flaggedCaseId}</Text>}

        <Field label='违法条款（裁量基准的条款编号）' error={errors.cause} errorId='file-cause-error'>
          <Input id='file-cause' className='field__input' value={form.cause} placeholder='如 FSL-126' maxlength={64} onInput={(e) => changeCause(e.detail.value)} />
          {shownClauses.length > 0 && (
            <View id='file-clauses' className='pc-file__clauses'>
              {shownClauses.map((c) => (
                <View key={c.clause} className='file-clause' data-clause={c.clause} onClick={() => update('cause', c.clause)}>
                  <Text className='file-clause__code'>{c.clause}</Text>
                  <Text className='file-clause__name'>{c.name}</Text>
                </View>
              ))}
            </View>
          )}
          {clauses === null && <Muted>请按裁量基准填写条款编号；编号不对时，提交后会提示。</Muted>}
        </Field>

        <Field label='违法事实' error={errors.facts}>
          <Textarea
            id='file-facts'
            className='field__textarea'
            value={form.facts}
            placeholder='时间、地点、违法行为和证据'
            maxlength={FACTS_MAX}
            autoHeight
            onInput={(e) => update('facts', e.detail.value)}
          />
        </Field>

        {origin?.kind === 'complaint' && (
          <Field label='企业统一社会信用代码（投诉未指明企业时填写）' error={errors.creditCode}>
            <Input id='file-credit-code' className='field__input' value={form.creditCode} placeholder='18位统一社会信用代码' maxlength={24} onInput={(e) => update('creditCode', e.detail.value)} />
          </Field>
        )}
      </Card>

      <Card title='执法人员（不少于两人）'>
        {!officers && !loadError && <Muted>正在读取…</Muted>}
        {loadError && (
          <>
            <Text className='field__error'>读取执法人员失败：{loadError}</Text>
            <RetryButton onClick={() => void loadOfficers()} />
          </>
        )}
        <View id='file-officers' className='choices'>
          {officers?.map((officer) => (
            <Choice
              key={officer.id}
              kind='officer'
              id={officer.id}
              checked={form.officerIds.includes(officer.id)}
              name={officer.name}
              sub={officerLine(officer, today)}
              onToggle={() => update('officerIds', toggleId(form.officerIds, officer.id))}
            />
          ))}
        </View>
        {errors.officerIds && <Text className='field__error'>{errors.officerIds}</Text>}
      </Card>

      <FormProblems id='file' refusedTitle='不能立案，原因如下：' lines={sending.fieldLines} refusals={sending.problems.refusals} message={sending.problems.message} />
      <PrimaryButton id='file-submit' className='pc-file__submit' busy={sending.busy} disabled={!origin} onClick={() => void submit()}>
        立案
      </PrimaryButton>
    </View>
  );
}
