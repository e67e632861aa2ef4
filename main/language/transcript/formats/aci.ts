import { createSegmentCollector } from '../collector';
import { isKnownSpeakerLabel } from '../speaker-labels';
import type { FormatParse, TranscriptFormatHandler } from '../types';

/**
 * ACI-Bench style: `[doctor] text` / `[patient] text` / `[patient_guest] text`, normally one turn per
 * line. Some CSV exports put many turns on one line, so a tag with a known speaker label starts a new
 * turn wherever it appears; an unknown tag starts one only at the start of a line (mid-line it is
 * text, e.g. "[inaudible]"). Lines without a tag continue the previous turn.
 */
const TAG = /\[([A-Za-z][A-Za-z0-9_ \-]{0,30})\]/g;
const LINE_TAG = /^\s*\[([A-Za-z][A-Za-z0-9_ \-]{0,30})\]/;

const nonEmptyLines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

const detect = (text: string): boolean => {
  const lines = nonEmptyLines(text);
  let tagged = 0;
  let known = 0;
  for (const line of lines) {
    const label = LINE_TAG.exec(line)?.[1];
    if (label === undefined) continue;
    tagged += 1;
    if (isKnownSpeakerLabel(label)) known += 1;
  }
  return known > 0 && tagged * 2 >= lines.length;
};

type Turn = { label: string | null; textStart: number; tagStart: number; line: number };

const parse = (text: string): FormatParse => {
  const out = createSegmentCollector();
  // Character offset → line number, for warnings.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const turns: Turn[] = [];
  let current: Turn = { label: null, textStart: 0, tagStart: 0, line: 1 };
  for (const match of text.matchAll(TAG)) {
    const label = match[1] ?? '';
    const at = match.index;
    const atLineStart = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trim() === '';
    if (!atLineStart && !isKnownSpeakerLabel(label)) continue;
    turns.push(current);
    current = { label, textStart: at + match[0].length, tagStart: at, line: lineOf(at) };
  }
  turns.push(current);

  turns.forEach((turn, index) => {
    const end = turns[index + 1]?.tagStart ?? text.length;
    const body = text.slice(turn.textStart, end);
    if (turn.label === null && body.trim() !== '') {
      out.warn('TEXT_BEFORE_FIRST_SPEAKER', 'Text before the first speaker tag has no speaker.', turn.line);
    }
    out.push({ label: turn.label, text: body, line: turn.line });
  });
  return out.result();
};

export const aciFormat: TranscriptFormatHandler = { format: 'aci', detect, parse };
