import { Button, Input, Text, View } from '@tarojs/components';
import { CONTACT_TITLE_MAX, isMainlandMobile, type EnterpriseContactView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Field } from '../../../components/field';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../logic/api-error';
import { addEnterpriseContact, removeEnterpriseContact } from '../../../services/enterprise';

interface ContactsCardProps {
  contacts: EnterpriseContactView[];
  /** Signed in with the register's phone: may add and remove contacts. */
  representative: boolean;
  onChange: (contacts: EnterpriseContactView[]) => void;
}

/**
 * 企业联系人: who may sign in for the enterprise, phones masked. The legal representative adds and
 * removes them. Ids: #ent-contacts, `.ent-contact` rows, #ent-contact-phone, #ent-contact-title,
 * #ent-contact-add, `.ent-contact__remove`, #ent-contact-error.
 */
export function ContactsCard({ contacts, representative, onChange }: ContactsCardProps) {
  const [phone, setPhone] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (change: () => Promise<EnterpriseContactView[]>) => {
    setBusy(true);
    setError('');
    try {
      onChange(await change());
      setPhone('');
      setTitle('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    const typed = phone.replace(/[\s-]/g, '');
    if (!isMainlandMobile(typed)) {
      setError('请输入11位手机号');
      return;
    }
    void run(() => addEnterpriseContact({ phone: typed, title: title.trim() }));
  };

  return (
    <Card id='ent-contacts' title='企业联系人'>
      {contacts.map((contact) => (
        <View key={contact.id ?? 'register'} className='ent-contact'>
          <View className='ent-contact__who'>
            <Text className='ent-contact__phone'>{contact.phone}{contact.you ? '（本人）' : ''}</Text>
            <Text className='ent-contact__title'>{contact.title || '联系人'}</Text>
          </View>
          {representative && contact.id && (
            <Button className='ent-contact__remove' size='mini' disabled={busy} onClick={() => void run(() => removeEnterpriseContact(contact.id!))}>
              移除
            </Button>
          )}
        </View>
      ))}
      {representative ? (
        <View className='ent-contacts__add'>
          <Field label='添加联系人手机号'>
            <Input id='ent-contact-phone' className='field__input' type='number' value={phone} maxlength={13} placeholder='11位手机号' onInput={(e) => setPhone(e.detail.value)} />
          </Field>
          <Field label='职务或称呼（可不填）'>
            <Input id='ent-contact-title' className='field__input' value={title} maxlength={CONTACT_TITLE_MAX} placeholder='如：财务负责人' onInput={(e) => setTitle(e.detail.value)} />
          </Field>
          <PrimaryButton id='ent-contact-add' className='ent-home__button' busy={busy} onClick={add}>添加联系人</PrimaryButton>
        </View>
      ) : (
        <Text className='ent-home__muted'>联系人由法定代表人（用企业登记的手机号登录）添加或移除。</Text>
      )}
      {error && <Notice id='ent-contact-error' tone='danger'>{error}</Notice>}
    </Card>
  );
}
