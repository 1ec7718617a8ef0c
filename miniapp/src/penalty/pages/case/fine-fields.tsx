import { Input, Text, Textarea } from '@tarojs/components';
import { cx } from '../../../components/class-names';
import { Field } from '../../../components/field';
import { fineAgainstRange, REASON_MAX, type FineCheck } from '../../../logic/penalty-forms';

interface FineFieldsProps {
  /** `notice` or `decision`: the fields' ids are `<prefix>-fine`, `<prefix>-fine-check`, `<prefix>-reason`. */
  idPrefix: string;
  label: string;
  fine: string;
  reason: string;
  check: FineCheck;
  fineError?: string;
  reasonError?: string;
  reasonPlaceholder?: string;
  onFine: (fine: string) => void;
  onReason: (reason: string) => void;
}

/** The fine in 元 with where it stands against the benchmark's range, and the written reason a fine outside it needs. */
export function FineFields(props: FineFieldsProps) {
  const { idPrefix, check } = props;
  const against = fineAgainstRange(check);
  return (
    <>
      <Field label={props.label} error={props.fineError}>
        <Input
          id={`${idPrefix}-fine`}
          className='field__input'
          type='digit'
          value={props.fine}
          placeholder='如 15000'
          maxlength={16}
          onInput={(event) => props.onFine(event.detail.value)}
        />
        {against && (
          <Text id={`${idPrefix}-fine-check`} className={cx('pc-fine-check', check.outside && 'pc-fine-check--outside')}>
            {against}
          </Text>
        )}
      </Field>

      {check.outside && (
        <Field label='超出幅度的理由（将转执法监督部门备查）' error={props.reasonError}>
          <Textarea
            id={`${idPrefix}-reason`}
            className='field__textarea'
            value={props.reason}
            placeholder={props.reasonPlaceholder}
            maxlength={REASON_MAX}
            autoHeight
            onInput={(event) => props.onReason(event.detail.value)}
          />
        </Field>
      )}
    </>
  );
}
