import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { SegmentInput } from '../../../main/store';
import {
  createPassphraseKeyProvider,
  deriveKeys,
  openDatabase,
  openStore,
  type Db,
  type KeyProvider,
  type Store,
} from '../../../main/store';

/** The lowest scrypt cost the store accepts: fast tests, same code path as production. */
export const TEST_SCRYPT_COST = 2 ** 12;
export const PASSPHRASE = 'correct horse battery staple';

/** Temp dirs created by a test are removed after it; stores left open are closed first. */
const dirs: string[] = [];
const openStores: Store[] = [];
afterEach(() => {
  for (const store of openStores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const makeTempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-store-'));
  dirs.push(dir);
  return dir;
};

export type StoreFiles = { dir: string; dbPath: string; keyInfoPath: string };
export const storeFiles = (dir = makeTempDir()): StoreFiles => ({
  dir,
  dbPath: path.join(dir, 'store.db'),
  keyInfoPath: path.join(dir, 'store.db.keyinfo.json'),
});

export const passphraseProvider = (files: StoreFiles, passphrase = PASSPHRASE): KeyProvider =>
  createPassphraseKeyProvider({
    passphrase,
    keyInfoPath: files.keyInfoPath,
    databasePath: files.dbPath,
    cost: TEST_SCRYPT_COST,
  });

export const openTestStore = async (files = storeFiles(), passphrase = PASSPHRASE): Promise<Store> => {
  const store = await openStore({
    dbPath: files.dbPath,
    keyProvider: passphraseProvider(files, passphrase),
    dataDir: files.dir,
  });
  openStores.push(store);
  return store;
};

/** A second connection with the store's real key: what an attacker who has the key could do. */
export const openRawConnection = async (files: StoreFiles, passphrase = PASSPHRASE): Promise<Db> => {
  const keys = deriveKeys(await passphraseProvider(files, passphrase).getMasterKey());
  return openDatabase(files.dbPath, keys.dbKey);
};

export const randomKey = (): Buffer => randomBytes(32);

export const sha256File = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export const listFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();

export const PATIENT = { name: 'Maria Synthetic', dob: '1961-04-09', mrn: 'MRN-TEST-0001' } as const;

export const segment = (text: string, speaker: SegmentInput['speaker'] = 'patient'): SegmentInput => ({
  speaker,
  startMs: null,
  endMs: null,
  text,
  language: 'en',
  source: 'paste',
});

/** A patient + encounter through the repositories, as the encounter service does it. */
export const seedEncounter = (
  store: Store,
  reason = 'Cough for three days',
  patient: { name: string; dob: string; mrn: string } = PATIENT,
) =>
  store.transaction(() => {
    const p = store.repos.patients.create(patient);
    return store.repos.encounters.create({ patientId: p.id, reason });
  });

/** What `fn` throws, so a test can match its stable `code` (fails the test if nothing is thrown). */
export const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw, but it returned.');
};
