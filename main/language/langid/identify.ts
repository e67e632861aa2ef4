/**
 * Which language each transcript segment is in. Whisper's own detection is used when the segment has
 * it; otherwise franc (trigram language identification, pure JS, no model files) reads the text. Short
 * turns ("okay", "sí") say too little to identify, so they take the visit's language, which franc
 * reads from all of the visit's text at once.
 */
import { francAll } from 'franc-min';
import { ISO639_3_TO_1 } from './iso639';

/** Below this many letters a segment's own identification is not trusted. */
const MIN_SEGMENT_LETTERS = 24;

export type LanguageSource = 'speech' | 'text' | 'speaker' | 'visit' | 'given' | 'unknown';

export type SegmentLanguage = { language: string | null; source: LanguageSource };

const letters = (text: string): number => (text.match(/[\p{L}\p{M}]/gu) ?? []).length;

/**
 * English function words. Trigram statistics misread short English turns ("Good morning, what brings
 * you in today?" scores as Uzbek); a turn made largely of these words is English whatever they say.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the a an and or but of to in on at for with from by about as is are was were be been am do does did have has ' +
    'had i you he she we they it me him her us them my your his our their this that what when where why how which ' +
    'who not no yes any some can could will would should may might just so if then there here today okay ok ' +
    "i'm it's let's we're you're that's don't didn't yeah um uh"
  ).split(' '),
);
const ENGLISH_SHARE = 0.3;
/**
 * franc's score for English relative to its best guess: on ACI-Bench and MTS-Dialog turns franc
 * misread as another language English still scored 0.80-0.99, while Spanish, French, German,
 * Portuguese, Polish, Vietnamese and Malay sentences scored at most 0.59.
 */
const ENGLISH_RELATIVE_SCORE = 0.75;

const looksEnglish = (text: string): boolean => {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 3) return false;
  const hits = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  // Non-Latin letters mean another script, whatever words are mixed in.
  return hits / words.length >= ENGLISH_SHARE && !/[^\p{Script=Latin}\P{L}]/u.test(text);
};

/** ISO 639-1 code of the text's language, or null when it cannot be told. */
export const identifyLanguage = (text: string, minLetters = MIN_SEGMENT_LETTERS): string | null => {
  if (letters(text) < minLetters) return null;
  if (looksEnglish(text)) return 'en';
  const scores = francAll(text, { minLength: 1 });
  const [best] = scores;
  if (!best || best[0] === 'und') return null;
  if ((scores.find(([code]) => code === 'eng')?.[1] ?? 0) >= ENGLISH_RELATIVE_SCORE) return 'en';
  return ISO639_3_TO_1[best[0]] ?? null;
};

export type LanguageInput = { text: string; language?: string | null; speaker?: string };

/** The language with the most letters among these identified texts. */
const majority = (items: ReadonlyArray<{ language: string; weight: number }>): string | null => {
  const totals = new Map<string, number>();
  for (const { language, weight } of items) totals.set(language, (totals.get(language) ?? 0) + weight);
  let best: string | null = null;
  for (const [language, total] of totals) if (best === null || total > (totals.get(best) ?? 0)) best = language;
  return best;
};

/**
 * Per segment: a forced language (--from) wins, then Whisper's, then the segment's own text. A turn
 * too short to tell takes its speaker's language (in a visit without an interpreter the patient's
 * "sí" is Spanish even when the clinician speaks English), then the visit's. `language` is null only
 * when nothing in the visit could be identified.
 */
export const segmentLanguages = (segments: readonly LanguageInput[], given?: string): SegmentLanguage[] => {
  if (given) return segments.map(() => ({ language: given, source: 'given' }));
  const own: SegmentLanguage[] = segments.map((segment) => {
    if (segment.language) return { language: segment.language, source: 'speech' };
    const language = identifyLanguage(segment.text);
    return language ? { language, source: 'text' } : { language: null, source: 'unknown' };
  });
  const identified = segments.flatMap((segment, i) => {
    const language = own[i]?.language;
    return language ? [{ language, weight: letters(segment.text), speaker: segment.speaker }] : [];
  });
  const visit = majority(identified) ?? identifyLanguage(segments.map((s) => s.text).join('\n'), 1);
  const speakers = new Map<string | undefined, string | null>();
  return segments.map((segment, i) => {
    const mine = own[i];
    if (mine?.language) return mine;
    if (segment.speaker !== undefined) {
      if (!speakers.has(segment.speaker))
        speakers.set(segment.speaker, majority(identified.filter((x) => x.speaker === segment.speaker)));
      const language = speakers.get(segment.speaker);
      if (language) return { language, source: 'speaker' };
    }
    return visit ? { language: visit, source: 'visit' } : { language: null, source: 'unknown' };
  });
};
