import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import { Card } from '../../../components/card';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../logic/api-error';
import { downloadBooklet } from '../../../services/enterprise';

/**
 * 一企一册: the enterprise's compliance booklet (PDF) — the items that apply to it, their legal basis,
 * common violations and how to comply, and its inspection history. Ids: #ent-booklet, #ent-booklet-download,
 * #ent-booklet-error.
 */
export function BookletCard({ enterpriseName }: { enterpriseName: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const download = async () => {
    setBusy(true);
    setFailure('');
    try {
      await downloadBooklet(enterpriseName);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card id='ent-booklet' title='一企一册（企业合规手册）'>
      <Text className='ent-home__muted'>适用本企业的检查事项、法律依据、常见违法行为和合规指引，以及本企业的检查记录，可下载打印。</Text>
      <Button id='ent-booklet-download' className='ent-home__button' type='primary' loading={busy} disabled={busy} onClick={() => void download()}>
        {busy ? '正在生成…' : '下载合规手册（PDF）'}
      </Button>
      {failure && <Notice id='ent-booklet-error' tone='danger'>{failure}</Notice>}
    </Card>
  );
}
