/**
 * Person rewriting. A patient says "I've had knee pain" → "She reports knee pain"; a clinician says
 * "your lungs are clear" → "Lungs are clear", "I want you to increase your lasix" → "Increase her
 * lasix", "I'm going to order an x-ray" → "We will order an x-ray". Works on cleaned, contraction-
 * expanded text (normalize.ts) token by token; pronouns come from the patient profile.
 */
import { ADVERBS, isModalOrPast, thirdPerson } from './verbs';

export type Pronouns = {
  subject: string;
  object: string;
  possessive: string;
  reflexive: string;
  possessivePronoun: string;
};

export const PRONOUNS = {
  female: { subject: 'she', object: 'her', possessive: 'her', reflexive: 'herself', possessivePronoun: 'hers' },
  male: { subject: 'he', object: 'him', possessive: 'his', reflexive: 'himself', possessivePronoun: 'his' },
  unknown: {
    subject: 'the patient',
    object: 'the patient',
    possessive: 'their',
    reflexive: 'themselves',
    possessivePronoun: 'theirs',
  },
} as const satisfies Record<string, Pronouns>;

/** Clinician statement styles: exam findings drop "your", plans become "we will ..." or imperatives. */
export type ClinicianMode = 'narrative' | 'exam' | 'plan';

type Rule = readonly [RegExp, string];

const TOKEN = /\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[a-z0-9$][a-z0-9'\-./%$+]*[a-z0-9%+]|[a-z0-9]|[^\sa-z0-9]/gi;
const NO_SPACE_BEFORE = /^[,.?!;:%)]$/;

const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

const join = (words: readonly string[]): string => {
  let out = '';
  for (const w of words) {
    if (w === '') continue;
    out += out === '' || NO_SPACE_BEFORE.test(w) || out.endsWith('$') || out.endsWith('(') ? w : ` ${w}`;
  }
  return out;
};

/** Words after which "you" is an object ("give you", "for you"), not a subject. */
const OBJECT_CONTEXT = new Set(
  (
    'to for with at on about from by of into give gave see saw tell told send sent put start started get got let help ' +
    'ask asked check keep refer want need have has make made show prescribe call bring recommend schedule ' +
    'thank bother hurt hurting cause causing treat treating examine follow seeing seen given taken gotten ' +
    'written known shown put keep keeping'
  ).split(' '),
);

/** Words after which a "you" has ended its clause ("seen you today", "see you back"). */
const OBJECT_NEXT = new Set(
  'back today again in on for to with about at up out down off there here now later soon tomorrow next this that some a an the any all more'.split(
    ' ',
  ),
);

const INVERTING = new Set([
  'are',
  'were',
  'do',
  'did',
  'have',
  'had',
  'can',
  'could',
  'would',
  'will',
  'should',
  'is',
  'was',
]);

/** Conjugates the verb after a third-person subject that replaced "I"/"you" at index `at`. */
const conjugateAfter = (words: string[], at: number): void => {
  let j = at + 1;
  while (j < words.length && ADVERBS.has((words[j] ?? '').toLowerCase())) j += 1;
  const verb = words[j];
  if (verb === undefined) return;
  const lower = verb.toLowerCase();
  if (lower === 'was' || lower === 'were') {
    words[j] = 'was';
    return;
  }
  if (isModalOrPast(lower)) return;
  words[j] = thirdPerson(verb);
};

const REPORTS: readonly Rule[] = [
  // "I have had / have been having knee pain" → "{S} reports knee pain".
  [
    /^i (?:have|had) (?:been (?:having|experiencing|getting|noticing|feeling)|had|noticed) (?=(?:a |an |some |the |this |these |more |less |no |any |[a-z]+ )?[a-z])/i,
    '\u0001 reports ',
  ],
];

