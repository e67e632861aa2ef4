import type { Assertion, Evidence } from '../../../common/findings';
import { assertionFor } from '../assertions/context';
import type { PhraseHit, PhraseIndex } from '../assertions/phrase-index';
import { tokenize } from '../assertions/tokens';
import { defaultTriggers, type AnswerCue, type TriggerSet } from '../assertions/triggers';
import type { Span } from '../text/sentences';
import { answerCue, answers, isRestrictive, questionKind, utterances } from './dialogue';
import type { SegmentInput } from './segment-input';

/**
 * Every mention of a lexicon concept in a transcript with its assertion and evidence. Statements get their
 * assertion from ConText; a yes/no question gets it from the reply ("Any chest pain?" / "No." → negated,
 * evidence on both); a question nobody answered is reported as source 'question' so a checklist can still
 * see that the topic was raised.
 */
export type MentionSource = 'statement' | 'answer' | 'question' | 'presupposed';
export type Mention<V> = {
  value: V;
  key: string;
  assertion: Assertion;
  evidence: Evidence[];
  source: MentionSource;
  order: number;
};

type Sentence = Span & { segment: SegmentInput; segmentIndex: number };
type Found<V> = { value: V; hit: PhraseHit<V> };

const PRONOUN_START = /^(?:and\s+|but\s+|so\s+)?(?:he|she|they|his|her|their|he's|she's|they're)\b/i;
const FIRST_PERSON_START = /^(?:and\s+|but\s+|so\s+)?(?:i|i'm|i've|my|me)\b/i;

const evidenceOf = (s: Sentence, start: number, end: number): Evidence => ({
  segmentId: s.segment.id,
  start: s.start + start,
  end: s.start + end,
});

const concepts = <V>(index: PhraseIndex<V>, text: string): Found<V>[] =>
  index.find(text).flatMap((hit) => hit.values.map((value) => ({ value, hit })));

const hasExperiencerCue = (text: string, ts: TriggerSet): Assertion['experiencer'] | null => {
  for (const hit of ts.index.find(text)) {
    for (const r of hit.values)
      if (r.kind === 'trigger' && (r.category === 'family' || r.category === 'other')) return r.category;
  }
  return null;
};

export const findMentions = <V>(
  segments: readonly SegmentInput[],
  index: PhraseIndex<V>,
  keyOf: (value: V) => string,
  ts: TriggerSet = defaultTriggers(),
): Mention<V>[] => {
  const out: Mention<V>[] = [];
  let order = 0;
  const push = (m: Omit<Mention<V>, 'order'>): void => {
    out.push({ ...m, order: order++ });
  };
  const replies = new Map<number, ReplyInfo | null>();
  const replyTo = (segmentIndex: number): ReplyInfo | null => {
    if (!replies.has(segmentIndex)) replies.set(segmentIndex, readReply(segments, segmentIndex, index, keyOf, ts));
    return replies.get(segmentIndex) ?? null;
  };
  segments.forEach((segment, segmentIndex) => {
    const sentences: Sentence[] = utterances(segment.text).map((s) => ({ ...s, segment, segmentIndex }));
    const kinds = sentences.map((s) => questionKind(s.text, segment.speaker));
    const lastStatement = kinds.lastIndexOf(null);
    // A patient talking about someone else: "My dad had a heart attack. He also has diabetes."
    let carried: Assertion['experiencer'] | null = null;
    sentences.forEach((s, k) => {
      const kind = kinds[k] ?? null;
      const found = concepts(index, s.text);
      if (segment.speaker === 'patient' && (FIRST_PERSON_START.test(s.text) || !PRONOUN_START.test(s.text)))
        carried = null;
      const ownCue = segment.speaker === 'patient' && kind === null ? hasExperiencerCue(s.text, ts) : null;
      const asked = new Set(found.map((f) => keyOf(f.value)));
      // Only the questions that end the turn are answered by the next speaker.
      const reply = kind === 'yes-no' && k > lastStatement ? replyTo(segmentIndex) : null;
      for (const { value, hit } of found) {
        const assertion = assertionFor(s.text, hit.start, hit.end, ts);
        if (kind === null && carried !== null && assertion.experiencer === 'patient') assertion.experiencer = carried;
        const evidence = [evidenceOf(s, hit.start, hit.end)];
        const key = keyOf(value);
        if (kind === null) {
          push({ value, key, assertion, evidence, source: 'statement' });
        } else if (kind === 'presupposing') {
          push({ value, key, assertion, evidence, source: assertion.hypothetical ? 'question' : 'presupposed' });
        } else {
          const answered = reply === null ? null : answerFor(reply, asked, key, assertion);
          if (reply === null || answered === null) push({ value, key, assertion, evidence, source: 'question' });
          else push({ value, key, assertion: answered, evidence: [...evidence, reply.evidence], source: 'answer' });
        }
      }
      if (segment.speaker === 'patient' && kind === null) carried = ownCue ?? carried;
    });
  });
  return out;
};

/** What the next speaker's first sentence says, read once per question turn. */
type ReplyInfo = { evidence: Evidence; named: ReadonlySet<string>; cue: AnswerCue | null; restrictive: boolean };

const readReply = <V>(
  segments: readonly SegmentInput[],
  segmentIndex: number,
  index: PhraseIndex<V>,
  keyOf: (value: V) => string,
  ts: TriggerSet,
): ReplyInfo | null => {
  const question = segments[segmentIndex];
  const reply = segments[segmentIndex + 1];
  if (question === undefined || !answers(question, reply)) return null;
  const first = utterances(reply.text)[0];
  if (first === undefined || tokenize(first.text).length === 0) return null;
  return {
    evidence: { segmentId: reply.id, start: first.start, end: first.end },
    named: new Set(concepts(index, first.text).map((f) => keyOf(f.value))),
    cue: answerCue(first.text, ts),
    restrictive: isRestrictive(first.text),
  };
};

/** The assertion a reply gives one concept of a yes/no question, or null when the reply does not settle it. */
const answerFor = (reply: ReplyInfo, asked: ReadonlySet<string>, key: string, own: Assertion): Assertion | null => {
  // The reply speaks about this concept itself ("No chest pain, but..."): its own statement decides.
  if (own.hypothetical || reply.named.has(key)) return null;
  const { cue } = reply;
  if ([...asked].some((k) => reply.named.has(k))) {
    // "Any fever, chills or night sweats?" / "Just the chills." → the rest are absent.
    return cue === 'no' || reply.restrictive ? { ...own, negated: true, possible: false } : null;
  }
  switch (cue) {
    case 'no':
      return { ...own, negated: true, possible: false };
    case 'yes':
      // A plain "yes" to a negative question ("No chest pain?") or to a list only says something is there.
      return { ...own, negated: false, possible: own.negated || asked.size > 1 };
    case 'unsure':
      return { ...own, negated: false, possible: true };
    case null:
      return null;
  }
};
