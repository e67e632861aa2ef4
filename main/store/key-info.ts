import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { isErrno, writeFileAtomicSync } from './atomic-file';

/** scrypt parameters beside the database. Only the salt and costs: nothing secret, nothing about patients. */
export const MIN_SCRYPT_N = 2 ** 12;
export const DEFAULT_SCRYPT_N = 2 ** 15;
const MAX_SCRYPT_N = 2 ** 20;
const SALT_BYTES = 16;

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

const KeyInfoFile = z.strictObject({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(MIN_SCRYPT_N).max(MAX_SCRYPT_N).refine(isPowerOfTwo),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.base64().refine((s) => Buffer.from(s, 'base64').length === SALT_BYTES),
});
export type KeyInfo = z.infer<typeof KeyInfoFile>;

export const assertScryptCost = (N: number): void => {
  if (!isPowerOfTwo(N) || N < MIN_SCRYPT_N || N > MAX_SCRYPT_N) {
    throw new AppError('VALIDATION_FAILED', 'The scrypt cost must be a power of two between 2^12 and 2^20.');
  }
};

const read = (keyInfoPath: string): KeyInfo | null => {
  let text: string;
  try {
    text = fs.readFileSync(keyInfoPath, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('STORE_CORRUPT', 'The key information file is damaged.', { cause: error });
  }
  const result = KeyInfoFile.safeParse(parsed);
  if (!result.success) throw new AppError('STORE_CORRUPT', 'The key information file is damaged.');
  return result.data;
};

/**
 * Reads the sidecar, creating it with a fresh salt when absent. Creation is exclusive, so two
 * processes racing to create it agree on one salt. Existing parameters always win over `N`:
 * they are what the database was keyed with.
 */
export const loadOrCreateKeyInfo = (keyInfoPath: string, N: number, options: { mayCreate: boolean }): KeyInfo => {
  const existing = read(keyInfoPath);
  if (existing) return existing;
  if (!options.mayCreate) {
    throw new AppError(
      'STORE_CORRUPT',
      'The key information file of this store is missing; it cannot be unlocked without it.',
    );
  }
  assertScryptCost(N);
  const created: KeyInfo = {
    version: 1,
    kdf: 'scrypt',
    N,
    r: 8,
    p: 1,
    salt: randomBytes(SALT_BYTES).toString('base64'),
  };
  if (writeFileAtomicSync(keyInfoPath, `${JSON.stringify(created, null, 2)}\n`, { exclusive: true })) return created;
  const winner = read(keyInfoPath);
  if (!winner) throw new AppError('STORE_CORRUPT', 'The key information file vanished while it was created.');
  return winner;
};
