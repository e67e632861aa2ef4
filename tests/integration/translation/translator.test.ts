import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalSpanFor } from '../../../common/translation-spans';
import { loadTranslator, type TranslatorEngine } from '../../../main/translation/translator-engine';
import { translateSegments, type Translator } from '../../../main/translation/translate-segments';
import { reads, sourceLanguagesOf } from '../../../main/translation/model-languages';
import { makeTempDir } from '../../helpers/temp-runtime';

/**
 * Segment-aligned translation on the Marian oracle fixture (hand-set weights: every sentence it reads
 * comes out as "hello world"), in this process.
 */
const MODELS = path.resolve(import.meta.dirname, '../../fixtures/models');
const ORACLE = path.join(MODELS, 'marian-oracle');

const VISIT = [
  { text: 'Buenos días doctor. Me duele el pecho desde ayer por la tarde.' },
  { text: 'Good morning, what brings you in today?', language: 'en' },
  { text: 'Sí.' },
  { text: 'Tengo tos y fiebre desde hace tres días, sobre todo por la noche.' },
];

describe('translation to English', () => {
  let engine: TranslatorEngine;
  let translator: Translator;
  beforeAll(async () => {
    engine = await loadTranslator({ modelDir: ORACLE, precision: 'fp32' });
    translator = (sentences, sourceLanguage, call) =>
      engine.translate(sentences, {
        sourceLanguage,
        ...(call?.signal ? { signal: call.signal } : {}),
        ...(call?.onSentence ? { onSentence: call.onSentence } : {}),
      });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('translates each sentence of each non-English segment and keeps the original beside it', async () => {
    const progress: number[] = [];
    const out = await translateSegments(VISIT, () => translator, { onProgress: (done) => progress.push(done) });
    // One step per translated sentence, as the model finishes each.
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(out.map((s) => [s.language, s.languageSource])).toEqual([
      ['es', 'text'],
      ['en', 'speech'],
      ['es', 'visit'],
      ['es', 'text'],
    ]);
    expect(out.map((s) => s.englishText)).toEqual(['hello world hello world', null, 'hello world', 'hello world']);
    // Each English sentence maps back to the original sentence it came from.
    const first = out[0];
    expect(first?.spans).toEqual([
      [0, 19, 0, 11],
      [20, VISIT[0]?.text.length, 12, 23],
    ]);
    expect(originalSpanFor(first?.spans ?? [], 14, 19)).toEqual({ start: 20, end: VISIT[0]?.text.length });
  });

  it('takes the language it is given over the detector, and reports progress', async () => {
    const progress: number[] = [];
    const out = await translateSegments([{ text: 'Bonjour, je tousse depuis hier soir.' }], () => translator, {
      from: 'es',
      onProgress: (done) => progress.push(done),
    });
    expect(out[0]).toMatchObject({ language: 'es', languageSource: 'given', englishText: 'hello world' });
    expect(progress).toEqual([1]);
  });

  it('refuses a language no installed model reads, before translating anything', async () => {
    let calls = 0;
    const counting: Translator = (sentences, language) => {
      calls++;
      return translator(sentences, language);
    };
    const languages = sourceLanguagesOf(ORACLE);
    expect(languages).toEqual(['es']);
    const visit = [...VISIT, { text: 'Bonjour docteur, j’ai mal à la gorge depuis hier soir.' }];
    await expect(
      translateSegments(visit, (language) => (reads(languages, language) ? counting : null)),
    ).rejects.toMatchObject({ code: 'LANGUAGE_UNSUPPORTED', message: expect.stringContaining('fr') as unknown });
    expect(calls).toBe(0);
  });

  it('stops between sentences when cancelled', async () => {
    const controller = new AbortController();
    const run = engine.translate(['Uno.', 'Dos.', 'Tres.'], {
      sourceLanguage: 'es',
      signal: controller.signal,
      onSentence: () => {
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });

  it('refuses a folder that is not a translation model, or has no graphs', async () => {
    await expect(
      loadTranslator({ modelDir: path.join(MODELS, 'llama-oracle'), precision: 'fp32' }),
    ).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    const dir = path.join(makeTempDir(), 'marian-copy');
    fs.cpSync(ORACLE, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'onnx', 'decoder_model_merged.onnx'));
    await expect(loadTranslator({ modelDir: dir, precision: 'fp32' })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
    await expect(loadTranslator({ modelDir: ORACLE, precision: 'fp32', maxMemoryBytes: 1 })).rejects.toMatchObject({
      code: 'MODEL_TOO_LARGE',
    });
  });
});
