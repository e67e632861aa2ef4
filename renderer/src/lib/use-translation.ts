import { isRecord, useJob } from './use-job';

export type TranslationResult = { translated: number; languages: Record<string, number> };

const parseTranslation = (result: Record<string, unknown>): TranslationResult => {
  const languages: Record<string, number> = {};
  if (isRecord(result.languages))
    for (const [code, count] of Object.entries(result.languages))
      if (typeof count === 'number') languages[code] = count;
  return { translated: typeof result.translated === 'number' ? result.translated : 0, languages };
};

/** Follows a transcript:translate job; `onSucceeded` reloads the stored segments. */
export const useTranslation = (onSucceeded: () => Promise<void>) =>
  useJob('transcript-translate', parseTranslation, onSucceeded);
