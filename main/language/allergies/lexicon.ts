import { z } from 'zod';
import allergiesData from '../lexicons/allergies.json';
import { medicationLexicon } from '../medications/lexicon';
import { createPhraseMatcher, normalizePhrase, type PhraseMatcher } from '../medications/phrase-matcher';

/** The allergy lexicon (main/language/lexicons/allergies.json), validated on first use. */
export type AllergyLexicon = {
  substances: PhraseMatcher<string>;
  reactions: PhraseMatcher<string>;
  noKnown: PhraseMatcher<true>;
  negativeAnswer: PhraseMatcher<true>;
  seasonal: PhraseMatcher<true>;
  /** True when the phrase is a class, food or environmental allergen (not an individual drug name). */
  isOwnSubstance: (phrase: string) => boolean;
  /** Canonical allergen for a name: class/food/environment name, else the drug's generic, else itself lowercased. */
  canonical: (name: string) => string;
  size: { substances: number; reactions: number; phrases: number };
};

const List = z.array(z.string().min(1));
const AllergiesFile = z.object({
  substances: z.record(z.string(), List),
  reactions: z.record(z.string(), List),
  noKnownAllergies: List,
  negativeAnswers: List,
  seasonal: List,
});

const groups = (g: Record<string, string[]>): [string, string][] =>
  Object.entries(g).flatMap(([key, aliases]) => [key, ...aliases].map((p): [string, string] => [p, key]));

const build = (): AllergyLexicon => {
  const data = AllergiesFile.parse(allergiesData);
  const meds = medicationLexicon();
  const own = groups(data.substances);
  // Individual drugs: every medication name maps to its generic; the classes above take precedence.
  const drugs = meds.names;
  const substances = createPhraseMatcher<string>(own);
  const combined: PhraseMatcher<string> = {
    find: (text) => {
      const ownHits = substances.find(text);
      const drugHits = drugs.find(text).filter((d) => !ownHits.some((o) => d.start < o.end && o.start < d.end));
      return [...ownHits, ...drugHits.map((d) => ({ ...d, value: d.value.generic }))].sort((a, b) => a.start - b.start);
    },
    has: (p) => substances.has(p) || drugs.has(p),
    get: (p) => substances.get(p) ?? drugs.get(p)?.generic,
  };
  return {
    substances: combined,
    reactions: createPhraseMatcher(groups(data.reactions)),
    noKnown: createPhraseMatcher(data.noKnownAllergies.map((p): [string, true] => [p, true])),
    negativeAnswer: createPhraseMatcher(data.negativeAnswers.map((p): [string, true] => [p, true])),
    seasonal: createPhraseMatcher(data.seasonal.map((p): [string, true] => [p, true])),
    isOwnSubstance: (phrase) => substances.has(phrase),
    canonical: (name) => combined.get(name) ?? normalizePhrase(name),
    size: {
      substances: own.length,
      reactions: groups(data.reactions).length,
      phrases: data.noKnownAllergies.length + data.negativeAnswers.length + data.seasonal.length,
    },
  };
};

let cached: AllergyLexicon | undefined;

export const allergyLexicon = (): AllergyLexicon => {
  cached ??= build();
  return cached;
};
