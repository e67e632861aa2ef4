import path from 'node:path';
import { openDatabase, type Db } from '../../../../main/store';
import { makeTempDir, randomKey } from '../fixture';

/** A fresh encrypted database with no schema yet, for driving migrate() step by step. */
export const freshDb = (): { db: Db; file: string; key: Buffer } => {
  const file = path.join(makeTempDir(), 'migrate.db');
  const key = randomKey();
  return { db: openDatabase(file, key), file, key };
};

export const tableNames = (db: Db): string[] =>
  db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();

export const NOW = '2024-05-01T10:00:00.000Z';
