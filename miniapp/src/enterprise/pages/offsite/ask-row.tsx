import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ChangeEvent } from 'react';
import { evidenceLine, kindLabel, type AskLine } from '../../../logic/offsite';
import type { UploadSource } from '../../../services/request';

interface AskRowProps {
  line: AskLine;
  open: boolean;
  busy: boolean;
  progress: number | null;
  onFile: (position: number, source: UploadSource) => void;
  onReading: (position: number, text: string) => void;
}

/** One thing asked: the item, what is wanted, what was sent, and the way to send it (a photo, a file, a reading). */
export function AskRow({ line, open, busy, progress, onFile, onReading }: AskRowProps) {
  const [reading, setReading] = useState('');
  const pickH5 = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFile(line.position, { blob: file, name: file.name });
    event.target.value = '';
  };
  const pickWeapp = async () => {
    try {
      if (line.kind === 'photo') {
        const { tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
        if (tempFiles[0]) onFile(line.position, { path: tempFiles[0].path, name: tempFiles[0].path.split('/').pop() ?? 'photo.jpg' });
      } else {
        const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
        if (tempFiles[0]) onFile(line.position, { path: tempFiles[0].path, name: tempFiles[0].name });
      }
    } catch {
      // Cancelled: nothing chosen.
    }
  };
  const done = line.sent.length > 0;
  return (
    <View className={`offsite-ask${done ? ' offsite-ask--done' : ''}`} data-position={String(line.position)}>
      <Text className='offsite-ask__item'>{line.itemName}</Text>
      <Text className='offsite-ask__what'>
        {kindLabel(line.kind)}：{line.ask}
      </Text>
      {line.sent.map((e) => (
        <Text key={e.id} className='offsite-ask__sent'>
          ✓ {evidenceLine(e)}
        </Text>
      ))}
      {!done && <Text className='offsite-ask__missing'>尚未提交</Text>}
      {open && line.kind === 'reading' && (
        <View className='offsite-ask__reading'>
          <Input
            id={`offsite-reading-${line.position}`}
            className='offsite-ask__input'
            value={reading}
            placeholder='如 4℃、正常'
            maxlength={200}
            onInput={(event) => setReading(event.detail.value)}
          />
          <Button
            id={`offsite-reading-send-${line.position}`}
            className='offsite-ask__button'
            disabled={busy}
            onClick={() => {
              onReading(line.position, reading);
              setReading('');
            }}
          >
            填好了
          </Button>
        </View>
      )}
      {open && line.kind !== 'reading' &&
        (process.env.TARO_ENV === 'h5' ? (
          <View className='offsite-ask__file'>
            <Text className='offsite-ask__hint'>{line.kind === 'photo' ? '拍照或选择照片（JPG、PNG）' : '选择文件（PDF、JPG、PNG）'}</Text>
            <input
              id={`offsite-file-${line.position}`}
              type='file'
              disabled={busy}
              accept={line.kind === 'photo' ? 'image/jpeg,image/png' : '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'}
              onChange={pickH5}
            />
          </View>
        ) : (
          <Button id={`offsite-file-${line.position}`} className='offsite-ask__button' disabled={busy} onClick={() => void pickWeapp()}>
            {line.kind === 'photo' ? '拍照或选择照片' : '选择文件'}
          </Button>
        ))}
      {progress !== null && <Text className='offsite-ask__progress'>正在上传 {progress}%</Text>}
    </View>
  );
}
