import { Text } from '@tarojs/components';
import { REFUSAL_RULE_LABELS, type RefusalRule, type RuleRefusal } from '@mashang/shared';
import { Notice } from './notice';
import { Refusals } from './refusals';

interface FormProblemsProps {
  /** `<id>-refusals` holds the refused rules, `<id>-error` the rest. */
  id: string;
  /** Says what could not be done, over the refusals: 不能告知，原因如下： */
  refusedTitle: string;
  /** The fields' problems, in the form's order. */
  lines: string[];
  refusals: RuleRefusal[];
  message: string;
}

const ruleLabel = (rule: string) => REFUSAL_RULE_LABELS[rule as RefusalRule] ?? '办案规则';

/** What stands in a form's way: the rules the server refused on (with what to do), field problems, any other failure. */
export function FormProblems({ id, refusedTitle, lines, refusals, message }: FormProblemsProps) {
  return (
    <>
      <Refusals id={`${id}-refusals`} title={refusedTitle} refusals={refusals} label={ruleLabel} />
      {(lines.length > 0 || message) && (
        <Notice id={`${id}-error`} tone='danger'>
          {lines.length > 0 && <Text>请先改正：</Text>}
          {lines.map((line) => (
            <Text key={line}>· {line}</Text>
          ))}
          {message && <Text>{message}</Text>}
        </Notice>
      )}
    </>
  );
}
