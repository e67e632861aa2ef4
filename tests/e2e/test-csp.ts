import { CONTENT_SECURITY_POLICY } from '../../main/app/csp';

/**
 * TEST ONLY. The app's CSP, plus the bridge's own socket in connect-src: the only difference from
 * production, so a page that breaks the policy in the app also breaks it here.
 */
export const testCsp = (bridgeUrl: string): string =>
  CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? `${directive} ${bridgeUrl}` : directive))
    .join('; ');
