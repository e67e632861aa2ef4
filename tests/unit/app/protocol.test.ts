import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/csp';
import { createLogger, setLogSink } from '../../../main/log/logger';
import { installAppProtocol, registerAppScheme, resolveAppPath } from '../../../main/app/protocol';
import { FakeProtocol } from './fake-electron';

const SECRET = 'SECRET-OUTSIDE-THE-ROOT';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-protocol-'));
const root = path.join(base, 'renderer');
const logged: string[] = [];

describe('the app:// protocol', () => {
  const protocol = new FakeProtocol();

  beforeAll(() => {
    setLogSink((line) => logged.push(line));
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Quietchart</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
    fs.writeFileSync(path.join(root, 'assets', 'blob.xyz'), 'x');
    fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(base, 'renderer-evil.txt'), SECRET);
    registerAppScheme(protocol);
    installAppProtocol(protocol, root, createLogger('test'));
  });
  afterAll(() => {
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('registers app as a standard, secure scheme', () => {
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(protocol.privileged[0]?.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('serves index.html with the CSP and nosniff', async () => {
    const response = await protocol.fetch('app://quietchart/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Quietchart</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await protocol.fetch('app://quietchart/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Quietchart');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.xyz', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const response = await protocol.fetch(`app://quietchart/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await protocol.fetch('app://quietchart/missing.js')).status).toBe(404);
    expect((await protocol.fetch('app://quietchart/assets')).status).toBe(404);
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await protocol.fetch('app://quietchart/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await protocol.fetch('app://quietchart/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it.each([
    'app://quietchart/../secret.txt',
    'app://quietchart/%2e%2e/secret.txt',
    'app://quietchart/%2E%2E/%2E%2E/secret.txt',
    'app://quietchart/..%2fsecret.txt',
    'app://quietchart/assets/..%2f..%2fsecret.txt',
    'app://quietchart/..%5csecret.txt',
    'app://quietchart/..\\secret.txt',
    'app://quietchart/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://quietchart/index.html%00.js',
    'app://quietchart//etc/passwd',
    `app://quietchart/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://quietchart/C:/Windows/win.ini',
    'app://quietchart/%E0%A4%A',
    'app://quietchart/../renderer-evil.txt',
    'app://other-host/index.html',
  ])('never serves a file outside the root: %s', async (url) => {
    const response = await protocol.fetch(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses encoded traversal outright rather than normalising it', () => {
    expect(resolveAppPath(root, 'app://quietchart/..%2fsecret.txt')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://quietchart/..%5csecret.txt')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://quietchart/a%00b')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://quietchart/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });

  it('keeps absolute paths inside the root', () => {
    const resolved = resolveAppPath(root, `app://quietchart/${encodeURIComponent('/etc/passwd')}`);
    expect(resolved).toEqual({ ok: true, file: path.join(root, 'etc', 'passwd') });
  });

  it('logs refusals by status only, never the requested path', () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toMatch(/secret|passwd|win\.ini|quietchart-protocol/);
  });
});
