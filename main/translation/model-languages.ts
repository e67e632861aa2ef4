/**
 * Which source languages a translation model folder reads: a Marian opus-mt export names its pair in
 * tokenizer_config.json (`source_lang: "es"`; `mul` for the many-to-English model), NLLB reads all of
 * its codes. A folder that says nothing is taken at its word for any language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NLLB_CODES } from './nllb-codes';

export type SourceLanguages = '*' | readonly string[];

export const sourceLanguagesOf = (modelDir: string): SourceLanguages => {
  let config: { source_lang?: unknown; tokenizer_class?: unknown };
  try {
    config = JSON.parse(fs.readFileSync(path.join(modelDir, 'tokenizer_config.json'), 'utf8')) as typeof config;
  } catch {
    return '*';
  }
  if (typeof config.tokenizer_class === 'string' && /nllb|m2m/i.test(config.tokenizer_class))
    return Object.keys(NLLB_CODES);
  const source = typeof config.source_lang === 'string' ? config.source_lang.toLowerCase() : null;
  if (!source || source === 'mul') return '*';
  return source.split(/[+,]/).map((s) => s.trim());
};

export const reads = (languages: SourceLanguages, language: string): boolean =>
  languages === '*' || languages.includes(language);
