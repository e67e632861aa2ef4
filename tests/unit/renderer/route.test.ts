import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../../renderer/src/lib/route';

const ID = '3f2b8c1e-9a4d-4e5f-8a6b-1c2d3e4f5a6b';

describe('hash routes', () => {
  it('round-trips the encounter page', () => {
    expect(parseRoute(hrefFor({ page: 'encounter', id: ID }))).toEqual({ page: 'encounter', id: ID });
  });

  it('falls back to the encounter list for anything else', () => {
    for (const hash of [
      '',
      '#/',
      '#/encounters/',
      '#/encounters/not-an-id',
      `#/encounters/${ID}/../x`,
      '#javascript:alert(1)',
    ]) {
      expect(parseRoute(hash)).toEqual({ page: 'encounters' });
    }
  });
});
