import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { originalSpanFor } from '../../../common/translation-spans';
import type { Runtime } from '../../../main/services/runtime';
import { channelsOf } from '../../helpers/channels';
import { openInferenceRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

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

type Segment = {
  text: string;
  language: string | null;
  englishText: string | null;
  translationSpans: Array<[number, number, number, number]> | null;
};

describe('translating a stored transcript', () => {
  let rt: Runtime;
  let encounterId: string;
  let channels: ReturnType<typeof channelsOf>;

  const open = async (mtModelDir?: string, aiProcessing = true): Promise<void> => {
    rt = await openInferenceRuntime({ mtModelDir });
    channels = channelsOf(rt);
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Dolor' }, null).id;
    expect((await channels.call('transcript:import', { encounterId, text: VISIT, source: 'paste' })).ok).toBe(true);
    expect((await channels.call('encounter:setConsent', { id: encounterId, consent: { aiProcessing } })).ok).toBe(true);
  };
  afterEach(async () => {
    await rt.close();
  });
  const translate = (request: Record<string, unknown> = {}) =>
    channels.finished('transcript:translate', { encounterId, ...request });
  const segments = async (): Promise<Segment[]> =>
    ((await channels.call('encounter:get', { id: encounterId })) as { value: { segments: Segment[] } }).value.segments;

  it('stores the English beside each Spanish line, sentence-aligned, and leaves English lines alone', async () => {
    await open(ORACLE);
    expect(await translate()).toMatchObject({
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
    expect(await channels.finished('pipeline:run', { encounterId, writer: 'composer' })).toMatchObject({
      outcome: 'succeeded',
    });
    expect(await translate()).toMatchObject({ result: { translated: 0 } });
    expect((await rt.services().store.audit.verify({})).ok).toBe(true);
  });

  it('refuses a visit no installed model can read and keeps the transcript as it was', async () => {
    await open(undefined);
    const before = await segments();
    expect(await translate()).toMatchObject({ outcome: 'failed', error: { code: 'LANGUAGE_UNSUPPORTED' } });
    expect(await segments()).toEqual(before);
    expect(await translate({ from: 'fa' })).toMatchObject({
      outcome: 'failed',
      error: { code: 'LANGUAGE_UNSUPPORTED', message: expect.stringContaining('fa') as unknown },
    });
    expect(await translate({ from: 'Spanish' })).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
  });

  it('translates only with the patient’s consent to AI processing', async () => {
    await open(ORACLE, false);
    expect(await translate()).toMatchObject({ refused: { code: 'AI_CONSENT_REQUIRED' } });
  });
});
