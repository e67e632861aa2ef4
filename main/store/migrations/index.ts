import type { Db } from '../connection';
import { migration001 } from './001_initial';
import { migration002 } from './002_search_index';
import { migration003 } from './003_speech_segments';
import { migration004 } from './004_translation_spans';
import { runMigrations, type MigrateResult } from './migrate';
import type { Migration } from './types';

/** Every migration, in order. Append only: a released migration is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Migrates to the latest schema, or to `target` (tests stop at N−1 to seed old-shaped rows). */
export const migrate = (db: Db, options: { target?: number } = {}): MigrateResult =>
  runMigrations(db, MIGRATIONS, options.target);

export type { Migration } from './types';
export { readSchemaVersion, type MigrateResult } from './migrate';
