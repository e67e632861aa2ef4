/**
 * Segment-aligned translation of a transcript to English. Each segment's language is identified
 * (Whisper's, else its text's, else the visit's); English segments stay as they are; every other
 * segment is translated sentence by sentence, so its English lines up with the original and the
 * findings' evidence can be shown on both. Sentences of one language go to the model in one batch.
 */
import { AppError } from '../../common/errors';
import type { TranslationSpans } from '../../common/translation-spans';
import { segmentLanguages, type LanguageInput, type LanguageSource } from '../language/langid/identify';
import { splitSentences } from '../language/text/sentences';

export type TranslateCall = { signal?: AbortSignal; onSentence?: (done: number) => void };

/** Translates sentences of one source language to English, in order; `onSentence` counts them as they finish. */
export type Translator = (
  sentences: readonly string[],
  sourceLanguage: string,
  call?: TranslateCall,
) => Promise<string[]>;

export type TranslationInput = LanguageInput;

export type TranslatedSegment = {
  language: string | null;
  languageSource: LanguageSource;
  /** null when the segment is English already, or its language could not be identified. */
  englishText: string | null;
  spans: TranslationSpans;
};

export type TranslateOptions = {
  /** Forces the source language of every segment (the clinician knows better than the detector). */
  from?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

type Job = { segment: number; start: number; end: number; text: string };

export const translateSegments = async (
  segments: readonly TranslationInput[],
  translatorFor: (language: string) => Translator | null,
  options: TranslateOptions = {},
): Promise<TranslatedSegment[]> => {
  const languages = segmentLanguages(segments, options.from);
  const byLanguage = new Map<string, Job[]>();
  segments.forEach((segment, index) => {
    const language = languages[index]?.language;
    if (!language || language === 'en') return;
    const jobs = byLanguage.get(language) ?? [];
    for (const span of splitSentences(segment.text))
      if (span.text.trim() !== '') jobs.push({ segment: index, start: span.start, end: span.end, text: span.text });
    byLanguage.set(language, jobs);
  });
  const translators = new Map<string, Translator>();
  const missing: string[] = [];
  for (const language of byLanguage.keys()) {
    const translator = translatorFor(language);
    if (translator) translators.set(language, translator);
    else missing.push(language);
  }
  // Refused before any work: a half-translated visit would read as if it were all English.
  if (missing.length > 0)
    throw new AppError(
      'LANGUAGE_UNSUPPORTED',
      `No installed translation model covers ${missing.sort().join(', ')}. Install one on the Models page.`,
    );

  const total = [...byLanguage.values()].reduce((n, jobs) => n + jobs.length, 0);
  let done = 0;
  let reported = 0;
  const report = (n: number): void => {
    if (n === reported) return;
    reported = n;
    options.onProgress?.(n, total);
  };
  const english = new Map<Job, string>();
  for (const [language, jobs] of byLanguage) {
    if (options.signal?.aborted) throw new AppError('JOB_CANCELLED', 'Translation was cancelled.');
    const translator = translators.get(language);
    if (!translator || jobs.length === 0) continue;
    const before = done;
    const out = await translator(
      jobs.map((j) => j.text),
      language,
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onSentence: (n) => {
          report(before + n);
        },
      },
    );
    if (out.length !== jobs.length) throw new AppError('INFERENCE_FAILED', 'The translation model skipped sentences.');
    jobs.forEach((job, i) => english.set(job, (out[i] ?? '').trim()));
    done += jobs.length;
    report(done);
  }

  const jobsOf = new Map<number, Job[]>();
  for (const jobs of byLanguage.values())
    for (const job of jobs) jobsOf.set(job.segment, [...(jobsOf.get(job.segment) ?? []), job]);
  return segments.map((_, index) => {
    const { language = null, source = 'unknown' } = languages[index] ?? {};
    const jobs = jobsOf.get(index);
    if (!jobs) return { language, languageSource: source, englishText: null, spans: [] };
    let text = '';
    const spans: TranslationSpans = [];
    for (const job of jobs) {
      const sentence = english.get(job) ?? '';
      if (sentence === '') continue;
      if (text !== '') text += ' ';
      spans.push([job.start, job.end, text.length, text.length + sentence.length]);
      text += sentence;
    }
    return { language, languageSource: source, englishText: text, spans };
  });
};
