import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: {
    target: string[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo: Record<string, string>;
  };
};

const raw = load(read('electron-builder.yml'));
const config = raw as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
    // The schema uses a `typeof` annotation keyword of its own; everything else stays strict.
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    ajv.addKeyword('typeof');
    const validate = ajv.compile(schema);
    const valid = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator really bites: a misspelt key or a wrong type is caught.
    expect(validate({ ...(raw as object), electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...(raw as object), asarUnpack: 42 })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.quietchart.app');
    expect(config.productName).toBe('Quietchart');
  });

  it('flips the security fuses in the Electron binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the app into an asar, with native modules unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3-multiple-ciphers'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the bundles only: no sources, tests or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/app/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(
      config.files.filter((p) => !p.startsWith('!')).every((p) => p.startsWith('dist/') || p === 'package.json'),
    ).toBe(true);
    expect(config.files).toContain('!dist/**/*.map');
    expect(config.files.some((p) => p.startsWith('!') && p.includes('tests'))).toBe(true);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office;MedicalSoftware');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('asks macOS for the microphone, under the hardened runtime', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/\S{10,}/);
    const entitlements = read(config.mac.entitlements);
    expect(entitlements).toMatch(/<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
    expect(entitlements).not.toMatch(/device\.camera|network\.server|disable-library-validation/);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('points at the bundled Electron entry', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string };
    expect(pkg.main).toBe('dist/app/main.cjs');
  });
});
