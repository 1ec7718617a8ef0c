import { API_POLICY, PAGE_POLICY, securityHeaders } from './security-headers.js';

describe('security headers', () => {
  it('gives API answers a policy that loads nothing, pages one that runs only their own scripts', () => {
    const headersFor = securityHeaders({ https: false });
    expect(headersFor('/api/plans?page=1')['content-security-policy']).toBe(API_POLICY);
    for (const url of ['/h5/', '/h5/js/app.js', '/', '/r/abc', '/v/abc', '/api/docs', '/api/docs/swagger-ui.css']) {
      expect(headersFor(url)['content-security-policy']).toBe(PAGE_POLICY);
    }
    expect(PAGE_POLICY).toContain("script-src 'self';");
    expect(PAGE_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(PAGE_POLICY).toContain("frame-ancestors 'none'");
  });

  it('always forbids sniffing, framing and referrers; HSTS only behind https', () => {
    expect(securityHeaders({ https: false })('/api/health')).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': API_POLICY,
    });
    expect(securityHeaders({ https: true })('/h5/')['strict-transport-security']).toBe('max-age=31536000');
  });
});