export const firstToThird = (text: string, p: Pronouns): string => {
  const pre = REPORTS.reduce((acc, [re, to]) => acc.replace(re, to), text);
  const words = tokens(pre);
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    if (w === '\u0001') {
      words[i] = p.subject;
      continue;
    }
    const lower = w.toLowerCase();
    if (lower === 'i') {
      const prev = (words[i - 1] ?? '').toLowerCase();
      words[i] = p.subject;
      // "my wife and I go": plural subject, no -s.
      if (prev !== 'and' && prev !== 'or') conjugateAfter(words, i);
    } else if (lower === 'me') words[i] = p.object;
    else if (lower === 'my') words[i] = p.possessive;
    else if (lower === 'mine') words[i] = p.possessivePronoun;
    else if (lower === 'myself') words[i] = p.reflexive;
  }
  return join(words);
};

const CLINICIAN_COMMON: readonly Rule[] = [
  [/\bgo ahead and\s*/gi, ''],
  [
    /^(?:i know|i see|i see here|i noticed|i understand|i heard|i hear|it sounds like|it looks like|looks like|sounds like|it seems like|i am glad)(?: that)? (?=you\b)/i,
    '',
  ],
  [/^i know(?: that)? (?=(?:we|he|she|they|the|a|an|your)\b)/i, ''],
  [/\bwhen i (?:press|push|palpate|touch)(?: on)?(?: it| here| there| that| this)?\b/gi, 'on palpation'],
];

const IMPERATIVE =
  /^(?:i|we) (?:really |also |just )?(?:want|would like|need|am going to have|are going to have|will have|will need|would want) you to (?:go ahead and )?|^(?:i|we) (?:would )?(?:also )?(?:recommend|suggest|advise)(?: that)? you (?:to )?/i;

const PLAN_RULES: readonly Rule[] = [
  [/^(?:i am|we are|i'm|we're) (also |just )?going to\b/i, 'we will $1'],
  [/^(?:i|we) (also |just )?(?:do |really )?(?:want|would like|will want|need|plan) to\b/i, 'we will $1'],
  [/^(?:i|we) (also |just |then )?will\b/i, 'we will $1'],
  [/^let us\b/i, 'we will'],
];

const EXAM_RULES: readonly Rule[] = [
  [/\bi do not (?:appreciate|hear|see|feel|notice|note|detect|find)(?: any)?\b/gi, 'there is no'],
  [/\bi (?:do |also |can )?(?:appreciate|hear|see|feel|notice|note|detect|find)\b/gi, 'there is'],
  [/\byou do not have(?: any)?\b/gi, 'there is no'],
  [/\byou (?:do |also )?have\b/gi, 'there is'],
  [/\bthere (?:is|are) no\b/gi, 'no'],
];

const applyRules = (text: string, rules: readonly Rule[]): string =>
  rules.reduce((acc, [re, to]) => acc.replace(re, to), text);

export const secondToThird = (text: string, p: Pronouns, mode: ClinicianMode): string => {
  let pre = applyRules(text, CLINICIAN_COMMON);
  const imperative = mode !== 'exam' && IMPERATIVE.test(pre);
  if (imperative) pre = pre.replace(IMPERATIVE, '');
  else if (mode === 'plan') pre = applyRules(pre, PLAN_RULES);
  else if (mode === 'exam') pre = applyRules(pre, EXAM_RULES);
  const words = tokens(pre);
  for (let i = 0; i < words.length; i += 1) {
    const lower = (words[i] ?? '').toLowerCase();
    if (lower === 'you') {
      const prev = (words[i - 1] ?? '').toLowerCase();
      const next = (words[i + 1] ?? '').toLowerCase();
      if (
        OBJECT_CONTEXT.has(prev) ||
        /[a-z]{2}ed$/.test(prev) ||
        next === '' ||
        OBJECT_NEXT.has(next) ||
        /^[,.?!;:]$/.test(next)
      )
        words[i] = p.object;
      else {
        words[i] = p.subject;
        // "were you able": an inverted question keeps the verb form.
        if (!INVERTING.has(prev)) conjugateAfter(words, i);
      }
    } else if (lower === 'your') words[i] = mode === 'exam' ? '' : p.possessive;
    else if (lower === 'yours') words[i] = p.possessivePronoun;
    else if (lower === 'yourself') words[i] = p.reflexive;
  }
  return join(words);
};
