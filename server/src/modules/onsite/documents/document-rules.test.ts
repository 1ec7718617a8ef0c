import { kindAccepts, sniffDocumentType } from './document-rules.js';

describe('document types', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n'))).toEqual({ contentType: 'application/pdf', extension: 'pdf' });
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))?.contentType).toBe('image/jpeg');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.contentType).toBe('image/png');
    expect(sniffDocumentType(Buffer.from('PK\u0003\u0004zip'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('%PD'))).toBeNull();
  });

  it('takes only images as photos', () => {
    expect(kindAccepts('photo', 'image/png')).toBe(true);
    expect(kindAccepts('photo', 'application/pdf')).toBe(false);
    expect(kindAccepts('penalty-decision', 'application/pdf')).toBe(true);
  });
});
