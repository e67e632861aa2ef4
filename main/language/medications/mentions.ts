import type { Evidence } from '../../../common/findings';
import { findNumbers } from '../vitals/spoken-numbers';
import { medicationLexicon, type MedicationLexicon, type MedicationStatus } from './lexicon';
import type { PhraseMatch } from './phrase-matcher';
import type { SegmentInput } from '../segment';
import { sentenceAt, sentenceSpans } from './sentence-spans';
import { doseBefore, parseSig } from './sig';

/** One medication said once, before mentions of the same drug are merged. */
export type MedicationMention = {
  generic: string;
  surface: string;
  dose: number | null;
  unit: string | null;
  route: string | null;
  frequency: string | null;
  status: MedicationStatus;
  speaker: SegmentInput['speaker'];
  evidence: Evidence;
};

const MED_WORDS =
  /\b(?:supplements?|pills?|tablets?|capsules?|medications?|medicines?|meds|prescriptions?|vitamins?|shots?|injections?|dose|doses)\b/i;
const LAB_AFTER = /^[\s,]*(?:levels?|count|tests?|panel|results?|resistance|sensitivity|deficiency|deficient)\b/i;
const LAB_LIKE_AFTER = /^[\s,]*(?:was|were|is|came back|of \d)\b/i;
const ENDURING = /\b(?:anymore|any more|no longer|any longer)\b/i;

/** Status from the cue nearest the name within its sentence; a cue before the name wins over one after it. */
const statusFor = (
  lex: MedicationLexicon,
  sentence: string,
  nameStart: number,
  nameEnd: number,
): MedicationStatus | 'negated' => {
  const before = sentence.slice(0, nameStart);
  const after = sentence.slice(nameEnd);
  const negBefore = lex.negation.find(before).pop();
  const cueBefore = lex.status.find(before).pop();
  if (
    negBefore !== undefined &&
    (cueBefore === undefined || cueBefore.start <= negBefore.start || cueBefore.value === 'taking')
  ) {
    return ENDURING.test(sentence) ? 'stopped' : 'negated';
  }
  if (/\b(?:don't|do n't|do not|never)\s+(?:stop|quit)\b/i.test(before)) return 'taking';
  if (cueBefore !== undefined) return cueBefore.value;
  const cueAfter = lex.status.find(after)[0];
  if (cueAfter !== undefined && cueAfter.start < 40 && cueAfter.value !== 'taking') return cueAfter.value;
  if (cueAfter !== undefined && cueAfter.start < 25) return cueAfter.value;
  return 'mentioned';
};

export const findMedicationMentions = (
  segment: SegmentInput,
  lex: MedicationLexicon = medicationLexicon(),
): MedicationMention[] => {
  const { text } = segment;
  const spans = sentenceSpans(text);
  const numbers = findNumbers(text);
  const names = lex.names.find(text);
  const out: MedicationMention[] = [];
  names.forEach(
    (m: PhraseMatch<{ generic: string; dose: number | null; unit: string | null; contextRequired: boolean }>, i) => {
      const sentence = sentenceAt(spans, m.start) ?? { start: 0, end: text.length, text };
      const local = (x: number): number => x - sentence.start;
      if (lex.allergyContext.find(sentence.text).length > 0) return;
      const following = text.slice(m.end, m.end + 20);
      if (LAB_AFTER.test(following) || (m.value.contextRequired && LAB_LIKE_AFTER.test(following))) return;
      const next = names[i + 1];
      const prev = names[i - 1];
      const to = Math.min(sentence.end, next !== undefined && next.start >= m.end ? next.start : Infinity);
      const floor = Math.max(sentence.start, prev?.end ?? 0);
      const status = statusFor(lex, sentence.text, local(m.start), local(m.end));
      if (status === 'negated') return;
      const before = doseBefore(lex, text, numbers, m.start, floor);
      const sig = parseSig(lex, text, numbers, m.end, to, status === 'changed', before);
      const dose = sig.dose ?? m.value.dose;
      const unit = sig.dose === null ? m.value.unit : sig.unit;
      if (m.value.contextRequired) {
        const window = text.slice(floor, to);
        const hasContext =
          sig.dose !== null || sig.frequency !== null || status !== 'mentioned' || MED_WORDS.test(window);
        if (!hasContext) return;
      }
      out.push({
        generic: m.value.generic,
        surface: text.slice(m.start, m.end),
        dose,
        unit,
        // "albuterol inhaler", "hydrocortisone cream": the name itself can say the route; so can "two puffs".
        route:
          sig.route ?? lex.routes.find(text.slice(m.start, m.end))[0]?.value ?? (unit === 'puffs' ? 'inhaled' : null),
        frequency: sig.frequency,
        status,
        speaker: segment.speaker,
        evidence: {
          segmentId: segment.id,
          start: Math.min(m.start, before?.start ?? m.start),
          end: Math.max(m.end, sig.end),
        },
      });
    },
  );
  return out;
};
