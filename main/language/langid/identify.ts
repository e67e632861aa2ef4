/**
 * Which language each transcript segment is in. Whisper's own detection is used when the segment has
 * it; otherwise franc (trigram language identification, pure JS, no model files) reads the text. Short
 * turns ("okay", "sí") say too little to identify, so they take the visit's language, which franc
 * reads from all of the visit's text at once.
 */
import { franc } from 'franc-min';
import { ISO639_3_TO_1 } from './iso639';

/** Below this many letters a segment's own identification is not trusted. */
const MIN_SEGMENT_LETTERS = 24;

export type LanguageSource = 'speech' | 'text' | 'visit' | 'given' | 'unknown';

export type SegmentLanguage = { language: string | null; source: LanguageSource };

const letters = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;

/** ISO 639-1 code of the text's language, or null when it cannot be told. */
export const identifyLanguage = (text: string, minLetters = MIN_SEGMENT_LETTERS): string | null => {
  if (letters(text) < minLetters) return null;
  return ISO639_3_TO_1[franc(text, { minLength: 1 })] ?? null;
};

export type LanguageInput = { text: string; language?: string | null };

/**
 * Per segment: a forced language (--from) wins, then Whisper's, then the segment's own text, then the
 * visit's. `language` is null only when nothing in the visit could be identified.
 */
export const segmentLanguages = (segments: readonly LanguageInput[], given?: string): SegmentLanguage[] => {
  if (given) return segments.map(() => ({ language: given, source: 'given' }));
  const visit = identifyLanguage(segments.map((s) => s.text).join('\n'), 1);
  return segments.map((segment) => {
    if (segment.language) return { language: segment.language, source: 'speech' };
    const own = identifyLanguage(segment.text);
    if (own) return { language: own, source: 'text' };
    return visit ? { language: visit, source: 'visit' } : { language: null, source: 'unknown' };
  });
};
