import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../../../main/log/logger';
import { hardenWebContents, installPermissionHandlers } from '../../../main/app/security';
import { FakeSession, FakeWebContents } from './fake-electron';

setLogSink(() => undefined);
const log = createLogger('test');
const APP_PAGE = 'app://quietchart/index.html';

describe('navigation and new windows', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents();
    contents.mainFrame.url = APP_PAGE;
    hardenWebContents(contents, log);
  });

  it('allows navigation within the app origin', () => {
    expect(contents.navigate('app://quietchart/index.html#/encounters')).toBe(true);
    expect(contents.navigate('app://quietchart/other.html')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://quietchart.evil/index.html',
    'app://evil/index.html',
    'app://user@quietchart/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
  ])('prevents navigation to %s', (url) => {
    expect(contents.navigate(url)).toBe(false);
    expect(contents.mainFrame.url).toBe(APP_PAGE);
  });

  it('prevents redirects to another origin', () => {
    expect(contents.navigate('https://example.org/', 'will-redirect')).toBe(false);
    expect(contents.navigate('app://quietchart/index.html', 'will-redirect')).toBe(true);
  });

  it('denies window.open, even to the app origin', () => {
    expect(contents.openWindow('https://example.org/')).toBe('deny');
    expect(contents.openWindow(APP_PAGE)).toBe('deny');
  });

  it('refuses to attach a webview', () => {
    expect(contents.attachWebview()).toBe(false);
  });
});

describe('permissions', () => {
  let session: FakeSession;
  let contents: FakeWebContents;
  beforeEach(() => {
    session = new FakeSession();
    contents = new FakeWebContents();
    contents.mainFrame.url = APP_PAGE;
    installPermissionHandlers(session, log);
  });

  const mic = { isMainFrame: true, requestingUrl: APP_PAGE, mediaTypes: ['audio' as const] };

  it('grants the microphone to the app origin main frame', async () => {
    expect(await session.request(contents, 'media', mic)).toBe(true);
    expect(await session.request(contents, 'media', { ...mic, securityOrigin: 'app://quietchart' })).toBe(true);
  });

  it('refuses the camera, and audio bundled with video', async () => {
    expect(await session.request(contents, 'media', { ...mic, mediaTypes: ['video'] })).toBe(false);
    expect(await session.request(contents, 'media', { ...mic, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(await session.request(contents, 'media', { ...mic, mediaTypes: [] })).toBe(false);
    expect(await session.request(contents, 'media', { isMainFrame: true, requestingUrl: APP_PAGE })).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'midi',
    'midiSysex',
    'pointerLock',
    'openExternal',
    'mediaKeySystem',
    'window-management',
    'fileSystem',
    'unknown',
  ])('refuses %s even to the app origin', async (permission) => {
    expect(await session.request(contents, permission, { isMainFrame: true, requestingUrl: APP_PAGE })).toBe(false);
  });

  it('refuses the microphone to another origin, a subframe, or a window showing another page', async () => {
    expect(await session.request(contents, 'media', { ...mic, requestingUrl: 'https://example.org/' })).toBe(false);
    expect(await session.request(contents, 'media', { ...mic, securityOrigin: 'https://example.org' })).toBe(false);
    expect(await session.request(contents, 'media', { ...mic, isMainFrame: false })).toBe(false);
    contents.mainFrame.url = 'https://example.org/';
    expect(await session.request(contents, 'media', mic)).toBe(false);
  });

  it('answers permission checks with the same policy', () => {
    expect(session.check('media', 'app://quietchart', { isMainFrame: true, mediaType: 'audio' })).toBe(true);
    expect(session.check('media', 'app://quietchart', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(session.check('media', 'app://quietchart', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
    expect(session.check('media', 'app://quietchart', { isMainFrame: false, mediaType: 'audio' })).toBe(false);
    expect(session.check('media', 'https://example.org', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(session.check('geolocation', 'app://quietchart', { isMainFrame: true })).toBe(false);
    expect(session.check('notifications', 'app://quietchart', { isMainFrame: true })).toBe(false);
  });

  it('refuses USB, serial and HID devices', () => {
    expect(session.deviceHandler?.({ deviceType: 'usb', origin: 'app://quietchart' })).toBe(false);
  });
});
