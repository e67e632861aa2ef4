import { randomBytes } from 'node:crypto';
import { thrownBy } from './thrown';
import { describe, expect, it } from 'vitest';
import { deriveKeys } from '../../../main/store';

describe('deriveKeys', () => {
  it('derives three distinct 32-byte keys, the same every time for the same master key', () => {
    const master = randomBytes(32);
    const keys = deriveKeys(master);
    expect([keys.dbKey.length, keys.auditKey.length, keys.chunkKey.length]).toEqual([32, 32, 32]);
    expect(
      new Set([keys.dbKey.toString('hex'), keys.auditKey.toString('hex'), keys.chunkKey.toString('hex')]).size,
    ).toBe(3);
    expect(deriveKeys(Buffer.from(master)).dbKey.equals(keys.dbKey)).toBe(true);
    expect(deriveKeys(randomBytes(32)).dbKey.equals(keys.dbKey)).toBe(false);
  });

  it('refuses a master key of the wrong length', () => {
    expect(thrownBy(() => deriveKeys(randomBytes(16)))).toMatchObject({ code: 'KEY_PROVIDER_UNAVAILABLE' });
  });
});
