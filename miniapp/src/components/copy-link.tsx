import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './copy-link.css';

const copy = (url: string) => {
  Taro.setClipboardData({ data: url }).then(
    () => undefined,
    () => void Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }),
  );
};

/** A link to print or send (the party's supervision code), selectable, with 复制链接 (`<id>-url`, `<id>-copy`). */
export function CopyLink({ id, url }: { id: string; url: string }) {
  return (
    <View id={id} className='copy-link'>
      <Text id={`${id}-url`} className='copy-link__url' userSelect>
        {url}
      </Text>
      <Button id={`${id}-copy`} className='copy-link__button' size='mini' onClick={() => copy(url)}>
        复制链接
      </Button>
    </View>
  );
}
