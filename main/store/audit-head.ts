import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { isErrno, writeFileAtomicSync } from './atomic-file';
import type { ChainLink } from './repositories/audit-events';

/**
 * The chain head lives outside the database (`<db>.audit-head`): deleting the newest rows cannot
 * also roll it back. It is HMAC-tagged with the audit key, so it cannot be forged either.
 */
export type HeadState = { state: 'missing' } | { state: 'invalid' } | { state: 'valid'; head: ChainLink };

const HeadFile = z.strictObject({
  version: z.literal(1),
  seq: z.number().int().positive(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  tag: z.string().regex(/^[0-9a-f]{64}$/),
});

const tagFor = (key: Buffer, link: ChainLink): string =>
  createHmac('sha256', key).update(`quietchart/audit-head/v1\n${link.seq}\n${link.mac}`).digest('hex');

export const macsEqual = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export const readHead = (path: string, key: Buffer): HeadState => {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { state: 'missing' };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: 'invalid' };
  }
  const file = HeadFile.safeParse(parsed);
  if (!file.success) return { state: 'invalid' };
  const head = { seq: file.data.seq, mac: file.data.mac };
  return macsEqual(tagFor(key, head), file.data.tag) ? { state: 'valid', head } : { state: 'invalid' };
};

export const writeHead = (path: string, key: Buffer, head: ChainLink): void => {
  const file: z.infer<typeof HeadFile> = { version: 1, seq: head.seq, mac: head.mac, tag: tagFor(key, head) };
  writeFileAtomicSync(path, `${JSON.stringify(file)}\n`);
};
