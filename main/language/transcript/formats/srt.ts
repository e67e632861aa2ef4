import { createSegmentCollector } from '../collector';
import { pushCueText } from '../cue-text';
import { parseTimingLine } from '../timestamps';
import type { FormatParse, TranscriptFormatHandler } from '../types';

/**
 * SRT (SubRip): numbered cues, `00:00:01,000 --> 00:00:04,000`, text, blank line. Read line by line
 * keyed on the `-->` arrow rather than on blank lines, because real files have blank lines inside
 * cue text and missing separators. A cue whose timing cannot be read keeps its text with null times.
 */
const ARROW_TIMING = /^\s*\S*\d\S*\s*-->/;
const INDEX = /^\s*\d+\s*$/;

const detect = (text: string): boolean => {
  const lines = text.split('\n');
  return lines.some((line) => line.includes('-->') && ARROW_TIMING.test(line) && /\d{1,2}:\d{2}/.test(line));
};

type Cue = { timingLine: string; line: number; text: string[] };

const parse = (text: string): FormatParse => {
  const out = createSegmentCollector();
  const cues: Cue[] = [];
  const before: string[] = [];
  let current: Cue | null = null;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.includes('-->')) {
      // The cue number sits on the line above the timing; it is not text of the previous cue.
      const target = current ? current.text : before;
      while (target.length > 0 && (target[target.length - 1] ?? '').trim() === '') target.pop();
      if (target.length > 0 && INDEX.test(target[target.length - 1] ?? '')) target.pop();
      current = { timingLine: line, line: index + 1, text: [] };
      cues.push(current);
      return;
    }
    (current ? current.text : before).push(line);
  });

  if (before.some((line) => line.trim() !== '')) {
    out.warn('CUE_WITHOUT_TIMING', 'Text before the first cue has no timing; its times are unknown.', 1);
    pushCueText(out, before.join('\n'), { startMs: null, endMs: null, line: 1, decodeEntities: false });
  }
  for (const cue of cues) {
    const timing = parseTimingLine(cue.timingLine);
    if (!timing) {
      out.warn(
        'BROKEN_TIMESTAMP',
        `The cue timing on line ${cue.line} cannot be read; its times are unknown.`,
        cue.line,
      );
    }
    pushCueText(out, cue.text.join('\n'), {
      startMs: timing?.startMs ?? null,
      endMs: timing?.endMs ?? null,
      line: cue.line,
      decodeEntities: false,
    });
  }
  return out.result();
};

export const srtFormat: TranscriptFormatHandler = { format: 'srt', detect, parse };
