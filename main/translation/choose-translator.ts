/**
 * Which installed translation model reads a language: a model made for that language (opus-mt-es-en
 * for Spanish) before a many-to-English one (opus-mt-mul-en, or NLLB-200 where the licence policy
 * installed it), because a single-pair model translates its pair better.
 */
import { reads, type SourceLanguages } from './model-languages';

export type InstalledTranslator = { id: string; modelDir: string; languages: SourceLanguages; precision: string };

/** The manifest's languages for a model ("*" for any, the target "en" is not a source). */
export const manifestSourceLanguages = (languages: readonly string[]): SourceLanguages =>
  languages.includes('*') ? '*' : languages.filter((l) => l !== 'en');

export const chooseTranslator = (
  installed: readonly InstalledTranslator[],
  language: string,
): InstalledTranslator | null =>
  installed.find((m) => m.languages !== '*' && m.languages.includes(language)) ??
  installed.find((m) => reads(m.languages, language)) ??
  null;
