import Taro from '@tarojs/taro';
import { ErrorCode, type DocumentKind } from '@mashang/shared';
import { useRef, useState, type ChangeEvent } from 'react';
import { ApiError, errorMessage } from '../../logic/api-error';
import { isNetworkFailure, newClientKey } from '../../logic/offline-queue';
import { DOCUMENT_NETWORK_FAILURE, documentKindLabel, fileNameOf } from '../../logic/onsite';
import { uploadDocument } from '../../services/onsite';
import type { UploadSource } from '../../services/request';

export interface ChosenFile {
  source: UploadSource;
  name: string;
  size: number | null;
  /** One key per chosen file, so retrying the same upload is recognised as one. */
  clientKey: string;
}

/**
 * The document form: its kind, title and number, the file chosen (a photo or a chat file in the
 * mini-program, an <input type="file"> on H5) and its upload. Documents are never queued: without
 * a network the upload fails and says so.
 */
export function useDocuments(planId: string | undefined, onUploaded: () => Promise<void>) {
  const [kind, setKind] = useState<DocumentKind>('record');
  const [title, setTitle] = useState(documentKindLabel('record'));
  const [docNo, setDocNo] = useState('');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const chooseKind = (next: DocumentKind) => {
    // A title still reading as the previous kind's name follows the new kind.
    if (!title.trim() || title === documentKindLabel(kind)) setTitle(documentKindLabel(next));
    setKind(next);
    setError('');
  };

  const choose = (source: UploadSource, name: string, size: number | null) => {
    setChosen({ source, name, size, clientKey: newClientKey('doc') });
    setProgress(null);
    setError('');
  };

  const chooseImage = async () => {
    try {
      const { tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
      const file = tempFiles[0];
      if (file) choose({ path: file.path, name: fileNameOf(file.path) }, fileNameOf(file.path), file.size);
    } catch {
      // Cancelled: nothing chosen.
    }
  };

  const chooseChatFile = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
      const file = tempFiles[0];
      if (file) choose({ path: file.path, name: file.name }, file.name, file.size);
    } catch {
      // Cancelled: nothing chosen.
    }
  };

  const pickH5File = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) choose({ blob: file, name: file.name }, file.name, file.size);
  };

  const upload = async () => {
    if (!planId || !chosen || busy) return;
    if (!title.trim()) {
      setError('请填写文书标题');
      return;
    }
    setBusy(true);
    setError('');
    setProgress(0);
    try {
      await uploadDocument(planId, { kind, title, docNo, clientKey: chosen.clientKey }, chosen.source, setProgress);
      setChosen(null);
      setDocNo('');
      if (fileInput.current) fileInput.current.value = '';
      await onUploaded();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === ErrorCode.AlreadyRecorded) {
        setChosen(null);
        await onUploaded();
      } else {
        setError(isNetworkFailure(failure) ? DOCUMENT_NETWORK_FAILURE : errorMessage(failure));
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return { kind, title, setTitle, docNo, setDocNo, chosen, progress, error, busy, fileInput, chooseKind, chooseImage, chooseChatFile, pickH5File, upload };
}

export type DocumentsForm = ReturnType<typeof useDocuments>;
