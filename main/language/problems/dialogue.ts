import { tokenize } from '../assertions/tokens';
import type { AnswerCue, TriggerSet } from '../assertions/triggers';
import { splitSentences, type Span } from '../text/sentences';
import type { SegmentInput } from './segment-input';

/**
 * Dialogue structure the assertion engine cannot see inside one sentence: which sentences are questions,
 * whether a question presupposes the symptom ("How long have you had the cough?") or asks about it
 * ("Any cough?"), and how the reply opens ("No.", "Yeah, a little", "Not sure").
 */
export type QuestionKind = 'yes-no' | 'presupposing';

const YES_NO_START =
  /^(?:(?:and|so|okay|ok|alright|now|also|um|uh|well)[,\s]+)*(?:do|does|did|have|has|had|are|is|was|were|any|anything|can|could|would|will|ever)\b/i;
const WH_START = /^(?:(?:and|so|okay|ok|alright|now|also|um|uh|well)[,\s]+)*(?:how|when|where|what|which|why|who)\b/i;
/** "What about chest pain?" asks whether, it does not presuppose. */
const WH_ASKING_WHETHER =
  /^(?:(?:and|so|okay|ok|alright|now|also|um|uh|well)[,\s]+)*(?:what about|how about|what else|what other)\b/i;

/** A tag at the end makes a statement, not a question: "..., but we'll look at your results, okay?" */
const TAG_QUESTION = /,\s*(?:okay|ok|all right|alright|right|yeah|sound good|sounds good|you know|got it)\s*\?+\s*$/i;

/**
 * Sentences of a turn. Transcribed speech marks hesitation with "..." ("chest pain ... uh, body aches,
 * anything like that?"); that is not the end of a sentence, so such pieces are joined again.
 */
export const utterances = (text: string): Span[] => {
  const out: Span[] = [];
  for (const span of splitSentences(text)) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /(?:\.\.\.|…)$/.test(prev.text)) {
      out[out.length - 1] = { start: prev.start, end: span.end, text: text.slice(prev.start, span.end) };
    } else {
      out.push(span);
    }
  }
  return out;
};

/** The kind of question a sentence is, or null for a statement. Unpunctuated ASR text counts when it opens like a question. */
export const questionKind = (sentence: string, speaker: SegmentInput['speaker']): QuestionKind | null => {
  const text = sentence.trim();
  if (TAG_QUESTION.test(text)) return null;
  const asked = text.endsWith('?') || (speaker !== 'patient' && !/[.!]$/.test(text) && YES_NO_START.test(text));
  if (!asked) return null;
  if (WH_START.test(text) && !WH_ASKING_WHETHER.test(text)) return 'presupposing';
  return 'yes-no';
};

/** How an answer opens, after fillers ("um, yeah"); null when it opens with neither yes, no nor doubt. */
export const answerCue = (answer: string, ts: TriggerSet): AnswerCue | null => {
  const toks = tokenize(answer);
  let i = 0;
  while (i < toks.length && ts.answerFillers.has(toks[i]?.norm ?? '')) i += 1;
  const rest = toks.slice(i);
  const first = ts.answers.scan(answer, rest)[0];
  return first?.first === 0 ? (first.values[0] ?? null) : null;
};

/** "just the chills", "only the cough": the answer names what is present and so excludes the rest of the list. */
export const isRestrictive = (answer: string): boolean => /\b(?:just|only)\b/i.test(answer);

/** Whether a reply segment may answer a question segment: a different speaker, or both unlabelled. */
export const answers = (question: SegmentInput, reply: SegmentInput | undefined): reply is SegmentInput =>
  reply !== undefined &&
  (reply.speaker !== question.speaker || (reply.speaker === 'unknown' && question.speaker === 'unknown'));
