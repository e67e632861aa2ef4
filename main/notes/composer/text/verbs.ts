/**
 * Just enough English verb morphology to move a clause from "I"/"you" to the third person singular:
 * "I have" → "has", "I feel" → "feels", "you try" → "tries"; past forms and modals stay as they are.
 */
const MODALS = new Set([
  'can',
  'cannot',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'had',
  'was',
  'did',
  'used',
  'ought',
]);

/** Irregular past tenses (and a few words that never take -s after a subject). */
const PAST = new Set(
  (
    'was were had did went got felt thought saw took made came began said told knew left fell ran gave found kept lost ate ' +
    'drank slept woke broke put quit cut hit let set read heard bought brought caught taught sat stood wore wrote drove rode ' +
    'forgot understood became spent sent meant built held paid stuck threw tore won bit hurt fought fed led lit met shot ' +
    'shut sold sang sank slid spoke split spread stole struck swore swept swung thrust wept wound upset overdid'
  ).split(' '),
);

/** Adverbs that may sit between the subject and its verb ("I still have", "you really need"). */
export const ADVERBS = new Set(
  (
    'also still just really usually always never sometimes often only actually definitely even already probably ' +
    'occasionally generally mostly recently certainly truly basically honestly normally typically finally currently ' +
    'mainly barely hardly rarely constantly frequently seriously literally pretty totally first then now ' +
    'once initially previously kind sort'
  ).split(' '),
);

const IRREGULAR_3SG: Readonly<Record<string, string>> = {
  am: 'is',
  are: 'is',
  have: 'has',
  do: 'does',
  go: 'goes',
  be: 'is',
  were: 'was',
};

const NOT_VERBS = new Set(
  (
    'not and or but the a an to in on at of with for so that if is has does it its i you he she they we my your ' +
    'his her their our this these those there then when where what which who how than as because since just ' +
    'yes no okay well also only really very here now too'
  ).split(' '),
);

export const isModalOrPast = (word: string): boolean => MODALS.has(word) || PAST.has(word) || /[a-z]ed$/.test(word);

/** The third-person singular present of a verb given in the first/second person form. */
export const thirdPerson = (verb: string): string => {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR_3SG[lower];
  if (irregular !== undefined) return irregular;
  if (
    isModalOrPast(lower) ||
    NOT_VERBS.has(lower) ||
    !/^[a-z]+$/.test(lower) ||
    lower.length < 2 ||
    /(?:ing|ly)$/.test(lower)
  )
    return verb;
  // Already inflected ("looks"): leave it; "discuss", "focus" keep their own -s.
  if (/[^su]s$/.test(lower)) return verb;
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
};
