import { z } from 'zod';
import problemData from '../lexicons/problems.json';
import { AppError } from '../../../common/errors';
import { createPhraseIndex, type PhraseIndex } from '../assertions/phrase-index';
import { phraseKey } from '../assertions/tokens';

/**
 * The problems-and-symptoms lexicon (data in main/language/lexicons/problems.json, see README-problems.md):
 * explicit concepts with synonyms, body-site pain phrases generated from sites × patterns, plural forms, and
 * blockers that hide a term inside a longer non-problem phrase ("pain medication").
 */
export type ProblemCategory = 'symptom' | 'condition';
export type ProblemConcept = { name: string; category: ProblemCategory };

export type ProblemLexicon = {
  index: PhraseIndex<ProblemConcept>;
  concepts: ReadonlyMap<string, ProblemConcept>;
  /** Every indexed phrase (normalised) that names the concept, for reuse by checklists. */
  phrasesOf: (name: string) => readonly string[];
  /** Normalised blocker phrases ("pain medication"), so other matchers can reuse them. */
  blockers: readonly string[];
  size: { concepts: number; synonyms: number; phrases: number; generated: number; blockers: number };
};

const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'their', 'the', 'our']);
/** Lexicon phrases are written with "my"; a question says "your", a note says "the" or "his". */
export const anyPossessive = (norm: string): string => (POSSESSIVES.has(norm) ? 'my' : norm);

/** The lexicon's key of a phrase: normalised words, possessives unified. */
export const lexiconKey = (phrase: string): string => phraseKey(phrase).split(' ').map(anyPossessive).join(' ');

const Phrase = z.string().trim().min(1);
export const ProblemLexiconFile = z.strictObject({
  description: z.string().optional(),
  version: z.literal(1),
  concepts: z
    .array(z.strictObject({ name: Phrase, category: z.enum(['symptom', 'condition']), synonyms: z.array(Phrase) }))
    .min(1),
  painSites: z.array(z.strictObject({ name: Phrase, words: z.array(Phrase).min(1), lateral: z.boolean() })),
  painPatterns: z.array(z.string().includes('{site}')),
  determiners: z.array(Phrase),
  sides: z.array(Phrase),
  blockers: z.array(Phrase),
});
export type ProblemLexiconFile = z.infer<typeof ProblemLexiconFile>;

/** "headache" → "headaches", "rash" → "rashes", "allergy" → "allergies"; words already ending in s are left alone. */
export const pluralOf = (key: string): string | undefined => {
  const words = key.split(' ');
  const last = words.pop() ?? '';
  if (last.length < 3 || !/^[a-z]+$/.test(last) || last.endsWith('s')) return undefined;
  const plural = /(?:sh|ch|x|z)$/.test(last)
    ? `${last}es`
    : /[^aeiou]y$/.test(last)
      ? `${last.slice(0, -1)}ies`
      : `${last}s`;
  return [...words, plural].join(' ');
};

const refuse = (detail: string): never => {
  throw new AppError('VALIDATION_FAILED', `Invalid problems lexicon: ${detail}`);
};

const SITE = 'qqsiteqq';
const DET = 'qqdetqq';

/** Body-site pain phrases as lexicon keys, built from pre-normalised pieces (tens of thousands of combinations). */
const sitePhrases = (data: ProblemLexiconFile): [string, string][] => {
  const dets = [...new Set(data.determiners.map(lexiconKey))];
  const patterns = data.painPatterns.map((p) => lexiconKey(p.replace('{site}', SITE).replace('{det}', DET)));
  const sides = data.sides.map(lexiconKey);
  const out: [string, string][] = [];
  for (const site of data.painSites) {
    const bare = site.words.map(lexiconKey);
    const words = site.lateral ? bare.flatMap((w) => [w, ...sides.map((s) => `${s} ${w}`)]) : bare;
    for (const pattern of patterns) {
      for (const w of words) {
        const withSite = pattern.replace(SITE, w);
        if (withSite.includes(DET)) for (const d of dets) out.push([withSite.replace(DET, d), site.name]);
        else out.push([withSite, site.name]);
      }
    }
  }
  return out;
};

export const compileProblemLexicon = (raw: unknown): ProblemLexicon => {
  const parsed = ProblemLexiconFile.safeParse(raw);
  if (!parsed.success)
    return refuse(`${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
  const data = parsed.data;
  const concepts = new Map<string, ProblemConcept>();
  const byKey = new Map<string, ProblemConcept | null>();
  let synonyms = 0;
  for (const c of data.concepts) {
    if (concepts.has(c.name)) refuse(`concept "${c.name}" is listed twice.`);
    const concept: ProblemConcept = { name: c.name, category: c.category };
    concepts.set(c.name, concept);
    for (const phrase of [c.name, ...c.synonyms]) {
      const key = lexiconKey(phrase);
      const seen = byKey.get(key);
      if (seen !== undefined && seen !== null && seen.name !== c.name)
        refuse(`"${phrase}" names both "${seen.name}" and "${c.name}".`);
      byKey.set(key, concept);
      synonyms += 1;
    }
  }
  for (const phrase of data.blockers) {
    const key = lexiconKey(phrase);
    if (byKey.get(key)) refuse(`blocker "${phrase}" is also a synonym.`);
    // Matching is leftmost-longest: "the flu" would start before "flu shot", so "the flu shot" is blocked too.
    for (const k of [key, `my ${key}`, `a ${key}`, `an ${key}`]) if (!byKey.get(k)) byKey.set(k, null);
  }
  for (const [key, concept] of [...byKey]) {
    const plural = concept === null ? undefined : pluralOf(key);
    if (plural !== undefined && !byKey.has(plural)) byKey.set(plural, concept);
  }
  let generated = 0;
  for (const [key, name] of sitePhrases(data)) {
    if (byKey.has(key)) continue; // explicit entries win
    const concept = concepts.get(name) ?? { name, category: 'symptom' as const };
    concepts.set(name, concept);
    byKey.set(key, concept);
    generated += 1;
  }
  const phrases = new Map<string, string[]>();
  for (const [key, concept] of byKey) {
    if (concept === null) continue;
    const list = phrases.get(concept.name);
    if (list === undefined) phrases.set(concept.name, [key]);
    else list.push(key);
  }
  const blockers = [...byKey].filter(([, c]) => c === null).map(([k]) => k);
  return {
    index: createPhraseIndex(
      [...byKey].map(([key, c]): [string, ProblemConcept[]] => [key, c === null ? [] : [c]]),
      { word: anyPossessive, keys: true },
    ),
    concepts,
    phrasesOf: (name) => phrases.get(name) ?? [],
    blockers,
    size: {
      concepts: concepts.size,
      synonyms,
      phrases: byKey.size - blockers.length,
      generated,
      blockers: blockers.length,
    },
  };
};

let cached: ProblemLexicon | undefined;

/** The shipped lexicon, compiled on first use. */
export const problemLexicon = (): ProblemLexicon => {
  cached ??= compileProblemLexicon(problemData);
  return cached;
};
