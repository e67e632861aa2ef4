/**
 * Question → answer pairs become statements. "any fever or chills?" "no." → "She denies fever or
 * chills."; "and you're taking your medication?" "yes." → "She is taking her medication." Questions
 * about relatives become family history, never the patient's own problem. Only a clear yes or no
 * (the answer's first words) turns a question into a fact.
 */
import { detokenize } from './text/normalize';
import { secondToThird } from './text/person';
import type { Pronouns } from './text/person';
import type { Routed } from './route';
import type { Unit } from './units';

export type Polarity = 'yes' | 'no' | null;

export type QaStatement = {
  text: string;
  question: Unit;
  answer: Unit;
  polarity: 'yes' | 'no';
  /** The asked-about items when the question was "any X, Y or Z?" (for the review of systems). */
  items: string[];
  family: boolean;
};

const NO =
  /^(?:no|nope|nah|not really|not that i|never|none|negative|i do not|i have not|i did not|i am not|i haven't|i don't|not at all)\b/;
const YES =
  /^(?:yes|yeah|yep|yup|yes ma'am|yes sir|i do|i have|i did|i am|correct|mm-hmm|uh-huh|a little|sometimes|definitely|absolutely|sure|right|i think so)\b/;

export const polarityOf = (raw: string): Polarity => {
  const text = detokenize(raw)
    .toLowerCase()
    .replace(/^[\s,.]*(?:um|uh|well|oh|so)?[\s,.]*/, '');
  if (NO.test(text)) return 'no';
  if (YES.test(text)) return 'yes';
  return null;
};

const SYMPTOM_Q =
  /^(?:(?:and|so|now|but|okay|also) )*(?:(?:have|had) you (?:had|noticed|experienced|been having|been experiencing|had any|ever had|felt)|do you (?:have|get|feel|notice|experience)|are you (?:having|experiencing|getting|feeling)|did you (?:have|notice|experience|get|feel)|any (?:other )?(?:symptoms|problems|issues)(?: (?:like|such as|of|with))?|how about|what about|ever had|is there any|are there any|any)\s+(?:any\s+)?(.{3,})$/i;

const FAMILY =
  /\b(?:family|mother|mom|father|dad|sister|brother|sibling|parents?|grand(?:mother|father|parents?)|aunt|uncle|cousin|son|daughter|children|kids|runs in)\b/i;

const TAIL =
  /(?:,? (?:or )?(?:anything|something) (?:like that|else)|,? at all|,? or anything|,? that you know of|,? recently|,? lately|,? today)+$/i;

/** Yes/no questions we can restate: "are you X" → "{S} is X". */
const AUX_Q = /^(?:(?:and|so|now|but|okay|also) )*(are|do|have|is|were|did|can|will) you\b\s*(.*)$/i;

/** Declarative checks said with a question mark: "you're taking your medication?" */
const DECLARATIVE_Q = /^(?:(?:and|so|now|but|okay|also) )*you (?:are|have|were|do|still|also|take|are still)\b/i;

/** The asked-about phrase must name something, not point at it ("down here", "that"). */
const NAMES_SOMETHING =
  /\b(?!(?:here|there|that|this|it|now|then|down|up|over|right|else|anything|something|one|ones|more|other|others|else|today)\b)[a-z]{3,}\b/i;

const splitItems = (phrase: string): string[] =>
  phrase
    .split(/,\s*|\s+(?:or|and|nor)\s+/i)
    .map((s) => s.replace(/^(?:any|some|the|your|a|an)\s+/i, '').trim())
    .filter((s) => s.length > 2);

const restate = (question: Unit, polarity: 'yes' | 'no', p: Pronouns): string | null => {
  const q = question.clean;
  if (DECLARATIVE_Q.test(q)) return polarity === 'yes' ? secondToThird(q, p, 'narrative') : null;
  const aux = AUX_Q.exec(q);
  if (!aux) return null;
  const verb = (aux[1] ?? '').toLowerCase();
  const rest = secondToThird(aux[2] ?? '', p, 'narrative');
  if (rest.split(' ').length < 2) return null;
  const not = polarity === 'no' ? ' not' : '';
  switch (verb) {
    case 'are':
      return `${p.subject} is${not} ${rest}`;
    case 'have':
      return `${p.subject} has${not} ${rest}`;
    case 'do':
      return polarity === 'no' ? `${p.subject} does not ${rest}` : null;
    default:
      return null;
  }
};

const answerFor = (routed: readonly Routed[], q: number): Unit | null => {
  const question = routed[q]?.unit;
  if (!question) return null;
  // The question must end its turn, and the answer open the next one.
  const after = routed[q + 1]?.unit;
  if (!after || after.segmentIndex === question.segmentIndex) return null;
  if (after.segment.speaker !== 'patient' || after.segmentIndex !== question.segmentIndex + 1) return null;
  return after;
};

/** First letters of an item's first word: "shortness of breath" and "short of breath" share "short". */
const stemOf = (item: string): string => (item.toLowerCase().split(' ')[0] ?? '').slice(0, 5);

/**
 * "any fever or shortness of breath?" "no fever. a little short of breath on stairs." denies only the
 * fever: a "no" covers the items it names, and never an item the rest of the same turn goes on to
 * mention. Returns null when nothing is safely denied.
 */
const deniedPart = (asked: string, answer: Unit): string | null => {
  const items = splitItems(asked);
  if (items.length < 2) return asked;
  const said = answer.segment.text.slice(answer.start, answer.end).toLowerCase();
  const laterInTurn = answer.segment.text.slice(answer.end).toLowerCase();
  const named = items.filter((item) => said.includes(stemOf(item)));
  const denied = (named.length > 0 ? named : items).filter((item) => !laterInTurn.includes(stemOf(item)));
  if (denied.length === 0) return null;
  if (denied.length === items.length) return asked;
  return denied.length === 1 ? (denied[0] ?? null) : `${denied.slice(0, -1).join(', ')} or ${denied.at(-1) ?? ''}`;
};

export const questionAnswers = (routed: readonly Routed[], p: Pronouns): QaStatement[] => {
  const out: QaStatement[] = [];
  for (let i = 0; i < routed.length; i += 1) {
    const r = routed[i];
    if (r?.role !== 'question' || r.phase === 'plan') continue;
    const answer = answerFor(routed, i);
    if (!answer) continue;
    const raw = answer.segment.text.slice(answer.start, answer.end);
    const polarity = polarityOf(raw);
    if (polarity === null) continue;
    const q = r.unit.clean;
    const family = FAMILY.test(q);
    // "no further flare ups?" "no." confirms the negative; a "yes" to it is ambiguous.
    const negativeQ = /^no (?!problem|worries)(.{3,})$/i.exec(q);
    const symptom = SYMPTOM_Q.exec(q) ?? (negativeQ && polarity === 'no' ? negativeQ : null);
    if (symptom) {
      const asked = secondToThird((symptom[1] ?? '').replace(TAIL, ''), p, 'narrative').trim();
      if (asked.split(' ').length > 12 || asked.length < 3 || !NAMES_SOMETHING.test(asked)) continue;
      const phrase = polarity === 'no' ? deniedPart(asked, answer) : asked;
      if (phrase === null) continue;
      const text = family
        ? polarity === 'yes'
          ? `family history of ${phrase}`
          : `${p.subject} denies a family history of ${phrase}`
        : `${p.subject} ${polarity === 'yes' ? 'reports' : 'denies'} ${phrase}`;
      out.push({ text, question: r.unit, answer, polarity, items: splitItems(phrase), family });
      continue;
    }
    if (family) continue;
    const text = restate(r.unit, polarity, p);
    if (text !== null) out.push({ text, question: r.unit, answer, polarity, items: [], family });
  }
  return out;
};
