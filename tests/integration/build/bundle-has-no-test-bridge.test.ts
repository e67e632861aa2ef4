import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The E2E bridge (tests/e2e) gives a page the app's services over a WebSocket. It must never ship.
 * This builds the production bundles from the current sources into a temp dir (never a stale or
 * concurrently rebuilt dist/) and searches every output byte for the bridge's markers.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const MARKERS = ['__QUIETCHART_TEST_BRIDGE__', 'QUIETCHART_BRIDGE_TOKEN', 'ws://'];

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });

describe('the production bundles', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-bundle-'));
  const rendererOut = path.join(out, 'renderer');

  beforeAll(() => {
    const node = (args: string[]): void => {
      execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    };
    node([
      path.join('node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--outDir',
      rendererOut,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ]);
    node([path.join('scripts', 'build-node.mjs'), '--outdir', out]);
  });
  afterAll(() => {
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('are all built: renderer scripts, Electron main and preload, CLI', () => {
    const files = filesUnder(out).map((file) => path.relative(out, file));
    expect(files.some((file) => file.startsWith(`renderer${path.sep}`) && file.endsWith('.js'))).toBe(true);
    expect(files).toEqual(
      expect.arrayContaining([
        path.join('renderer', 'index.html'),
        path.join('app', 'main.cjs'),
        path.join('app', 'preload.cjs'),
        path.join('cli', 'quietchart.cjs'),
      ]),
    );
  });

  it('contain no trace of the test bridge and no WebSocket URL', () => {
    const hits = filesUnder(out).flatMap((file) => {
      const text = fs.readFileSync(file).toString('latin1');
      return MARKERS.filter((marker) => text.includes(marker)).map(
        (marker) => `${path.relative(out, file)}: ${marker}`,
      );
    });
    expect(hits).toEqual([]);
  });

  it('give the sandboxed preload nothing to require but electron', () => {
    const preload = fs.readFileSync(path.join(out, 'app', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('load the renderer without inline script or style, as the CSP requires', () => {
    const html = fs.readFileSync(path.join(rendererOut, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="\.?\/?assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });

  it('start the Electron main bundle: sandbox and scheme before ready, one secure window, UI served with CSP', () => {
    const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-bundle-home-'));
    try {
      const stdout = execFileSync(
        process.execPath,
        [
          path.join(import.meta.dirname, 'fixtures', 'run-main-with-fake-electron.cjs'),
          path.join(out, 'app', 'main.cjs'),
          appData,
        ],
        // The bundle sits in a temp dir: native modules resolve from the checkout's node_modules.
        {
          cwd: root,
          env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 60_000,
        },
      );
      const report = JSON.parse(stdout) as {
        beforeReady: string[];
        privileged: { scheme: string }[];
        windows: { webPreferences: Record<string, unknown>; show: boolean; url: string }[];
        ipcChannels: string[];
        unlocked: boolean;
        index: { status: number; csp: string };
      };
      expect(report.beforeReady).toEqual(['enableSandbox', 'registerSchemes']);
      expect(report.privileged.map((s) => s.scheme)).toEqual(['app']);
      expect(report.windows).toHaveLength(1);
      expect(report.windows[0]).toMatchObject({
        show: false,
        url: 'app://quietchart/index.html',
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          preload: path.join(out, 'app', 'preload.cjs'),
        },
      });
      expect(report.ipcChannels).toEqual(['quietchart:invoke']);
      expect(report.unlocked).toBe(true);
      expect(report.index.status).toBe(200);
      expect(report.index.csp).toMatch(/^default-src 'none'/);
    } finally {
      fs.rmSync(appData, { recursive: true, force: true });
    }
  });

  it('run the preload in a sandbox-like context that can require only electron, exposing one frozen api', async () => {
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => {
          exposed.set(key, value);
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          sent.push(args);
          return Promise.resolve({
            ok: true,
            value: { version: '1', schemaVersion: 1, locked: true, clinician: null },
          });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const context = vm.createContext({ require: sandboxRequire, module: { exports: {} }, exports: {} });
    vm.runInContext(fs.readFileSync(path.join(out, 'app', 'preload.cjs'), 'utf8'), context);

    expect([...exposed.keys()]).toEqual(['quietchart']);
    const api = exposed.get('quietchart') as { invoke: (c: string, r: unknown) => Promise<unknown> };
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.invoke('encounter:drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(sent).toEqual([]);
    expect(await api.invoke('app:info', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(sent).toEqual([['quietchart:invoke', { channel: 'app:info', request: {} }]]);
  });
});
