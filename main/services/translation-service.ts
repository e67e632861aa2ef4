/**
 * Translates an encounter's stored transcript to English with the installed text translators,
 * segment by segment, and stores the English beside each original in one transaction: a failure
 * (no model for a language, a crashed worker, a cancel) leaves the stored transcript as it was.
 * Segments that already carry English (Whisper's translate task) are left alone.
 */
import { AppError } from '../../common/errors';
import type { Store } from '../store';
import { translateSegments, type Translator } from '../translation/translate-segments';
import type { JobContext } from './job-manager';

export type TranslationRunResult = {
  segments: number;
  translated: number;
  languages: Record<string, number>;
};

export type TranslatorFor = (language: string) => Translator | null;

export const translateEncounter = async (
  store: Store,
  input: { encounterId: string; from?: string | undefined },
  actorId: string | null,
  job: Pick<JobContext, 'signal' | 'progress'>,
  translatorFor: TranslatorFor,
): Promise<TranslationRunResult> => {
  const encounter = store.repos.encounters.get(input.encounterId);
  if (!encounter) throw new AppError('NOT_FOUND', 'No such encounter.');
  if (encounter.status === 'signed') throw new AppError('CONFLICT', 'This encounter is signed.');
  const all = store.repos.segments.listForEncounter(input.encounterId);
  if (all.length === 0) throw new AppError('VALIDATION_FAILED', 'This encounter has no transcript yet.');
  const pending = all.filter((s) => !s.englishText);
  const started = performance.now();
  const translated = await translateSegments(pending, translatorFor, {
    ...(input.from ? { from: input.from } : {}),
    signal: job.signal,
    onProgress: (done, total) => {
      job.progress(done, total);
    },
  });
  if (job.signal.aborted) throw new AppError('JOB_CANCELLED', 'The job was cancelled.');
  const languages: Record<string, number> = {};
  for (const t of translated) if (t.language) languages[t.language] = (languages[t.language] ?? 0) + 1;
  const count = translated.filter((t) => t.englishText !== null).length;
  store.transaction(() => {
    store.repos.segments.setTranslations(
      input.encounterId,
      pending.map((segment, i) => {
        const t = translated[i];
        return {
          id: segment.id,
          language: t?.language ?? segment.language,
          englishText: t?.englishText ?? null,
          translationSpans: t?.englishText ? t.spans : null,
        };
      }),
    );
    store.audit.append({
      action: 'transcript.translate',
      actorId,
      entityType: 'encounter',
      entityId: input.encounterId,
      details: {
        segments: pending.length,
        translated: count,
        languages: Object.keys(languages).sort().join(','),
        ms: Math.round(performance.now() - started),
      },
    });
  });
  return { segments: all.length, translated: count, languages };
};
