import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/errors';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

/** JSON columns: `undefined` has no JSON form, so it is stored as null. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
export const fromJson = (text: string): unknown => {
  const value: unknown = JSON.parse(text);
  return value;
};

export const toFlag = (value: boolean): 0 | 1 => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value === 1;

/** A trigger's RAISE(ABORT, 'CODE') arrives as an SqliteError whose message is the code. */
export const raisedBy = (error: unknown, code: string): boolean =>
  error instanceof Error && error.name === 'SqliteError' && error.message === code;

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `No such ${what}.`);
