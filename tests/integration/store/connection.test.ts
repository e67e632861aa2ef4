import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkpoint, openDatabase, rekey } from '../../../main/store';
import { listFiles, makeTempDir, randomKey, sha256File, thrownBy } from './fixture';

const createEncryptedFile = (key: Buffer): string => {
  const file = path.join(makeTempDir(), 'db.sqlite');
  const db = openDatabase(file, key);
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello')");
  db.close();
  return file;
};

describe('openDatabase', () => {
  it('creates an encrypted file whose header is not the plaintext SQLite header', () => {
    const file = createEncryptedFile(randomKey());
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('reopens with the same key', () => {
    const key = randomKey();
    const file = createEncryptedFile(key);
    const db = openDatabase(file, key);
    expect(db.prepare('SELECT x FROM t').pluck().get()).toBe('hello');
    db.close();
  });

  it('refuses a wrong key with STORE_WRONG_KEY and leaves the file byte-for-byte untouched', () => {
    const file = createEncryptedFile(randomKey());
    const before = sha256File(file);
    const filesBefore = listFiles(path.dirname(file));
    expect(thrownBy(() => openDatabase(file, randomKey()))).toMatchObject({ code: 'STORE_WRONG_KEY' });
    expect(sha256File(file)).toBe(before);
    expect(listFiles(path.dirname(file))).toEqual(filesBefore);
  });

  it('refuses a plaintext SQLite file with STORE_NOT_ENCRYPTED and leaves it untouched', () => {
    const file = path.join(makeTempDir(), 'plain.sqlite');
    const plain = new Database(file);
    plain.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('plaintext')");
    plain.close();
    const before = sha256File(file);
    expect(thrownBy(() => openDatabase(file, randomKey()))).toMatchObject({ code: 'STORE_NOT_ENCRYPTED' });
    expect(sha256File(file)).toBe(before);
  });

  it('applies WAL, foreign keys, in-memory temp storage, secure delete, a busy timeout and SQLCipher', () => {
    const db = openDatabase(path.join(makeTempDir(), 'db.sqlite'), randomKey());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    db.close();
  });
});

describe('rekey', () => {
  it('re-encrypts under a new key: the new key opens it, the old key is refused', () => {
    const oldKey = randomKey();
    const newKey = randomKey();
    const file = createEncryptedFile(oldKey);
    const db = openDatabase(file, oldKey);
    rekey(db, newKey);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.exec("INSERT INTO t VALUES ('after rekey')");
    checkpoint(db);
    db.close();

    expect(thrownBy(() => openDatabase(file, oldKey))).toMatchObject({ code: 'STORE_WRONG_KEY' });
    const reopened = openDatabase(file, newKey);
    expect(reopened.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual(['hello', 'after rekey']);
    reopened.close();
  });

  it('refuses to run inside a transaction', () => {
    const key = randomKey();
    const db = openDatabase(createEncryptedFile(key), key);
    db.exec('BEGIN');
    expect(
      thrownBy(() => {
        rekey(db, randomKey());
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    db.exec('ROLLBACK');
    db.close();
  });
});
