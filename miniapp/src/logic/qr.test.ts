import { base64, svgDataUrl } from './qr';

describe('base64', () => {
  it('matches Node for ASCII, padding and UTF-8', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg xmlns="http://www.w3.org/2000/svg"/>', '检查码 ✓ 𝄞']) {
      expect(base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });
});

describe('svgDataUrl', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><path d="M0 0h1v1H0z"/></svg>';

  it('URL-encodes for browsers', () => {
    const url = svgDataUrl(svg, 'utf8');
    expect(url.startsWith('data:image/svg+xml;utf8,%3Csvg')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml;utf8,'.length))).toBe(svg);
  });

  it('base64-encodes for the mini-program', () => {
    const url = svgDataUrl(svg, 'base64');
    expect(Buffer.from(url.slice('data:image/svg+xml;base64,'.length), 'base64').toString()).toBe(svg);
  });
});
