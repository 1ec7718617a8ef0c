import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { IssuedCode, PlanView } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { chineseDate, shanghaiDateTime } from '../../logic/dates';
import { svgDataUrl } from '../../logic/qr';

const QR_ENCODING = process.env.TARO_ENV === 'h5' ? 'utf8' : 'base64';

const copyLink = (url: string) => {
  Taro.setClipboardData({ data: url }).then(
    () => undefined,
    () => void Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }),
  );
};

/** #code-modal: the inspection code just issued, as a QR for the enterprise to scan and as a link. */
export function CodeModal({ plan, code, onClose }: { plan: PlanView; code: IssuedCode; onClose: () => void }) {
  return (
    <View id='code-modal' className='code-modal' catchMove>
      <View className='code-modal__card'>
        <Text className='code-modal__title'>检查码</Text>
        <Text className='code-modal__plan'>
          {plan.inspection.joint ? '联合检查 · ' : ''}
          {chineseDate(plan.inspection.date)}
        </Text>
        <Image id='code-qr' className='code-modal__qr' mode='aspectFit' src={svgDataUrl(code.qrSvg, QR_ENCODING)} />
        <Text className='code-modal__hint'>请企业用手机扫码核验本次检查</Text>
        <Text id='code-url' className='code-modal__url' userSelect>
          {code.url}
        </Text>
        <Text id='code-expires' className='code-modal__expires'>
          有效期至 {shanghaiDateTime(code.expiresAt)}
        </Text>
        <View className='code-modal__actions'>
          <Button id='code-copy' className='code-modal__button' onClick={() => copyLink(code.url)}>
            复制链接
          </Button>
          <PrimaryButton id='code-close' className='code-modal__button' onClick={onClose}>
            关闭
          </PrimaryButton>
        </View>
      </View>
    </View>
  );
}
