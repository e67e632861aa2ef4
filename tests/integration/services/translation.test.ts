import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { originalSpanFor } from '../../../common/translation-spans';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { makeTempDir, SYNTHETIC_PATIENT, TEST_PASSPHRASE, TEST_SCRYPT_COST } from '../../helpers/temp-runtime';

/**
 * A Spanish visit translated in the inference worker by the Marian oracle (every sentence becomes
 * "hello world"), stored beside the original, then analysed in English with evidence shown on both.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/marian-oracle');
const VISIT = [
  'Doctor: Good morning, what brings you in today? Tell me about the pain.',
  'Patient: Me duele el pecho desde ayer por la tarde. No puedo dormir bien.',
  'Patient: Sí.',
].join('\n');
const log = createLogger('test');
const ctx = { senderId: 1 };

type Segment = {
  text: string;
  language: string | null;
  englishText: string | null;
  translationSpans: Array<[number, number, number, number]> | null;
};

describe('translating a stored transcript', () => {
  let rt: Runtime;
  let encounterId: string;
  const events: Array<{ event: EventName; payload: unknown }> = [];

  const open = async (mtModelDir?: string, aiProcessing = true): Promise<void> => {
    rt = createRuntime({
      dataDir: makeTempDir(),
      version: '0.0.0-test',
      scryptCost: TEST_SCRYPT_COST,
      inference: { entry: path.join(ROOT, 'main/inference/worker-entry.ts') },
      modelsDir: makeTempDir(),
      ...(mtModelDir ? { mtModelDir } : {}),
    });
    await rt.unlockWithPassphrase(TEST_PASSPHRASE);
    rt.events.subscribe((event, payload) => events.push({ event, payload }));
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Dolor' }, null).id;
    expect((await call('transcript:import', { encounterId, text: VISIT, fileName: 'v.txt', source: 'paste' })).ok).toBe(
      true,
    );
    expect((await call('encounter:setConsent', { id: encounterId, consent: { aiProcessing } })).ok).toBe(true);
  };
  afterEach(async () => {
    events.length = 0;
    await rt.close();
  });
  const call = (channel: string, request: unknown) => dispatch(rt.handlers, channel, request, ctx, log);
  const finished = async (channel: string, request: unknown): Promise<Record<string, unknown>> => {
    const started = await call(channel, request);
    expect(started.ok).toBe(true);
    const { jobId } = (started as { value: { jobId: string } }).value;
    await rt.jobs.settled(jobId);
    const done = events.find((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId);
    return done?.payload as Record<string, unknown>;
  };
  const segments = async (): Promise<Segment[]> =>
    ((await call('encounter:get', { id: encounterId })) as { value: { segments: Segment[] } }).value.segments;

  it('stores the English beside each Spanish line, sentence-aligned, and leaves English lines alone', async () => {
    await open(ORACLE);
    expect(await finished('transcript:translate', { encounterId })).toMatchObject({
      outcome: 'succeeded',
      result: { segments: 3, translated: 2, languages: { en: 1, es: 2 } },
    });
    const stored = await segments();
    expect(stored.map((s) => [s.language, s.englishText])).toEqual([
      ['en', null],
      ['es', 'hello world hello world'],
      ['es', 'hello world'],
    ]);
    const spans = stored[1]?.translationSpans ?? [];
    expect(originalSpanFor(spans, 0, 5)).toEqual({ start: 0, end: 42 });
    expect(stored[1]?.text.slice(0, 42)).toBe('Me duele el pecho desde ayer por la tarde.');
    // The pipeline reads the English: it runs, and a later translation run finds nothing left to do.
    expect(await finished('pipeline:run', { encounterId, writer: 'composer' })).toMatchObject({ outcome: 'succeeded' });
    expect(await finished('transcript:translate', { encounterId })).toMatchObject({
      result: { translated: 0 },
    });
    expect((await rt.services().store.audit.verify({})).ok).toBe(true);
  });

  it('refuses a visit no installed model can read and keeps the transcript as it was', async () => {
    await open(undefined);
    const before = await segments();
    expect(await finished('transcript:translate', { encounterId })).toMatchObject({
      outcome: 'failed',
      error: { code: 'LANGUAGE_UNSUPPORTED' },
    });
    expect(await segments()).toEqual(before);
    expect(await finished('transcript:translate', { encounterId, from: 'fa' })).toMatchObject({
      outcome: 'failed',
      error: { code: 'LANGUAGE_UNSUPPORTED', message: expect.stringContaining('fa') as unknown },
    });
    expect((await call('transcript:translate', { encounterId, from: 'Spanish' })).ok).toBe(false);
  });

  it('translates only with the patient’s consent to AI processing', async () => {
    await open(ORACLE, false);
    expect(await call('transcript:translate', { encounterId })).toMatchObject({
      ok: false,
      error: { code: 'AI_CONSENT_REQUIRED' },
    });
  });
});
