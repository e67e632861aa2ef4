/**
 * Sentence units: every segment split into sentences with offsets into the segment's own text (the
 * evidence), each cleaned once. Unpunctuated speech-recognition turns ("okay alright and have you had
 * any fever") are cut at discourse markers so one turn does not become one 200-word "sentence".
 */
import { splitSentences } from '../../language/text/sentences';
import type { Span } from '../../language/text/sentences';
import type { Evidence } from '../../../common/findings';
import type { ComposerSegment } from '../note-types';
import { cleanSentence, wordCount } from './text/normalize';
import { normalizeNumbers } from './text/numbers';

export type Unit = {
  /** Position in the transcript's unit list. */
  index: number;
  segmentIndex: number;
  segment: ComposerSegment;
  start: number;
  end: number;
  clean: string;
  question: boolean;
  words: number;
};

const LONG_SPAN_WORDS = 25;
const MIN_PIECE_WORDS = 5;
/**
 * Where a new clause probably starts in unpunctuated speech: discourse markers, or a subject and its
 * verb ("it's feeling", "i have", "my headache started") not introduced by "when", "if", "that" ...
 */
const BREAK = new RegExp(
  String.raw`(?<!\b(?:when|if|because|that|since|what|how|where|which|who|than|as|whether|until|while|before|after|think|know|feel|said|like) )` +
    String.raw`\b(?:(?:and |but |so )?(?:i|it|they|we|he|she|there|that|my|your)(?:'\w+)? (?:am|is|are|was|were|have|has|had|do|does|did|get|got|feel|felt|think|take|took|just|also|really|still|never|can|could|will|would|should|started|noticed|been|want|need|see|know)|(?:and |so )?(?:are|do|did|have|can|could|would|will|were) you|how about|what about|okay|alright|all right|so|now|and then|but|anyway|yeah|mm-hmm|on (?:your |the )?\w+ exam|your \w+ (?:is|are|looks?|sounds?|shows?))\b`,
  'gi',
);

/** Cuts a long unpunctuated span before discourse markers, keeping pieces of a readable size. */
const cutLongSpan = (text: string, span: Span): Span[] => {
  if (wordCount(span.text) <= LONG_SPAN_WORDS) return [span];
  const pieces: Span[] = [];
  let pieceStart = span.start;
  for (const m of span.text.matchAll(BREAK)) {
    const at = span.start + m.index;
    if (wordCount(text.slice(pieceStart, at)) < MIN_PIECE_WORDS) continue;
    pieces.push({ start: pieceStart, end: at, text: text.slice(pieceStart, at) });
    pieceStart = at;
  }
  pieces.push({ start: pieceStart, end: span.end, text: text.slice(pieceStart, span.end) });
  return pieces.map((p) => {
    const lead = p.text.length - p.text.trimStart().length;
    const trimmed = p.text.trim();
    return { start: p.start + lead, end: p.start + lead + trimmed.length, text: trimmed };
  });
};

const ASKS =
  /^(?:(?:and|so|okay|now|but|alright) )*(?:are|do|did|have|has|is|was|were|can|could|would|will|how|what|when|where|why|which|who|any)\b/i;

export const toUnits = (segments: readonly ComposerSegment[]): Unit[] => {
  const units: Unit[] = [];
  segments.forEach((segment, segmentIndex) => {
    for (const sentence of splitSentences(segment.text)) {
      for (const span of cutLongSpan(segment.text, sentence)) {
        if (span.end <= span.start) continue;
        const cleaned = cleanSentence(span.text);
        const text = normalizeNumbers(cleaned.text);
        // Unpunctuated speech: a span that opens like a question is one.
        // Unpunctuated speech: a span that opens like a question is one.
        const question = cleaned.question || (!/[.!?]\s*$/.test(span.text) && ASKS.test(text));
        units.push({
          index: units.length,
          segmentIndex,
          segment,
          start: span.start,
          end: span.end,
          clean: text,
          question,
          words: wordCount(text),
        });
      }
    }
  });
  return units;
};

export const evidenceOf = (unit: Unit): Evidence => ({ segmentId: unit.segment.id, start: unit.start, end: unit.end });

/** Evidence for several units, deduplicated, in transcript order. */
export const evidenceOfUnits = (units: readonly Unit[]): Evidence[] => {
  const seen = new Set<number>();
  return [...units]
    .sort((a, b) => a.index - b.index)
    .filter((u) => (seen.has(u.index) ? false : (seen.add(u.index), true)))
    .map(evidenceOf);
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drops a leading form of address ("martha, it has been a year" → "it has been a year"). */
export const withoutVocative = (units: readonly Unit[], names: readonly string[]): Unit[] => {
  const alternatives = [...names.map(escape), 'sir', "ma'am", 'dear', 'buddy'];
  // After a comma, or (unpunctuated speech) before a question or greeting word.
  const vocative = new RegExp(
    `^(?:${alternatives.join('|')})(?:,\\s+|\\s+(?=(?:how|what|can|could|are|do|did|have|it|so|i|we|you|nice|good|hi|hello)\\b))(?=\\S)`,
    'i',
  );
  return units.map((u) => {
    const clean = u.clean.replace(vocative, '');
    return clean === u.clean ? u : { ...u, clean, words: wordCount(clean) };
  });
};
