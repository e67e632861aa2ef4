import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import type { Runtime } from '../../../main/services/runtime';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

const log = createLogger('test');
const ctx = { senderId: 1 };

describe('the IPC dispatch path', () => {
  let rt: Runtime;
  beforeEach(async () => {
    rt = await openTempRuntime();
  });
  afterEach(async () => {
    await rt.close();
  });

  const count = () => rt.services().encounters.list({ query: '', limit: 1, offset: 0 }).total;

  it('refuses an unknown channel without calling anything', async () => {
    const result = await dispatch(rt.handlers, 'encounter:drop', {}, ctx, log);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } });
  });

  it.each([
    ['a missing patient', { reason: 'cough' }],
    ['a bad date of birth', { patient: { ...SYNTHETIC_PATIENT, dob: '09/04/1961' } }],
    ['an extra field', { patient: SYNTHETIC_PATIENT, reason: 'x', admin: true }],
    ['a non-object payload', 'DROP TABLE encounters'],
    ['an oversized reason', { patient: SYNTHETIC_PATIENT, reason: 'x'.repeat(10_000) }],
  ])('gives a validation error for %s and writes nothing', async (_what, payload) => {
    const before = count();
    const result = await dispatch(rt.handlers, 'encounter:create', payload, ctx, log);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED');
    expect(count()).toBe(before);
  });

  it('creates, finds and opens an encounter through valid requests', async () => {
    const created = await dispatch(
      rt.handlers,
      'encounter:create',
      { patient: SYNTHETIC_PATIENT, reason: 'Follow-up' },
      ctx,
      log,
    );
    expect(created.ok).toBe(true);
    const list = await dispatch(rt.handlers, 'encounter:list', { query: 'Synthetic' }, ctx, log);
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    const id = (created as { value: { id: string } }).value.id;
    const detail = await dispatch(rt.handlers, 'encounter:get', { id }, ctx, log);
    expect(detail).toMatchObject({
      ok: true,
      value: { encounter: { id, reason: 'Follow-up' }, segments: [], notes: [] },
    });
  });

  it('reports a missing encounter as NOT_FOUND', async () => {
    const result = await dispatch(
      rt.handlers,
      'encounter:get',
      { id: '00000000-0000-4000-8000-000000000000' },
      ctx,
      log,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('says the store is locked before unlock, for every data channel', async () => {
    const { createRuntime } = await import('../../../main/services/runtime');
    const locked = createRuntime({ dataDir: rt.paths.dataDir, version: 't' });
    const info = await dispatch(locked.handlers, 'app:info', {}, ctx, log);
    expect(info).toMatchObject({ ok: true, value: { locked: true } });
    const list = await dispatch(locked.handlers, 'encounter:list', {}, ctx, log);
    expect(list).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });
  });
});
