import { z } from 'zod';
import medicationsData from '../lexicons/medications.json';
import sigData from '../lexicons/medications-sig.json';
import { createPhraseMatcher, normalizePhrase, type PhraseMatcher } from './phrase-matcher';

/** The medication lexicons (data in main/language/lexicons/medications*.json), validated once and indexed. */
export type MedicationStatus = 'taking' | 'started' | 'stopped' | 'changed' | 'mentioned';
export type NameEntry = { generic: string; dose: number | null; unit: string | null; contextRequired: boolean };

export type MedicationLexicon = {
  names: PhraseMatcher<NameEntry>;
  units: PhraseMatcher<string>;
  routes: PhraseMatcher<string>;
  frequencies: PhraseMatcher<string>;
  asNeeded: PhraseMatcher<true>;
  status: PhraseMatcher<Exclude<MedicationStatus, 'mentioned'>>;
  negation: PhraseMatcher<true>;
  allergyContext: PhraseMatcher<true>;
  /** Generic name for any known name or alias ("Lasix" → "furosemide"), else undefined. */
  genericOf: (name: string) => string | undefined;
  size: { generics: number; names: number };
};

const PhraseList = z.array(z.string().min(1));
const MedicationsFile = z.object({
  drugs: z.record(z.string(), PhraseList),
  lay: z.record(
    z.string(),
    z.object({ generic: z.string(), dose: z.number().positive().optional(), unit: z.string().optional() }),
  ),
  contextRequired: z.object({ names: PhraseList }),
});
const SigFile = z.object({
  units: z.record(z.string(), PhraseList),
  routes: z.record(z.string(), PhraseList),
  frequencies: z.record(z.string(), PhraseList),
  asNeeded: PhraseList,
  status: z.object({ stopped: PhraseList, changed: PhraseList, started: PhraseList, taking: PhraseList }),
  negation: PhraseList,
  allergyContext: PhraseList,
});

const invert = (groups: Record<string, string[]>, includeKey: boolean): [string, string][] =>
  Object.entries(groups).flatMap(([key, phrases]) =>
    [...(includeKey ? [key] : []), ...phrases].map((p): [string, string] => [p, key]),
  );

const build = (): MedicationLexicon => {
  const meds = MedicationsFile.parse(medicationsData);
  const sig = SigFile.parse(sigData);
  const contextRequired = new Set(meds.contextRequired.names.map(normalizePhrase));
  const nameEntries: [string, NameEntry][] = [];
  for (const [generic, aliases] of Object.entries(meds.drugs)) {
    for (const phrase of [generic, ...aliases]) {
      nameEntries.push([
        phrase,
        { generic, dose: null, unit: null, contextRequired: contextRequired.has(normalizePhrase(phrase)) },
      ]);
    }
  }
  for (const [phrase, lay] of Object.entries(meds.lay)) {
    nameEntries.push([
      phrase,
      { generic: lay.generic, dose: lay.dose ?? null, unit: lay.unit ?? null, contextRequired: false },
    ]);
  }
  const names = createPhraseMatcher(nameEntries);
  const statusEntries = (['stopped', 'changed', 'started', 'taking'] as const).flatMap((s) =>
    sig.status[s].map((p): [string, typeof s] => [p, s]),
  );
  return {
    names,
    units: createPhraseMatcher(invert(sig.units, false)),
    routes: createPhraseMatcher(invert(sig.routes, false)),
    frequencies: createPhraseMatcher(invert(sig.frequencies, false)),
    asNeeded: createPhraseMatcher(sig.asNeeded.map((p): [string, true] => [p, true])),
    status: createPhraseMatcher(statusEntries),
    negation: createPhraseMatcher(sig.negation.map((p): [string, true] => [p, true])),
    allergyContext: createPhraseMatcher(sig.allergyContext.map((p): [string, true] => [p, true])),
    genericOf: (name) => names.get(name)?.generic,
    size: { generics: Object.keys(meds.drugs).length, names: nameEntries.length },
  };
};

let cached: MedicationLexicon | undefined;

/** Built on first use (no import-time work). */
export const medicationLexicon = (): MedicationLexicon => {
  cached ??= build();
  return cached;
};
