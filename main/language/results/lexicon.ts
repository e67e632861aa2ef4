import { z } from 'zod';
import imagingData from '../lexicons/imaging.json';
import labsData from '../lexicons/labs.json';
import { createPhraseMatcher, type PhraseMatcher } from '../medications/phrase-matcher';

/** Labs and imaging studies (main/language/lexicons/labs.json, imaging.json), validated on first use. */
export type TestEntry = { name: string; category: 'lab' | 'imaging' };
export type TestLexicon = { tests: PhraseMatcher<TestEntry>; size: { labs: number; imaging: number; phrases: number } };

const Groups = z.record(z.string(), z.array(z.string().min(1)));

const build = (): TestLexicon => {
  const labs = z.object({ tests: Groups }).parse(labsData).tests;
  const imaging = z.object({ studies: Groups }).parse(imagingData).studies;
  const entries = (g: Record<string, string[]>, category: TestEntry['category']): [string, TestEntry][] =>
    Object.entries(g).flatMap(([name, aliases]) =>
      [name, ...aliases].map((p): [string, TestEntry] => [p, { name, category }]),
    );
  const all = [...entries(imaging, 'imaging'), ...entries(labs, 'lab')];
  return {
    tests: createPhraseMatcher(all),
    size: { labs: Object.keys(labs).length, imaging: Object.keys(imaging).length, phrases: all.length },
  };
};

let cached: TestLexicon | undefined;

export const testLexicon = (): TestLexicon => {
  cached ??= build();
  return cached;
};
