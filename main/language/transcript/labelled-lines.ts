import { createSegmentCollector } from './collector';
import { isKnownSpeakerLabel, normaliseSpeakerLabel } from './speaker-labels';
import type { FormatParse } from './types';

/**
 * `Label: text` dialogue, shared by MTS-Dialog style and labelled plain text. A label is accepted when
 * the speaker table knows it, or when it recurs at line starts (a consistent name like "Martha:" or
 * "Speaker 1:") and is not a note heading ("Plan:", "Assessment:"). Lines without an accepted label
 * continue the previous turn.
 */
const LINE_LABEL = /^\s*([A-Za-z][A-Za-z0-9_'.\- ]{0,39}?)\s*:(?:\s+|$)(.*)$/;

/** Words that head a line in notes and dictations but never name a speaker. */
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'plan',
  'assessment',
  'subjective',
  'objective',
  'history',
  'hpi',
  'cc',
  'ros',
  'exam',
  'impression',
  'diagnosis',
  'diagnoses',
  'medications',
  'medication',
  'allergies',
  'vitals',
  'date',
  'time',
  're',
  'subject',
  'summary',
  'reason',
  'chief_complaint',
  'title',
  'location',
  'duration',
  'transcript',
  'results',
  'labs',
  'imaging',
  'procedure',
  'findings',
  'recommendations',
  'follow_up',
  'disposition',
  'signed',
  'author',
  'file',
  'source',
  'encounter',
  'visit',
  'example',
  'q',
  'a',
]);

const MAX_LABEL_WORDS = 4;

export type LineLabel = { label: string; rest: string };

export const lineLabel = (line: string): LineLabel | null => {
  const match = LINE_LABEL.exec(line);
  if (!match) return null;
  const label = (match[1] ?? '').trim();
  if (label.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  return { label, rest: match[2] ?? '' };
};

export type LabelStats = {
  nonEmptyLines: number;
  /** Lines that start with an accepted label. */
  labelledLines: number;
  /** Of those, lines whose label the speaker table knows. */
  knownLines: number;
  accepted: ReadonlySet<string>;
};

export const labelStats = (text: string): LabelStats => {
  const counts = new Map<string, number>();
  let nonEmptyLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    nonEmptyLines += 1;
    const found = lineLabel(line);
    if (found) counts.set(found.label, (counts.get(found.label) ?? 0) + 1);
  }
  const accepted = new Set<string>();
  let labelledLines = 0;
  let knownLines = 0;
  for (const [label, count] of counts) {
    const known = isKnownSpeakerLabel(label);
    if (!known && (count < 2 || NOT_SPEAKERS.has(normaliseSpeakerLabel(label)))) continue;
    accepted.add(label);
    labelledLines += count;
    if (known) knownLines += count;
  }
  return { nonEmptyLines, labelledLines, knownLines, accepted };
};

/**
 * A labelled dialogue: labelled lines make up at least 30% of the text's lines, and there are two of
 * them or one with a known label (MTS-Dialog has single-turn dialogues: "Doctor: Take ibuprofen.").
 */
export const isLabelledDialogue = (stats: LabelStats): boolean =>
  (stats.labelledLines >= 2 || stats.knownLines >= 1) && stats.labelledLines * 10 >= stats.nonEmptyLines * 3;

/**
 * Turns glued onto one line ("... migraine headache. Doctor: This sounds ...") are split, but only at
 * a capitalised known label after sentence-final punctuation, so "I told the doctor: ..." stays one turn.
 */
const INLINE_LABEL = /(?<=[.?!]["')\]]?)\s+([A-Z][A-Za-z]*(?:[_ ][A-Za-z]+)?(?:_?\d+)?)\s*:(?:\s+|$)/g;

const inlineTurns = (chunk: string): { label: string; index: number; end: number }[] =>
  [...chunk.matchAll(INLINE_LABEL)]
    .filter((match) => isKnownSpeakerLabel(match[1] ?? ''))
    .map((match) => ({ label: match[1] ?? '', index: match.index, end: match.index + match[0].length }));

export const parseLabelledLines = (text: string, stats: LabelStats = labelStats(text)): FormatParse => {
  const out = createSegmentCollector();
  let turn: { label: string | null; parts: string[]; line: number } | null = null;
  const flush = (): void => {
    if (turn) out.push({ label: turn.label, text: turn.parts.join(' '), line: turn.line });
  };

  const startTurn = (label: string | null, firstText: string, line: number): void => {
    flush();
    turn = { label, parts: [], line };
    addText(firstText, line);
  };

  const addText = (chunk: string, line: number): void => {
    if (!turn) return;
    let from = 0;
    for (const inline of inlineTurns(chunk)) {
      turn.parts.push(chunk.slice(from, inline.index));
      flush();
      turn = { label: inline.label, parts: [], line };
      from = inline.end;
    }
    turn.parts.push(chunk.slice(from));
  };

  text.split('\n').forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    const found = lineLabel(line);
    if (found && stats.accepted.has(found.label)) {
      startTurn(found.label, found.rest, lineNo);
      return;
    }
    if (!turn) {
      out.warn('TEXT_BEFORE_FIRST_SPEAKER', 'Text before the first speaker label has no speaker.', lineNo);
      startTurn(null, line, lineNo);
      return;
    }
    addText(line, lineNo);
  });
  flush();
  return out.result();
};
