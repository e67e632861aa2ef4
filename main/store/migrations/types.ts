import type { Db } from '../connection';

/** One schema step. `up` runs inside a transaction that also bumps PRAGMA user_version. */
export type Migration = { version: number; name: string; up(db: Db): void };
