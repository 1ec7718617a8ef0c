import { Button, Input, Text, View } from '@tarojs/components';
import { DOCUMENT_KINDS, type OnsiteInspectionView } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { RadioChips } from '../../components/radio-chips';
import { shanghaiDateTime } from '../../logic/dates';
import { documentKindLabel, documentNetworkNote, fileSizeLabel } from '../../logic/onsite';
import type { DocumentsForm } from './use-documents';

/** 文书: the upload form once checked in (#doc-kind, #doc-title, #doc-file, #doc-upload, …) and #doc-list. */
export function DocumentsCard({ view, online, form }: { view: OnsiteInspectionView; online: boolean; form: DocumentsForm }) {
  return (
    <Card title='文书'>
      {online ? (
        <Muted id='doc-network-note'>{documentNetworkNote(true)}</Muted>
      ) : (
        <Notice id='doc-network-note' tone='warning'>
          {documentNetworkNote(false)}
        </Notice>
      )}
      {view.status !== 'planned' && (
        <View className='doc-form'>
          <RadioChips id='doc-kind' className='doc-kinds' options={DOCUMENT_KINDS} value={form.kind} idPrefix='doc-kind' chipClassName='doc-kind' onChange={form.chooseKind} />
          <Field label='标题'>
            <Input id='doc-title' className='field__input' value={form.title} maxlength={200} onInput={(event) => form.setTitle(event.detail.value)} />
          </Field>
          <Field label='文书编号（选填）'>
            <Input id='doc-no' className='field__input' value={form.docNo} placeholder='如 汴市监检〔2026〕12号' maxlength={64} onInput={(event) => form.setDocNo(event.detail.value)} />
          </Field>
          <Field label='文件（PDF、JPG 或 PNG）'>
            {process.env.TARO_ENV === 'h5' ? (
              <input
                id='doc-file'
                ref={form.fileInput}
                className='doc-file'
                type='file'
                accept='.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
                onChange={form.pickH5File}
              />
            ) : (
              <View className='doc-choose'>
                <Button id='doc-choose-image' className='doc-choose__button' onClick={() => void form.chooseImage()}>
                  拍照或相册
                </Button>
                <Button id='doc-choose-file' className='doc-choose__button' onClick={() => void form.chooseChatFile()}>
                  聊天中的文件
                </Button>
              </View>
            )}
            {form.chosen && (
              <Muted id='doc-chosen'>
                已选择：{form.chosen.name}
                {form.chosen.size !== null ? `（${fileSizeLabel(form.chosen.size)}）` : ''}
              </Muted>
            )}
          </Field>
          {form.progress !== null && (
            <View id='doc-progress' className='progress'>
              <View className='progress__bar' style={{ width: `${form.progress}%` }} />
              <Text className='progress__text'>正在上传 {form.progress}%</Text>
            </View>
          )}
          <PrimaryButton id='doc-upload' className='doc-upload' busy={form.busy} disabled={!form.chosen} onClick={() => void form.upload()}>
            上传
          </PrimaryButton>
          {form.error && (
            <Notice id='doc-error' tone='danger'>
              {form.error}
            </Notice>
          )}
        </View>
      )}
      <View id='doc-list'>
        {view.documents.length === 0 && <Muted>还没有上传文书。</Muted>}
        {view.documents.map((document) => (
          <View key={document.id} className='document' data-document-id={document.id}>
            <Text className='document__title'>
              {documentKindLabel(document.kind)}：{document.title}
            </Text>
            <Text className='document__line'>
              {document.docNo ? `${document.docNo} · ` : ''}
              {document.fileName} · <Text className='document__size'>{fileSizeLabel(document.sizeBytes)}</Text>
            </Text>
            <Text className='document__line'>上传时间：{shanghaiDateTime(document.uploadedAt)}</Text>
          </View>
        ))}
      </View>
    </Card>
  );
}
