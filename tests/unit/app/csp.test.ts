import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, installCspHeaders, withSecurityHeaders } from '../../../main/app/csp';
import { FakeSession } from './fake-electron';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the content security policy', () => {
  it('denies everything by default and allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('blocks plugins, framing, base rewriting and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows inline script, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|ws:|\*/);
  });

  it('replaces a weaker policy a response brings, whatever its letter case', () => {
    const headers = withSecurityHeaders({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('is added by the session to every response it sees', () => {
    const session = new FakeSession();
    installCspHeaders(session);
    const response = session.headersFor('app://quietchart/index.html', { 'Content-Type': ['text/html'] });
    expect(response.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(response.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });
});
