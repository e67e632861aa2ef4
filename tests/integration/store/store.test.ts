import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openStore } from '../../../main/store';
import { listFiles, openTestStore, PATIENT, seedEncounter, sha256File, storeFiles, thrownBy } from './fixture';

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(listFiles(dir).map((file) => [path.relative(dir, file), sha256File(file)]));

describe('store', () => {
  it('opens a new store at the latest schema and records the open in the audit log', async () => {
    const store = await openTestStore();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.audit.count()).toBe(1);
    await expect(store.audit.verify()).resolves.toMatchObject({ ok: true, checked: 1 });
  });

  it('reopens with the same passphrase and finds its data, adding one audit event per open', async () => {
    const files = storeFiles();
    const first = await openTestStore(files);
    const e = seedEncounter(first, 'Sore throat');
    first.close();
    const again = await openTestStore(files);
    expect(again.repos.encounters.get(e.id)?.reason).toBe('Sore throat');
    expect(again.audit.count()).toBe(2);
    await expect(again.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('refuses a wrong passphrase with STORE_WRONG_KEY and leaves every file untouched', async () => {
    const files = storeFiles();
    seedEncounter(await openTestStore(files));
    const store = await openTestStore(files);
    store.close();
    const before = snapshot(files.dir);
    await expect(openTestStore(files, 'not the passphrase')).rejects.toMatchObject({ code: 'STORE_WRONG_KEY' });
    expect(snapshot(files.dir)).toEqual(before);
  });

  it('refuses an unencrypted database file with STORE_NOT_ENCRYPTED', async () => {
    const files = storeFiles();
    const plain = new Database(files.dbPath);
    plain.exec('CREATE TABLE patients (name TEXT)');
    plain.close();
    const before = sha256File(files.dbPath);
    await expect(openTestStore(files)).rejects.toMatchObject({ code: 'STORE_NOT_ENCRYPTED' });
    expect(sha256File(files.dbPath)).toBe(before);
  });

  it('refuses to invent a new salt when the key file of an existing store is missing', async () => {
    const files = storeFiles();
    (await openTestStore(files)).close();
    fs.rmSync(files.keyInfoPath);
    const before = sha256File(files.dbPath);
    await expect(openTestStore(files)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(fs.existsSync(files.keyInfoPath)).toBe(false);
    expect(sha256File(files.dbPath)).toBe(before);
  });

  it('undoes only a failed nested transaction when the caller handles its error', async () => {
    const store = await openTestStore();
    store.transaction(() => {
      seedEncounter(store, 'kept');
      try {
        store.transaction(() => {
          seedEncounter(store, 'undone');
          throw new Error('inner');
        });
      } catch {
        // handled: the outer transaction goes on
      }
    });
    expect(store.repos.encounters.list({ query: '', limit: 10, offset: 0 }).items.map((e) => e.reason)).toEqual([
      'kept',
    ]);
  });

  it('refuses a key provider that returns a key of the wrong length, before touching the disk', async () => {
    const files = storeFiles();
    const keyProvider = { id: 'safe-storage' as const, getMasterKey: () => Promise.resolve(Buffer.alloc(16)) };
    await expect(openStore({ dbPath: files.dbPath, keyProvider })).rejects.toMatchObject({
      code: 'KEY_PROVIDER_UNAVAILABLE',
    });
    expect(fs.readdirSync(files.dir)).toEqual([]);
  });

  it('rolls back every write of a failed transaction, nested calls included', async () => {
    const store = await openTestStore();
    expect(() =>
      store.transaction(() => {
        const p = store.repos.patients.create(PATIENT);
        store.transaction(() => store.repos.encounters.create({ patientId: p.id, reason: 'x' }));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.repos.encounters.list({ query: '', limit: 10, offset: 0 }).total).toBe(0);
  });

  it('keeps audio chunks beside the database by default, sealed with the store key', async () => {
    const files = storeFiles();
    const store = await openTestStore(files);
    const id = randomUUID();
    await store.chunks.write(id, 0, Buffer.from('pcm'));
    expect(fs.existsSync(path.join(files.dir, 'audio', id, '00000000.qca'))).toBe(true);
    store.close();
    const again = await openTestStore(files);
    expect((await again.chunks.read(id, 0)).toString()).toBe('pcm');
  });

  it('closes once and refuses transactions afterwards', async () => {
    const store = await openTestStore();
    store.close();
    expect(() => {
      store.close();
    }).not.toThrow();
    expect(thrownBy(() => store.transaction(() => 1))).toMatchObject({ code: 'STORE_LOCKED' });
  });
});
