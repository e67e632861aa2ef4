import { z } from 'zod';
import socialData from '../lexicons/social.json';
import { createPhraseMatcher, normalizePhrase, type PhraseMatcher } from '../medications/phrase-matcher';

/** Social-history vocabulary (main/language/lexicons/social.json), validated on first use. */
export type SocialCategory = 'tobacco' | 'alcohol' | 'substance';
export type SocialTerm = { category: SocialCategory; name: string | null; needsContext: boolean };

export type SocialLexicon = {
  terms: PhraseMatcher<SocialTerm>;
  nonAlcoholic: PhraseMatcher<true>;
  former: PhraseMatcher<true>;
  never: PhraseMatcher<true>;
  current: PhraseMatcher<true>;
  answerYes: PhraseMatcher<true>;
  answerNo: PhraseMatcher<true>;
  size: { terms: number; cues: number };
};

const List = z.array(z.string().min(1));
const SocialFile = z.object({
  terms: z.object({ tobacco: List, alcohol: List }),
  substances: z.record(z.string(), List),
  alcoholNonAlcoholic: List,
  substanceNeedsContext: List,
  former: List,
  never: List,
  current: List,
  questionAnswerYes: List,
  questionAnswerNo: List,
});

const cues = (list: string[]): PhraseMatcher<true> => createPhraseMatcher(list.map((p): [string, true] => [p, true]));

const build = (): SocialLexicon => {
  const d = SocialFile.parse(socialData);
  const needs = new Set(d.substanceNeedsContext.map(normalizePhrase));
  const terms: [string, SocialTerm][] = [
    ...d.terms.tobacco.map((p): [string, SocialTerm] => [p, { category: 'tobacco', name: null, needsContext: false }]),
    ...d.terms.alcohol.map((p): [string, SocialTerm] => [p, { category: 'alcohol', name: null, needsContext: false }]),
    ...Object.entries(d.substances).flatMap(([name, aliases]) =>
      aliases.map((p): [string, SocialTerm] => [
        p,
        {
          category: 'substance',
          name: name === 'recreational drugs' ? null : name,
          needsContext: needs.has(normalizePhrase(p)),
        },
      ]),
    ),
  ];
  const cueLists = [d.former, d.never, d.current, d.questionAnswerYes, d.questionAnswerNo];
  return {
    terms: createPhraseMatcher(terms),
    nonAlcoholic: cues(d.alcoholNonAlcoholic),
    former: cues(d.former),
    never: cues(d.never),
    current: cues(d.current),
    answerYes: cues(d.questionAnswerYes),
    answerNo: cues(d.questionAnswerNo),
    size: { terms: terms.length, cues: cueLists.reduce((n, l) => n + l.length, 0) },
  };
};

let cached: SocialLexicon | undefined;

export const socialLexicon = (): SocialLexicon => {
  cached ??= build();
  return cached;
};
