import { DOCUMENT_KINDS, type DocumentKind } from '@mashang/shared';

export const DOCUMENT_KIND_VALUES: readonly DocumentKind[] = DOCUMENT_KINDS.map((k) => k.value);

/** The file types a document may be, recognised by their first bytes rather than the name or the client's word. */
const SIGNATURES: { contentType: string; extension: string; magic: number[] }[] = [
  { contentType: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes `sniffDocumentType` needs. */
export const SNIFF_BYTES = 8;

export function sniffDocumentType(head: Uint8Array): { contentType: string; extension: string } | null {
  const match = SIGNATURES.find(({ magic }) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte));
  return match ? { contentType: match.contentType, extension: match.extension } : null;
}

/** Photos are images; the legal documents may also be scanned to PDF. */
export function kindAccepts(kind: DocumentKind, contentType: string): boolean {
  return kind === 'photo' ? contentType.startsWith('image/') : true;
}
