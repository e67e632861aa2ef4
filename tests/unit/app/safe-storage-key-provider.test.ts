import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSafeStorageKeyProvider,
  judgeSafeStorage,
  MASTER_KEY_FILE,
} from '../../../main/app/safe-storage-key-provider';
import { FakeSafeStorage } from './fake-electron';

describe('the safeStorage key provider', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-safestorage-'));
  });

  const make = (storage = new FakeSafeStorage(), platform: NodeJS.Platform = 'linux', canCreate = true) =>
    createSafeStorageKeyProvider({ safeStorage: storage, platform, dir, canCreate: () => canCreate });

  it("refuses Linux's basic_text backend, which encrypts with a fixed password", () => {
    const storage = new FakeSafeStorage(true, 'basic_text');
    expect(judgeSafeStorage(storage, 'linux')).toEqual({ usable: false, reason: 'basic_text_backend' });
    expect(make(storage)).toBeNull();
    expect(fs.existsSync(path.join(dir, MASTER_KEY_FILE))).toBe(false);
  });

  it('refuses an unknown Linux backend and unavailable encryption', () => {
    expect(make(new FakeSafeStorage(true, 'unknown'))).toBeNull();
    expect(make(new FakeSafeStorage(false, 'gnome_libsecret'))).toBeNull();
    expect(make(new FakeSafeStorage(false), 'darwin')).toBeNull();
  });

  it('accepts a real keyring on Linux and the OS keystore elsewhere', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(judgeSafeStorage(new FakeSafeStorage(true, backend), 'linux').usable).toBe(true);
    }
    // getSelectedStorageBackend is Linux-only; other platforms report 'unknown' and are fine.
    expect(make(new FakeSafeStorage(true, 'unknown'), 'darwin')?.id).toBe('safe-storage');
    expect(make(new FakeSafeStorage(true, 'unknown'), 'win32')?.id).toBe('safe-storage');
  });

  it('creates a random 32-byte key once, stored only encrypted and private to the user', async () => {
    const provider = make();
    const key = await provider!.getMasterKey();
    expect(key).toHaveLength(32);
    const file = path.join(dir, MASTER_KEY_FILE);
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(raw.includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await make()!.getMasterKey()).toEqual(key);
    expect(fs.readdirSync(dir)).toEqual([MASTER_KEY_FILE]);
  });

  it('gives different installs different keys', async () => {
    const first = await make()!.getMasterKey();
    fs.rmSync(path.join(dir, MASTER_KEY_FILE));
    expect(await make()!.getMasterKey()).not.toEqual(first);
  });

  it('does not make a new key for a store that already exists', async () => {
    await expect(make(undefined, 'linux', false)!.getMasterKey()).rejects.toMatchObject({
      code: 'KEY_PROVIDER_UNAVAILABLE',
    });
    expect(fs.existsSync(path.join(dir, MASTER_KEY_FILE))).toBe(false);
  });

  it('reports a key file the keystore cannot decrypt, or a damaged key', async () => {
    fs.writeFileSync(path.join(dir, MASTER_KEY_FILE), 'not from this keystore');
    await expect(make()!.getMasterKey()).rejects.toMatchObject({ code: 'KEY_PROVIDER_UNAVAILABLE' });
    fs.writeFileSync(path.join(dir, MASTER_KEY_FILE), new FakeSafeStorage().encryptString('c2hvcnQ='));
    await expect(make()!.getMasterKey()).rejects.toMatchObject({ code: 'KEY_PROVIDER_UNAVAILABLE' });
  });
});
