import { AppError } from '../../../common/errors';
import type { Db } from '../connection';
import type { Migration } from './types';

export type MigrateResult = { from: number; to: number; applied: string[] };

export const readSchemaVersion = (db: Db): number => {
  const value = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : 0;
};

const assertWellFormed = (migrations: readonly Migration[]): void => {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new AppError('INTERNAL', `Migration list out of order at position ${i + 1}.`);
  });
};

/**
 * Brings the schema up to `target` (default: latest), one transaction per migration so a failure
 * leaves the last good version. A database from a newer app is refused before anything is written.
 */
export const runMigrations = (db: Db, migrations: readonly Migration[], target = migrations.length): MigrateResult => {
  assertWellFormed(migrations);
  const latest = migrations.length;
  const from = readSchemaVersion(db);
  if (from > latest) {
    throw new AppError(
      'STORE_SCHEMA_TOO_NEW',
      `This store was written by a newer Quietchart (schema ${from}; this version knows ${latest}). Update Quietchart.`,
    );
  }
  if (!Number.isInteger(target) || target < from || target > latest) {
    throw new AppError('INTERNAL', `Cannot migrate from schema ${from} to ${target}.`);
  }
  const applied: string[] = [];
  for (const migration of migrations.slice(from, target)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(`${migration.version}_${migration.name}`);
  }
  return { from, to: target, applied };
};
