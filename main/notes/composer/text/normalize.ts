/**
 * Spoken text → clean written text: undoes transcript tokenisation ("do n't", "gon na", " , "),
 * expands contractions (so the person rewrite sees plain words), drops fillers (um, uh, you know),
 * false starts ("sh- shows") and dysfluent repeats ("i , i just"), leading discourse markers
 * ("okay , so ...") and tag questions (", okay ?"). All patterns are compiled once at load.
 */
type Rule = readonly [RegExp, string];

const DETOKENIZE: readonly Rule[] = [
  [/\u2019/g, "'"],
  [/\.{2,}|\u2026/g, ' , '],
  [/\b(ca) n't\b/gi, 'cannot'],
  [/\bwo n't\b/gi, 'will not'],
  [/\b(\w+) n't\b/gi, "$1n't"],
  [/\bgon na\b/gi, 'going to'],
  [/\bwan na\b/gi, 'want to'],
  [/\bgot ta\b/gi, 'got to'],
  [/\$ (?=\d)/g, '$'],
  [/(?:^|\s)' ?cause\b/gi, ' because'],
  [/(\w)s ' (?=\w)/g, "$1s' "],
  [/(\d)\s*-\s*(?=years?\b)/gi, '$1-'],
];

const CONTRACTIONS: readonly Rule[] = [
  [/\bcan't\b/gi, 'cannot'],
  [/\bwon't\b/gi, 'will not'],
  [/\b(\w+)n't\b/gi, '$1 not'],
  [/\bgonna\b/gi, 'going to'],
  [/\bwanna\b/gi, 'want to'],
  [/\bgotta\b/gi, 'got to'],
  [/\bkinda\b|\bsorta\b/gi, ''],
  [/\bi'm\b/gi, 'i am'],
  [/\b(i|you|we|they)'ve got\b/gi, '$1 have'],
  [/\b(i|you|we|they)'ve\b/gi, '$1 have'],
  [/\b(i|you|we|they|he|she|it|that)'ll\b/gi, '$1 will'],
  [/\b(i|you|we|they|he|she)'d (been|had|gotten|seen|done|tried|taken)\b/gi, '$1 had $2'],
  [/\b(i|you|we|they|he|she)'d\b/gi, '$1 would'],
  [/\b(\w+)'re\b/gi, '$1 are'],
  [/\b(\w+)'s (been|had|got|gotten)\b/gi, '$1 has $2'],
  [/\b(it|that|he|she|there|what|who|where|here)'s\b/gi, '$1 is'],
  [/\blet's\b/gi, 'let us'],
];

const FILLERS: readonly Rule[] = [
  // "sh- shows", "y- you", "mira- miralax": a cut-off word before its completion.
  [/(^|\s)[a-z]{1,8}-(?=\s|$)/gi, '$1'],
  [/\b(?:u+m+|u+h+|uhm|hmm+|mm+-?hmm+|mhm+|erm|ah+|eh)\b/gi, '\u0002'],
  [/\byou know\b/gi, '\u0002'],
  [/\bi mean\b/gi, '\u0002'],
  [/(?<!\b(?:what|this|that|a|any|some|the|other|which|same)\s)\b(?:kind|sort) of\b/gi, ''],
  [/,\s*like\s*,/gi, ','],
  [/\b(is|was|are|were|about|at|for) like (?=[a-z0-9])/gi, '$1 '],
  [/\bhey,? (?:dragon|dax)\b[^.?!]*/gi, ''],
];

/** A filler takes the commas around it along: "i've had , uh , pain" → "i've had pain". */
const FILLER_GAPS: readonly Rule[] = [[/(?:\s*,)?\s*\u0002(?:\s*,)?(?:\s*\u0002(?:\s*,)?)*\s*/g, ' ']];

const REPEATS: readonly Rule[] = [
  // Dysfluent repeats of one to three words, optionally separated by commas: "i , i just", "my my".
  [/\b([a-z0-9']+(?: [a-z0-9']+){0,2})(?:[\s,]+\1\b)+/gi, '$1'],
];

const LEADING_MARKER =
  /^(?:(?:okay|ok|alright|all right|so|well|yeah|yes|yep|yup|and|but|now|oh|right|sure|great|good|perfect|um|uh|then|hey|anyway|anyways|gosh|wow|no problem|got it)\b[\s,]*)+/i;

/** ", okay ?" / ", right ?" after a statement: checking in, not asking. */
const TAG_QUESTION =
  /[\s,]*\b(?:okay|ok|alright|all right|right|correct|yeah|sound good|does that sound good|is that okay|you know)\s*\?\s*$/i;

const SPACE_RULES: readonly Rule[] = [
  [/\s+([,.?!;:%])/g, '$1'],
  [/([,;:])(?=[^\s\d])/g, '$1 '],
  [/(?:,\s*){2,}/g, ', '],
  [/,\s*([.?!])/g, '$1'],
  [/\s{2,}/g, ' '],
  [/^[\s,.;:]+/, ''],
];

const apply = (text: string, rules: readonly Rule[]): string =>
  rules.reduce((acc, [re, to]) => acc.replace(re, to), text);

// Most rules above need an apostrophe; most sentences have none, and skipping them is ~10% of composing.
const PLAIN_CONTRACTIONS = CONTRACTIONS.filter(([re]) => !re.source.includes("'"));

/** Transcript-level clean-up shared by every sentence: tokenisation and contractions only. */
export const detokenize = (text: string): string => {
  const plain = apply(text, DETOKENIZE);
  // Without an apostrophe no apostrophe rule can match, and no rule adds one: skipping them changes nothing.
  return plain.includes("'") ? apply(plain, CONTRACTIONS) : apply(plain, PLAIN_CONTRACTIONS);
};

export type CleanSentence = {
  text: string;
  /** The speaker asked something (a real question, not a tag like ", okay ?"). */
  question: boolean;
};

/** Cleans one sentence; returns empty text when nothing but fillers was said. */
export const cleanSentence = (raw: string): CleanSentence => {
  let text = apply(apply(apply(detokenize(raw), FILLERS), FILLER_GAPS), REPEATS);
  text = apply(text, SPACE_RULES).trim();
  text = text.replace(TAG_QUESTION, '.');
  text = text.replace(LEADING_MARKER, '');
  text = apply(text, SPACE_RULES).trim();
  const question = /\?\s*$/.test(text);
  text = text.replace(/[\s,;:]+$/, '').replace(/[.?!]+$/, '');
  text = text.replace(/[\s,;:]+$/, '').trim();
  return { text, question };
};

const WORD = /[a-z0-9]+/gi;

export const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;
