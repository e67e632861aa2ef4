import { isLabelledDialogue, labelStats, parseLabelledLines } from '../labelled-lines';
import type { TranscriptFormatHandler } from '../types';

/**
 * MTS-Dialog style: `Doctor: ...`, `Patient: ...`, `Guest_family: ...`, `Guest_clinician: ...`, one
 * turn per line; lines without a label belong to the previous turn. Detected when every speaker label
 * is one the table knows; names ("Maria:") make it labelled plain text, which is parsed the same way.
 */
const detect = (text: string): boolean => {
  const stats = labelStats(text);
  return isLabelledDialogue(stats) && stats.knownLines === stats.labelledLines;
};

export const mtsFormat: TranscriptFormatHandler = {
  format: 'mts',
  detect,
  parse: (text) => parseLabelledLines(text),
};
