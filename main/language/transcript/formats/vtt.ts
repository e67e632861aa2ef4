import { createSegmentCollector } from '../collector';
import { pushCueText } from '../cue-text';
import { parseTimingLine } from '../timestamps';
import type { FormatParse, TranscriptFormatHandler } from '../types';

/**
 * WebVTT: a `WEBVTT` header, then blank-line separated blocks. NOTE, STYLE and REGION blocks are
 * skipped; a cue is an optional identifier line, a timing line (`00:01.000 --> 00:04.000 settings`)
 * and its text. A cue whose timing cannot be read keeps its text with null times and a warning.
 */
const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const TIMESTAMPISH = /\d{1,2}:\d{2}/;

const detect = (text: string): boolean => HEADER.test(text.trimStart().split('\n', 1)[0] ?? '');

type Block = { lines: string[]; firstLine: number };

const blocks = (text: string): Block[] => {
  const result: Block[] = [];
  let current: Block | null = null;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], firstLine: index + 1 };
      result.push(current);
    }
    current.lines.push(line);
  });
  return result;
};

const parse = (text: string): FormatParse => {
  const out = createSegmentCollector();
  const all = blocks(text);
  const [head] = all;
  const headerLine = head?.lines[0]?.trim() ?? '';
  if (HEADER.test(headerLine)) all.shift();
  else out.warn('MISSING_HEADER', 'The file has no WEBVTT header; it was read as WebVTT anyway.', 1);

  for (const block of all) {
    const [first = ''] = block.lines;
    if (SKIPPED_BLOCK.test(first)) continue;
    let timingIndex = block.lines.findIndex((line) => line.includes('-->'));
    if (timingIndex === -1) {
      // No arrow: a mangled timing line if the first (or identifier + second) line looks like time.
      timingIndex = block.lines.findIndex((line, i) => i < 2 && TIMESTAMPISH.test(line) && !/[a-z]{3}/i.test(line));
    }
    const line = block.firstLine + Math.max(timingIndex, 0);
    if (timingIndex === -1) {
      out.warn(
        'CUE_WITHOUT_TIMING',
        `The cue on line ${block.firstLine} has no timing line; its times are unknown.`,
        block.firstLine,
      );
      pushCueText(out, block.lines.join('\n'), { startMs: null, endMs: null, line, decodeEntities: true });
      continue;
    }
    const timing = parseTimingLine(block.lines[timingIndex] ?? '');
    if (!timing)
      out.warn('BROKEN_TIMESTAMP', `The cue timing on line ${line} cannot be read; its times are unknown.`, line);
    const payload = block.lines.slice(timingIndex + 1).join('\n');
    pushCueText(out, payload, {
      startMs: timing?.startMs ?? null,
      endMs: timing?.endMs ?? null,
      line,
      decodeEntities: true,
    });
  }
  return out.result();
};

export const vttFormat: TranscriptFormatHandler = { format: 'vtt', detect, parse };
