import { createSegmentCollector } from '../collector';
import { isLabelledDialogue, labelStats, parseLabelledLines } from '../labelled-lines';
import type { FormatParse, TranscriptFormatHandler } from '../types';

/**
 * Plain text, the fallback. With consistent `Name: text` labels it is read as a labelled dialogue.
 * Otherwise each paragraph (blank-line separated) is a segment; text without blank lines gives one
 * segment per line. Roles are unknown: nothing in the text says who spoke.
 */
const parse = (text: string): FormatParse => {
  const stats = labelStats(text);
  if (isLabelledDialogue(stats)) return parseLabelledLines(text, stats);
  const out = createSegmentCollector();
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const last = lines.findLastIndex((line) => line.trim() !== '');
  const hasParagraphs = lines.some((line, index) => line.trim() === '' && index > first && index < last);
  let block: string[] = [];
  let blockLine = 1;
  const flush = (): void => {
    out.push({ label: null, text: block.join(' '), line: blockLine });
    block = [];
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    if (block.length === 0) blockLine = index + 1;
    block.push(line);
    if (!hasParagraphs) flush();
  });
  flush();
  return out.result();
};

export const plainFormat: TranscriptFormatHandler = { format: 'plain', detect: () => true, parse };
