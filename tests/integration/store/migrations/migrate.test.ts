import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, openDatabase, readSchemaVersion } from '../../../../main/store';
import { runMigrations } from '../../../../main/store/migrations/migrate';
import { openTestStore, sha256File, storeFiles, openRawConnection, thrownBy } from '../fixture';
import { freshDb, tableNames } from './helpers';

describe('migrate', () => {
  it('lists migrations in order, numbered from 1 without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('brings a new database to the latest version and records it in user_version', () => {
    const { db } = freshDb();
    const result = migrate(db);
    expect(result).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('stops at a target version and continues from there later', () => {
    const { db } = freshDb();
    migrate(db, { target: LATEST_SCHEMA_VERSION - 1 });
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(migrate(db).applied).toHaveLength(1);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('is a no-op on an up-to-date database', () => {
    const { db } = freshDb();
    migrate(db);
    expect(migrate(db).applied).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration entirely and keeps the previous version', () => {
    const { db } = freshDb();
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: (d: typeof db) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => runMigrations(db, broken)).toThrow();
    expect(readSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses to run a migration list that is out of order', () => {
    const { db } = freshDb();
    expect(thrownBy(() => runMigrations(db, [MIGRATIONS[1]!, MIGRATIONS[0]!]))).toMatchObject({ code: 'INTERNAL' });
    db.close();
  });

  it('refuses a newer schema version with STORE_SCHEMA_TOO_NEW and writes nothing', () => {
    const { db, file, key } = freshDb();
    migrate(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha256File(file);
    const again = openDatabase(file, key);
    expect(thrownBy(() => migrate(again))).toMatchObject({ code: 'STORE_SCHEMA_TOO_NEW' });
    expect(readSchemaVersion(again)).toBe(LATEST_SCHEMA_VERSION + 1);
    again.close();
    expect(sha256File(file)).toBe(before);
  });

  it('refuses to open a store from a newer schema version and leaves its files untouched', async () => {
    const files = storeFiles();
    (await openTestStore(files)).close();
    const raw = await openRawConnection(files);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const dbHash = sha256File(files.dbPath);
    const headHash = sha256File(`${files.dbPath}.audit-head`);
    await expect(openTestStore(files)).rejects.toMatchObject({ code: 'STORE_SCHEMA_TOO_NEW' });
    expect(sha256File(files.dbPath)).toBe(dbHash);
    expect(sha256File(`${files.dbPath}.audit-head`)).toBe(headHash);
  });
});
