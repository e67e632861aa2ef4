import { z } from 'zod';
import triggerData from '../lexicons/context-triggers.json';
import { AppError } from '../../../common/errors';
import { createPhraseIndex, type PhraseIndex } from './phrase-index';
import { phraseKey } from './tokens';

/**
 * ConText trigger lists (data in main/language/lexicons/context-triggers.json, documented in
 * README-problems.md), validated once and compiled into one longest-match phrase index, so a pseudo-trigger
 * ("no increase") and a longer trigger ("could not be ruled out") always beat the shorter phrase inside them.
 */
export type Category = 'negated' | 'possible' | 'historical' | 'hypothetical' | 'family' | 'other';
export type Direction = 'pre' | 'post' | 'both' | 'final';

export type AnswerCue = 'yes' | 'no' | 'unsure';

export type Role =
  | { kind: 'trigger'; category: Category; direction: Direction }
  /** Ends a trigger's scope; `experiencer: false` terms ("which", "who") do not end family/other scope. */
  | { kind: 'termination'; experiencer: boolean };

export type TriggerSet = {
  index: PhraseIndex<Role>;
  window: number;
  listItemMaxWords: number;
  /** A negation trigger directly followed by one of these is not a negation ("not helping", "no better"). */
  pseudoFollowers: Set<string>;
  pseudoFollowerMaxLen: number;
  /** "without" after "cannot"/"unable to" in the same clause is a double negation ("can't walk without pain"). */
  cancelable: Set<string>;
  cancelers: PhraseIndex<true>;
  /** "never had pain like this": the phrase right after the concept cancels the negation. */
  cancelersAfter: PhraseIndex<true>;
  /** Single words that end family/other scope: the speaker ("I", "me") or a reporter ("says", "noticed"). */
  experiencerStops: Set<string>;
  /** "No, ..." at the head of an answer is a reply to the question, not a negation of what follows. */
  interjections: Set<string>;
  /** Words that do not count towards the window ("no fever or chills"). */
  listConnectors: Set<string>;
  /** How an answer opens: "yes", "no", "not sure" (after fillers such as "um", "well"). */
  answers: PhraseIndex<AnswerCue>;
  answerFillers: Set<string>;
  /** "no fever and my knee hurts": a conjunction followed by a new subject starts a clause no cue crosses (family/other excepted). */
  clauseConjunctions: Set<string>;
  clauseSubjects: Set<string>;
  size: { triggers: number; pseudo: number; terminations: number };
};

const Phrases = z.array(z.string().trim().min(1));
const Directed = z.strictObject({
  pre: Phrases.default([]),
  post: Phrases.default([]),
  final: Phrases.default([]),
  both: Phrases.default([]),
});
const SingleWords = z.array(z.string().regex(/^[a-z']+$/, 'single lower-case words only'));

export const TriggerFile = z.strictObject({
  version: z.literal(1),
  window: z.number().int().min(1).max(30),
  listItemMaxWords: z.number().int().min(1).max(10),
  triggers: z.strictObject({
    negated: Directed,
    possible: Directed,
    historical: Directed,
    hypothetical: Directed,
    family: Directed,
    other: Directed,
  }),
  pseudo: Phrases,
  pseudoFollowers: Phrases,
  doubleNegation: z.strictObject({ cancelable: Phrases, cancelers: Phrases }),
  negationCancelersAfter: Phrases,
  termination: z.strictObject({ all: Phrases, notExperiencer: Phrases }),
  experiencerStops: SingleWords,
  interjections: Phrases,
  listConnectors: SingleWords,
  answers: z.strictObject({ fillers: SingleWords, yes: Phrases, no: Phrases, unsure: Phrases }),
  clauseStarts: z.strictObject({ conjunctions: SingleWords, subjects: SingleWords }),
});
export type TriggerFile = z.infer<typeof TriggerFile>;

const CATEGORIES: readonly Category[] = ['negated', 'possible', 'historical', 'hypothetical', 'family', 'other'];
const DIRECTIONS: readonly Direction[] = ['pre', 'post', 'both', 'final'];

const keySet = (phrases: readonly string[]): Set<string> => new Set(phrases.map(phraseKey));
const truthy = (phrases: readonly string[]): PhraseIndex<true> =>
  createPhraseIndex(phrases.map((p): [string, true[]] => [p, [true]]));

export const compileTriggers = (raw: unknown): TriggerSet => {
  const parsed = TriggerFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid ConText trigger file: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}.`,
    );
  }
  const data = parsed.data;
  const entries: [string, Role[]][] = [];
  for (const category of CATEGORIES) {
    for (const direction of DIRECTIONS) {
      for (const phrase of data.triggers[category][direction])
        entries.push([phrase, [{ kind: 'trigger', category, direction }]]);
    }
  }
  const triggerCount = entries.length;
  for (const phrase of data.pseudo) entries.push([phrase, []]);
  for (const phrase of data.termination.all) entries.push([phrase, [{ kind: 'termination', experiencer: true }]]);
  for (const phrase of data.termination.notExperiencer)
    entries.push([phrase, [{ kind: 'termination', experiencer: false }]]);
  const followers = keySet(data.pseudoFollowers);
  return {
    index: createPhraseIndex(entries),
    window: data.window,
    listItemMaxWords: data.listItemMaxWords,
    pseudoFollowers: followers,
    pseudoFollowerMaxLen: Math.max(1, ...[...followers].map((k) => k.split(' ').length)),
    cancelable: keySet(data.doubleNegation.cancelable),
    cancelers: truthy(data.doubleNegation.cancelers),
    cancelersAfter: truthy(data.negationCancelersAfter),
    experiencerStops: new Set(data.experiencerStops),
    interjections: keySet(data.interjections),
    listConnectors: new Set(data.listConnectors),
    answers: createPhraseIndex([
      ...data.answers.yes.map((p): [string, AnswerCue[]] => [p, ['yes']]),
      ...data.answers.no.map((p): [string, AnswerCue[]] => [p, ['no']]),
      ...data.answers.unsure.map((p): [string, AnswerCue[]] => [p, ['unsure']]),
    ]),
    answerFillers: new Set(data.answers.fillers),
    clauseConjunctions: new Set(data.clauseStarts.conjunctions),
    clauseSubjects: new Set(data.clauseStarts.subjects),
    size: {
      triggers: triggerCount,
      pseudo: data.pseudo.length + data.pseudoFollowers.length,
      terminations: data.termination.all.length + data.termination.notExperiencer.length,
    },
  };
};

let cached: TriggerSet | undefined;

/** The shipped trigger set, compiled on first use (no import-time work). */
export const defaultTriggers = (): TriggerSet => {
  cached ??= compileTriggers(triggerData);
  return cached;
};
