import { readFileSync } from 'node:fs';

/** Reads a synthetic fixture from tests/fixtures/transcripts. */
export const fixtureBytes = (name: string): Buffer =>
  readFileSync(new URL(`../../../fixtures/transcripts/${name}`, import.meta.url));

export const fixture = (name: string): string => fixtureBytes(name).toString('utf8');
