import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { thrownBy } from './thrown';
import { createPassphraseKeyProvider } from '../../../main/store';

const COST = 2 ** 12;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const keyInfoPath = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-key-'));
  dirs.push(dir);
  return path.join(dir, 'store.db.keyinfo.json');
};

describe('passphrase key provider', () => {
  it('creates the sidecar with scrypt parameters and a random 16-byte salt, and nothing secret', async () => {
    const file = keyInfoPath();
    const key = await createPassphraseKeyProvider({
      passphrase: 'pw-secret',
      keyInfoPath: file,
      cost: COST,
    }).getMasterKey();
    expect(key).toHaveLength(32);
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ version: 1, kdf: 'scrypt', N: COST, r: 8, p: 1 });
    expect(Buffer.from(String(info.salt), 'base64')).toHaveLength(16);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('pw-secret');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('derives the same key from the same passphrase and sidecar, and a different one otherwise', async () => {
    const file = keyInfoPath();
    const a = await createPassphraseKeyProvider({ passphrase: 'one', keyInfoPath: file, cost: COST }).getMasterKey();
    const b = await createPassphraseKeyProvider({ passphrase: 'one', keyInfoPath: file, cost: COST }).getMasterKey();
    const c = await createPassphraseKeyProvider({ passphrase: 'two', keyInfoPath: file, cost: COST }).getMasterKey();
    const d = await createPassphraseKeyProvider({
      passphrase: 'one',
      keyInfoPath: keyInfoPath(),
      cost: COST,
    }).getMasterKey();
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(a.equals(d)).toBe(false);
  });

  it('keeps the parameters of an existing sidecar over a different requested cost', async () => {
    const file = keyInfoPath();
    const a = await createPassphraseKeyProvider({ passphrase: 'one', keyInfoPath: file, cost: COST }).getMasterKey();
    const b = await createPassphraseKeyProvider({
      passphrase: 'one',
      keyInfoPath: file,
      cost: COST * 2,
    }).getMasterKey();
    expect(a.equals(b)).toBe(true);
  });

  it('defaults to N = 2^15 for new sidecars', async () => {
    const file = keyInfoPath();
    await createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: file }).getMasterKey();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
  });

  it('refuses a cost below 2^12 or not a power of two', () => {
    expect(
      thrownBy(() => createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: keyInfoPath(), cost: 2 ** 11 })),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      thrownBy(() => createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: keyInfoPath(), cost: 5000 })),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a sidecar that was weakened below the minimum cost or damaged', async () => {
    const file = keyInfoPath();
    await createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: file, cost: COST }).getMasterKey();
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...info, N: 2 ** 10 }));
    await expect(
      createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: file, cost: COST }).getMasterKey(),
    ).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
    });
    fs.writeFileSync(file, '{');
    await expect(
      createPassphraseKeyProvider({ passphrase: 'x', keyInfoPath: file, cost: COST }).getMasterKey(),
    ).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
    });
  });

  it('refuses an empty passphrase', () => {
    expect(thrownBy(() => createPassphraseKeyProvider({ passphrase: '', keyInfoPath: keyInfoPath() }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
