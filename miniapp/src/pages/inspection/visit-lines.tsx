import { Text } from '@tarojs/components';
import type { OnsiteInspectionView } from '@mashang/shared';
import { accompanyingLine, visitTag } from '../../logic/visits';

/** #insp-kind for a visit (回访、政策宣传、走访调研), #insp-accompanying for an accompanied inspection (陪同执法). */
export function VisitLines({ view }: { view: OnsiteInspectionView }) {
  const tag = visitTag(view.kind);
  const accompanying = accompanyingLine(view.accompanying);
  return (
    <>
      {tag && <Text id='insp-kind' className='inspection__line'>类别：{tag}（不是行政检查，无检查事项）</Text>}
      {accompanying && <Text id='insp-accompanying' className='inspection__line'>{accompanying}</Text>}
    </>
  );
}
