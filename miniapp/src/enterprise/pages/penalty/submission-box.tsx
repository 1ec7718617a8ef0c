import { Button, Text, Textarea, View } from '@tarojs/components';
import { PARTY_SUBMISSION_TEXT_MAX, type PartySubmissionKind } from '@mashang/shared';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { confirmQuestion, draftPlaceholder, type PenaltyAction } from '../../../logic/penalty-code';

export interface Draft {
  kind: PartySubmissionKind;
  text: string;
  /** write: the text box; confirm: what will be sent, and the last chance to go back. */
  step: 'write' | 'confirm';
}

interface SubmissionBoxProps {
  action: PenaltyAction;
  draft: Draft;
  problem: string | null;
  sending: boolean;
  onText: (text: string) => void;
  onNext: () => void;
  onBack: () => void;
  onCancel: () => void;
  onSend: () => void;
}

/** One action opened: write, then confirm what goes to the agency (or to the supervisor, for an objection). */
export function SubmissionBox({ action, draft, problem, sending, onText, onNext, onBack, onCancel, onSend }: SubmissionBoxProps) {
  if (draft.step === 'confirm') {
    return (
      <Card id='penalty-confirm' className='penalty-box penalty-box--confirm'>
        <Text className='penalty-heading'>{confirmQuestion(draft.kind)}</Text>
        <Text id='penalty-confirm-text' className='penalty-confirm-text'>{draft.text || '（未填写理由）'}</Text>
        {problem && <Text id='penalty-problem' className='penalty-problem'>{problem}</Text>}
        <PrimaryButton id='penalty-send' className='penalty-button' busy={sending} onClick={onSend}>确认提交</PrimaryButton>
        <Button id='penalty-back' className='penalty-secondary' disabled={sending} onClick={onBack}>返回修改</Button>
      </Card>
    );
  }
  return (
    <Card id='penalty-compose' className='penalty-box' data-kind={draft.kind}>
      <Text className='penalty-heading'>{action.label}</Text>
      <Text className='penalty-hint'>{action.hint}</Text>
      <Textarea
        id='penalty-text'
        className='penalty-text'
        value={draft.text}
        maxlength={PARTY_SUBMISSION_TEXT_MAX}
        placeholder={draftPlaceholder(draft.kind)}
        onInput={(e) => onText(e.detail.value)}
      />
      <View className='penalty-count'>
        <Text>{[...draft.text].length}/{PARTY_SUBMISSION_TEXT_MAX}字</Text>
      </View>
      {problem && <Text id='penalty-problem' className='penalty-problem'>{problem}</Text>}
      <PrimaryButton id='penalty-next' className='penalty-button' onClick={onNext}>下一步</PrimaryButton>
      <Button id='penalty-cancel' className='penalty-secondary' onClick={onCancel}>取消</Button>
    </Card>
  );
}
